"""The office's certificate screens (issue 22 item 17): issue by hand to a volunteer found by
name or phone, revoke after a confirmation with its reason, re-issue a revoked certificate, and
a history that says what replaced what."""

import pytest
from wagtail.models import ModelLogEntry

from certificates.models import Certificate
from certificates.services import certificate_issue, certificate_reissue, certificate_revoke
from demo.factories import make_course, make_user

from .test_certificates import make_kompeten, template  # noqa: F401 - fixture

MANAGE = "/sertifikat/kelola/"
pytestmark = pytest.mark.usefixtures("template")


@pytest.fixture
def course(db):
    return make_course(title="Bimtek Dasar PSM", modules=1, lessons=1)


def named(username, full_name, phone=None, group="Relawan"):
    user = make_user(username, group, phone=phone)
    user.full_name = full_name
    user.save(update_fields=["full_name"])
    return user


def manual(client, course, **fields):
    data = {"action": "manual", "course": course.pk, "reason": "Ikut pelatihan luring", **fields}
    return client.post(MANAGE, data)


def page_text(response) -> str:
    return " ".join(response.content.decode().split())


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed",
    ["0812 3456 7001", "+62 812-3456-7001", "6281234567001", "081234567001", "Wulan"],
)
def test_manual_issue_finds_the_holder_by_phone_in_any_format_or_by_name(
    client, course, office_admin, typed
):
    wulan = named("wulan-2026", "Wulan Sari", phone="+6281234567001")
    named("budi-2026", "Budi Santoso", phone="+6281234567002")
    client.force_login(office_admin)
    response = manual(client, course, holder=typed)
    certificate = Certificate.objects.get()
    assert response.status_code == 302 and response.url == f"/sertifikat/{certificate.pk}/kelola/"
    assert certificate.holder == wulan and certificate.issue_reason == "Ikut pelatihan luring"


