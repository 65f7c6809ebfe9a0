"""Activation of accounts the office created (issue 22 item 18, issue 15 item 1): codes,
the person's page, slips and WhatsApp links for the office."""

import datetime
import io
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import ModelLogEntry

from core.codes import ALPHABET, format_code, normalize_code
from core.errors import DomainError
from demo.factories import make_user
from people.models import ActivationCode, VolunteerProfile
from people.services import (
    account_activate,
    activation_codes_issue,
    user_set_first_password,
)
from people.slips import whatsapp_link

NEW_PASSWORD = "Bukit-Kaba-2027"
URL = "/accounts/aktivasi/"


def imported(username="impor1", phone="+6281355550001"):
    """As the import creates them: no usable password, a profile, a phone."""
    return make_user(username, phone=phone, password=None)


def issue(user, by):
    ((_user, code),) = activation_codes_issue(users=[user], by=by)
    return code


def activate(phone, code, *, password=NEW_PASSWORD, consent=True, ip="10.0.0.1"):
    return account_activate(phone=phone, code=code, password=password, consent=consent, ip=ip)


def refusal(**kwargs) -> str:
    with pytest.raises(DomainError) as caught:
        activate(**kwargs)
    return caught.value.code


# --- codes -----------------------------------------------------------------------------------


def test_codes_are_unambiguous_grouped_and_forgiving():
    assert not set("0O1IL") & set(ALPHABET)
    assert format_code("K7M49QXR") == "K7M4-9QXR"
    assert normalize_code(" k7m4-9qxr ") == "K7M49QXR"
    assert normalize_code("K7M4 9QXR") == "K7M49QXR"
    assert normalize_code("K7M4-9QX0") == ""  # 0 is not in the alphabet
    assert normalize_code("K7M4") == ""


@pytest.mark.django_db
def test_issue_stores_only_a_digest_and_voids_older_codes(office_admin):
    person = imported()
    first = issue(person, office_admin)
    assert re.fullmatch(f"[{ALPHABET}]{{8}}", first)
    second = issue(person, office_admin)
    rows = list(ActivationCode.objects.filter(user=person).order_by("pk"))
    assert len(rows) == 2
    assert all(first not in row.code_hash and second not in row.code_hash for row in rows)
    assert rows[0].voided_at is not None and rows[1].voided_at is None
    assert rows[1].expires_at - rows[1].created_at == datetime.timedelta(days=30)
    assert rows[1].created_by == office_admin
    assert refusal(phone=person.phone, code=first) == "activation_void"
    assert activate(person.phone, second) == person
    actions = ModelLogEntry.objects.filter(object_id=str(person.pk)).values_list(
        "action", flat=True
    )
    assert list(actions).count("psm.activation_issue") == 2
    assert "psm.account_activate" in actions


@pytest.mark.django_db
def test_issue_skips_people_who_have_a_password_or_no_phone(office_admin, volunteer):
    no_phone = make_user("tanpahp", password=None)
    assert activation_codes_issue(users=[volunteer, no_phone], by=office_admin) == []


# --- activating --------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed",
    ["081355550001", "+6281355550001", "6281355550001", "0813-5555-0001", "+62 813 5555 0001"],
)
def test_activate_sets_password_records_consent_and_spends_code(office_admin, typed):
    person = imported()
    code = issue(person, office_admin)
    before = timezone.now()
    user = activate(typed, format_code(code).lower())
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert VolunteerProfile.objects.get(user=user).consent_at >= before
    assert ActivationCode.objects.get(user=user).spent_at is not None
    assert refusal(phone=typed, code=code) == "activation_spent"


@pytest.mark.django_db
def test_expired_code_is_refused(office_admin):
    person = imported()
    code = issue(person, office_admin)
    ActivationCode.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert refusal(phone=person.phone, code=code) == "activation_expired"
    person.refresh_from_db()
    assert not person.has_usable_password()


