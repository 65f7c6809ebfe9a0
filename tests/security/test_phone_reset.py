"""Issue 15 item 2: "Lupa kata sandi?" by phone, with the office's desk when no gateway sends."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone
from wagtail.models import ModelLogEntry

from demo.factories import PASSWORD, make_user
from people.models import PasswordResetCode

REQUEST = "/accounts/lupa-sandi/"
CODE = "/accounts/lupa-sandi/kode/"
DESK = "/admin/atur-ulang-sandi/"
NEW = "Pantai-Manna-2027"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def ask(client, phone, **extra):
    return client.post(REQUEST, {"phone": phone}, **extra)


def enter(client, code, password=NEW, again=None):
    return client.post(CODE, {"code": code, "password1": password, "password2": again or password})


def live(user):
    return PasswordResetCode.objects.filter(user=user).latest("created_at")


@pytest.mark.django_db
def test_request_then_code_sets_the_new_password(client, volunteer):
    response = ask(client, "0812-1111-0001")
    assert (response.status_code, response["Location"]) == (302, CODE)
    reset = live(volunteer)
    assert reset.expires_at - reset.created_at == timedelta(minutes=10)
    assert reset.requested_ip == "127.0.0.1"
    code = reset.office_code  # outbox mode: the office's copy
    assert re.fullmatch(r"\d{6}", code)
    assert code not in reset.code_hash  # stored as an HMAC, not the code
    page = client.get(CODE)
    assert "0001" in page.content.decode()
    response = enter(client, code)
    assert (response.status_code, response["Location"]) == (302, "/accounts/login/")
    volunteer.refresh_from_db()
    assert volunteer.check_password(NEW)
    reset.refresh_from_db()
    assert reset.spent_at is not None and reset.office_code == ""
    assert ModelLogEntry.objects.filter(action="psm.password_reset_phone").count() == 1
    # The new password logs in by phone.
    assert client.login(username="081211110001", password=NEW)


@pytest.mark.django_db
def test_a_used_code_is_refused_the_second_time(client, volunteer):
    ask(client, "081211110001")
    code = live(volunteer).office_code
    assert enter(client, code).status_code == 302
    ask(client, "081211110001")  # back on the code page, the old code once more
    live(volunteer).delete()  # only the used code is left
    response = enter(client, code, password="Another-Pass-2028")
    assert response.status_code == 200
    assert "Kode salah atau sudah tidak berlaku" in response.content.decode()
    volunteer.refresh_from_db()
    assert volunteer.check_password(NEW)


@pytest.mark.django_db
def test_an_expired_code_is_refused(client, volunteer):
    ask(client, "081211110001")
    reset = live(volunteer)
    code = reset.office_code
    PasswordResetCode.objects.filter(pk=reset.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    response = enter(client, code)
    assert response.status_code == 200
    assert "Kode salah atau sudah tidak berlaku" in response.content.decode()
    volunteer.refresh_from_db()
    assert volunteer.check_password(PASSWORD)


@pytest.mark.django_db
def test_a_guessed_code_counts_a_try_and_the_fifth_kills_the_code(client, volunteer):
    ask(client, "081211110001")
    code = live(volunteer).office_code
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for expected_tries in range(1, 6):
        response = enter(client, wrong)
        assert response.status_code == 200
        assert live(volunteer).tries == expected_tries
    assert live(volunteer).office_code == ""  # off the desk too
    # The sixth try, with the right code: the code is void.
    response = enter(client, code)
    assert response.status_code == 200
    assert "Kode salah atau sudah tidak berlaku" in response.content.decode()
    volunteer.refresh_from_db()
    assert volunteer.check_password(PASSWORD)
    assert live(volunteer).tries == 5


@pytest.mark.django_db
def test_a_new_request_kills_the_earlier_code(client, volunteer):
    ask(client, "081211110001")
    first = live(volunteer).office_code
    ask(client, "+62 812 1111 0001")
    second = live(volunteer)
    assert PasswordResetCode.objects.filter(user=volunteer).count() == 2
    if first != second.office_code:
        assert enter(client, first).status_code == 200
    assert enter(client, second.office_code).status_code == 302


@pytest.mark.django_db
@override_settings(PASSWORD_RESET_PHONE_LIMIT=3, PASSWORD_RESET_ADDRESS_LIMIT=100)
@pytest.mark.parametrize("known", [True, False])
def test_five_formats_of_one_phone_share_one_counter(client, volunteer, known):
    number = "1111" if known else "5555"
    formats = [
        f"0812{number}0001",
        f"+62812{number}0001",
        f"62812{number}0001",
        f"0812-{number}-0001",
        f"+62 812 {number} 0001",
    ]
    statuses = [ask(client, phone).status_code for phone in formats]
    assert statuses == [302, 302, 302, 429, 429]
    assert PasswordResetCode.objects.count() == (3 if known else 0)
    refused = ask(client, formats[0])
    assert "Terlalu banyak kode diminta untuk nomor ini" in refused.content.decode()
    # Another phone from the same address is not held back.
    assert ask(client, "0813 0000 0002").status_code == 302


@pytest.mark.django_db
@override_settings(PASSWORD_RESET_ADDRESS_LIMIT=2)
def test_requests_are_limited_per_address(client, volunteer):
    assert ask(client, "0813 0000 0001", REMOTE_ADDR="203.0.113.7").status_code == 302
    assert ask(client, "not a phone", REMOTE_ADDR="203.0.113.7").status_code == 200
    assert ask(client, "081211110001", REMOTE_ADDR="203.0.113.7").status_code == 429
    assert not PasswordResetCode.objects.exists()
    assert ask(client, "081211110001", REMOTE_ADDR="198.51.100.2").status_code == 302


@pytest.mark.django_db
@override_settings(PASSWORD_RESET_CODE_ENTRY_LIMIT=3)
def test_code_entries_are_limited_per_address(client, volunteer):
    ask(client, "081211110001")
    code = live(volunteer).office_code
    PasswordResetCode.objects.filter(user=volunteer).update(tries=0)
    for _ in range(3):
        enter(client, "000000" if code != "000000" else "111111")
    assert enter(client, code).status_code == 429


def _without_tokens(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


@pytest.mark.django_db
def test_the_answer_is_the_same_for_a_known_and_an_unknown_phone(client, volunteer):
    answers = []
    for phone in ("0812 1111 0001", "0813 9999 0001"):  # the same last four digits
        client.cookies.clear()
        asked = ask(client, phone)
        page = client.get(CODE)
        wrong = enter(client, "000000" if live(volunteer).office_code != "000000" else "111111")
        answers.append(
            (
                asked.status_code,
                asked["Location"],
                page.status_code,
                _without_tokens(page.content.decode()),
                wrong.status_code,
                _without_tokens(wrong.content.decode()),
            )
        )
    assert answers[0] == answers[1]


@pytest.mark.django_db
def test_bad_input_is_refused_in_indonesian_and_changes_nothing(client, volunteer):
    response = ask(client, "0812" + "9" * 500)
    assert response.status_code == 200
    assert "paling banyak 32 karakter" in response.content.decode()
    response = ask(client, "0812-ABCD-0001")
    assert "Masukkan nomor ponsel Indonesia yang benar" in response.content.decode()
    assert not PasswordResetCode.objects.exists()
    assert client.get(CODE)["Location"] == REQUEST  # no phone asked yet: back to the start
    ask(client, "081211110001")
    code = live(volunteer).office_code
    for bad in ("12ab56", "1234567", "١٢٣٤٥٦", ""):
        response = enter(client, bad)
        assert response.status_code == 200, bad
    response = enter(client, code, password=NEW, again=NEW + "x")
    assert "Kedua kata sandi berbeda" in response.content.decode()
    response = enter(client, code, password="123")
    assert response.status_code == 200
    reset = live(volunteer)
    assert (reset.tries, reset.spent_at) == (0, None)  # no try counted, the code still good
    volunteer.refresh_from_db()
    assert volunteer.check_password(PASSWORD)
    assert enter(client, f" {code[:3]} {code[3:]} ").status_code == 302  # spaces are forgiven


@pytest.mark.django_db
def test_a_locked_out_volunteer_gets_in_after_a_reset(client, volunteer):
    for _ in range(5):
        client.post("/accounts/login/", {"username": "081211110001", "password": "salah"})
    locked = client.post("/accounts/login/", {"username": "081211110001", "password": PASSWORD})
    assert locked.status_code == 429
    assert 'href="/accounts/lupa-sandi/"' in locked.content.decode()
    ask(client, "081211110001")
    assert enter(client, live(volunteer).office_code).status_code == 302
    response = client.post("/accounts/login/", {"username": "081211110001", "password": NEW})
    assert response.status_code == 302


@pytest.mark.django_db
def test_login_page_offers_phone_reset_and_email_reset(client):
    html = client.get("/accounts/login/").content.decode()
    assert 'href="/accounts/lupa-sandi/" id="forgot-password"' in html
    assert "Lupa kata sandi?" in html
    assert 'href="/accounts/password_reset/"' in html


# --- the office's desk ---------------------------------------------------------------------


@pytest.mark.django_db
def test_the_desk_shows_the_request_and_hands_it_over(client, volunteer, office_admin):
    ask(client, "081211110001")
    reset = live(volunteer)
    client.force_login(office_admin)
    html = client.get(DESK).content.decode()
    assert volunteer.get_full_name() in html
    assert "…0001" in html
    assert "https://wa.me/6281211110001?text=" in html
    assert reset.office_code in html
    assert "+6281211110001" not in html and "0812-1111-0001" not in html
    response = client.post(f"{DESK}{reset.pk}/diserahkan/")
    assert response.status_code == 302
    reset.refresh_from_db()
    assert reset.handed_over_by == office_admin and reset.handed_over_at is not None
    assert reset.office_code == ""
    assert "reset-desk-empty" in client.get(DESK).content.decode()
    assert ModelLogEntry.objects.filter(action="psm.password_reset_handover").count() == 1
    # Twice: refused with a message, nothing changes.
    response = client.post(f"{DESK}{reset.pk}/diserahkan/", follow=True)
    assert "tidak lagi menunggu" in response.content.decode()


@pytest.mark.django_db
def test_expired_requests_leave_the_desk_and_their_code_is_wiped(client, volunteer, office_admin):
    ask(client, "081211110001")
    reset = live(volunteer)
    PasswordResetCode.objects.filter(pk=reset.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    client.force_login(office_admin)
    assert "reset-desk-empty" in client.get(DESK).content.decode()
    reset.refresh_from_db()
    assert reset.office_code == ""


@pytest.mark.django_db
def test_the_desk_is_for_the_office_only(client, volunteer, trainer):
    ask(client, "081211110001")
    client.force_login(trainer)
    assert client.get(DESK).status_code == 302
    reset = live(volunteer)
    assert client.post(f"{DESK}{reset.pk}/diserahkan/").status_code == 302
    reset.refresh_from_db()
    assert reset.handed_over_at is None


@pytest.mark.django_db
def test_the_desk_costs_the_same_queries_for_one_or_many_requests(
    client, office_admin, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from people.reset_services import password_reset_request

    def desk_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(DESK).status_code == 200
        return len(captured)

    client.force_login(office_admin)
    make_user("lupa0", phone="+6281355500000")
    password_reset_request(phone="+6281355500000")
    client.get(DESK)  # warm caches (menu, permissions)
    one = desk_queries()
    for i in range(1, 8):
        make_user(f"lupa{i}", phone=f"+628135550000{i}")
        password_reset_request(phone=f"+628135550000{i}")
    client.get(DESK)  # the same warm caches again (new users bump their versions)
    assert desk_queries() == one
    with django_assert_num_queries(one):
        html = client.get(DESK).content.decode()
    assert html.count("https://wa.me/62") == 8
