"""The JSON answers of /api/ leave off the headers only documents use (a phone syncing on a
metered connection pays for each byte); pages keep every one of them."""

import pytest

# Referrer-Policy and Cross-Origin-Opener-Policy stay: Django's SecurityMiddleware adds them
# outside every other middleware, and `check --deploy` wants that very class in MIDDLEWARE.
PAGE_ONLY = ("Content-Security-Policy", "X-Frame-Options", "Content-Language")


@pytest.mark.django_db
def test_api_json_leaves_off_page_only_headers_and_keeps_nosniff(client, volunteer):
    client.force_login(volunteer)
    response = client.get("/api/v1/offline/courses")
    assert response.status_code == 200
    assert [h for h in PAGE_ONLY if h in response] == []
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_pages_keep_them(client, volunteer):
    client.force_login(volunteer)
    response = client.get("/dashboard/")
    assert [h for h in PAGE_ONLY if h not in response] == []
