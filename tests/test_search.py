"""The site search (/search/) on the demo curriculum: Indonesian roots (rujuk finds rujukan),
a snippet with the hits marked and the course named, and lessons only for those who may open
them. The same answers on SQLite and PostgreSQL (modules/search.py)."""

import html
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from demo.factories import lessons_of, make_course
from demo.loader import load_courses
from demo.management.commands.seed_demo import Command as SeedDemo
from modules.cache import progress_changed
from modules.models import (
    CourseIndexPage,
    CoursePage,
    Enrollment,
    LessonPage,
    ModulePage,
    SearchEntry,
)
from modules.services import enrollment_create, lesson_complete

RESULT = re.compile(
    r'<h2 class="result-title">(?:<a href="(?P<url>[^"]*)">)?(?P<title>.*?)(?:</a>)?</h2>\s*'
    r'<p class="meta">(?P<meta>.*?)</p>\s*(?:<p class="snippet">(?P<snippet>.*?)</p>)?'
    r"\s*(?:<p class=\"meta\">(?P<note>.*?)</p>)?",
    re.S,
)


def results(client, query: str, **params) -> list[dict]:
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    found = []
    for match in RESULT.finditer(response.content.decode()):
        item = match.groupdict()
        item["text"] = html.unescape(re.sub(r"<[^>]+>", "", item["title"]))
        found.append(item)
    return found


def titles(client, query: str) -> set[str]:
    return {item["text"] for item in all_results(client, query)}


def all_results(client, query: str) -> list[dict]:
    found, page = [], 1
    while True:
        batch = results(client, query, page=page)
        found += batch
        if len(batch) < 10:
            return found
        page += 1


@pytest.fixture
def curriculum(db):
    """The demo curriculum's three courses, as seed_demo builds them (no people)."""
    catalogue = CourseIndexPage.objects.get()
    seed = SeedDemo()
    for position, data in enumerate(load_courses()):
        seed.course(catalogue, data, position)
    return {course.slug: course for course in CoursePage.objects.all()}


@pytest.fixture
def basic(curriculum):
    return curriculum["bimtek-dasar-psm"]


def lesson_titles_containing(course, pattern: str) -> set[str]:
    """The lessons whose own text has a word matching `pattern`: what the search must find."""
    regex = re.compile(pattern, re.I)
    found = set()
    for lesson in LessonPage.objects.live().descendant_of(course):
        entry = SearchEntry.objects.get(page=lesson)
        if regex.search(lesson.title) or regex.search(entry.text):
            found.add(lesson.title)
    return found


@pytest.mark.django_db
def test_rujuk_finds_the_lessons_about_rujukan_with_a_snippet_and_their_course(
    client, volunteer, basic
):
    enrollment_create(user=volunteer, course=basic)
    client.force_login(volunteer)
    found = all_results(client, "rujuk")
    lesson = LessonPage.objects.get(slug="slrt-dan-puskesos")
    item = next(item for item in found if item["text"] == lesson.title)
    assert item["url"] == lesson.url
    assert "Bimtek Dasar PSM" in item["meta"] and "Rujukan dan Jejaring Layanan" in item["meta"]
    assert "<mark>rujukan</mark>" in item["snippet"] and "<mark>merujuk</mark>" in item["snippet"]
    assert "<mark>Rujukan</mark>" in item["title"]
    # Every enrolled lesson with rujukan, merujuk or dirujuk in it, and only those.
    expected = lesson_titles_containing(basic, r"\b(me|di)?rujuk(an|nya)?\b")
    assert len(expected) >= 6
    lessons = {item["text"] for item in found if item["meta"].startswith("Pelajaran")}
    assert lessons == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("queries", "pattern"),
    [
        (["rujuk", "rujukan", "merujuk", "dirujuk"], r"\b(me|di)?rujuk(an|nya)?\b"),
        (["pendampingan", "mendampingi", "damping"], r"\b(pen|men|di|ber)?damping(an|i)?\b"),
        (["kesejahteraan", "sejahtera"], r"\b(ke)?sejahtera(an)?\b"),
        (["penyalahgunaan", "disalahgunakan"], r"(penyalah|disalah|menyalah)guna"),
        (["pelaporan", "laporan", "melaporkan"], r"\b(pe|me|di)?lapor(an|kan)?\b"),
    ],
    ids=lambda value: value[0] if isinstance(value, list) else "",
)
def test_each_form_of_a_curriculum_word_finds_the_same_lessons(
    client, trainer, curriculum, queries, pattern
):
    client.force_login(trainer)  # reads every lesson
    expected = set()
    for course in curriculum.values():
        expected |= lesson_titles_containing(course, pattern)
    assert expected
    for query in queries:
        lessons = {
            item["text"] for item in all_results(client, query) if "Pelajaran" in item["meta"]
        }
        assert lessons == expected, query


