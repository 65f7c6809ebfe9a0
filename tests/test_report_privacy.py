"""The district office's reports: no private field in any export, spreadsheet formulas
neutralised, and office admins only."""

import io

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from people.models import District, VolunteerProfile
from reports import selectors

from .report_helpers import URL, csv_rows, make_volunteer, page_text, report_world, xlsx_rows


@pytest.fixture
def world(db):
    return report_world()


@pytest.fixture
def admin_client(client, office_admin):
    client.force_login(office_admin)
    return client


# --- Privacy and formula injection -----------------------------------------------------------

PRIVATE = ["1987-06-05", "05/06/1987", "1987", "+6281299990001", "rahasia@example.org"]
PRIVATE += ["Kampung Rahasia"]  # place of birth


def test_volunteer_list_never_exports_private_fields(admin_client, world):
    get_user_model().objects.filter(pk=world.ani.pk).update(
        phone="+6281299990001", email="rahasia@example.org"
    )
    VolunteerProfile.objects.update(birth_place="Kampung Rahasia")
    exported = csv_rows(admin_client.get(URL["list"], {"export": "csv"}))
    sheet = xlsx_rows(admin_client.get(URL["list"], {"export": "xlsx"}))
    page = page_text(admin_client.get(URL["list"]))
    assert len(exported[0]) == len(selectors.VOLUNTEER_LIST_FIELDS) + 2  # + two counts
    assert ["Ani", "Manna", "Desa Satu", "2019", "IPSM-ani", "2", "1"] in exported
    assert ["Ani", "Manna", "Desa Satu", 2019, "IPSM-ani", 2, 1] in sheet
    for text in (str(exported), str(sheet), page[page.index('<table class="listing"') :]):
        for private in PRIVATE:
            assert private not in text, private
    # The selector itself never reads those columns.
    assert set(selectors.volunteer_list()[0]) == {
        *selectors.VOLUNTEER_LIST_FIELDS,
        "enrolments",
        "kompeten",
    }


HOSTILE = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tX", "\rX"]


@pytest.fixture
def hostile(world):
    for index, text in enumerate(HOSTILE):
        make_volunteer(f"jahat{index}", district="Pino", village=text, full_name=text)


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_formula_injection_is_neutralised_in_exports(admin_client, hostile, export):
    pino = District.objects.get(name="Pino").pk
    response = admin_client.get(URL["list"], {"district": pino, "export": export})
    rows = (csv_rows if export == "csv" else xlsx_rows)(response)
    expected = sorted("'" + text for text in HOSTILE)
    if export == "xlsx":
        # XML parsing turns a stored CR into LF; what matters is the quote in front.
        expected = sorted(text.replace("\r", "\n") for text in expected)
    assert sorted(row[0] for row in rows[1:]) == expected  # names
    assert sorted(row[2] for row in rows[1:]) == expected  # villages
    assert all(isinstance(row[3], int if export == "xlsx" else str) for row in rows[1:])

    per_area = admin_client.get(URL["per_area"], {"district": pino, "export": export})
    rows = (csv_rows if export == "csv" else xlsx_rows)(per_area)
    assert sorted(row[1] for row in rows[1:]) == expected


def test_xlsx_cells_are_text_never_formulas(admin_client, hostile):
    response = admin_client.get(URL["list"], {"export": "xlsx"})
    body = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(body)).active
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r"))


# --- Who may see the reports --------------------------------------------------------------


@pytest.mark.parametrize("name", list(URL))
def test_trainers_and_volunteers_are_refused(client, world, trainer, name):
    for user in (trainer, world.ani):
        client.force_login(user)
        for params in ({}, {"export": "csv"}):
            response = client.get(URL[name], params)
            assert response.status_code in (302, 403)
            assert not response.get("Location", "").startswith("/admin/laporan/")
            assert "Content-Disposition" not in response


@pytest.mark.parametrize("name", list(URL))
def test_anonymous_is_sent_to_log_in(client, world, name):
    response = client.get(URL[name], {"export": "csv"})
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_reports_menu_lists_the_reports_for_office_admins_only(client, office_admin, trainer):
    client.force_login(office_admin)
    assert "psm-report-course-results" in client.get("/admin/").content.decode()
    client.force_login(trainer)
    assert "psm-report-" not in client.get("/admin/").content.decode()


# --- Spreadsheets Indonesian-locale Excel opens -----------------------------------------------


@pytest.mark.django_db
def test_reports_offer_xlsx_first_and_csv_for_indonesian_excel(admin_client, world):
    page = page_text(admin_client.get(URL["results"]))
    assert "Unduh Excel (XLSX)" in page and "Download XLSX" not in page
    assert "Unduh CSV untuk Excel berbahasa Indonesia (;)" in page
    assert page.index("Unduh Excel (XLSX)") < page.index("Unduh CSV (,)")
    plain = admin_client.get(URL["results"] + "?export=csv")
    body = b"".join(plain.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # the BOM: names stay readable in Excel
    indonesian = admin_client.get(URL["results"] + "?export=csv_id")
    assert indonesian.status_code == 200
    assert indonesian["Content-Disposition"].endswith('-excel-id.csv"')
    text = b"".join(indonesian.streaming_content).decode("utf-8-sig")
    header = text.splitlines()[0]
    assert ";" in header and "," not in header
