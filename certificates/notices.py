"""The notification kinds certificates sends (registered in CertificatesConfig.ready())."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from notifications.kinds import Kind, register
from notifications.models import Channel


def register_kinds() -> None:
    register(
        Kind(
            key="certificate_issued",
            label=_("A certificate of mine was issued or re-issued"),
            title=lambda p: (
                (
                    _("Your certificate for %(course)s was re-issued")
                    if p.get("reissue")
                    else _("Your certificate for %(course)s was issued")
                )
                % p
            ),
            body=_("Number %(number)s. Download it from your dashboard."),
            url=lambda n: reverse("dashboard"),
        )
    )
    register(
        Kind(
            key="certificate_revoked",
            label=_("A certificate of mine was revoked"),
            title=_("Your certificate for %(course)s was revoked"),
            body=_("Number %(number)s. Reason: %(reason)s"),
            url=lambda n: reverse("dashboard"),
        )
    )
    register(
        Kind(
            key="bulk_job_done",
            audience="office",
            label=_("A certificate job I started has finished"),
            title=lambda p: (
                (
                    _("Certificate job for %(course)s finished")
                    if p.get("status") == "done"
                    else _("Certificate job for %(course)s failed")
                )
                % p
            ),
            body=_("%(done)s of %(total)s done."),
            url=lambda n: reverse("certificate_bulk_job", args=[n.object_id]),
            channels=(Channel.INAPP, Channel.EMAIL),
        )
    )
