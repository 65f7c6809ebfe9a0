"""Volunteer pages: quizzes (working without JavaScript too), attitude self-assessment,
evidence upload, and the competency profile."""

import time
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from modules.models import Enrollment
from people.roles import is_trainer

from . import services
from .forms import EvidenceForm, likert_answers_from_post, response_from_post
from .models import (
    Attempt,
    AttemptStatus,
    AttitudeInstrument,
    Evidence,
    EvidenceStatus,
    Quiz,
    RaterRole,
    Rubric,
)
from .permissions import trainer_course_ids
from .progress import competency_profile_for
from .selectors import attempt_payload, module_locked_by
from .verdict import quiz_standing


def _enrolled_or_404(user, module_id: int):
    course = services.course_of_module(module_id)
    if not Enrollment.objects.filter(user=user, course=course).exists():
        raise Http404
    return course


@login_required
def quiz_detail(request, quiz_id: int):
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    course = _enrolled_or_404(request.user, quiz.module_id)
    attempts = list(Attempt.objects.filter(quiz=quiz, user=request.user).order_by("-number"))
    standing = quiz_standing(quiz=quiz, course=course, attempts=attempts)
    return render(
        request,
        "assessments/quiz_detail.html",
        {"quiz": quiz, "course": course, "attempts": attempts, "standing": standing},
    )


@login_required
@require_POST
def quiz_start(request, quiz_id: int):
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    _enrolled_or_404(request.user, quiz.module_id)
    try:
        attempt = services.attempt_start(by=request.user, quiz=quiz)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("quiz_detail", quiz_id=quiz.pk)
    return redirect("attempt_page", attempt_id=attempt.pk)


@login_required
def attempt_page(request, attempt_id: int):
    try:
        attempt = services.attempt_get(user=request.user, attempt_id=attempt_id)
    except DomainError as error:
        raise Http404 from error
    if attempt.status == AttemptStatus.SUBMITTED:
        return redirect("attempt_result", attempt_id=attempt.pk)
    payload = attempt_payload(attempt)
    if request.method == "POST":
        # The plain form: save every answer (a server-side sequence keeps newer autosaves),
        # then submit when asked.
        seq = time.time_ns() // 1000
        try:
            for question in payload["questions"]:
                response = response_from_post(question, request.POST)
                if response != question["response"]:
                    services.answer_save(
                        by=request.user,
                        attempt_id=attempt.pk,
                        question_id=question["id"],
                        response=response,
                        seq=max(seq, question["seq"] + 1),
                    )
        except DomainError as error:
            messages.error(request, error.message)
            if error.code == "deadline_passed":
                return redirect("attempt_result", attempt_id=attempt.pk)
            return redirect("attempt_page", attempt_id=attempt.pk)
        if "submit" in request.POST:
            return redirect("attempt_confirm", attempt_id=attempt.pk)  # saved; now ask
        messages.success(request, _("Your answers are saved."))
        return redirect("attempt_page", attempt_id=attempt.pk)
    return render(
        request,
        "assessments/quiz_attempt.html",
        {"attempt": attempt, "payload": payload, "quiz": attempt.quiz},
    )


@login_required
def attempt_confirm(request, attempt_id: int):
    """The "Submit?" step without JavaScript, naming the questions still unanswered. Its form
    carries no answers (they were saved on the way here), so confirming cannot blank any."""
    try:
        attempt = services.attempt_get(user=request.user, attempt_id=attempt_id)
    except DomainError as error:
        raise Http404 from error
    if attempt.status == AttemptStatus.SUBMITTED:
        return redirect("attempt_result", attempt_id=attempt.pk)
    if request.method == "POST":
        services.attempt_submit(by=request.user, attempt_id=attempt.pk)
        return redirect("attempt_result", attempt_id=attempt.pk)
    payload = attempt_payload(attempt)
    return render(
        request,
        "assessments/quiz_confirm.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "unanswered": [q for q in payload["questions"] if not q["complete"]],
        },
    )


@login_required
def attempt_result(request, attempt_id: int):
    try:
        attempt = services.attempt_get(user=request.user, attempt_id=attempt_id)
    except DomainError as error:
        raise Http404 from error
    if attempt.status != AttemptStatus.SUBMITTED:
        return redirect("attempt_page", attempt_id=attempt.pk)
    # The quiz's standing as the verdict counts it: this attempt may not be the one that counts.
    standing = quiz_standing(
        quiz=attempt.quiz,
        course=services.course_of_module(attempt.quiz.module_id),
        attempts=Attempt.objects.filter(quiz_id=attempt.quiz_id, user=request.user),
    )
    return render(
        request,
        "assessments/quiz_result.html",
        {
            "attempt": attempt,
            "payload": attempt_payload(attempt),
            "quiz": attempt.quiz,
            "standing": standing,
        },
    )


