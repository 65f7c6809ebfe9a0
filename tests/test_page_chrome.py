"""The page chrome (base.html's header and footer) is rendered once per language and kind of user
and kept in local memory (the "chrome" cache). What differs per request stays outside it: the
CSRF tokens of the logout and language forms and the page's own address."""

import pickle
import re

import pytest
from django.core.cache import caches

from demo.factories import PASSWORD

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def forms(html: str) -> dict[str, str]:
    """Each form's action and its whole markup."""
    return {
        m.group(1): m.group(0)
        for m in re.finditer(r'<form[^>]*action="([^"]+)"[^>]*>.*?</form>', html, re.S)
    }


def chrome_values() -> list[str]:
    # LocMemCache keeps pickled values; a get() would reorder the dict under the loop.
    return [pickle.loads(value) for value in list(caches["chrome"]._cache.values())]  # noqa: S301


@pytest.mark.django_db
def test_each_kind_of_user_gets_its_own_menu_from_the_cache(client, volunteer, trainer):
    anonymous = client.get("/pelatihan/").content.decode()
    assert "/accounts/login/" in anonymous and "/accounts/logout/" not in anonymous

    client.force_login(trainer)
    staff = client.get("/pelatihan/").content.decode()
    assert 'href="/admin/"' in staff and "/accounts/logout/" in staff

    client.force_login(volunteer)
    own = client.get("/pelatihan/").content.decode()
    assert "/accounts/logout/" in own
    assert 'href="/admin/"' not in own  # the trainer's menu, cached just before, is not reused

    client.logout()
    assert client.get("/pelatihan/").content.decode().count("/accounts/logout/") == 0


@pytest.mark.django_db
def test_the_language_picks_the_fragment(client, volunteer):
    client.force_login(volunteer)
    indonesian = client.get("/pelatihan/").content.decode()
    assert "Keluar" in indonesian and '<option value="id" selected>' in indonesian
    client.cookies["django_language"] = "en"
    english = client.get("/pelatihan/").content.decode()
    assert "Log out" in english and "Keluar" not in english
    assert '<option value="en" selected>' in english


@pytest.mark.django_db
def test_tokens_and_the_address_stay_per_request(client, volunteer, other_volunteer):
    client.force_login(volunteer)
    first = client.get("/pelatihan/").content.decode()
    client.force_login(other_volunteer)
    second = client.get("/search/?q=x").content.decode()
    first_tokens, second_tokens = TOKEN.findall(first), TOKEN.findall(second)
    assert len(first_tokens) == len(second_tokens) == 2  # logout and language forms
    assert not set(first_tokens) & set(second_tokens)
    assert 'name="next" type="hidden" value="/search/?q=x"' in second
    # The fragments hold no token, no address and no user.
    values = chrome_values()
    assert values and any("Keluar" in value for value in values)
    for value in values:
        assert "csrfmiddlewaretoken" not in value and "/search/?q=x" not in value
        assert volunteer.username not in value and other_volunteer.username not in value


@pytest.mark.django_db
def test_the_cached_forms_still_work_with_csrf_checks(volunteer):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    assert client.login(username=volunteer.username, password=PASSWORD)
    page = client.get("/pelatihan/").content.decode()
    page_forms = forms(page)
    language_form = page_forms["/i18n/setlang/"]
    assert 'name="language"' in language_form and TOKEN.search(language_form)
    response = client.post(
        "/i18n/setlang/",
        {
            "csrfmiddlewaretoken": TOKEN.search(language_form).group(1),
            "language": "en",
            "next": "/pelatihan/",
        },
    )
    assert response.status_code == 302 and response.cookies["django_language"].value == "en"

    page = client.get("/pelatihan/").content.decode()
    logout_form = forms(page)["/accounts/logout/"]
    assert "Log out" in logout_form
    response = client.post(
        "/accounts/logout/", {"csrfmiddlewaretoken": TOKEN.search(logout_form).group(1)}
    )
    assert response.status_code == 302
    assert "/accounts/logout/" not in client.get("/pelatihan/").content.decode()
