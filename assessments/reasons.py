"""Where each reason of a verdict is resolved: the page a link under the reason opens. Reasons
are stored as codes (verdict.py); those stored before they carried the ids of their quiz,
rubric, instrument or module link to the course page, where every task is listed."""

from __future__ import annotations

from django.urls import reverse

from .verdict import reason_text


def _module_anchor(course_url: str, module_id) -> str:
    return f"{course_url}#module-{module_id}" if module_id else course_url


def volunteer_url(reason: dict, *, course_url: str, modules) -> str:
    """The page where the volunteer acts on `reason` (or sees what the trainer still owes).
    `modules`: the course's module pages in order (a domain's reason opens its first module)."""
    code = reason.get("code")
    if code in ("quiz_not_taken", "quiz_waiting_marking", "quiz_below_pass"):
        if reason.get("quiz_id"):
            return reverse("quiz_detail", args=[reason["quiz_id"]])
    elif code == "observation_missing":
        # Practice evidence helps the trainer observe; the upload page is the volunteer's part.
        if reason.get("rubric_id"):
            return reverse("evidence_upload", args=[reason["rubric_id"]])
    elif code == "self_assessment_missing":
        if reason.get("instrument_id"):
            return reverse("attitude_self", args=[reason["instrument_id"]])
    elif code in ("trainer_rating_missing", "module_incomplete"):
        return _module_anchor(course_url, reason.get("module_id"))
    elif code == "below_minimum":
        first = next((m for m in modules if m.domain == reason.get("domain")), None)
        return _module_anchor(course_url, first.pk if first else None)
    return course_url


def trainer_url(reason: dict, *, volunteer_id: int) -> str:
    """The page where a trainer resolves `reason` for this volunteer; "" for what only the
    volunteer can do (take a quiz, fill a self-assessment, finish a module)."""
    code = reason.get("code")
    if code == "observation_missing" and reason.get("rubric_id"):
        return reverse("trainer_observe", args=[reason["rubric_id"], volunteer_id])
    if code == "trainer_rating_missing" and reason.get("instrument_id"):
        return reverse("trainer_rate_attitude", args=[reason["instrument_id"], volunteer_id])
    if code == "quiz_waiting_marking":
        return reverse("trainer_queue")
    if code in ("below_minimum", "quiz_below_pass"):
        return "#override"  # the override form on the trainer's competency page
    return ""


def linked_reasons(
    reasons: list[dict], *, course_url: str, modules, volunteer_id: int | None = None
) -> list[dict]:
    """Each reason as {"text", "url"}: the volunteer's page, or with `volunteer_id` the
    trainer's."""
    return [
        {
            "text": reason_text(reason),
            "url": (
                trainer_url(reason, volunteer_id=volunteer_id)
                if volunteer_id
                else volunteer_url(reason, course_url=course_url, modules=modules)
            ),
        }
        for reason in reasons
    ]
