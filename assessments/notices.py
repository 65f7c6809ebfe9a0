"""The notification kinds assessments sends (registered in AssessmentsConfig.ready())."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from notifications.kinds import Kind, register

from .models import VerdictStatus


def _verdict_title(params) -> str:
    if params.get("status") == VerdictStatus.KOMPETEN:
        return _("You are Kompeten in %(course)s") % params
    return _("Your result in %(course)s: Belum Kompeten") % params


def _verdict_reasons(params) -> list[str]:
    from .verdict import reason_text

    return [reason_text(reason) for reason in params.get("reasons") or []]


def register_kinds() -> None:
    register(
        Kind(
            key="essay_marked",
            label=_("An essay of mine was marked"),
            title=_("Your essay in “%(quiz)s” was marked"),
            body=_("Score: %(score)s of %(points)s."),
            url=lambda n: reverse("attempt_result", args=[n.params["attempt"]]),
        )
    )
    register(
        Kind(
            key="evidence_reviewed",
            label=_("My evidence was accepted or returned"),
            title=lambda p: (
                (
                    _("Your evidence for “%(rubric)s” was accepted")
                    if p.get("accepted")
                    else _("Your evidence for “%(rubric)s” was returned")
                )
                % p
            ),
            body=lambda p: (_("Trainer's comment: %(comment)s") % p) if p.get("comment") else "",
            url=lambda n: reverse("evidence_upload", args=[n.params["rubric_id"]]),
        )
    )
    register(
        Kind(
            key="verdict_changed",
            label=_("My competency verdict changed"),
            title=_verdict_title,
            details=_verdict_reasons,
            url=lambda n: reverse("competency_profile"),
        )
    )
    register(
        Kind(
            key="observation_recorded",
            label=_("A trainer observed my skills"),
            title=_("Your trainer recorded an observation for “%(rubric)s”"),
            body=_("Score: %(percent)s%%."),
            url=lambda n: reverse("competency_profile"),
        )
    )
    register(
        Kind(
            key="attitude_rated",
            label=_("A trainer rated my attitude"),
            title=_("Your trainer rated your attitude in “%(instrument)s”"),
            body=_("Score: %(percent)s%%."),
            url=lambda n: reverse("competency_profile"),
        )
    )
    from . import reminders

    reminders.register_kinds()
