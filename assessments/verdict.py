"""The competency verdict: one function computes it from every input, in a fixed number of
queries, and saves it with its reasons. Call it whenever an input changes (the services do,
through the recompute_verdict task)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit
from core.numbers import format_number
from modules.models import CoursePage, Enrollment, ModulePage, PassMarkRule
from modules.selectors import course_outline
from notifications.services import notify

from . import scoring
from .models import (
    DOMAIN_NAMES,
    Attempt,
    AttemptAnswer,
    AttemptStatus,
    AttitudeInstrument,
    AttitudeRating,
    Domain,
    Observation,
    PredicateBand,
    QuizRole,
    RaterRole,
    Rubric,
    ScoreRecord,
    ScoreSource,
    Verdict,
    VerdictChange,
    VerdictStatus,
)
from .models import Quiz as QuizModel
from .signals import verdict_changed

Q2 = Decimal("0.01")


def _mean(values: list[Decimal]) -> Decimal | None:
    return (sum(values) / len(values)).quantize(Q2) if values else None


def _representative_attempts(method: str, attempts: list[Attempt]) -> list[Attempt]:
    """The attempts whose answers stand for the quiz grade (for competency units)."""
    if not attempts:
        return []
    if method == "highest":
        return [max(attempts, key=lambda a: (a.percent, -a.number))]
    if method == "last":
        return [attempts[-1]]
    if method == "first":
        return [attempts[0]]
    return attempts


@dataclass
class QuizStanding:
    """A volunteer's standing in one quiz, as the verdict counts it (the quiz pages show this
    too, so they never disagree with the verdict)."""

    grade: Decimal | None  # the submitted, marked attempts combined by the grading method
    waiting: bool  # submitted, but an essay waits for marking and nothing is graded yet
    required: bool  # the course's policy: this quiz must reach its own pass mark
    pass_mark: Decimal
    graded: list[Attempt] = field(default_factory=list)

    @property
    def passed(self) -> bool | None:
        return None if self.grade is None else self.grade >= self.pass_mark


def pass_mark_required(*, course: CoursePage, quiz: QuizModel) -> bool:
    """Whether the course's policy makes this quiz's pass mark a condition of Kompeten."""
    if quiz.role == QuizRole.PRE_TEST:
        return False
    rule = course.pass_mark_rule
    return rule == PassMarkRule.ALL or (
        rule == PassMarkRule.POST_TESTS and quiz.role == QuizRole.POST_TEST
    )


def quiz_standing(*, quiz: QuizModel, course: CoursePage, attempts) -> QuizStanding:
    """`attempts`: the volunteer's attempts at `quiz`, in any order and state."""
    submitted = sorted(
        (a for a in attempts if a.status == AttemptStatus.SUBMITTED), key=lambda a: a.number
    )
    graded = [a for a in submitted if not a.needs_marking and a.percent is not None]
    return QuizStanding(
        grade=scoring.grade_attempts(quiz.grading_method, [a.percent for a in graded]),
        waiting=not graded and any(a.needs_marking for a in submitted),
        required=pass_mark_required(course=course, quiz=quiz),
        pass_mark=quiz.pass_percent,
        graded=graded,
    )


@dataclass
class VerdictInputs:
    """What a verdict is computed from. Empty results stand for a volunteer nothing was
    assessed of yet (reasons_before_results)."""

    quizzes: list[QuizModel]
    rubrics: list[Rubric]
    instruments: list[AttitudeInstrument]
    attempts_by_quiz: dict[int, list[Attempt]] = field(default_factory=lambda: defaultdict(list))
    latest_obs: dict[int, Observation] = field(default_factory=dict)
    latest_rating: dict[tuple[int, str], Decimal] = field(default_factory=dict)
    overrides: dict[str, ScoreRecord] = field(default_factory=dict)
    enrolled: bool = True


