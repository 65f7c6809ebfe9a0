"""Where a volunteer stands: the competency profile (/kompetensi/), and what is left before
Kompeten on the dashboard and the course page. All of it reads the stored verdict, so every
page says what the verdict says; before the first result there is no verdict yet, and the
reasons come from the course's instruments by the verdict's own rules."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from modules.models import Domain, Enrollment
from modules.selectors import course_structure

from .models import ScoreRecord, Verdict, VerdictStatus
from .reasons import linked_reasons
from .selectors import instruments_of_modules
from .verdict import reason_text, reasons_before_results, verdict_compute


def verdict_for_display(
    verdict: Verdict | None,
    computed: dict | None = None,
    *,
    course_url: str = "",
    modules=(),
    volunteer_id: int | None = None,
) -> dict:
    """Verdict (stored, or freshly computed when none is stored yet) with readable reasons,
    each with the page that resolves it (the trainer's pages with `volunteer_id`)."""
    if verdict is not None:
        data = {
            "status": verdict.status,
            "status_label": verdict.get_status_display(),
            # Verdict has one score field per domain, named by its value.
            **{domain.value: getattr(verdict, domain.value) for domain in Domain},
            "final": verdict.final_score,
            "predicate": verdict.predicate,
            "reasons": verdict.reasons,
            "units": verdict.units,
            "computed_at": verdict.computed_at,
        }
    else:
        data = {
            "status": computed["status"],
            "status_label": VerdictStatus(computed["status"]).label,
            **{domain.value: computed["scores"].get(domain) for domain in Domain},
            "final": computed["final"],
            "predicate": computed["predicate"],
            "reasons": computed["reasons"],
            "units": computed["units"],
            "computed_at": None,
        }
    links = {"course_url": course_url, "modules": modules, "volunteer_id": volunteer_id}
    data["kompeten"] = data["status"] == VerdictStatus.KOMPETEN
    data["reason_texts"] = [reason_text(r) for r in data["reasons"]]
    data["reason_items"] = linked_reasons(data["reasons"], **links)
    for unit in data["units"]:
        unit["kompeten"] = unit["status"] == VerdictStatus.KOMPETEN
        unit["reason_texts"] = [reason_text(r) for r in unit["reasons"]]
        unit["reason_items"] = linked_reasons(unit["reasons"], **links)
    return data


def competency_profile_for(*, user) -> list[dict]:
    """Per enrolled course: domain scores, verdict, reasons, and the score history."""
    enrollments = list(
        Enrollment.objects.filter(user=user, course__live=True).select_related("course")
    )
    verdicts = {v.course_id: v for v in Verdict.objects.filter(volunteer=user)}
    history: dict[int, list[ScoreRecord]] = defaultdict(list)
    for record in ScoreRecord.objects.filter(volunteer=user).select_related("recorded_by"):
        history[record.course_id].append(record)
    profiles = []
    for enrollment in enrollments:
        course = enrollment.course
        verdict = verdicts.get(course.pk)
        computed = None if verdict else verdict_compute(user=user, course=course)
        modules, _lessons = course_structure(course)  # shared content cache
        profiles.append(
            {
                "course": course,
                "verdict": verdict_for_display(
                    verdict, computed, course_url=course.url, modules=modules
                ),
                "history": history[course.pk],
            }
        )
    return profiles


@dataclass
class BeforeKompeten:
    """What is left before Kompeten in one course, each item linked to where it is done."""

    kompeten: bool
    items: list[dict] = field(default_factory=list)  # {"text", "url"}


def _before_kompeten(*, verdict: Verdict | None, outline, found: dict | None) -> BeforeKompeten:
    if verdict is not None:
        reasons, kompeten = verdict.reasons, verdict.status == VerdictStatus.KOMPETEN
    else:
        reasons = reasons_before_results(course=outline.course, found=found, outline=outline)
        kompeten = not reasons
    items = linked_reasons(
        reasons, course_url=outline.url, modules=[m.page for m in outline.modules]
    )
    return BeforeKompeten(kompeten=kompeten, items=items)


def before_kompeten_in_course(*, user, outline, found: dict) -> BeforeKompeten:
    """For the course page: `found` is the course's instruments (`course_instruments`), which
    the page reads anyway; one query, for the stored verdict."""
    verdict = Verdict.objects.filter(volunteer=user, course=outline.course).first()
    return _before_kompeten(verdict=verdict, outline=outline, found=found)


def before_kompeten_by_course(*, user, outlines) -> dict[int, BeforeKompeten]:
    """For the dashboard, per course id: one query for the stored verdicts, and three more for
    the instruments when a course has no verdict yet, however many courses and items."""
    if not outlines:
        return {}
    verdicts = {
        v.course_id: v
        for v in Verdict.objects.filter(
            volunteer=user, course__in=[o.course.pk for o in outlines]
        ).only("course_id", "status", "reasons")
    }
    waiting = [o for o in outlines if o.course.pk not in verdicts]
    module_course = {m.page.pk: o.course.pk for o in waiting for m in o.modules}
    per_course: dict[int, dict] = defaultdict(
        lambda: {"quizzes": [], "rubrics": [], "instruments": []}
    )
    if module_course:
        for kind, items in instruments_of_modules(module_ids=list(module_course)).items():
            for item in items:
                per_course[module_course[item.module_id]][kind].append(item)
    return {
        o.course.pk: _before_kompeten(
            verdict=verdicts.get(o.course.pk), outline=o, found=per_course[o.course.pk]
        )
        for o in outlines
    }