@pytest.mark.django_db
def test_wrong_code_and_unknown_phone_get_the_same_answer(office_admin):
    person = imported()
    issue(person, office_admin)
    with pytest.raises(DomainError) as wrong_code:
        activate(person.phone, "ABCD-EFGH")
    with pytest.raises(DomainError) as unknown_phone:
        activate("0813 9999 9999", "ABCD-EFGH")
    with pytest.raises(DomainError) as garbage:
        activate(person.phone, "not a code")
    assert wrong_code.value.code == unknown_phone.value.code == garbage.value.code
    assert wrong_code.value.message == unknown_phone.value.message == garbage.value.message


@pytest.mark.django_db
def test_five_wrong_tries_void_the_code(office_admin):
    person = imported()
    code = issue(person, office_admin)
    for _ in range(5):
        assert refusal(phone=person.phone, code="2345-6789") == "activation_invalid"
    row = ActivationCode.objects.get(user=person)
    assert row.wrong_tries == 5 and row.voided_at is not None
    assert refusal(phone=person.phone, code=code) == "activation_void"


@pytest.mark.django_db
@override_settings(ACTIVATION_RATE_LIMIT_PHONE=4, ACTIVATION_RATE_LIMIT_IP=100)
def test_rate_limit_per_phone_counts_every_format_as_one(office_admin):
    person = imported()
    code = issue(person, office_admin)
    formats = ["081355550001", "+6281355550001", "6281355550001", "0813-5555-0001"]
    for n, typed in enumerate(formats):
        assert refusal(phone=typed, code="2345-6789", ip=f"10.0.0.{n}") == "activation_invalid"
    assert refusal(phone="+62 813 5555 0001", code=code, ip="10.0.0.9") == (
        "activation_rate_limited"
    )


@pytest.mark.django_db
@override_settings(ACTIVATION_RATE_LIMIT_PHONE=100, ACTIVATION_RATE_LIMIT_IP=3)
def test_rate_limit_per_address(office_admin):
    for n in range(3):
        assert refusal(phone=f"0813 5555 100{n}", code="2345-6789") == "activation_invalid"
    assert refusal(phone="0813 5555 1009", code="2345-6789") == "activation_rate_limited"


@pytest.mark.django_db
def test_consent_and_a_weak_password_are_required(office_admin):
    person = imported()
    code = issue(person, office_admin)
    assert refusal(phone=person.phone, code=code, consent=False) == "consent_required"
    assert refusal(phone=person.phone, code=code, password="12345678") == "password_invalid"
    assert ActivationCode.objects.get(user=person).spent_at is None  # nothing half-written


@pytest.mark.django_db
def test_office_sets_a_first_password_once(office_admin):
    person = imported()
    code = issue(person, office_admin)
    user_set_first_password(user=person, password=NEW_PASSWORD, by=office_admin)
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert ActivationCode.objects.get(user=person).voided_at is not None
    assert refusal(phone=person.phone, code=code) == "activation_void"
    with pytest.raises(DomainError):
        user_set_first_password(user=person, password="Lain-Lagi-2028", by=office_admin)
    assert ModelLogEntry.objects.filter(action="psm.first_password_set").count() == 1


# --- the person's page ---------------------------------------------------------------------