def _gather(*, user, course: CoursePage) -> VerdictInputs:
    modules = ModulePage.objects.live().child_of(course)
    inputs = VerdictInputs(
        quizzes=list(
            QuizModel.objects.filter(module__in=modules)
            .exclude(role=QuizRole.PRE_TEST)
            .order_by("pk")
        ),
        rubrics=list(Rubric.objects.filter(module__in=modules).order_by("pk")),
        instruments=list(AttitudeInstrument.objects.filter(module__in=modules).order_by("pk")),
    )
    for attempt in Attempt.objects.filter(
        user=user, quiz__in=inputs.quizzes, status=AttemptStatus.SUBMITTED
    ).order_by("number"):
        inputs.attempts_by_quiz[attempt.quiz_id].append(attempt)
    # The latest observation of each rubric and the latest rating per instrument and role.
    for observation in (
        Observation.objects.filter(volunteer=user, rubric_version__rubric__in=inputs.rubrics)
        .select_related("rubric_version")
        .order_by("created_at", "pk")
    ):
        inputs.latest_obs[observation.rubric_version.rubric_id] = observation
    for rating in AttitudeRating.objects.filter(
        volunteer=user, instrument__in=inputs.instruments
    ).order_by("created_at", "pk"):
        inputs.latest_rating[(rating.instrument_id, rating.role)] = rating.percent
    for record in ScoreRecord.objects.filter(
        volunteer=user, course=course, source=ScoreSource.OVERRIDE
    ).order_by("created_at", "pk"):
        inputs.overrides[record.domain] = record  # the latest override counts
    inputs.enrolled = Enrollment.objects.filter(user=user, course=course).exists()
    return inputs


def _decide(*, course: CoursePage, inputs: VerdictInputs, outline) -> dict:
    """The reasons and domain scores from the inputs; runs no query."""
    minimums = {
        Domain.KNOWLEDGE: Decimal(course.min_knowledge),
        Domain.SKILLS: Decimal(course.min_skills),
        Domain.ATTITUDE: Decimal(course.min_attitude),
    }
    quizzes, rubrics, instruments = inputs.quizzes, inputs.rubrics, inputs.instruments
    reasons: list[dict] = []
    domain_scores: dict[str, Decimal | None] = {}

    # Knowledge: each quiz graded by its method; all quizzes must be taken and marked, and
    # those the course's policy names must reach their own pass mark.
    quiz_grades = []
    representative: list[int] = []
    for quiz in quizzes:
        standing = quiz_standing(
            quiz=quiz, course=course, attempts=inputs.attempts_by_quiz.get(quiz.pk, [])
        )
        about = {"quiz": quiz.title, "quiz_id": quiz.pk}
        if standing.waiting:
            reasons.append({"code": "quiz_waiting_marking", **about})
        elif standing.grade is None:
            reasons.append({"code": "quiz_not_taken", **about})
        else:
            quiz_grades.append(standing.grade)
            representative += [
                a.pk for a in _representative_attempts(quiz.grading_method, standing.graded)
            ]
            if standing.required and not standing.passed:
                reasons.append(
                    {
                        "code": "quiz_below_pass",
                        **about,
                        "value": str(standing.grade),
                        "pass_mark": str(quiz.pass_percent),
                    }
                )
    if quizzes:
        domain_scores[Domain.KNOWLEDGE] = (
            _mean(quiz_grades) if len(quiz_grades) == len(quizzes) else None
        )

    # Skills: the latest observation of each rubric.
    latest_obs = inputs.latest_obs
    for rubric in rubrics:
        if rubric.pk not in latest_obs:
            reasons.append(
                {"code": "observation_missing", "rubric": rubric.title, "rubric_id": rubric.pk}
            )
    if rubrics:
        domain_scores[Domain.SKILLS] = (
            _mean([latest_obs[r.pk].percent for r in rubrics])
            if all(r.pk in latest_obs for r in rubrics)
            else None
        )

    # Attitude: latest self and trainer rating of each instrument, combined by the policy.
    trainer_share = Decimal(course.attitude_trainer_percent) / 100
    attitude_values = []
    for instrument in instruments:
        own = inputs.latest_rating.get((instrument.pk, RaterRole.SELF))
        trainer = inputs.latest_rating.get((instrument.pk, RaterRole.TRAINER))
        about = {"instrument": instrument.title, "instrument_id": instrument.pk}
        if own is None:
            reasons.append({"code": "self_assessment_missing", **about})
        if trainer is None:
            reasons.append(
                {"code": "trainer_rating_missing", **about, "module_id": instrument.module_id}
            )
        if own is not None and trainer is not None:
            attitude_values.append(trainer * trainer_share + own * (1 - trainer_share))
    if instruments:
        domain_scores[Domain.ATTITUDE] = (
            _mean(attitude_values) if len(attitude_values) == len(instruments) else None
        )

    # A trainer's override replaces the computed domain score (the latest override counts).
    for domain, record in inputs.overrides.items():
        domain_scores[domain] = record.value
        reasons = [r for r in reasons if _reason_domain(r) != domain]

    for domain, value in domain_scores.items():
        if value is not None and value < minimums[domain]:
            reasons.append(
                {
                    "code": "below_minimum",
                    "domain": domain,
                    "value": str(value),
                    "minimum": str(minimums[domain]),
                }
            )

    # Required modules: every lesson done.
    for module in outline.modules:
        if module.page.required and not module.complete:
            reasons.append(
                {
                    "code": "module_incomplete",
                    "module": module.page.title,
                    "module_id": module.page.pk,
                }
            )
    if not inputs.enrolled:
        reasons.insert(0, {"code": "not_enrolled"})
    if not domain_scores:
        reasons.append({"code": "no_assessments"})
    return {
        "reasons": reasons,
        "scores": domain_scores,
        "minimums": minimums,
        "representative": representative,
    }


