"""The trainer's desk (/pelatih/): what waits in their courses, from portal.actions."""

from collections import defaultdict

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.permissions import trainer_course_ids
from cohorts.selectors import cohorts_for_trainer
from modules.models import CoursePage, Enrollment, ModulePage
from modules.selectors import module_lessons_done

from .actions import pending_actions


class DeskFilterForm(forms.Form):
    """GET filters of the desk; a choice the trainer was not offered is a field error, and the
    desk then shows everything (never another trainer's cohort)."""

    angkatan = forms.TypedChoiceField(label=_("Cohort"), required=False, coerce=int)
    kursus = forms.TypedChoiceField(label=_("Course"), required=False, coerce=int)
    siap = forms.BooleanField(
        label=_("Ready to assess only"),
        help_text=_("Every lesson of the module done."),
        required=False,
    )

    def __init__(self, data, *, cohorts, courses):
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["angkatan"].choices = everything + [(c.pk, c.name) for c in cohorts]
        self.fields["kursus"].choices = everything + [(c.pk, c.title) for c in courses]


def _with_progress(items: list[dict], key: str, totals: dict, done: dict) -> list[dict]:
    for item in items:
        module_id = item[key].module_id
        item["lessons_total"] = totals.get(module_id, 0)
        item["lessons_done"] = done.get((module_id, item["volunteer"].pk), 0)
        item["ready"] = item["lessons_done"] >= item["lessons_total"]
    return items


def trainer_queue(*, user, params=None) -> dict:
    """Essays, evidence, missing observations and attitude ratings in the trainer's courses,
    and who is enrolled; filtered by cohort, course and readiness (`params`: the query
    string). A fixed number of queries however many volunteers."""
    cohorts = list(cohorts_for_trainer(user=user))
    course_ids = trainer_course_ids(user)
    courses = {c.pk: c for c in CoursePage.objects.filter(pk__in=course_ids)}
    form = DeskFilterForm(params or None, cohorts=cohorts, courses=courses.values())
    chosen = form.cleaned_data if form.is_valid() else {}
    cohort = next((c for c in cohorts if c.pk == chosen.get("angkatan")), None)
    if cohort is not None:
        # Running a cohort is enough to assess its members (assessments.permissions).
        course_ids = {cohort.course_id}
        courses.setdefault(cohort.course_id, cohort.course)
    if chosen.get("kursus"):
        course_ids = course_ids & {chosen["kursus"]}
    shown = {pk: courses[pk] for pk in course_ids if pk in courses}
    module_course: dict[int, CoursePage] = {}
    module_paths: dict[int, str] = {}
    for module in ModulePage.objects.live().filter(depth=5).only("pk", "path"):
        for course in shown.values():
            if module.path.startswith(course.path):
                module_course[module.pk] = course
                module_paths[module.pk] = module.path
    enrollments = Enrollment.objects.filter(course_id__in=shown).select_related("user")
    if cohort is not None:
        enrollments = enrollments.filter(user__cohorts=cohort)
    enrolled: dict[int, list] = defaultdict(list)
    for enrollment in enrollments:
        enrolled[enrollment.course_id].append(enrollment.user)
    pending = pending_actions(module_course=module_course, enrolled=enrolled, cohort=cohort)
    totals, done = module_lessons_done(
        module_paths=module_paths,
        user_ids={person.pk for people in enrolled.values() for person in people},
    )
    observations = _with_progress(pending.observations_due, "rubric", totals, done)
    ratings = _with_progress(pending.ratings_due, "instrument", totals, done)
    if chosen.get("siap"):
        observations = [item for item in observations if item["ready"]]
        ratings = [item for item in ratings if item["ready"]]
    return {
        "form": form,
        "filtered": any(chosen.values()),
        "courses": list(shown.values()),
        "enrolled": {shown[cid]: people for cid, people in enrolled.items()},
        "essays": pending.essays,
        "evidence": pending.evidence,
        "observations_due": observations,
        "ratings_due": ratings,
    }
