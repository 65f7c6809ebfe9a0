import re

import pytest

from demo.factories import make_course
from modules.models import CoursePage
from modules.services import enrollment_create


@pytest.mark.django_db
def test_catalogue_filters_by_tag_and_domain_and_searches(client):
    policy = make_course(title="Kebijakan Sosial", modules=1, domains=("knowledge",))
    policy.tags.add("kebijakan")
    policy.save_revision().publish()
    disaster = make_course(title="Tanggap Bencana", modules=1, domains=("skills",))

    page = client.get("/pelatihan/").content.decode()
    assert "Kebijakan Sosial" in page and "Tanggap Bencana" in page

    page = client.get("/pelatihan/?tag=kebijakan").content.decode()
    assert "Kebijakan Sosial" in page and "Tanggap Bencana" not in page

    page = client.get("/pelatihan/?domain=skills").content.decode()
    assert "Tanggap Bencana" in page and "Kebijakan Sosial" not in page

    page = client.get("/pelatihan/?q=Bencana").content.decode()
    assert disaster.title in page and policy.title not in page


@pytest.mark.django_db
def test_unpublished_courses_are_not_listed(client):
    draft = make_course(title="Masih Draf")
    draft.unpublish()
    assert "Masih Draf" not in client.get("/pelatihan/").content.decode()
    assert CoursePage.objects.filter(title="Masih Draf").exists()


@pytest.mark.django_db
def test_site_search_finds_lessons_by_their_body(client, volunteer):
    course = make_course(title="Kunjungan")  # the lessons' bodies are about pendampingan
    enrollment_create(user=volunteer, course=course)
    assert (
        "Kunjungan modul 1 pelajaran 1"
        not in client.get("/search/?q=pendampingan").content.decode()
    )
    client.force_login(volunteer)
    response = client.get("/search/?q=mendampingi")
    assert response.status_code == 200
    assert "Kunjungan modul 1 pelajaran 1" in response.content.decode()


# --- The cached course cards (modules/catalogue_cache.py) --------------------------------------


def catalogue_with_covers(n: int):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    courses = []
    for i in range(n):
        course = make_course(title=f"Pelatihan {i}", modules=1, lessons=1)
        course.cover = Image.objects.create(title=f"sampul {i}", file=get_test_image_file())
        course.tags.add("dasar")
        course.save_revision().publish()
        courses.append(course)
    return courses


def cards(html: str) -> list[str]:
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)


@pytest.mark.django_db
def test_anonymous_catalogue_is_served_from_the_cache(client, django_assert_num_queries):
    catalogue_with_covers(5)
    client.get("/")  # warm per-process caches (site root paths), as a running server has
    # routing (7), the topics, the courses, their covers, the renditions, the courses' topics
    with django_assert_num_queries(12):
        first = client.get("/pelatihan/").content.decode()
    with django_assert_num_queries(0):
        second = client.get("/pelatihan/").content.decode()
    assert cards(second) == cards(first) == [f"Pelatihan {i}" for i in range(5)]
    assert re.findall(r'srcset="[^"]+"', second) == re.findall(r'srcset="[^"]+"', first)
    # A topic filter has its own entry: privacy settings, courses, covers, renditions, topics.
    with django_assert_num_queries(5):
        client.get("/pelatihan/?tag=dasar")
    with django_assert_num_queries(0):
        tagged = client.get("/pelatihan/?tag=dasar").content.decode()
    assert len(cards(tagged)) == 5


