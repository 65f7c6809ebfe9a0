"""The cohort dashboard: per member, progress, domain scores and verdict, certificate,
attendance and what waits for a trainer. A fixed number of queries however many members,
sessions or assessments."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy

from assessments.models import Verdict, VerdictStatus
from certificates.models import Certificate, CertificateStatus
from cohorts.models import Attendance, Cohort, CohortSession
from modules.models import Enrollment, LessonCompletion, LessonPage, ModulePage

from .actions import Action, pending_actions


@dataclass
class MemberRow:
    user: object
    enrolled: bool
    lessons_done: int
    lessons_total: int
    verdict: Verdict | None
    certificate: Certificate | None
    present: int
    excused: int
    held: int
    actions: list[Action] = field(default_factory=list)

    @property
    def progress_percent(self) -> int:
        return round(100 * self.lessons_done / self.lessons_total) if self.lessons_total else 0

    @property
    def knowledge(self) -> Decimal | None:
        return self.verdict.knowledge if self.verdict else None

    @property
    def skills(self) -> Decimal | None:
        return self.verdict.skills if self.verdict else None

    @property
    def attitude(self) -> Decimal | None:
        return self.verdict.attitude if self.verdict else None

    @property
    def kompeten(self) -> bool:
        return bool(self.verdict and self.verdict.is_kompeten)

    @property
    def certificate_status(self) -> str:
        return self.certificate.status if self.certificate else ""


VERDICT_RANK = {VerdictStatus.KOMPETEN: 2, VerdictStatus.BELUM_KOMPETEN: 1}
CERTIFICATE_RANK = {
    CertificateStatus.VALID: 4,
    CertificateStatus.EXPIRED: 3,
    CertificateStatus.SUPERSEDED: 2,
    CertificateStatus.REVOKED: 1,
}

# Column → sort key; None sorts last in both directions.
SORTS = {
    "name": lambda r: r.user.get_full_name().casefold(),
    "progress": lambda r: (r.lessons_done, r.lessons_total),
    "knowledge": lambda r: r.knowledge,
    "skills": lambda r: r.skills,
    "attitude": lambda r: r.attitude,
    "verdict": lambda r: VERDICT_RANK.get(r.verdict.status) if r.verdict else None,
    "certificate": lambda r: CERTIFICATE_RANK.get(r.certificate_status),
    "attendance": lambda r: (r.present, r.excused),
    "actions": lambda r: len(r.actions),
}


COLUMNS = [
    ("name", gettext_lazy("Name")),
    ("progress", gettext_lazy("Lessons done")),
    ("knowledge", gettext_lazy("Knowledge")),
    ("skills", gettext_lazy("Skills")),
    ("attitude", gettext_lazy("Attitude")),
    ("verdict", gettext_lazy("Verdict")),
    ("certificate", gettext_lazy("Certificate")),
    ("attendance", gettext_lazy("Attendance")),
    ("actions", gettext_lazy("Needs your action")),
]


def sort_headers(*, column: str, descending: bool) -> list[dict]:
    """Column headers with the `?sort=` value a click gives: ascending first, then flipped."""
    headers = []
    for key, label in COLUMNS:
        active = key == column
        headers.append(
            {
                "key": key,
                "label": label,
                "active": active,
                "next": f"-{key}" if active and not descending else key,
                "aria_sort": ("descending" if descending else "ascending") if active else "",
            }
        )
    return headers


def parse_sort(raw: str | None) -> tuple[str, bool]:
    """`name`, `-progress`, …: the column and whether descending; unknown columns sort by name."""
    raw = (raw or "").strip()
    descending = raw.startswith("-")
    column = raw.removeprefix("-")
    if column not in SORTS:
        return "name", False
    return column, descending


def sort_rows(rows: list[MemberRow], *, column: str, descending: bool) -> list[MemberRow]:
    key = SORTS[column]
    by_name = sorted(rows, key=SORTS["name"])
    valued = [row for row in by_name if key(row) is not None]
    missing = [row for row in by_name if key(row) is None]
    return sorted(valued, key=key, reverse=descending) + missing


def _certificates(course_id: int, cohort: Cohort) -> dict[int, Certificate]:
    """Per member: the current certificate, else the latest one (revoked or superseded)."""
    chosen: dict[int, Certificate] = {}
    for certificate in Certificate.objects.filter(
        course_id=course_id, holder__cohorts=cohort
    ).order_by("issued_at", "pk"):
        held = chosen.get(certificate.holder_id)
        current = certificate.revoked_at is None and certificate.superseded_at is None
        if held is None or current or (held.revoked_at or held.superseded_at):
            chosen[certificate.holder_id] = certificate
    return chosen


def cohort_dashboard(*, cohort: Cohort, sort: str | None = None) -> dict:
    """One row per member: progress, domain scores and verdict, certificate, attendance and
    what waits for a trainer, with links to the pages that do it."""
    course = cohort.course
    members = list(
        get_user_model().objects.filter(cohorts=cohort).order_by("full_name", "username")
    )
    in_cohort = {"volunteer__cohorts": cohort}

    modules = list(ModulePage.objects.live().child_of(course).only("pk", "path"))
    module_ids = [m.pk for m in modules]
    module_paths = tuple(m.path for m in modules)
    lesson_ids = [
        pk
        for pk, path in LessonPage.objects.live().descendant_of(course).values_list("pk", "path")
        if path.startswith(module_paths)  # lessons under a draft module do not count
    ]
    done = Counter(
        dict(
            LessonCompletion.objects.filter(user__cohorts=cohort, lesson_id__in=lesson_ids)
            .values("user_id")
            .annotate(n=Count("pk"))
            .values_list("user_id", "n")
        )
    )
    enrolled = set(
        Enrollment.objects.filter(course=course, user__cohorts=cohort).values_list(
            "user_id", flat=True
        )
    )
    verdicts = {v.volunteer_id: v for v in Verdict.objects.filter(course=course, **in_cohort)}
    certificates = _certificates(course.pk, cohort)

    today = timezone.localdate()
    sessions = list(CohortSession.objects.filter(cohort=cohort).order_by("date", "sort_order"))
    held_ids = {s.pk for s in sessions if s.date <= today}
    marks = list(
        Attendance.objects.filter(session__cohort=cohort).values_list(
            "session_id", "user_id", "status"
        )
    )
    per_member: dict[int, Counter] = defaultdict(Counter)
    per_session: dict[int, Counter] = defaultdict(Counter)
    for session_id, user_id, status in marks:
        per_session[session_id][status] += 1
        if session_id in held_ids:
            per_member[user_id][status] += 1
    for session in sessions:
        session.held = session.pk in held_ids
        session.counts = per_session[session.pk]

    enrolled_members = [m for m in members if m.pk in enrolled]
    actions = pending_actions(
        module_course=dict.fromkeys(module_ids, course),
        enrolled={course.pk: enrolled_members},
        cohort=cohort,
    ).by_volunteer()

    rows = [
        MemberRow(
            user=member,
            enrolled=member.pk in enrolled,
            lessons_done=done[member.pk],
            lessons_total=len(lesson_ids),
            verdict=verdicts.get(member.pk),
            certificate=certificates.get(member.pk),
            present=per_member[member.pk][Attendance.Status.PRESENT],
            excused=per_member[member.pk][Attendance.Status.EXCUSED],
            held=len(held_ids),
            actions=actions.get(member.pk, []),
        )
        for member in members
    ]
    column, descending = parse_sort(sort)
    return {
        "cohort": cohort,
        "course": course,
        "rows": sort_rows(rows, column=column, descending=descending),
        "sessions": sessions,
        "sort": column,
        "descending": descending,
        "headers": sort_headers(column=column, descending=descending),
    }
