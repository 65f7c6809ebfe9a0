import pytest

from modules.models import CoursePage

from .conftest import make_course


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
def test_site_search_finds_lessons_by_their_body(client):
    make_course(title="Pendampingan")
    response = client.get("/search/?q=pendampingan")
    assert response.status_code == 200
    assert "Pendampingan modul 1 pelajaran 1" in response.content.decode()
