"""Browser journey for activation (issue 22 item 18, issue 15 item 1): the office prints the
slips of an import, and an imported volunteer gets in with nothing but the phone and the
slip's code, at 360 px and 1280 px."""

import io
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from pypdf import PdfReader

from people.models import VolunteerImportBatch

from .checks import VIEWPORTS, SiteChecks

DEMO_PASSWORD = "psm-demo-2026"
NEW_PASSWORD = "Bukit-Kaba-2027"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo(settings, live_server):
    cache.clear()
    with override_settings(DEBUG=True):
        call_command("seed_demo", verbosity=0)
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    return live_server.url


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_an_imported_volunteer_activates_from_a_printed_slip(demo, viewport, make_context):
    base = demo
    batch = VolunteerImportBatch.objects.get(filename="contoh-impor-kantor.xlsx")
    checks = SiteChecks(base, viewport, "activation")
    office = make_context(viewport).new_page()
    office.goto(f"{base}/accounts/login/")
    office.fill("#id_username", "admin")
    office.fill("#id_password", DEMO_PASSWORD)
    office.locator("main form button[type=submit]").click()
    office.wait_for_load_state("load")
    office.goto(f"{base}/admin/impor-relawan/{batch.pk}/")
    checks.check(office, "import-result")
    assert "Lupa kata sandi" not in office.inner_text("main")
    with office.expect_download() as download:
        office.locator("#activation-form button[value=pdf]").click()
    pdf = Path(download.value.path()).read_bytes()
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Rina Marlina" in text and "0001" in text and "+6281299010001" not in text
    code = re.findall(r"[A-Z0-9]{4}-[A-Z0-9]{4}", text)[0]  # slips are in name order: Joko first
    joko_phone = "0812 9901 0002"

    volunteer = make_context(viewport).new_page()
    volunteer.goto(f"{base}/accounts/login/")
    volunteer.get_by_role("link", name="Aktifkan akun Anda").click()
    volunteer.wait_for_load_state("load")
    checks.check(volunteer, "activation-form")
    volunteer.fill("#id_phone", joko_phone)
    volunteer.fill("#id_code", "2345-6789")  # a wrong code first
    volunteer.fill("#id_password1", NEW_PASSWORD)
    volunteer.fill("#id_password2", NEW_PASSWORD)
    volunteer.check("#id_consent")
    volunteer.locator("main form button[type=submit]").click()
    volunteer.wait_for_load_state("load")
    checks.check(volunteer, "activation-wrong-code")
    assert "Nomor HP atau kode aktivasi salah" in volunteer.inner_text("main")
    volunteer.fill("#id_code", code.lower().replace("-", " "))
    volunteer.fill("#id_password1", NEW_PASSWORD)
    volunteer.fill("#id_password2", NEW_PASSWORD)
    volunteer.locator("main form button[type=submit]").click()
    volunteer.wait_for_load_state("load")
    assert volunteer.url.endswith("/dashboard/"), volunteer.inner_text("main")
    checks.check(volunteer, "activated-dashboard")

    # Next time: the phone and the new password on the login page.
    volunteer.context.clear_cookies()
    volunteer.goto(f"{base}/accounts/login/")
    volunteer.fill("#id_username", "+62 812-9901-0002")
    volunteer.fill("#id_password", NEW_PASSWORD)
    volunteer.locator("main form button[type=submit]").click()
    volunteer.wait_for_load_state("load")
    assert volunteer.url.endswith("/dashboard/")
    checks.assert_clean()