@pytest.mark.django_db
def test_several_matches_offer_a_choice_list_and_the_choice_is_issued(
    client, course, office_admin, django_assert_max_num_queries
):
    first = named("siti-a", "Siti Aminah", phone="+6281200000001")
    second = named("siti-r", "Siti Rahmawati")
    client.force_login(office_admin)
    response = manual(client, course, holder="siti")
    assert response.status_code == 200
    text = page_text(response)
    assert "2 relawan cocok" in text and "Siti Aminah" in text and "Siti Rahmawati" in text
    assert f'name="holder_id" value="{second.pk}"' in response.content.decode()
    assert not Certificate.objects.exists()
    response = manual(client, course, holder="siti", holder_id=second.pk)
    assert response.status_code == 302
    assert Certificate.objects.get().holder == second and first.certificates.count() == 0
    # The choice list reads its people at once: more of them cost no more queries.
    named("siti-x", "Siti Lain")
    with django_assert_max_num_queries(40) as few:
        assert manual(client, course, holder="siti").status_code == 200
    for n in range(6):
        named(f"siti-{n}", f"Siti Lain {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert "9 relawan cocok" in page_text(manual(client, course, holder="siti"))


@pytest.mark.django_db
def test_no_match_or_a_non_volunteer_is_a_clear_error_and_nothing_is_issued(
    client, course, office_admin, trainer
):
    client.force_login(office_admin)
    response = manual(client, course, holder="Tidak Ada Orang")
    assert response.status_code == 400
    assert "Tidak ada relawan dengan nama, nama pengguna, atau nomor HP itu." in page_text(response)
    # Trainers and office staff are not volunteers: not found by name, refused by id.
    assert manual(client, course, holder=trainer.username).status_code == 400
    response = manual(client, course, holder="x", holder_id=trainer.pk)
    assert response.status_code == 400 and "Pilih relawan dari daftar." in page_text(response)
    assert manual(client, course, holder="x", holder_id="abc").status_code == 400
    assert not Certificate.objects.exists()


@pytest.fixture
def issued(template, course, volunteer):  # noqa: F811
    make_kompeten(volunteer, course)
    return certificate_issue(holder=volunteer, course=course)


@pytest.mark.django_db
def test_revoke_asks_for_confirmation_with_a_required_reason(client, issued, office_admin):
    url = f"/sertifikat/{issued.pk}/cabut/"
    client.force_login(office_admin)
    response = client.get(url)
    assert response.status_code == 200
    text = page_text(response)
    for shown in (issued.number, issued.holder.get_full_name(), issued.course.title):
        assert shown in text
    assert '<textarea name="reason"' in response.content.decode()
    for empty in ({}, {"reason": "   "}):
        response = client.post(url, empty)
        assert response.status_code == 400
        assert "Tuliskan alasan pencabutan." in page_text(response)
    issued.refresh_from_db()
    assert issued.revoked_at is None
    assert not ModelLogEntry.objects.filter(action="psm.certificate_revoke").exists()
    response = client.post(url, {"reason": "Data peserta keliru"})
    assert response.status_code == 302 and response.url == f"/sertifikat/{issued.pk}/kelola/"
    issued.refresh_from_db()
    assert issued.status == "revoked" and issued.revoke_reason == "Data peserta keliru"
    (entry,) = ModelLogEntry.objects.filter(action="psm.certificate_revoke")
    assert entry.user == office_admin and entry.data["reason"] == "Data peserta keliru"


@pytest.mark.django_db
def test_a_revoked_certificate_is_re_issued_with_a_new_number_and_stays_revoked(
    client, issued, office_admin
):
    certificate_revoke(certificate=issued, by=office_admin, reason="Nama salah ketik")
    client.force_login(office_admin)
    detail = f"/sertifikat/{issued.pk}/kelola/"
    page = client.get(detail).content.decode()
    assert f'action="/sertifikat/{issued.pk}/terbitkan-ulang/"' in page
    assert "Terbitkan ulang" in page
    desk = client.get(MANAGE, {"q": issued.number}).content.decode()
    assert f"{detail}#reissue" in desk
    response = client.post(
        f"/sertifikat/{issued.pk}/terbitkan-ulang/", {"reason": "Nama diperbaiki"}
    )
    new = Certificate.objects.exclude(pk=issued.pk).get()
    assert response.status_code == 302 and response.url == f"/sertifikat/{new.pk}/kelola/"
    issued.refresh_from_db()
    assert issued.status == "revoked" and new.status == "valid"
    assert new.number != issued.number and new.supersedes == issued
    (entry,) = ModelLogEntry.objects.filter(action="psm.certificate_reissue")
    assert entry.user == office_admin and entry.data["supersedes"] == issued.number
    # Replaced once: no second button, and the service refuses too.
    assert "terbitkan-ulang" not in client.get(detail).content.decode()
    assert f"{detail}#reissue" not in client.get(MANAGE, {"q": issued.number}).content.decode()
    response = client.post(f"/sertifikat/{issued.pk}/terbitkan-ulang/", {"reason": "Lagi"})
    assert Certificate.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize("revoked_first", [False, True])
def test_history_says_what_superseded_what_in_the_office_and_on_the_public_page(
    client, issued, office_admin, revoked_first
):
    if revoked_first:
        certificate_revoke(certificate=issued, by=office_admin, reason="Nama salah ketik")
    new = certificate_reissue(certificate=issued, by=office_admin, reason="Nama diperbaiki")
    link_new = f'href="/verify/{new.code}/"'
    link_old = f'href="/verify/{issued.code}/"'
    client.force_login(office_admin)
    for url in (f"/sertifikat/{issued.pk}/kelola/", f"/verify/{issued.code}/"):
        response = client.get(url)
        assert f"Digantikan oleh {new.number}" in page_text(response), url
        assert link_new in response.content.decode(), url
    for url in (f"/sertifikat/{new.pk}/kelola/", f"/verify/{new.code}/"):
        response = client.get(url)
        assert f"Menggantikan {issued.number}" in page_text(response), url
        assert link_old in response.content.decode(), url
    api = client.get(f"/api/v1/certificates/{new.code}/verify").json()
    assert api["supersedes"] == issued.number and api["superseded_by"] is None
