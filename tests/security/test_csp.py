"""Part 2: Content Security Policy on the public site, no inline script anywhere."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from demo.factories import lessons_of

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT_TYPES_THAT_RUN = {"", "text/javascript", "module", "application/javascript"}


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


class InlineCode(HTMLParser):
    """Collects inline scripts without the request's nonce and inline event handlers."""

    def __init__(self, nonce: str):
        super().__init__()
        self.nonce = nonce
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action") and (value or "").lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and not attributes.get("src"):
            kind = (attributes.get("type") or "").lower()
            if kind in SCRIPT_TYPES_THAT_RUN and attributes.get("nonce") != self.nonce:
                self.problems.append("<script> inline without the nonce")


def assert_strict_policy(response):
    assert response.status_code == 200, response
    header = response["Content-Security-Policy"]
    policy = directives(header)
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["script-src"][0] == "'self'"
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["default-src"] == ["'self'"]
    nonce = next(
        (w[len("'nonce-") : -1] for w in policy["script-src"] if w.startswith("'nonce-")), ""
    )
    parser = InlineCode(nonce)
    parser.feed(response.content.decode())
    assert parser.problems == []


@pytest.fixture
def studying(client, volunteer, course):
    client.force_login(volunteer)
    assert client.post(f"/belajar/kursus/{course.pk}/daftar/").status_code == 302
    return client


PUBLIC_ANONYMOUS = [
    "/",
    "/pelatihan/",
    "/accounts/login/",
    "/accounts/register/",
    "/accounts/password_reset/",
    "/verify/",
    "/search/?q=pendampingan",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_ANONYMOUS)
def test_public_pages_send_a_strict_policy_and_still_render(client, course, url):
    assert_strict_policy(client.get(url))


@pytest.mark.django_db
def test_course_and_lesson_pages_for_a_volunteer(studying, course):
    assert_strict_policy(studying.get(course.url))
    lesson = lessons_of(course)[0]
    page = studying.get(lesson.url)
    assert_strict_policy(page)
    assert "Isi pelajaran tentang pendampingan." in page.content.decode()
    for url in ("/dashboard/", "/kompetensi/"):
        assert_strict_policy(studying.get(url))


@pytest.mark.django_db
def test_quiz_page_loads_its_script_from_static_files(studying, course):
    from demo.factories import make_question, make_quiz

    module = lessons_of(course)[0].get_parent().specific
    quiz = make_quiz(module, [make_question("single")])
    response = studying.post(f"/kuis/{quiz.pk}/mulai/")
    assert response.status_code == 302
    page = studying.get(response.url)
    assert_strict_policy(page)
    assert re.search(r'<script src="/static/js/quiz\.js"', page.content.decode())


@pytest.mark.django_db
def test_wagtail_admin_has_its_own_looser_rules(client, trainer):
    """The admin runs Wagtail's inline scripts: it is excluded from the site's policy."""
    client.force_login(trainer)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert response["X-Frame-Options"] == "DENY"


TEMPLATE_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>")
TEMPLATE_EVENT_HANDLER = re.compile(r"<[a-zA-Z][^>]*\s on[a-z]+\s*=", re.VERBOSE)


def test_no_template_has_inline_script_or_event_handlers():
    offenders = []
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for pattern in (TEMPLATE_INLINE_SCRIPT, TEMPLATE_EVENT_HANDLER):
            for match in pattern.finditer(text):
                if "csp_nonce" not in match.group(0):
                    offenders.append(f"{path.relative_to(ROOT)}: {match.group(0)[:80]}")
    assert offenders == []


def _preview_panel_form(lesson) -> dict:
    """What the preview panel POSTs: the edit form as it stands (here: unchanged but the title)."""
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    return nested_form_data(
        {
            "title": f"{lesson.title} (draf)",
            "slug": lesson.slug,
            "intro": lesson.intro,
            "body": streamfield([]),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        }
    )


@pytest.mark.django_db
def test_the_preview_panel_may_be_framed_by_the_admin_and_nothing_else(client, trainer, course):
    """[H] 11: the panel POSTs the form to .../preview/ and loads the same URL in an iframe; the
    dummy request Wagtail renders it with runs the site's middleware at the page's public path,
    so it carried the public frame-ancestors 'none' and the browser refused to show it."""
    lesson = lessons_of(course)[0]
    course.trainers.add(trainer)
    client.force_login(trainer)
    url = f"/admin/pages/{lesson.pk}/edit/preview/"
    posted = client.post(url, _preview_panel_form(lesson))
    assert posted.json() == {"is_valid": True, "is_available": True}
    framed = client.get(url + "?in_preview_panel=true")
    assert framed.status_code == 200
    assert f"{lesson.title} (draf)" in framed.content.decode()
    policy = directives(framed["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"][0] == "'self'"  # the rest of the public policy still holds
    assert framed["X-Frame-Options"] == "SAMEORIGIN"
    # Everywhere else, no framing at all: the public page, the admin, "view draft" in its tab.
    client.logout()
    public = client.get(lesson.url)
    assert directives(public["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]
    assert public["X-Frame-Options"] == "DENY"
    client.force_login(trainer)
    assert directives(client.get(lesson.url)["Content-Security-Policy"])["frame-ancestors"] == [
        "'none'"
    ]
    assert client.get(f"/admin/pages/{lesson.pk}/edit/")["X-Frame-Options"] == "DENY"
