"""Bad input on the activation routes: a clear answer in Indonesian, never a 500, nothing
written (the bad-input suite's rules for issue 22 item 18 / issue 15 item 1)."""

import pytest

from demo.factories import make_user
from people.models import ActivationCode
from people.services import activation_codes_issue

URL = "/accounts/aktivasi/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        URL + "x" * 500 + "/",
        URL + "%00/",
        URL + "K7M4-9QX%E2%80%8B/",
        URL + "%3Cscript%3E/",
    ],
)
def test_odd_codes_in_the_link_show_the_empty_form(client, path):
    response = client.get(path)
    assert response.status_code in (200, 400)
    assert "<script>" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("phone", "code"),
    [
        ("0813\x005555", "K7M4-9QXR"),
        ("0813 5555 0001", "K7M4\x009QXR"),
        ("9" * 25, "K7M4-9QXR"),
        ("0813 5555 0001", "K" * 25),
        ("", ""),
    ],
)
def test_bad_phone_or_code_is_a_form_error(client, office_admin, phone, code):
    person = make_user("impor1", phone="+6281355550001", password=None)
    activation_codes_issue(users=[person], by=office_admin)
    data = {
        "phone": phone,
        "code": code,
        "password1": "Bukit-Kaba-2027",
        "password2": "Bukit-Kaba-2027",
        "consent": "on",
    }
    response = client.post(URL, data)
    assert response.status_code in (200, 400)
    person.refresh_from_db()
    assert not person.has_usable_password()
    assert ActivationCode.objects.get().spent_at is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {"batch": "999999", "output": "pdf"},
        {"user": ["abc", "-1", "1e9"], "output": "pdf"},
        {"user": ["999999"], "output": "??"},
        {},
    ],
)
def test_office_issue_with_nonsense_answers_404_or_goes_back(client, office_admin, data):
    client.force_login(office_admin)
    response = client.post("/admin/aktivasi/kode/", data)
    assert response.status_code in (302, 404)
    assert not ActivationCode.objects.exists()


@pytest.mark.django_db
def test_first_password_for_an_unknown_user_is_404(client, office_admin):
    client.force_login(office_admin)
    assert client.get("/admin/aktivasi/sandi-pertama/999999/").status_code == 404