def form(phone, code, **overrides):
    data = {
        "phone": phone,
        "code": code,
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "consent": "on",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_activation_page_logs_in_and_goes_to_the_dashboard(client, office_admin):
    person = imported()
    code = issue(person, office_admin)
    page = client.get(f"{URL}{format_code(code)}/")
    assert page.status_code == 200
    assert f'value="{format_code(code)}"' in page.content.decode()
    assert "Saya setuju" in page.content.decode()  # the registration's consent text
    response = client.post(f"{URL}{format_code(code)}/", form("0813 5555 0001", code))
    assert response.status_code == 302 and response.url == "/dashboard/"
    assert client.get("/dashboard/").status_code == 200


@pytest.mark.django_db
def test_activation_page_never_tells_whether_a_phone_exists(client, office_admin):
    person = imported()
    issue(person, office_admin)
    known = client.post(URL, form(person.phone, "2345-6789")).content.decode()
    unknown = client.post(URL, form("0813 9999 0000", "2345-6789")).content.decode()
    message = "Nomor HP atau kode aktivasi salah"
    assert message in known and message in unknown
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"|value="[^"]*"')
    assert strip.sub("", known) == strip.sub("", unknown)


@pytest.mark.django_db
def test_activation_page_errors_are_indonesian(client, office_admin):
    person = imported()
    code = issue(person, office_admin)
    text = client.post(URL, form(person.phone, code, consent="")).content.decode()
    assert "Anda harus memberikan persetujuan" in text
    text = client.post(URL, form(person.phone, code, password2="Lain-2027x")).content.decode()
    assert "Kedua kata sandi tidak sama" in text
    text = client.post(URL, form("12345", code)).content.decode()
    assert "Masukkan nomor ponsel Indonesia yang benar" in text
    person.refresh_from_db()
    assert not person.has_usable_password()


@pytest.mark.django_db
@override_settings(ACTIVATION_RATE_LIMIT_PHONE=2)
def test_activation_page_rate_limited_answers_429(client, office_admin):
    person = imported()
    issue(person, office_admin)
    for _ in range(2):
        client.post(URL, form(person.phone, "2345-6789"))
    response = client.post(URL, form(person.phone, "2345-6789"))
    assert response.status_code == 429
    assert "Terlalu banyak percobaan aktivasi" in response.content.decode()


@pytest.mark.django_db
def test_registering_an_imported_phone_points_to_activation(client):
    from tests.test_registration import form_data

    imported(phone="+6281234567890")
    response = client.post("/accounts/register/", form_data())
    text = response.content.decode()
    assert "/accounts/aktivasi/" in text
    assert get_user_model().objects.filter(phone="+6281234567890").count() == 1


def test_whatsapp_link_format():
    person = get_user_model()(full_name="Siti Aminah", phone="+6281355550001")
    link = whatsapp_link(person, "K7M49QXR")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "wa.me", "/6281355550001")
    assert " " not in link and "/accounts/aktivasi/K7M4-9QXR/" not in parts.query  # encoded
    text = parse_qs(parts.query)["text"][0]
    assert "http://127.0.0.1:8000/accounts/aktivasi/K7M4-9QXR/" in unquote(text)
    assert "Siti Aminah" in text


# --- the office ----------------------------------------------------------------------------


def slips(client, people):
    return client.post("/admin/aktivasi/kode/", {"user": [p.pk for p in people], "output": "pdf"})


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.django_db
def test_slips_pdf_shows_name_last_four_digits_and_code_never_the_phone(client, office_admin):
    people = [imported(f"impor{i}", phone=f"+62813555500{i:02d}") for i in range(1, 4)]
    client.force_login(office_admin)
    response = slips(client, people)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    for person in people:
        assert person.full_name in text
        assert person.phone[-4:] in text
        assert person.phone not in text and person.phone[3:] not in text
    codes = re.findall(r"[A-Z0-9]{4}-[A-Z0-9]{4}", text)
    assert len(codes) == 3
    assert activate(people[0].phone, codes[0]) == people[0]


@pytest.mark.django_db
def test_slips_pdf_query_count_is_constant(client, office_admin, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    few = [imported(f"sedikit{i}", phone=f"+62813555510{i:02d}") for i in range(2)]
    many = [imported(f"banyak{i}", phone=f"+62813555520{i:02d}") for i in range(12)]
    client.force_login(office_admin)
    slips(client, few)  # warm caches (content types, permissions)
    with CaptureQueriesContext(connection) as small:
        assert slips(client, few).status_code == 200
    with CaptureQueriesContext(connection) as large:
        assert slips(client, many).status_code == 200
    assert len(large) == len(small)


@pytest.mark.django_db
def test_whatsapp_page_lists_a_link_per_person(client, office_admin, volunteer):
    people = [imported(f"impor{i}", phone=f"+62813555500{i:02d}") for i in range(1, 3)]
    client.force_login(office_admin)
    ids = [p.pk for p in people] + [volunteer.pk]
    response = client.post("/admin/aktivasi/kode/", {"user": ids, "output": "whatsapp"})
    text = response.content.decode()
    assert response.status_code == 200
    assert text.count('href="https://wa.me/62813555500') == 2
    assert "1 orang dilewati" in text
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_import_result_offers_slips_links_and_first_password(client, office_admin):
    from tests.import_helpers import csv_bytes, person, upload

    client.force_login(office_admin)
    batch_url = upload(client, csv_bytes([person(1), person(2)])).url
    client.post(batch_url + "impor/")
    page = client.get(batch_url).content.decode()
    assert "Cetak slip aktivasi" in page and "Tautan WhatsApp" in page
    assert "Setel kata sandi pertama" in page
    assert "Lupa kata sandi" not in page
    from people.models import VolunteerImportBatch

    batch = VolunteerImportBatch.objects.get()
    response = client.post("/admin/aktivasi/kode/", {"batch": batch.pk, "output": "pdf"})
    assert "Relawan Nomor 2" in pdf_text(response)
    upload_page = client.get("/admin/impor-relawan/").content.decode()
    assert "slip aktivasi" in upload_page and "Lupa kata sandi" not in upload_page


@pytest.mark.django_db
def test_office_first_password_page(client, office_admin, volunteer):
    person = imported()
    client.force_login(office_admin)
    url = f"/admin/aktivasi/sandi-pertama/{person.pk}/"
    assert "Setel kata sandi pertama" in client.get(url).content.decode()
    response = client.post(url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    page = client.get(f"/admin/aktivasi/sandi-pertama/{volunteer.pk}/").content.decode()
    assert "sudah punya kata sandi" in page


@pytest.mark.django_db
def test_user_list_bulk_action_prints_slips(client, office_admin):
    people = [imported(f"impor{i}", phone=f"+62813555500{i:02d}") for i in range(1, 3)]
    client.force_login(office_admin)
    listing = client.get("/admin/users/").content.decode()
    assert "activation_slips" in listing
    url = "/admin/bulk/lms/user/activation_slips/?" + "&".join(f"id={p.pk}" for p in people)
    assert client.get(url).status_code == 200
    response = client.post(url, {"output": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert people[1].full_name in pdf_text(response)


@pytest.mark.django_db
def test_trainer_and_volunteer_cannot_issue_codes(client, trainer, volunteer):
    person = imported()
    for user in (trainer, volunteer):
        client.force_login(user)
        response = slips(client, [person])
        assert response.status_code == 302 and response["Content-Type"] != "application/pdf"
        first = client.post(
            f"/admin/aktivasi/sandi-pertama/{person.pk}/",
            {
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
            },
        )
        assert first.status_code == 302
    assert not ActivationCode.objects.exists()
    person.refresh_from_db()
    assert not person.has_usable_password()


@pytest.mark.django_db
def test_each_slip_qr_points_to_its_activation_link(client, office_admin, monkeypatch):
    from people import slips as slips_module

    seen = []
    real = slips_module.qr_svg
    monkeypatch.setattr(slips_module, "qr_svg", lambda url: seen.append(url) or real(url))
    person = imported()
    client.force_login(office_admin)
    text = pdf_text(slips(client, [person]))
    (code,) = re.findall(r"[A-Z0-9]{4}-[A-Z0-9]{4}", text)
    assert seen == [f"http://127.0.0.1:8000/accounts/aktivasi/{code}/"]
    assert "127.0.0.1:8000/accounts/aktivasi/" in text  # the short address, to type


@pytest.mark.django_db
def test_own_data_download_lists_activation_codes_without_the_digest(client, office_admin):
    person = imported()
    issue(person, office_admin)
    client.force_login(person)
    data = client.get("/dashboard/data-saya.json").json()
    text = str(data)
    assert ActivationCode.objects.get().code_hash not in text
    assert "wrong_tries" in text
