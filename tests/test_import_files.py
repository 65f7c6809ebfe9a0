"""Bulk import of volunteers: reading the office's files. Bad files are refused with one
clear message, dates and ages are checked per row, and the downloaded templates import."""

import datetime
import io
import zipfile

import openpyxl
import pytest
from django.contrib.auth import get_user_model

from people.import_files import (
    HEADERS,
    MAX_ROWS,
    ImportFileError,
    read_sheet,
    template_csv,
    template_xlsx,
)
from people.imports import clean_rows
from people.models import VolunteerImportBatch

from .import_helpers import URL, codes, csv_bytes, person, preview, upload, xlsx_bytes

User = get_user_model()


@pytest.fixture
def admin_client(client, office_admin):
    client.force_login(office_admin)
    return client


# Bad files --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_cp1252_csv_is_refused_with_a_clear_message_and_nothing_is_written(admin_client):
    content = csv_bytes([person(1, nama_lengkap="José Müller", desa="Désa Ñ")], encoding="cp1252")
    with pytest.raises(ImportFileError) as refused:
        read_sheet(filename="register.csv", content=content)
    assert refused.value.code == "not_utf8"
    assert "CSV UTF-8" in str(refused.value.message)

    response = upload(admin_client, content)

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [refused.value.message]
    assert not VolunteerImportBatch.objects.exists()
    assert not User.objects.filter(full_name__startswith="Jos").exists()


@pytest.mark.django_db
def test_random_bytes_named_xlsx_and_a_truncated_workbook_are_refused(admin_client):
    good = xlsx_bytes([person(1)])
    for content in [bytes(range(256)) * 20, good[: len(good) // 2]]:
        with pytest.raises(ImportFileError) as refused:
            read_sheet(filename="register.xlsx", content=content)
        assert refused.value.code == "bad_xlsx"
        response = upload(admin_client, content, "register.xlsx")
        assert response.status_code == 200
        assert response.context["form"].errors["file"] == [refused.value.message]
    assert not VolunteerImportBatch.objects.exists()


def test_a_zip_that_is_not_a_workbook_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    with pytest.raises(ImportFileError) as refused:
        read_sheet(filename="register.xlsx", content=out.getvalue())
    assert refused.value.code == "bad_xlsx"


@pytest.mark.django_db
def test_semicolon_csv_from_indonesian_excel(office_admin):
    rows = [person(1, nama_lengkap="Siti Aminah, S.Pd"), person(2)]
    content = csv_bytes(rows, delimiter=";")
    batch = preview(content, by=office_admin)
    assert (batch.new_count, batch.error_count) == (2, 0)
    assert batch.rows[0]["nama_lengkap"] == "Siti Aminah, S.Pd"


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("register.csv", b"", "empty_file"),
        ("register.csv", b"\xef\xbb\xbf\r\n\r\n", "empty_file"),
        ("register.csv", b"nama_lengkap,no_hp\r\nAni,0813\r\n", "missing_columns"),
        ("register.csv", ",".join(HEADERS).encode() + b"\r\n", "no_rows"),
        ("register.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100, "old_xls"),
        ("register.pdf", b"%PDF-1.4", "wrong_type"),
        ("register.csv", b"a" * (2 * 1024 * 1024 + 1), "too_large"),
    ],
)
def test_unusable_files_get_one_clear_message(name, content, code):
    with pytest.raises(ImportFileError) as refused:
        read_sheet(filename=name, content=content)
    assert refused.value.code == code


def test_missing_columns_are_named():
    with pytest.raises(ImportFileError) as refused:
        read_sheet(filename="r.csv", content=b"nama,no_hp,desa\r\nAni,0813,Desa\r\n")
    assert refused.value.params == {
        "columns": "tempat_lahir, tanggal_lahir, jenis_kelamin, kecamatan, tahun_pengangkatan"
    }


def test_more_than_ten_thousand_rows_is_refused():
    content = csv_bytes([person(i % 9000 + 1) for i in range(MAX_ROWS + 1)])
    with pytest.raises(ImportFileError) as refused:
        read_sheet(filename="r.csv", content=content)
    assert refused.value.code == "too_many_rows"


def test_rows_with_only_a_row_number_are_not_people():
    header = ["No", *HEADERS]
    lines = [header, ["1", *person(1).values()], ["2"], ["3"]]
    content = "\r\n".join(",".join(line) for line in lines).encode()
    sheet = read_sheet(filename="r.csv", content=content)
    rows, errors = clean_rows(sheet, today=datetime.date(2026, 1, 1))
    assert len(rows) == 1 and errors == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1985-06-15", datetime.date(1985, 6, 15)),
        ("15/06/1985", datetime.date(1985, 6, 15)),
        ("5-6-1985", datetime.date(1985, 6, 5)),
        ("1985-06-15 00:00:00", datetime.date(1985, 6, 15)),
        ("15/06-1985", None),
        ("06/15/1985", None),
        ("15/06/85", None),
        ("29/02/2001", None),
    ],
)
def test_birth_date_formats(value, expected):
    sheet = read_sheet(filename="r.csv", content=csv_bytes([person(1, tanggal_lahir=value)]))
    rows, _errors = clean_rows(sheet, today=datetime.date(2026, 1, 1))
    assert (datetime.date.fromisoformat(rows[0]["tanggal_lahir"]) if rows else None) == expected


