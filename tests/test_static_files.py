"""Static files as production serves them: collectstatic with production's storage (hashed names
and a manifest, .br and .gz copies), served by WhiteNoise in production's middleware order.
A hashed file is cached for a year and marked immutable, so a phone downloads site.css once per
release; the unhashed name, which can change under the same URL, is not."""

import gzip
import json
import re
import time

import pytest
from django.conf import settings
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client, override_settings

from demo.factories import lessons_of, make_course
from modules.services import enrollment_create

from .test_settings import run_settings

ONE_YEAR = 365 * 24 * 60 * 60


@pytest.fixture(scope="module")
def production_static(tmp_path_factory):
    """collectstatic once for the module, with production's storage and middleware (read from
    lms.settings.production in a fresh interpreter, as test_settings does); yields a client
    whose requests pass through production's middleware."""
    result = run_settings(
        "lms.settings.production",
        {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "testserver"},
        "import json; print(json.dumps({'middleware': s.MIDDLEWARE,"
        " 'staticfiles': s.STORAGES['staticfiles'],"
        " 'whitenoise': {k: getattr(s, k) for k in dir(s) if k.startswith('WHITENOISE_')}}))",
    )
    assert result.returncode == 0, result.stderr
    production = json.loads(result.stdout.strip().splitlines()[-1])
    assert production["middleware"][:2] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]
    # Only the project's own static/ that pages link (what a volunteer's phone downloads): with
    # Wagtail's admin files (1,300 files, 25 MB) the gzip and brotli copies take a minute, and
    # brotli alone spends 19 s on the DejaVu fonts (1.5 MB, used by the certificate PDFs, never
    # linked by a page). Every file goes through the same storage and middleware.
    with override_settings(
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        STATIC_ROOT=tmp_path_factory.mktemp("staticfiles"),
        STORAGES={**settings.STORAGES, "staticfiles": production["staticfiles"]},
        MIDDLEWARE=production["middleware"],
        **production["whitenoise"],
    ):
        started = time.perf_counter()
        call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=["fonts"])
        print(f"\ncollectstatic (manifest, gzip + brotli): {time.perf_counter() - started:.1f} s")
        # WhiteNoise reads STATIC_ROOT when the middleware is built: a new client, now.
        yield Client()


def max_age(response) -> int:
    match = re.search(r"max-age=(\d+)", response["Cache-Control"])
    assert match, response["Cache-Control"]
    return int(match.group(1))


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("name", ["css/site.css", "js/site.js", "js/quiz.js"])
def test_hashed_static_files_are_cached_for_a_year_and_compressed(production_static, name):
    client = production_static
    url = static(name)
    assert re.fullmatch(rf"/static/{name.rsplit('.', 1)[0]}\.[0-9a-f]{{12}}\.\w+", url), url

    plain = client.get(url)
    assert plain.status_code == 200
    assert max_age(plain) >= ONE_YEAR
    assert "immutable" in plain["Cache-Control"] and "public" in plain["Cache-Control"]
    assert "Content-Encoding" not in plain
    assert "Accept-Encoding" in plain["Vary"]
    original = body(plain)

    zipped = client.get(url, headers={"accept-encoding": "gzip"})
    assert zipped["Content-Encoding"] == "gzip"
    assert max_age(zipped) >= ONE_YEAR and "immutable" in zipped["Cache-Control"]
    assert gzip.decompress(body(zipped)) == original

    brotli = client.get(url, headers={"accept-encoding": "gzip, deflate, br"})
    assert brotli["Content-Encoding"] == "br"
    assert int(brotli["Content-Length"]) < int(zipped["Content-Length"]) < len(original)
    print(
        f"{url}: {plain['Cache-Control']}; {len(original)} B, gzip {zipped['Content-Length']} B,"
        f" br {brotli['Content-Length']} B"
    )


def test_unhashed_names_get_a_short_max_age(production_static):
    response = production_static.get("/static/css/site.css")
    assert response.status_code == 200
    assert max_age(response) < 24 * 60 * 60
    assert "immutable" not in response["Cache-Control"]
    print("/static/css/site.css:", response["Cache-Control"])


@pytest.mark.django_db
def test_a_lesson_page_links_only_hashed_immutable_assets(production_static, volunteer):
    """The first visit costs HTML + CSS + JS as sent compressed; later lessons only their HTML."""
    client = production_static
    course = make_course(title="Bimtek Ringan", modules=1, lessons=2)
    enrollment_create(user=volunteer, course=course)
    client.force_login(volunteer)
    html = client.get(lessons_of(course)[0].url).content
    assets = re.findall(rb'(?:href|src)="(/static/[^"?#]+)"', html)
    assert len(assets) >= 3, assets  # site.css, the logo, site.js
    sent = {"html (gzip)": len(gzip.compress(html, compresslevel=9))}
    for asset in assets:
        response = client.get(asset.decode(), headers={"accept-encoding": "gzip, br"})
        assert response.status_code == 200, asset
        assert max_age(response) >= ONE_YEAR and "immutable" in response["Cache-Control"]
        sent[asset.decode()] = int(response["Content-Length"])
    print(f"lesson page, first visit as sent (br/gzip): {sent} total {sum(sent.values())} B")
    assert sum(sent.values()) <= 60 * 1024
