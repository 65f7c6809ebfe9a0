"""Trainer pages: the grading queue, essay marking, evidence review, skill observations,
attitude ratings and a volunteer's competency with overrides. All scoped to the trainer's
courses (404 otherwise)."""

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from modules.models import CoursePage
from people.roles import trainer_required

from . import services
from .forms import EssayMarkForm, EvidenceReviewForm, OverrideForm, likert_answers_from_post
from .models import (
    AttemptAnswer,
    AttitudeInstrument,
    Evidence,
    Observation,
    QuestionType,
    RaterRole,
    Rubric,
    ScoreRecord,
    Verdict,
)
from .permissions import assert_trains
from .progress import verdict_for_display
from .selectors import course_instruments
from .verdict import verdict_compute

User = get_user_model()


@trainer_required
def mark_essay(request, answer_id: int):
    answer = get_object_or_404(
        AttemptAnswer.objects.select_related(
            "question_version__question", "attempt__quiz", "attempt__user"
        ),
        pk=answer_id,
        question_version__kind=QuestionType.ESSAY,
    )
    course = services.course_of_module(answer.attempt.quiz.module_id)
    assert_trains(request.user, course_id=course.pk, volunteer_id=answer.attempt.user_id)
    form = EssayMarkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_mark(
                by=request.user,
                answer_id=answer.pk,
                score=form.cleaned_data["score"],
                note=form.cleaned_data["note"],
            )
        except DomainError as error:
            form.add_error("score", error.message)
        else:
            messages.success(request, _("Essay marked."))
            return redirect("trainer_queue")
    return render(
        request,
        "assessments/trainer_essay.html",
        {"answer": answer, "form": form, "course": course},
    )


@trainer_required
def review_evidence(request, evidence_id: int):
    evidence = get_object_or_404(
        Evidence.objects.select_related("rubric", "volunteer"), pk=evidence_id
    )
    course = services.course_of_module(evidence.rubric.module_id)
    assert_trains(request.user, course_id=course.pk, volunteer_id=evidence.volunteer_id)
    form = EvidenceReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.evidence_review(
                by=request.user,
                evidence_id=evidence.pk,
                accept=form.cleaned_data["decision"] == "accept",
                comment=form.cleaned_data["comment"],
            )
        except DomainError as error:
            form.add_error("comment", error.message)
        else:
            messages.success(request, _("Review saved."))
            return redirect("trainer_queue")
    return render(
        request,
        "assessments/trainer_evidence.html",
        {"evidence": evidence, "form": form, "course": course},
    )


@trainer_required
def observe(request, rubric_id: int, user_id: int):
    rubric = get_object_or_404(Rubric, pk=rubric_id)
    volunteer = get_object_or_404(User, pk=user_id)
    course = services.course_of_module(rubric.module_id)
    assert_trains(request.user, course_id=course.pk, volunteer_id=volunteer.pk)
    version = rubric.current_version or services.rubric_version_publish(rubric=rubric)
    error = None
    observed_on = timezone.localdate()
    if request.method == "POST":
        try:
            posted_date = forms.DateField(required=False).clean(request.POST.get("observed_on"))
            observed_on = posted_date or observed_on
        except ValidationError:
            error = _("Enter the date of the observation.")
        levels = {c["id"]: request.POST.get(c["id"], "") for c in version.data["criteria"]}
        notes = {
            c["id"]: request.POST.get(f"note_{c['id']}", "")[:1000]
            for c in version.data["criteria"]
        }
        try:
            if error:  # the date: reported like the service's refusals
                raise DomainError("invalid_date", error)
            services.observation_record(
                by=request.user,
                volunteer=volunteer,
                rubric=rubric,
                levels={k: v for k, v in levels.items() if v},
                criterion_notes=notes,
                note=request.POST.get("note", "")[:2000],
                observed_on=observed_on,
            )
        except DomainError as err:
            error = err.message
        else:
            messages.success(request, _("Observation recorded."))
            return redirect(
                "trainer_volunteer_competency", course_id=course.pk, user_id=volunteer.pk
            )
    previous = Observation.objects.filter(
        volunteer=volunteer, rubric_version__rubric=rubric
    ).select_related("observer", "rubric_version")
    evidence = Evidence.objects.filter(volunteer=volunteer, rubric=rubric)
    return render(
        request,
        "assessments/trainer_observe.html",
        {
            "rubric": rubric,
            "version": version,
            "volunteer": volunteer,
            "course": course,
            "error": error,
            "posted": request.POST,
            "observed_on": observed_on,
            "today": timezone.localdate(),
            "previous": previous,
            "evidence": evidence,
        },
    )


@trainer_required
def rate_attitude(request, instrument_id: int, user_id: int):
    instrument = get_object_or_404(AttitudeInstrument, pk=instrument_id)
    volunteer = get_object_or_404(User, pk=user_id)
    course = services.course_of_module(instrument.module_id)
    assert_trains(request.user, course_id=course.pk, volunteer_id=volunteer.pk)
    statements = list(instrument.statements.all())
    errors = None
    if request.method == "POST":
        answers = likert_answers_from_post(statements, request.POST)
        try:
            services.attitude_rate(
                by=request.user,
                volunteer=volunteer,
                instrument=instrument,
                role=RaterRole.TRAINER,
                answers=answers,
                note=request.POST.get("note", "")[:2000],
            )
        except DomainError as error:
            errors = error.message
        else:
            messages.success(request, _("Attitude rating saved."))
            return redirect(
                "trainer_volunteer_competency", course_id=course.pk, user_id=volunteer.pk
            )
    return render(
        request,
        "assessments/attitude_form.html",
        {
            "instrument": instrument,
            "statements": statements,
            "course": course,
            "errors": errors,
            "posted": request.POST,
            "subject": volunteer,
        },
    )


@trainer_required
def volunteer_competency(request, course_id: int, user_id: int):
    course = get_object_or_404(CoursePage, pk=course_id)
    volunteer = get_object_or_404(User, pk=user_id)
    assert_trains(request.user, course_id=course.pk, volunteer_id=volunteer.pk)
    form = OverrideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.score_override(
                by=request.user,
                volunteer=volunteer,
                course=course,
                domain=form.cleaned_data["domain"],
                value=Decimal(form.cleaned_data["value"]),
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            form.add_error("reason", error.message)
        else:
            messages.success(request, _("Override recorded; the verdict was recomputed."))
            return redirect(
                "trainer_volunteer_competency", course_id=course.pk, user_id=volunteer.pk
            )
    verdict = Verdict.objects.filter(volunteer=volunteer, course=course).first()
    display = verdict_for_display(
        verdict,
        None if verdict else verdict_compute(user=volunteer, course=course),
        volunteer_id=volunteer.pk,  # each reason links to the trainer's page that resolves it
    )
    history = ScoreRecord.objects.filter(volunteer=volunteer, course=course).select_related(
        "recorded_by"
    )
    return render(
        request,
        "assessments/trainer_volunteer.html",
        {
            "course": course,
            "volunteer": volunteer,
            "verdict": display,
            "history": history,
            "form": form,
            **course_instruments(course=course),
        },
    )
