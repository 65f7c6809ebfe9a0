import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from demo.factories import make_user
from people.models import District, VolunteerProfile

URL = "/accounts/register/"


def form_data(**overrides):
    data = {
        "full_name": "Siti Aminah",
        "phone": "0812 3456 7890",
        "email": "",
        "birth_place": "Manna",
        "birth_date": "1992-03-04",
        "sex": "P",
        "district": District.objects.get(name="Pino Raya").pk,
        "village": "Desa Suka Maju",
        "year_appointed": "2019",
        "ipsm_number": "",
        "password1": "Sungai-Manna-77",
        "password2": "Sungai-Manna-77",
        "consent": "on",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_registration_creates_volunteer_with_profile_consent_and_role(client):
    before = timezone.now()
    response = client.post(URL, form_data())
    assert response.status_code == 302
    assert response.url == "/dashboard/"
    user = get_user_model().objects.get(phone="+6281234567890")
    assert user.full_name == "Siti Aminah"
    assert list(user.groups.values_list("name", flat=True)) == ["Relawan"]
    profile = VolunteerProfile.objects.get(user=user)
    assert profile.district.name == "Pino Raya"
    assert profile.birth_date == datetime.date(1992, 3, 4)
    assert profile.consent_at >= before


@pytest.mark.django_db
@pytest.mark.parametrize("login_as", ["081234567890", "+62 812-3456-7890", "6281234567890"])
def test_login_by_phone_in_any_format_or_username(client, login_as):
    client.post(URL, form_data())
    client.logout()
    response = client.post(
        "/accounts/login/", {"username": login_as, "password": "Sungai-Manna-77"}
    )
    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 200
    client.logout()
    assert client.login(username="6281234567890", password="Sungai-Manna-77")


@pytest.mark.django_db
def test_duplicate_phone_in_another_format_is_refused_in_indonesian(client):
    make_user("lama", phone="+6281234567890")
    response = client.post(URL, form_data(phone="+62 812 3456 7890"))
    assert response.status_code == 200
    assert "Nomor telepon ini sudah terdaftar" in response.content.decode()
    assert get_user_model().objects.filter(phone="+6281234567890").count() == 1


@pytest.mark.django_db
def test_bad_phone_is_refused_in_indonesian(client):
    response = client.post(URL, form_data(phone="12345"))
    assert "Masukkan nomor ponsel Indonesia yang benar" in response.content.decode()
    assert not VolunteerProfile.objects.exists()


@pytest.mark.django_db
def test_missing_consent_is_refused_in_indonesian(client):
    data = form_data()
    del data["consent"]
    response = client.post(URL, data)
    assert "Anda harus memberikan persetujuan untuk mendaftar" in response.content.decode()
    assert not get_user_model().objects.filter(phone="+6281234567890").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("birth_date", "2015-01-01", "minimal berusia 18 tahun"),
        ("year_appointed", "1800", "Masukkan tahun antara 1970"),
        ("password2", "lain-sekali-99", "Kedua kata sandi tidak sama"),
        ("district", "999999", "Masukkan pilihan yang valid"),
    ],
)
def test_other_bad_input_is_refused_and_nothing_saved(client, field, value, message):
    response = client.post(URL, form_data(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_password_reset_sends_mail_only_when_email_exists(client, mailoutbox):
    client.post(URL, form_data(email="siti@example.org"))
    client.logout()
    client.post("/accounts/password_reset/", {"email": "siti@example.org"})
    client.post("/accounts/password_reset/", {"email": "tidakada@example.org"})
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["siti@example.org"]
    assert "/accounts/reset/" in mailoutbox[0].body
