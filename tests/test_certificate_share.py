"""Item 8: the volunteer shares their certificate's verification link by WhatsApp or copies it."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from assessments.models import Verdict, VerdictStatus
from certificates.models import CertificateTemplate
from certificates.services import certificate_issue, certificate_revoke
from demo.factories import make_course
from modules.services import enrollment_create


@pytest.fixture
def issued(db, volunteer):
    course = make_course(title="Bimtek Dasar PSM", modules=1, lessons=1)
    enrollment_create(user=volunteer, course=course)
    Verdict.objects.create(
        volunteer=volunteer,
        course=course,
        status=VerdictStatus.KOMPETEN,
        computed_at=timezone.now(),
    )
    CertificateTemplate.objects.create(name="Standar", is_default=True, signatory_name="Drs. X")
    return certificate_issue(holder=volunteer, course=course)


def test_share_to_whatsapp_and_copy_the_link(client, volunteer, issued, settings):
    client.force_login(volunteer)
    response = client.get("/dashboard/")
    page = response.content.decode()
    verify = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/verify/{issued.code}/"
    links = [html.unescape(h) for h in re.findall(r'href="(https://wa\.me/[^"]+)"', page)]
    assert len(links) == 1
    parts = urlsplit(links[0])
    assert (parts.netloc, parts.path) == ("wa.me", "/")
    assert " " not in links[0]  # url-encoded
    text = parse_qs(parts.query)["text"][0]
    assert text.endswith(verify) and "Bimtek Dasar PSM" in text
    assert len(verify) <= 80  # short enough for an SMS beside a line of text
    # No-JS fallback: the link in a readonly field; the copy button is shown by share.js.
    assert f'readonly value="{verify}"' in page
    assert re.search(r'<button type="button"[^>]*data-copy="link-\d+"[^>]*hidden>', page)
    assert "js/share.js" in page
    assert "<script>" not in page  # strict CSP: scripts from static files only
    # The script-src directive alone: django-csp's order of directives follows the hash seed.
    directives = [d.strip() for d in response["Content-Security-Policy"].split(";")]
    script_src = next(d for d in directives if d.startswith("script-src "))
    assert "'unsafe-inline'" not in script_src


def test_a_revoked_certificate_is_not_offered_for_sharing(client, volunteer, issued, office_admin):
    certificate_revoke(certificate=issued, by=office_admin, reason="Data salah")
    client.force_login(volunteer)
    page = client.get("/dashboard/").content.decode()
    assert "wa.me" not in page and "data-copy" not in page