@login_required
def attitude_self(request, instrument_id: int):
    instrument = get_object_or_404(AttitudeInstrument, pk=instrument_id)
    course = _enrolled_or_404(request.user, instrument.module_id)
    statements = list(instrument.statements.all())
    errors = None
    if request.method == "POST":
        answers = likert_answers_from_post(statements, request.POST)
        try:
            services.attitude_rate(
                by=request.user,
                volunteer=request.user,
                instrument=instrument,
                role=RaterRole.SELF,
                answers=answers,
            )
        except DomainError as error:
            errors = error.message
        else:
            messages.success(request, _("Thank you. Your self-assessment is saved."))
            return redirect(course.url)
    return render(
        request,
        "assessments/attitude_form.html",
        {
            "instrument": instrument,
            "statements": statements,
            "course": course,
            "errors": errors,
            "posted": request.POST,
            "subject": None,
        },
    )


# A refusal of a JSON upload (a photo queued offline): 4xx means "do not retry".
EVIDENCE_JSON_STATUS = {"not_found": 404, "module_locked": 403, "idempotency_key_reused": 409}


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _json_refusal(code: str, message: str) -> JsonResponse:
    status = EVIDENCE_JSON_STATUS.get(code, 400)
    return JsonResponse({"code": code, "message": message}, status=status)


def _upload_key(request) -> uuid.UUID | None:
    """The Idempotency-Key header of a retried upload; ValueError when it is not a UUID."""
    raw = request.headers.get("Idempotency-Key", "").strip()
    return uuid.UUID(raw) if raw else None


@login_required
def evidence_upload(request, rubric_id: int):
    """The upload page. A queued offline photo comes with `Idempotency-Key` (stored once,
    however often it is retried) and `Accept: application/json` (a JSON answer)."""
    as_json = request.method == "POST" and _wants_json(request)
    try:
        rubric = get_object_or_404(Rubric, pk=rubric_id)
        course = _enrolled_or_404(request.user, rubric.module_id)
    except Http404:
        if as_json:
            return _json_refusal("not_found", _("Not found."))
        raise
    first = module_locked_by(user=request.user, course=course, module_id=rubric.module_id)
    if first is not None:  # GET and POST alike: nothing to fill in before the module opens
        if as_json:
            message = _("Finish the module “%(module)s” first.") % {"module": first.title}
            return _json_refusal("module_locked", message)
        return render(
            request,
            "assessments/evidence_locked.html",
            {"rubric": rubric, "course": course, "first": first},
            status=403,
        )
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        try:
            upload_key = _upload_key(request)
        except ValueError:
            if as_json:
                return _json_refusal(
                    "invalid_request", _("The Idempotency-Key header must be a UUID.")
                )
            return HttpResponseBadRequest()
        if form.is_valid():
            try:
                evidence = services.evidence_submit(
                    by=request.user,
                    rubric=rubric,
                    upload=form.cleaned_data["file"],
                    description=form.cleaned_data["description"],
                    upload_key=upload_key,
                )
            except DomainError as error:
                if as_json:
                    return _json_refusal(error.code, error.message)
                form.add_error("file", error.message)
            else:
                if as_json:
                    status = "applied" if evidence.created else "duplicate"
                    body = {"status": status, "evidence": evidence.pk}
                    return JsonResponse(body, status=201 if evidence.created else 200)
                messages.success(request, _("Evidence uploaded. Your trainer will review it."))
                return redirect("evidence_upload", rubric_id=rubric.pk)
        elif as_json:
            message = next(iter(form.errors.values()))[0]
            return _json_refusal("invalid_request", message)
    evidence = Evidence.objects.filter(rubric=rubric, volunteer=request.user).select_related(
        "reviewer"
    )
    return render(
        request,
        "assessments/evidence_upload.html",
        {"rubric": rubric, "course": course, "form": form, "evidence": evidence},
    )


@login_required
def evidence_withdraw(request, evidence_id: int):
    """GET asks; POST withdraws. Only the owner's own file that no trainer reviewed yet."""
    evidence = get_object_or_404(Evidence, pk=evidence_id, volunteer=request.user)
    back = redirect("evidence_upload", rubric_id=evidence.rubric_id)
    if evidence.status != EvidenceStatus.SUBMITTED or evidence.reviewed_at is not None:
        messages.error(
            request,
            _("This file has already been reviewed by your trainer and cannot be withdrawn."),
        )
        return back
    if request.method != "POST":
        return render(request, "assessments/evidence_withdraw.html", {"evidence": evidence})
    try:
        services.evidence_withdraw(evidence=evidence, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The file “%(name)s” was withdrawn and deleted.") % {"name": evidence.original_name},
        )
    return back


@login_required
def evidence_file(request, evidence_id: int):
    """Evidence is private: its owner, or a trainer of its course, downloads it."""
    evidence = get_object_or_404(Evidence.objects.select_related("rubric"), pk=evidence_id)
    if evidence.volunteer_id != request.user.pk:
        course = services.course_of_module(evidence.rubric.module_id)
        if not is_trainer(request.user) or course.pk not in trainer_course_ids(request.user):
            raise Http404
    response = FileResponse(evidence.file.open("rb"), content_type=evidence.content_type)
    response["Content-Disposition"] = (
        f'inline; filename="bukti-{evidence.pk}.{evidence.file.name.rsplit(".", 1)[-1]}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def competency_profile(request):
    return render(
        request,
        "assessments/competency_profile.html",
        {"profiles": competency_profile_for(user=request.user)},
    )