def test_age_limits_are_18_and_100():
    today = datetime.date(2026, 6, 15)
    cases = ["16/06/2008", "15/06/2008", "15/06/1926", "14/06/1925"]
    sheet = read_sheet(
        filename="r.csv",
        content=csv_bytes([person(i, tanggal_lahir=d) for i, d in enumerate(cases, 1)]),
    )
    rows, errors = clean_rows(sheet, today=today)
    assert [row["row"] for row in rows] == [3, 4]
    assert codes(errors) == {(2, "tanggal_lahir", "too_young"), (5, "tanggal_lahir", "too_old")}


# Templates --------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_downloaded_template_imports_as_it_is(admin_client, office_admin, kind):
    response = admin_client.get(f"{URL}templat.{kind}")
    assert response.status_code == 200
    assert f"templat-relawan.{kind}" in response["Content-Disposition"]

    batch = preview(response.content, f"templat-relawan.{kind}", by=office_admin)

    assert (batch.total_rows, batch.new_count, batch.error_count) == (1, 1, 0)


def test_templates_start_with_the_header():
    assert template_csv().decode("utf-8-sig").splitlines()[0] == ",".join(HEADERS)
    sheet = openpyxl.load_workbook(io.BytesIO(template_xlsx(districts=["Manna"]))).worksheets[0]
    assert [cell.value for cell in sheet[1]] == HEADERS


# A zip bomb -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_zip_bomb_posing_as_a_workbook_is_refused_before_it_is_unpacked(admin_client):
    """60 MB of zeros pack into a few kilobytes; the size inside the zip is checked first."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    content = out.getvalue()
    assert len(content) < 200 * 1024
    with pytest.raises(ImportFileError) as refused:
        read_sheet(filename="register.xlsx", content=content)
    assert refused.value.code == "too_large"
    response = upload(admin_client, content, "register.xlsx")
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [refused.value.message]
    assert not VolunteerImportBatch.objects.exists()


def sheet_used_to_the_bottom(rows, *, last_row: int) -> bytes:
    """A register whose sheet is "used" down to `last_row` (a stray space far below): small
    on disk, but a reader that walks every row parses hundreds of thousands of empty ones."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(list(HEADERS))
    for row in rows:
        sheet.append([row.get(key) for key in HEADERS])
    for _ in range(last_row - len(rows) - 2):
        sheet.append([])
    sheet.append([" "] * 3 + ["Manna"])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_reading_stops_after_the_trailing_empty_rows():
    content = sheet_used_to_the_bottom([person(1), person(2)], last_row=200_000)
    assert len(content) < 2 * 1024 * 1024
    sheet = read_sheet(filename="register.xlsx", content=content)
    assert len(sheet.rows) == 2  # the stray cell 200,000 rows down is not read


def test_a_file_that_reads_too_long_is_refused_with_a_clear_error(monkeypatch):
    from people import import_files

    monkeypatch.setattr(import_files, "READ_SECONDS", -1)  # any read is over time
    content = csv_bytes([person(i) for i in range(1, 400)])
    with pytest.raises(ImportFileError) as refused:
        read_sheet(filename="register.csv", content=content)
    assert refused.value.code == "too_slow"
    assert "terlalu lama" in str(refused.value.message)