@pytest.mark.django_db
def test_two_words_find_the_pages_with_both_and_a_compound_by_its_parts(client, trainer, basic):
    client.force_login(trainer)
    both = titles(client, "salah guna")
    assert {"Pemerlu Pelayanan Kesejahteraan Sosial (PPKS/PMKS)"} <= both
    assert titles(client, "rujukan puskesos") <= titles(client, "rujukan")
    assert "SLRT, Puskesos, dan Alur Rujukan" in titles(client, "rujukan puskesos")
    # A volunteer is not "rawan" (prone): Sastrawi alone would find relawan there.
    assert titles(client, "rawan") == set()


@pytest.mark.django_db
def test_anonymous_visitors_find_courses_and_modules_but_no_lesson(client, basic):
    lesson_urls = {lesson.url for lesson in lessons_of(basic)}
    found = all_results(client, "pendampingan")
    assert found
    assert {item["url"] for item in found}.isdisjoint(lesson_urls)
    assert all(item["url"].startswith(basic.url) for item in found if "Bimtek" in item["meta"])
    assert not [item for item in found if "Pelajaran" in item["meta"]]
    assert "Bimtek Dasar PSM" in {item["text"] for item in found}
    # A word only lessons have (their bodies, not the course page) finds nothing at all.
    for word in ("dinamisator", "penyalahgunaan"):
        assert lesson_titles_containing(basic, word)
        assert results(client, word) == []
    page = client.get("/search/", {"q": "dinamisator"}).content.decode()
    assert "Masuk dan ikuti pelatihan" in page  # "log in and enrol" to search lessons too


@pytest.mark.django_db
def test_volunteers_find_lessons_only_of_their_courses_and_trainers_all(
    client, volunteer, other_volunteer, trainer, curriculum
):
    basic = curriculum["bimtek-dasar-psm"]
    disaster = curriculum["tanggap-darurat-bencana-tagana"]
    enrollment_create(user=volunteer, course=basic)
    Enrollment.objects.create(user=other_volunteer, course=disaster)  # enrolled by the office
    progress_changed(other_volunteer.pk)

    def lesson_courses(user):
        client.force_login(user)
        return {
            item["meta"].split(" · ")[1].split(" \u203a ")[0]
            for item in all_results(client, "rujukan")
            if item["meta"].startswith("Pelajaran")
        }

    assert lesson_courses(volunteer) == {basic.title}
    assert lesson_courses(other_volunteer) == {disaster.title}
    assert lesson_courses(trainer) == {basic.title, disaster.title}


@pytest.mark.django_db
def test_lessons_of_a_locked_module_are_listed_without_their_link(client, volunteer):
    course = make_course(title="Berurutan", modules=2, lessons=1, requires_previous=True)
    enrollment_create(user=volunteer, course=course)
    first, second = lessons_of(course)
    client.force_login(volunteer)
    item = next(i for i in results(client, "Berurutan modul 2") if i["text"] == second.title)
    assert item["url"] is None
    assert "Selesaikan modul" in item["note"] and "Berurutan modul 1" in item["note"]
    lesson_complete(by=volunteer, lesson=first)
    item = next(i for i in results(client, "Berurutan modul 2") if i["text"] == second.title)
    assert item["url"] == second.url and not item["note"]


@pytest.mark.django_db
def test_titles_and_snippets_are_escaped(client, trainer):
    course = make_course(title="Aman", modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    lesson.title = "<b>Rujukan</b> & kasus"
    lesson.body = LessonPage.body.field.stream_block.to_python(
        [
            {
                "type": "paragraph",
                "value": "<p>Tulis &lt;script&gt;alert(1)&lt;/script&gt; lalu rujukan.</p>",
            }
        ]
    )
    lesson.save_revision().publish()
    client.force_login(trainer)
    page = client.get("/search/", {"q": "rujukan"}).content.decode()
    assert "<script>" not in page and "<b>Rujukan" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; lalu <mark>rujukan</mark>" in page
    assert "&lt;b&gt;<mark>Rujukan</mark>&lt;/b&gt; &amp; kasus" in page


@pytest.mark.django_db
def test_private_unpublished_and_hidden_pages_are_not_found(client, trainer):
    client.force_login(trainer)
    private = make_course(title="Rahasia", modules=1, lessons=1)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
    )
    assert titles(client, "Rahasia") == set()
    course = make_course(title="Terbit", modules=2, lessons=1)
    first, second = lessons_of(course)
    assert {first.title, second.title} <= titles(client, "Terbit")
    first.unpublish()
    ModulePage.objects.get(pk=second.get_parent().pk).unpublish()  # its lesson stays live
    assert titles(client, "Terbit") == {"Terbit", "Terbit modul 1"}
    course.unpublish()
    assert titles(client, "Terbit") == set()


