"""What waits for a trainer ("needs your action"): essays to mark, evidence to review, skill
observations and attitude ratings not yet given. The one computation behind the trainer queue
and the cohort dashboard; six queries whatever the number of volunteers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from assessments.models import (
    AttemptAnswer,
    AttitudeInstrument,
    AttitudeRating,
    Evidence,
    EvidenceStatus,
    Observation,
    RaterRole,
    Rubric,
)
from cohorts.models import Cohort


@dataclass
class Action:
    label: str
    title: str
    url: str


@dataclass
class Pending:
    essays: list[AttemptAnswer] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    observations_due: list[dict] = field(default_factory=list)
    ratings_due: list[dict] = field(default_factory=list)

    def by_volunteer(self) -> dict[int, list[Action]]:
        """Each volunteer's actions, each linked to the page that does it."""
        actions: dict[int, list[Action]] = defaultdict(list)
        for answer in self.essays:
            actions[answer.attempt.user_id].append(
                Action(
                    _("Mark essay"),
                    answer.attempt.quiz.title,
                    reverse("trainer_mark_essay", args=[answer.pk]),
                )
            )
        for evidence in self.evidence:
            actions[evidence.volunteer_id].append(
                Action(
                    _("Review evidence"),
                    evidence.rubric.title,
                    reverse("trainer_review_evidence", args=[evidence.pk]),
                )
            )
        for item in self.observations_due:
            rubric, volunteer = item["rubric"], item["volunteer"]
            actions[volunteer.pk].append(
                Action(
                    _("Observe"),
                    rubric.title,
                    reverse("trainer_observe", args=[rubric.pk, volunteer.pk]),
                )
            )
        for item in self.ratings_due:
            instrument, volunteer = item["instrument"], item["volunteer"]
            actions[volunteer.pk].append(
                Action(
                    _("Rate attitude"),
                    instrument.title,
                    reverse("trainer_rate_attitude", args=[instrument.pk, volunteer.pk]),
                )
            )
        return actions


def pending_actions(
    *, module_course: dict[int, object], enrolled: dict[int, list], cohort: Cohort | None = None
) -> Pending:
    """`module_course`: module id → its course; `enrolled`: course id → the enrolled volunteers
    to consider (the trainer pages open only for enrolled volunteers). With `cohort`, only that
    cohort's members count."""
    module_ids = list(module_course)
    volunteers = {"volunteer__cohorts": cohort} if cohort else {}
    takers = {"attempt__user__cohorts": cohort} if cohort else {}
    essays = list(
        AttemptAnswer.objects.filter(
            needs_marking=True, attempt__quiz__module_id__in=module_ids, **takers
        ).select_related("attempt__user", "attempt__quiz", "question_version")
    )
    evidence = list(
        Evidence.objects.filter(
            status=EvidenceStatus.SUBMITTED, rubric__module_id__in=module_ids, **volunteers
        ).select_related("volunteer", "rubric")
    )
    rubrics = list(Rubric.objects.filter(module_id__in=module_ids).order_by("pk"))
    observed = set(
        Observation.objects.filter(rubric_version__rubric__in=rubrics, **volunteers).values_list(
            "rubric_version__rubric_id", "volunteer_id"
        )
    )
    instruments = list(AttitudeInstrument.objects.filter(module_id__in=module_ids).order_by("pk"))
    rated = set(
        AttitudeRating.objects.filter(
            instrument__in=instruments, role=RaterRole.TRAINER, **volunteers
        ).values_list("instrument_id", "volunteer_id")
    )

    return Pending(
        essays=essays,
        evidence=evidence,
        observations_due=[
            {"rubric": r, "volunteer": v, "course": module_course[r.module_id]}
            for r in rubrics
            for v in enrolled.get(module_course[r.module_id].pk, [])
            if (r.pk, v.pk) not in observed
        ],
        ratings_due=[
            {"instrument": i, "volunteer": v, "course": module_course[i.module_id]}
            for i in instruments
            for v in enrolled.get(module_course[i.module_id].pk, [])
            if (i.pk, v.pk) not in rated
        ],
    )
