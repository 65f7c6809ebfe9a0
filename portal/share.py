"""Sharing a certificate: a WhatsApp click-to-chat link (no API, no cost) and the plain link."""

from urllib.parse import quote

from django.utils.translation import gettext as _

from certificates.models import CertificateStatus
from certificates.services import verify_url


def share_links(certificate) -> dict | None:
    """Links for a certificate the holder may show: a revoked or superseded one has none."""
    if certificate.status != CertificateStatus.VALID:
        return None
    url = verify_url(certificate.code)
    text = _("My PSM training certificate “%(course)s”. Check it here: %(url)s") % {
        "course": certificate.course.title,
        "url": url,
    }
    return {"url": url, "whatsapp": "https://wa.me/?text=" + quote(text, safe="")}
