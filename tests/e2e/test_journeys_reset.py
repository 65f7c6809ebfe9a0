"""Browser journey for issue 15 item 2: a volunteer who forgot the password gets back in with the
phone, the office handing the code over from its desk (no gateway configured: the default)."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from people.models import User

from .checks import VIEWPORTS, SiteChecks

DEMO_PASSWORD = "psm-demo-2026"
NEW_PASSWORD = "Pantai-Manna-2027"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_reset_by_phone_with_the_office_handing_the_code_over(demo, viewport, make_context):
    base = demo  # tests/e2e/conftest.py: the demo data behind a live server
    volunteer = User.objects.get(username="relawan")
    last_four = volunteer.phone[-4:]
    checks = SiteChecks(base, viewport, "i-reset")

    page = make_context(viewport).new_page()
    page.goto(f"{base}/accounts/login/")
    page.click("#forgot-password")
    checks.check(page, "reset-phone")
    assert urlsplit(page.url).path == "/accounts/lupa-sandi/"
    national = "0" + volunteer.phone[3:]
    page.fill("#id_phone", f"{national[:4]} {national[4:8]} {national[8:]}")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    checks.check(page, "reset-code-page")
    assert urlsplit(page.url).path == "/accounts/lupa-sandi/kode/"
    assert last_four in page.inner_text("#reset-sent")

    office = make_context(viewport).new_page()
    office.goto(f"{base}/admin/login/")
    office.fill("#id_username", "admin")
    office.fill("#id_password", DEMO_PASSWORD)
    office.locator("form button[type=submit]").click()
    office.wait_for_load_state("load")
    if viewport == "desktop":  # the admin's menu; on a phone it is folded away
        office.get_by_role("link", name="Permintaan atur ulang sandi").first.click()
        office.wait_for_load_state("load")
    else:
        office.goto(f"{base}/admin/atur-ulang-sandi/")
    checks.check(office, "reset-desk")
    row = office.locator("#reset-desk tbody tr", has_text=volunteer.get_full_name())
    assert f"…{last_four}" in row.inner_text()
    link = row.get_by_role("link", name="Kirim lewat WhatsApp").get_attribute("href")
    assert link.startswith(f"https://wa.me/{volunteer.phone[1:]}?text=")
    text = parse_qs(urlsplit(link).query)["text"][0]
    code = re.search(r"\b(\d{6})\b", text).group(1)
    assert "/accounts/lupa-sandi/kode/" in text
    row.get_by_role("button", name="Tandai sudah diserahkan").click()
    office.wait_for_load_state("load")
    assert office.locator("#reset-desk-empty").is_visible()

    # A wrong code first, then the right one.
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for typed in (wrong, code):
        page.fill("#id_code", typed)
        page.fill("#id_password1", NEW_PASSWORD)
        page.fill("#id_password2", NEW_PASSWORD)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state("load")
        if typed == wrong:
            checks.check(page, "reset-wrong-code")
            assert "Kode salah atau sudah tidak berlaku" in page.inner_text("main")
    assert urlsplit(page.url).path == "/accounts/login/"
    checks.check(page, "reset-done-login")
    page.fill("#id_username", volunteer.phone)
    page.fill("#id_password", NEW_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert "/accounts/login/" not in page.url, page.inner_text("main")
    checks.assert_clean()
