"""The signed certificate link is answered by certificates.middleware before sessions and
authentication, like a static file: no query, no session, no cookie; a bad link gets the
normal 404 page."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .test_certificates import issued, make_kompeten, template  # noqa: F401 - fixtures


@pytest.mark.django_db
def test_a_signed_link_is_served_without_queries_or_session(client, issued, volunteer):  # noqa: F811
    client.force_login(volunteer)
    link = client.get(f"/sertifikat/{issued.pk}/unduh/").url
    stranger = Client()  # the link alone is the permission, for five minutes
    with CaptureQueriesContext(connection) as queries:
        response = stranger.get(link)
        body = b"".join(response.streaming_content)
    assert response.status_code == 200
    assert body == issued.pdf.open("rb").read()
    assert len(queries) == 0
    assert "Set-Cookie" not in str(response.headers) and not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_a_tampered_link_gets_the_sites_404_page(client):
    response = client.get("/sertifikat/berkas/bukan-tautan-yang-sah/")
    assert response.status_code == 404
    assert "<html" in response.content.decode().lower()
