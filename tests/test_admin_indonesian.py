"""[H] 15: the admin spoke English where Wagtail 8's Indonesian (id_ID) catalogue has no entry
("Page title*", "52 Pages", "CURRENT PAGE STATUS", "Download XLSX", "There are 11 matches").
The language was right (LANGUAGE_CODE "id", no preferred language set: Wagtail follows the
active language); the strings were missing. locale_wagtail/ supplies them."""

import re

import pytest

from demo.factories import lessons_of
from modules.models import ModulePage


def _text(html: str) -> str:
    """The page as read: no scripts (the sidebar's JSON), no tags."""
    html = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.fixture
def trainer_client(client, trainer, course):
    course.trainers.add(trainer)
    course.save()
    client.force_login(trainer)
    return client


@pytest.mark.django_db
def test_the_page_editor_and_explorer_are_indonesian(trainer_client, course):
    lesson = lessons_of(course)[0]
    module = ModulePage.objects.child_of(course).first()
    screens = {
        f"/admin/pages/{lesson.pk}/edit/": [
            "Judul halaman",
            "Untuk mesin pencari",
            "Tindakan lain",
        ],
        f"/admin/pages/add/modules/lessonpage/{module.pk}/": ["Judul halaman"],
        f"/admin/pages/{module.pk}/": ["Status halaman saat ini", "Tindakan massal"],
        "/admin/": ["Halaman", "dibuat di"],
        "/admin/pages/search/?q=Bimtek": ["halaman yang cocok"],
        "/admin/reports/site-history/": ["Unduh XLSX", "Unduh CSV"],
    }
    english = [
        "Page title",
        "Current page status",
        "For search engines",
        "More actions",
        "Bulk actions",
        "Download XLSX",
        "matching page",
        "There are",
        "Pages created in",
    ]
    for url, indonesian in screens.items():
        response = trainer_client.get(url)
        assert response.status_code == 200, url
        text = _text(response.content.decode())
        for words in indonesian:
            assert words in text, (url, words)
        for words in english:
            assert words not in text, (url, words)
    sidebar = trainer_client.get("/admin/").content.decode()  # its menu is JSON for a script
    assert '"Bantuan"' in sidebar and '"Help"' not in sidebar


@pytest.mark.django_db
def test_the_question_bank_search_counts_in_indonesian(trainer_client):
    from demo.factories import make_question

    make_question("essay")
    text = _text(
        trainer_client.get("/admin/snippets/assessments/question/?kind=essay").content.decode()
    )
    assert "Ada 1 yang cocok" in text and "There is" not in text


@pytest.mark.django_db
def test_the_admins_javascript_strings_are_indonesian(trainer_client):
    catalog = trainer_client.get("/admin/jsi18n/").content.decode()
    assert "Ciutkan semua" in catalog and "Sisipkan blok" in catalog


@pytest.mark.django_db
def test_searching_the_question_bank_finds_and_never_fails(trainer_client):
    from demo.factories import make_question

    make_question("essay", text="Jelaskan cara menjaga kerahasiaan data warga.")
    response = trainer_client.get("/admin/snippets/assessments/question/?q=kerahasiaan")
    assert response.status_code == 200
    assert "menjaga kerahasiaan data warga" in response.content.decode()


@pytest.mark.django_db
def test_an_empty_admin_search_says_so_in_indonesian(client, office_admin):
    """The office's user search and page search when they find nobody."""
    client.force_login(office_admin)
    users = _text(client.get("/admin/users/?q=zzzqqq").content.decode())
    assert "Maaf, tidak ada pengguna yang cocok" in users and "Sorry" not in users
    pages = _text(client.get("/admin/pages/search/?q=zzzqqq").content.decode())
    assert "Maaf, tidak ada halaman yang cocok" in pages and "Sorry" not in pages