def reasons_before_results(*, course: CoursePage, found: dict, outline) -> list[dict]:
    """The reasons of a volunteer nothing was assessed of yet (no verdict is stored before the
    first result), from the course's instruments as `course_instruments` finds them: the same
    rules as the verdict, without its queries."""
    inputs = VerdictInputs(
        quizzes=sorted(
            (q for q in found["quizzes"] if q.role != QuizRole.PRE_TEST), key=lambda q: q.pk
        ),
        rubrics=sorted(found["rubrics"], key=lambda r: r.pk),
        instruments=sorted(found["instruments"], key=lambda i: i.pk),
    )
    return _decide(course=course, inputs=inputs, outline=outline)["reasons"]


def verdict_compute(*, user, course: CoursePage) -> dict:
    """Everything the verdict needs, as plain data. Reads only."""
    inputs = _gather(user=user, course=course)
    decided = _decide(
        course=course, inputs=inputs, outline=course_outline(course=course, user=user)
    )
    reasons, domain_scores = decided["reasons"], decided["scores"]
    weights = {
        Domain.KNOWLEDGE: course.weight_knowledge,
        Domain.SKILLS: course.weight_skills,
        Domain.ATTITUDE: course.weight_attitude,
    }
    final = None
    if domain_scores and all(v is not None for v in domain_scores.values()):
        total_weight = sum(weights[d] for d in domain_scores)
        if total_weight:
            final = (
                sum(domain_scores[d] * weights[d] for d in domain_scores) / total_weight
            ).quantize(Q2)
    bands = list(PredicateBand.objects.values_list("name", "min_score"))
    units = _unit_verdicts(
        course=course,
        representative=decided["representative"],
        observations=list(inputs.latest_obs.values()),
        minimums=decided["minimums"],
    )
    return {
        "status": VerdictStatus.BELUM_KOMPETEN if reasons else VerdictStatus.KOMPETEN,
        "scores": domain_scores,
        "final": final,
        "predicate": scoring.predicate_for(final, bands) if not reasons else "",
        "reasons": reasons,
        "units": units,
    }


def _reason_domain(reason: dict) -> str | None:
    code = reason["code"]
    if code in ("quiz_not_taken", "quiz_waiting_marking", "quiz_below_pass"):
        return Domain.KNOWLEDGE
    if code == "observation_missing":
        return Domain.SKILLS
    if code in ("self_assessment_missing", "trainer_rating_missing"):
        return Domain.ATTITUDE
    return reason.get("domain")


def _unit_verdicts(*, course, representative, observations, minimums) -> list[dict]:
    units = list(course.competency_units.all())
    if not units:
        return []
    knowledge: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    answers = AttemptAnswer.objects.filter(
        attempt_id__in=representative,
        question_version__question__competency_units__in=units,
    ).values_list(
        "question_version__question__competency_units", "score", "question_version__points"
    )
    for unit_id, score, points in answers:
        knowledge[unit_id][0] += score or 0
        knowledge[unit_id][1] += points
    skills: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for observation in observations:
        data = observation.rubric_version.data
        level_points = {lv["id"]: lv["points"] for lv in data["levels"]}
        best = max(level_points.values(), default=0)
        for criterion in data["criteria"]:
            if criterion.get("unit_id"):
                skills[criterion["unit_id"]][0] += level_points.get(
                    observation.levels.get(criterion["id"], ""), 0
                )
                skills[criterion["unit_id"]][1] += best
    result = []
    for unit in units:
        parts, reasons = {}, []
        for domain, table in ((Domain.KNOWLEDGE, knowledge), (Domain.SKILLS, skills)):
            earned, possible = table.get(unit.pk, (0, 0))
            if possible:
                value = (Decimal(earned) * 100 / Decimal(possible)).quantize(Q2)
                parts[domain] = str(value)
                if value < minimums[domain]:
                    reasons.append(
                        {
                            "code": "below_minimum",
                            "domain": domain,
                            "value": str(value),
                            "minimum": str(minimums[domain]),
                        }
                    )
        if not parts:
            reasons.append({"code": "unit_no_evidence"})
        result.append(
            {
                "id": unit.pk,
                "code": unit.code,
                "title": unit.title,
                "scores": parts,
                "status": VerdictStatus.BELUM_KOMPETEN if reasons else VerdictStatus.KOMPETEN,
                "reasons": reasons,
            }
        )
    return result