@pytest.mark.django_db
def test_publishing_unpublishing_moving_and_deleting_show_at_once(client):
    first, second = catalogue_with_covers(2)
    assert cards(client.get("/pelatihan/").content.decode()) == ["Pelatihan 0", "Pelatihan 1"]
    assert cards(client.get("/").content.decode()) == ["Pelatihan 0", "Pelatihan 1"]

    make_course(title="Kursus Baru", modules=1, lessons=1)  # published
    assert "Kursus Baru" in cards(client.get("/pelatihan/").content.decode())
    assert "Kursus Baru" in cards(client.get("/").content.decode())

    first.unpublish()
    assert "Pelatihan 0" not in cards(client.get("/pelatihan/").content.decode())
    assert "Pelatihan 0" not in cards(client.get("/").content.decode())

    second.title = "Pelatihan Satu (revisi)"
    second.save_revision().publish()
    assert "Pelatihan Satu (revisi)" in cards(client.get("/pelatihan/").content.decode())

    second.move(second.get_parent(), pos="first-child")
    assert cards(client.get("/pelatihan/").content.decode())[0] == "Pelatihan Satu (revisi)"

    second.tags.add("bencana")
    second.save_revision().publish()
    assert 'value="bencana"' in client.get("/pelatihan/").content.decode()

    CoursePage.objects.get(pk=second.pk).delete()
    assert "Pelatihan Satu (revisi)" not in cards(client.get("/pelatihan/").content.decode())
    assert "Pelatihan Satu (revisi)" not in cards(client.get("/").content.decode())


@pytest.mark.django_db
def test_a_deleted_cover_image_leaves_the_cards_at_once(client):
    [course] = catalogue_with_covers(1)
    html = client.get("/pelatihan/").content.decode()
    before = re.search(r'class="card-img"[^>]* src="([^"]+)"', html).group(1)
    course.cover.delete()
    html = client.get("/pelatihan/").content.decode()
    assert before not in html and "card-img" not in html


@pytest.mark.django_db
def test_languages_do_not_share_cached_cards(client):
    make_course(title="Hanya Kantor", modules=1, lessons=1, self_enrol=False)
    indonesian = client.get("/pelatihan/").content.decode()
    assert "pendaftaran oleh Admin Dinsos" in indonesian
    client.cookies["django_language"] = "en"
    english = client.get("/pelatihan/").content.decode()
    assert "enrolment by the office" in english and "Admin Dinsos" not in english
    del client.cookies["django_language"]
    assert "pendaftaran oleh Admin Dinsos" in client.get("/pelatihan/").content.decode()


@pytest.mark.django_db
def test_logged_in_volunteer_sees_their_own_page_around_the_shared_cards(client, volunteer):
    catalogue_with_covers(2)
    anonymous = client.get("/pelatihan/").content.decode()
    assert "Log out" not in anonymous and "Keluar" not in anonymous
    client.force_login(volunteer)
    own = client.get("/pelatihan/").content.decode()
    assert cards(own) == cards(anonymous)
    assert 'action="/accounts/logout/"' in own  # their menu, with their CSRF token
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', own).group(1)
    assert token not in anonymous
    client.logout()
    assert 'action="/accounts/logout/"' not in client.get("/pelatihan/").content.decode()
    # What the cache holds is the same for everyone: no token, no user.
    for value in cached_cards():
        assert "csrfmiddlewaretoken" not in value and volunteer.username not in value


@pytest.mark.django_db
def test_searches_and_unknown_topics_are_not_stored(client, django_assert_num_queries):
    catalogue_with_covers(2)
    client.get("/pelatihan/")
    stored = len(cached_cards())
    for i in range(20):
        client.get("/pelatihan/", {"tag": f"tidak-ada-{i}"})
        client.get("/pelatihan/", {"q": f"cari {i}"})
        client.get("/pelatihan/", {"domain": f"x{i}"})  # an unknown domain is no filter
    assert len(cached_cards()) == stored
    html = client.get("/pelatihan/", {"q": "Pelatihan 1"}).content.decode()
    assert cards(html) == ["Pelatihan 1"]


def cached_cards() -> list[str]:
    from django.core.cache import cache

    return [
        cache.get(key.split(":", 2)[-1])  # ":1:<key>", LocMemCache as in the test settings
        for key in list(cache._cache)
        if ":cards:" in key
    ]
