"""Keyboard only, as a volunteer with a screen reader or a broken touch screen would: reach the
login fields with Tab, log in with Enter; a form with errors moves focus to its error summary
(role="alert", so it is announced) and marks each wrong field (aria-invalid, the error linked
with aria-describedby)."""

import pytest

from demo.factories import PASSWORD, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def tab_to(page, selector: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with Tab")


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_login_and_form_errors_work_by_keyboard(live_server, make_context, viewport):
    make_user("ketik", phone="+6281277700001")
    page = make_context(viewport).new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    tab_to(page, "input[name=username]")
    page.keyboard.type("0812 7770 0001")  # the phone, as volunteers type it
    tab_to(page, "input[name=password]", limit=3)
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/dashboard/")

    other = make_context(viewport).new_page()
    other.goto(f"{live_server.url}/accounts/register/")
    tab_to(other, "input[name=full_name]")
    other.keyboard.press("Enter")  # submit the empty form from the keyboard
    other.wait_for_selector("#form-errors")
    focused = other.evaluate("document.activeElement.id")
    assert focused == "form-errors"  # focus moved to the summary: it is read out
    assert other.get_attribute("#form-errors", "role") == "alert"
    name = other.locator("#id_full_name")
    assert name.get_attribute("aria-invalid") == "true"
    assert "id_full_name_error" in name.get_attribute("aria-describedby")
    assert other.locator("#id_full_name_error").inner_text().strip()