@transaction.atomic
def verdict_recompute(*, user, course: CoursePage, by=None) -> Verdict:
    """Recompute and save `user`'s verdict; a change of status is recorded in VerdictChange.
    `by` is who asked for it (None: the system, after one of its inputs changed)."""
    data = verdict_compute(user=user, course=course)
    verdict = Verdict.objects.select_for_update().filter(volunteer=user, course=course).first()
    old_status = verdict.status if verdict else ""
    if verdict is None:
        verdict = Verdict(volunteer=user, course=course)
    verdict.status = data["status"]
    verdict.knowledge = data["scores"].get(Domain.KNOWLEDGE)
    verdict.skills = data["scores"].get(Domain.SKILLS)
    verdict.attitude = data["scores"].get(Domain.ATTITUDE)
    verdict.final_score = data["final"]
    verdict.predicate = data["predicate"]
    verdict.reasons = data["reasons"]
    verdict.units = data["units"]
    verdict.computed_at = timezone.now()
    verdict.full_clean(validate_unique=False)
    verdict.save()
    if old_status != verdict.status:
        VerdictChange.objects.create(
            verdict=verdict,
            old_status=old_status,
            new_status=verdict.status,
            final_score=verdict.final_score,
        )
        audit(
            action="psm.verdict_change",
            instance=verdict,
            user=by,
            data={
                "volunteer": user.pk,
                "course": course.pk,
                "old": old_status,
                "new": verdict.status,
                "final_score": str(verdict.final_score) if verdict.final_score else None,
            },
        )
        # certificates listens: a verdict turned Kompeten gets its certificate issued.
        verdict_changed.send(sender=Verdict, verdict=verdict, previous=old_status, by=by)
        notify(
            kind="verdict_changed",
            obj=verdict,
            recipients=[user],
            params={"course": course.title, "status": verdict.status, "reasons": verdict.reasons},
            event_key=f"{verdict.computed_at.isoformat()}",
        )
    return verdict


def reason_text(reason: dict) -> str:
    """A stored reason in the reader's language (reasons are stored as codes)."""
    code = reason.get("code")
    domain = DOMAIN_NAMES.get(reason.get("domain"), reason.get("domain", ""))
    texts = {
        "not_enrolled": lambda: _("Not enrolled in the course."),
        "no_assessments": lambda: _("The course has no assessments yet."),
        "quiz_not_taken": lambda: _("Quiz “%(quiz)s” not taken yet.") % reason,
        "quiz_waiting_marking": lambda: (
            _("Quiz “%(quiz)s” is waiting for a trainer to mark it.") % reason
        ),
        "observation_missing": lambda: (
            _("Skill “%(rubric)s” not observed by a trainer yet.") % reason
        ),
        "self_assessment_missing": lambda: (
            _("Self-assessment “%(instrument)s” not filled yet.") % reason
        ),
        "trainer_rating_missing": lambda: (
            _("Trainer's rating “%(instrument)s” not given yet.") % reason
        ),
        "below_minimum": lambda: (
            _("%(domain)s %(value)s%% is below the minimum %(minimum)s%%.")
            % {
                "domain": domain,
                "value": format_number(reason.get("value")),
                "minimum": format_number(reason.get("minimum")),
            }
        ),
        "quiz_below_pass": lambda: (
            _("Quiz “%(quiz)s”: grade %(value)s%% has not reached the pass mark %(pass_mark)s%%.")
            % {
                "quiz": reason.get("quiz"),
                "value": format_number(reason.get("value")),
                "pass_mark": format_number(reason.get("pass_mark")),
            }
        ),
        "module_incomplete": lambda: _("Required module “%(module)s” not finished.") % reason,
        "unit_no_evidence": lambda: _("No assessment evidence for this unit yet."),
    }
    return texts.get(code, lambda: code or "")()