@pytest.mark.django_db
def test_the_index_follows_publishing_drafts_moves_and_deletions(client, trainer):
    client.force_login(trainer)
    course = make_course(title="Alur", modules=1, lessons=1)
    other = make_course(title="Lain", modules=1, lessons=0)
    lesson = lessons_of(course)[0]
    lesson.intro = "Pelajaran tentang pengungsian."
    lesson.save_revision()  # a draft: the published text is still the old one
    assert titles(client, "pengungsi") == set()
    lesson = LessonPage.objects.get(pk=lesson.pk)
    lesson.get_latest_revision().publish()
    assert lesson.title in titles(client, "pengungsi")
    lesson = LessonPage.objects.get(pk=lesson.pk)
    lesson.move(ModulePage.objects.child_of(other).get(), pos="last-child")
    item = next(i for i in results(client, "pengungsi") if i["text"] == lesson.title)
    assert "Lain" in item["meta"] and item["url"] == LessonPage.objects.get(pk=lesson.pk).url
    LessonPage.objects.get(pk=lesson.pk).delete()
    assert titles(client, "pengungsi") == set()
    assert not SearchEntry.objects.filter(page_id=lesson.pk).exists()


@pytest.mark.django_db
def test_search_reindex_and_the_migration_rebuild_the_index(client, trainer, basic):
    from django.core.management import call_command
    from django.db.migrations.executor import MigrationExecutor

    client.force_login(trainer)
    before = titles(client, "rujuk")
    SearchEntry.objects.all().delete()
    assert titles(client, "rujuk") == set()
    call_command("search_reindex", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert titles(client, "rujuk") == before
    # The migration fills the table from the historical models (an upgraded site's pages).
    SearchEntry.objects.all().delete()
    migration = __import__("modules.migrations.0008_search_entry", fromlist=["x"])
    state = MigrationExecutor(connection).loader.project_state(("modules", "0008_search_entry"))
    migration.index_existing_pages(state.apps, None)
    assert titles(client, "rujuk") == before


@pytest.mark.django_db
def test_the_catalogue_search_finds_courses_by_roots_too(client, curriculum):
    def courses(query):
        page = client.get("/pelatihan/", {"q": query}).content.decode()
        return set(re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', page))

    assert courses("rujuk") == {"Bimtek Dasar PSM"}  # its objectives: "... dan rujukan"
    assert "Pendampingan Keluarga Penerima Bantuan Sosial" in courses("mendampingi")
    assert courses("!!!") == set()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"q": "a" * 5000},
        {"q": "!!!"},
        {"q": "rujuk", "page": "abc"},
        {"q": "rujuk", "page": "99999"},
        {"q": "rujuk", "page": "-1"},
        {"q": " ".join(["rujukan"] * 200)},
        {"q": "\u0440\u0443\u0301\u043a\u0443 日本 émigré"},
    ],
)
def test_odd_queries_and_pages_answer_200(client, basic, params):
    assert client.get("/search/", params).status_code == 200


def search_counts(client, user, n: int) -> int:
    """Queries of a search that finds a course, its module and `n` lessons."""
    course = make_course(title=f"Cari{n}", modules=1, lessons=n)
    if user is not None:
        if user.groups.filter(name="Relawan").exists():
            enrollment_create(user=user, course=course)
        client.force_login(user)
    url = f"/search/?q=Cari{n}"
    cache.clear()
    client.get(url)  # warm per-process caches (site root paths), as a running server has
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    shown = min(n + 2, 10) if user is not None else 2  # anonymous: the course and its module
    assert len(RESULT.findall(response.content.decode())) == shown
    return len(queries)


@pytest.mark.django_db
def test_search_queries_do_not_grow_with_results(client, volunteer, other_volunteer, trainer):
    # Session and user (signed in), the count and the page of results: nothing per result (the
    # courses' structures, the reader's progress and the privacy settings come from caches).
    # A trainer's page also has Wagtail's user bar, which reads the trainer's profile twice.
    assert search_counts(client, None, 3) == search_counts(client, None, 40) == 2
    assert search_counts(client, volunteer, 4) == search_counts(client, other_volunteer, 41) == 4
    assert search_counts(client, trainer, 5) == search_counts(client, trainer, 42) == 6
