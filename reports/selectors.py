"""Reads for the district office's reports. Each function counts in SQL and runs a fixed number of
queries, however many volunteers there are; rows come back as plain dicts holding only the columns
a report shows (never birth date, phone, email or address)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Avg,
    Case,
    Count,
    DateField,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.models import DOMAIN_NAMES, Domain, Verdict, VerdictStatus
from certificates.models import Certificate
from cohorts.models import Cohort
from modules.models import CoursePage, Enrollment, LessonCompletion, LessonPage, ModulePage
from modules.selectors import STEPLEN
from people.models import District, VolunteerProfile

GROUP_COURSE = "course"
GROUP_DISTRICT = "district"
GROUP_COHORT = "cohort"
BASIS_ENROLLED = "enrolled"
BASIS_VERDICT = "verdict"


@dataclass(frozen=True, kw_only=True)
class Scope:
    """Which enrolments a results report covers. ``since``/``until`` bound the enrolment date, or
    the date the verdict was last computed when ``basis`` is ``"verdict"``."""

    since: datetime.datetime | None = None
    until: datetime.datetime | None = None
    basis: str = BASIS_ENROLLED
    course_id: int | None = None
    district_id: int | None = None
    cohort_id: int | None = None


def _percent(part: int, whole: int) -> Decimal | None:
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1")) if whole else None


def _round(value) -> Decimal | None:
    return Decimal(value).quantize(Decimal("0.01")) if value is not None else None


class _Count(Func):
    function = "COUNT"
    output_field = IntegerField()


def _count(queryset: QuerySet) -> Subquery:
    """COUNT(*) of a correlated subquery: one row without GROUP BY, 0 when nothing matches.
    (Unordered: PostgreSQL refuses an ORDER BY beside the aggregate, and pages order by path.)"""
    return Subquery(queryset.order_by().annotate(n=_Count("pk")).values("n"))


# --- Volunteers ---------------------------------------------------------------------------


def volunteers_per_area(*, district_id: int | None = None, by_village: bool = True) -> list[dict]:
    """Volunteers per district, and per village within it when ``by_village``."""
    profiles = VolunteerProfile.objects.all()
    if district_id:
        profiles = profiles.filter(district_id=district_id)
    fields = ["district__name", "village"] if by_village else ["district__name"]
    rows = profiles.values(*fields).annotate(volunteers=Count("pk")).order_by(*fields)
    return [
        {
            "district": row["district__name"],
            "village": row.get("village", ""),
            "volunteers": row["volunteers"],
        }
        for row in rows
    ]


# The only fields a volunteer list may carry: the office's whitelist (UU 27/2022).
VOLUNTEER_LIST_FIELDS = ("name", "district", "village", "year_appointed", "ipsm_number")


def volunteer_list(*, district_id: int | None = None) -> list[dict]:
    """Volunteers with their enrolments and Kompeten verdicts; only whitelisted fields."""
    profiles = VolunteerProfile.objects.all()
    if district_id:
        profiles = profiles.filter(district_id=district_id)
    enrolments = Enrollment.objects.filter(user_id=OuterRef("user_id"))
    kompeten = Verdict.objects.filter(
        volunteer_id=OuterRef("user_id"), status=VerdictStatus.KOMPETEN
    )
    rows = (
        profiles.annotate(enrolments=_count(enrolments), kompeten=_count(kompeten))
        .order_by("district__name", "village", "user__full_name", "pk")
        .values(
            "user__full_name",
            "user__username",
            "district__name",
            "village",
            "year_appointed",
            "ipsm_number",
            "enrolments",
            "kompeten",
        )
    )
    return [
        {
            "name": row["user__full_name"] or row["user__username"],
            "district": row["district__name"],
            "village": row["village"],
            "year_appointed": row["year_appointed"],
            "ipsm_number": row["ipsm_number"],
            "enrolments": row["enrolments"],
            "kompeten": row["kompeten"],
        }
        for row in rows
    ]


# --- Results per course -------------------------------------------------------------------


def enrolments_in_scope(*, scope: Scope) -> QuerySet[Enrollment]:
    enrolments = Enrollment.objects.all()
    if scope.course_id:
        enrolments = enrolments.filter(course_id=scope.course_id)
    if scope.district_id:
        enrolments = enrolments.filter(user__profile__district_id=scope.district_id)
    if scope.cohort_id:
        # The cohort's own course, and only its members.
        enrolments = enrolments.filter(
            course__cohorts__id=scope.cohort_id, user__cohorts__id=scope.cohort_id
        )
    if scope.since or scope.until:
        if scope.basis == BASIS_VERDICT:
            verdicts = Verdict.objects.filter(
                volunteer_id=OuterRef("user_id"), course_id=OuterRef("course_id")
            )
            if scope.since:
                verdicts = verdicts.filter(computed_at__gte=scope.since)
            if scope.until:
                verdicts = verdicts.filter(computed_at__lte=scope.until)
            enrolments = enrolments.filter(Exists(verdicts))
        else:
            if scope.since:
                enrolments = enrolments.filter(enrolled_at__gte=scope.since)
            if scope.until:
                enrolments = enrolments.filter(enrolled_at__lte=scope.until)
    return enrolments


def verdicts_in_scope(*, scope: Scope) -> QuerySet[Verdict]:
    enrolments = enrolments_in_scope(scope=scope).filter(
        user_id=OuterRef("volunteer_id"), course_id=OuterRef("course_id")
    )
    return Verdict.objects.filter(Exists(enrolments))


def _required_lessons_by_course() -> dict[int, list[int]]:
    """Published lessons of published required modules per course: what the course outline
    must see done (modules.selectors counts a required module complete when all its live lessons
    are). Two small queries over pages, whatever the number of volunteers."""
    modules = set(ModulePage.objects.live().filter(required=True).values_list("path", flat=True))
    courses = dict(CoursePage.objects.values_list("path", "pk"))
    by_course: dict[int, list[int]] = defaultdict(list)
    for pk, path in LessonPage.objects.live().values_list("pk", "path"):
        course = courses.get(path[: -2 * STEPLEN])
        if path[:-STEPLEN] in modules and course:
            by_course[course].append(pk)
    return by_course


def course_results(*, scope: Scope, group_by: str = GROUP_COURSE) -> list[dict]:
    """Per course (and district or cohort): enrolments, completions, Kompeten, Belum Kompeten and
    no verdict yet. Completed means every lesson of every required module done, as on the
    volunteer's own progress page, counted in SQL from lesson completions.

    The required lessons are read once and written into the query as literals (a CASE from
    lesson to course), so each enrolment's count is an index lookup on the volunteer's own
    completions instead of a join through the page tree."""
    required = _required_lessons_by_course()
    lesson_course = Case(
        *[When(lesson_id__in=ids, then=Value(course)) for course, ids in required.items()],
        default=Value(0),
        output_field=IntegerField(),
    )
    done = (
        LessonCompletion.objects.filter(user_id=OuterRef("user_id"))
        .annotate(course_of_lesson=lesson_course)
        .filter(course_of_lesson=OuterRef("course_id"))
    )
    required_count = Case(
        *[When(course_id=course, then=Value(len(ids))) for course, ids in required.items()],
        default=Value(0),
        output_field=IntegerField(),
    )
    status = Verdict.objects.filter(
        volunteer_id=OuterRef("user_id"), course_id=OuterRef("course_id")
    ).values("status")[:1]
    enrolments = enrolments_in_scope(scope=scope).annotate(
        done=_count(done),
        required=required_count,
        verdict=Subquery(status),
    )
    group = ["course_id", "course__title"]
    if group_by == GROUP_DISTRICT:
        group += ["user__profile__district__name"]
    elif group_by == GROUP_COHORT:
        # A volunteer in two cohorts of one course counts in the latest one.
        cohort = Cohort.objects.filter(course_id=OuterRef("course_id"), members=OuterRef("user_id"))
        enrolments = enrolments.annotate(
            cohort_id=Subquery(cohort.order_by("-start_date", "-pk").values("pk")[:1])
        )
        group += ["cohort_id"]
    rows = list(
        enrolments.values(*group)
        .annotate(
            enrolments=Count("pk"),
            completed=Count("pk", filter=Q(done__gte=F("required"))),
            kompeten=Count("pk", filter=Q(verdict=VerdictStatus.KOMPETEN)),
            belum_kompeten=Count("pk", filter=Q(verdict=VerdictStatus.BELUM_KOMPETEN)),
            no_verdict=Count("pk", filter=Q(verdict__isnull=True)),
        )
        .order_by(*group)
    )
    cohort_names = {}
    if group_by == GROUP_COHORT:
        ids = {row["cohort_id"] for row in rows if row["cohort_id"]}
        cohort_names = dict(Cohort.objects.filter(pk__in=ids).values_list("pk", "name"))
    result = []
    for row in rows:
        item = {
            "course": row["course__title"],
            "group": "",
            "enrolments": row["enrolments"],
            "completed": row["completed"],
            "kompeten": row["kompeten"],
            "belum_kompeten": row["belum_kompeten"],
            "no_verdict": row["no_verdict"],
            "kompeten_percent": _percent(row["kompeten"], row["enrolments"]),
        }
        if group_by == GROUP_DISTRICT:
            item["group"] = row["user__profile__district__name"] or _("No district")
        elif group_by == GROUP_COHORT:
            item["group"] = cohort_names.get(row["cohort_id"]) or _("No cohort")
        result.append(item)
    if group_by == GROUP_COHORT:
        result.sort(key=lambda item: (item["course"], item["group"]))
    return result


# --- Weakest domains and competency units -------------------------------------------------

DOMAIN_MINIMUM = {
    Domain.KNOWLEDGE: "course__min_knowledge",
    Domain.SKILLS: "course__min_skills",
    Domain.ATTITUDE: "course__min_attitude",
}


def weakest_areas(*, scope: Scope) -> list[dict]:
    """Average score and share Belum Kompeten per course domain and per competency unit, weakest
    first. A domain counts volunteers with a score in it; below the course's minimum is Belum
    Kompeten. A unit counts every verdict listing it (no evidence yet is Belum Kompeten, as the
    verdict says); its score is the mean of the unit's knowledge and skills parts.

    Domains are averaged in SQL. Unit results live only in each verdict's JSON list, and
    unnesting a JSON array is not portable between SQLite and PostgreSQL in the ORM, so one query
    reads those lists and Python averages them."""
    verdicts = verdicts_in_scope(scope=scope)
    aggregates = {}
    for domain, minimum in DOMAIN_MINIMUM.items():
        aggregates[f"{domain}_n"] = Count(domain)
        aggregates[f"{domain}_avg"] = Avg(domain)
        aggregates[f"{domain}_below"] = Count("pk", filter=Q(**{f"{domain}__lt": F(minimum)}))
    rows = []
    for row in verdicts.values("course_id", "course__title").annotate(**aggregates):
        for domain in DOMAIN_MINIMUM:
            assessed = row[f"{domain}_n"]
            if not assessed:
                continue
            rows.append(
                {
                    "course": row["course__title"],
                    "kind": _("Domain"),
                    "area": DOMAIN_NAMES[domain],
                    "assessed": assessed,
                    "average": _round(row[f"{domain}_avg"]),
                    "belum_kompeten": row[f"{domain}_below"],
                    "belum_kompeten_percent": _percent(row[f"{domain}_below"], assessed),
                }
            )

    units: dict[tuple[str, str], dict] = defaultdict(
        lambda: {"assessed": 0, "scored": 0, "total": Decimal(0), "below": 0}
    )
    for title, unit_list in verdicts.values_list("course__title", "units"):
        for unit in unit_list or []:
            entry = units[(title, f"{unit.get('code', '')} {unit.get('title', '')}".strip())]
            entry["assessed"] += 1
            parts = [Decimal(value) for value in (unit.get("scores") or {}).values()]
            if parts:
                entry["scored"] += 1
                entry["total"] += sum(parts) / len(parts)
            if unit.get("status") == VerdictStatus.BELUM_KOMPETEN:
                entry["below"] += 1
    for (title, area), entry in units.items():
        rows.append(
            {
                "course": title,
                "kind": _("Competency unit"),
                "area": area,
                "assessed": entry["assessed"],
                "average": _round(entry["total"] / entry["scored"]) if entry["scored"] else None,
                "belum_kompeten": entry["below"],
                "belum_kompeten_percent": _percent(entry["below"], entry["assessed"]),
            }
        )
    rows.sort(
        key=lambda r: (
            r["average"] is None,
            r["average"] if r["average"] is not None else 0,
            -(r["belum_kompeten_percent"] or 0),
            r["course"],
            r["area"],
        )
    )
    return rows


# --- Certificates -------------------------------------------------------------------------


def certificate_counts(
    *,
    since: datetime.datetime | None = None,
    until: datetime.datetime | None = None,
    course_id: int | None = None,
) -> list[dict]:
    """Certificates per month of issue and course, by their status today (revoked, then
    superseded, then expired, else valid: the order of ``Certificate.status``)."""
    certificates = Certificate.objects.all()
    if since:
        certificates = certificates.filter(issued_at__gte=since)
    if until:
        certificates = certificates.filter(issued_at__lte=until)
    if course_id:
        certificates = certificates.filter(course_id=course_id)
    today = timezone.localdate()
    current = Q(revoked_at__isnull=True, superseded_at__isnull=True)
    expired = current & Q(valid_until__lt=today)
    rows = (
        certificates.annotate(month=TruncMonth("issued_at", output_field=DateField()))
        .values("month", "course__title")
        .annotate(
            issued=Count("pk"),
            valid=Count("pk", filter=current & ~Q(valid_until__lt=today)),
            revoked=Count("pk", filter=Q(revoked_at__isnull=False)),
            superseded=Count("pk", filter=Q(revoked_at__isnull=True, superseded_at__isnull=False)),
            expired=Count("pk", filter=expired),
        )
        .order_by("-month", "course__title")
    )
    return [
        {
            "month": row["month"].strftime("%Y-%m"),
            "course": row["course__title"],
            "issued": row["issued"],
            "valid": row["valid"],
            "revoked": row["revoked"],
            "expired": row["expired"],
            "superseded": row["superseded"],
        }
        for row in rows
    ]


# --- Summary ------------------------------------------------------------------------------


def district_summary() -> list[dict]:
    """Every district with its volunteers and those Kompeten in at least one course."""
    rows = District.objects.annotate(
        n_volunteers=Count("volunteers", distinct=True),
        n_kompeten=Count(
            "volunteers",
            filter=Q(volunteers__user__verdicts__status=VerdictStatus.KOMPETEN),
            distinct=True,
        ),
    ).order_by("name")
    return [
        {"district": d.name, "volunteers": d.n_volunteers, "kompeten": d.n_kompeten} for d in rows
    ]


def course_verdict_shares() -> list[dict]:
    """Per course: enrolments with a Kompeten, a Belum Kompeten or no verdict yet."""
    return course_results(scope=Scope())
