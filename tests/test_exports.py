"""Formula injection: every exported text cell that a spreadsheet would run gets a leading quote;
numbers, dates and harmless text stay as they are."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.utils.translation import gettext_lazy
from django.views import View
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from core.exports import SafeSpreadsheetExportMixin, neutralise_cell, safe_csv_response

HOSTILE = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tX", "\rX", "=1+1", "-"]


@pytest.mark.parametrize("value", HOSTILE)
def test_text_a_spreadsheet_would_run_gets_a_quote(value):
    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize(
    "value",
    [
        "Desa Satu",
        "Budi = guru",  # only the first character matters
        " =1",  # a spreadsheet reads a leading space as text
        "",
        None,
        -2,
        -2.5,
        Decimal("-3.25"),
        datetime.date(2026, 1, 1),
    ],
)
def test_numbers_dates_and_plain_text_pass_unchanged(value):
    assert neutralise_cell(value) == value


def test_lazy_translations_are_checked_as_text():
    assert neutralise_cell(gettext_lazy("-")) == "'-"


def test_safe_csv_response_neutralises_header_and_cells():
    response = safe_csv_response(
        "daftar", ["Nama", "=Jumlah"], [['=HYPERLINK("http://x")', 3], ["\tX", -2]]
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="daftar.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM: Excel then reads UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        ["Nama", "'=Jumlah"],
        ['\'=HYPERLINK("http://x")', "3"],
        ["'\tX", "-2"],  # the number -2 stays a number
    ]


class Export(SpreadsheetExportMixin, View):
    list_export = ["name", "count"]
    export_headings = {"name": "=Name", "count": "Count"}


class SafeExport(SafeSpreadsheetExportMixin, Export):
    pass


ROWS = [{"name": text, "count": -index} for index, text in enumerate(HOSTILE)]


def export(view_class, fmt):
    view = view_class()
    view.setup(RequestFactory().get("/", {"export": fmt}))
    response = view.as_spreadsheet(ROWS, fmt)
    body = b"".join(response.streaming_content)
    if fmt == "csv":
        return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    if fmt == "csv_id":
        return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    return [list(r) for r in load_workbook(io.BytesIO(body)).active.iter_rows(values_only=True)]


def test_wagtails_own_export_lets_formulas_through():
    # Why core.exports exists: plain CSV passes every trigger, XLSX all but "=".
    assert export(Export, "csv")[1][0] == HOSTILE[0]
    xlsx_names = [row[0] for row in export(Export, "xlsx")[1:]]
    assert "+1" in xlsx_names and "@SUM(A1)" in xlsx_names


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_safe_export_quotes_every_trigger_in_cells_and_headings(fmt):
    rows = export(SafeExport, fmt)
    assert rows[0] == ["'=Name", "Count"]
    names = [row[0] for row in rows[1:]]
    expected = ["'" + text for text in HOSTILE]
    if fmt == "xlsx":
        expected = [text.replace("\r", "\n") for text in expected]  # XML turns CR into LF
    assert names == expected
    counts = [row[1] for row in rows[1:]]
    numbers = [-index for index in range(len(HOSTILE))]
    assert counts == (numbers if fmt == "xlsx" else [str(n) for n in numbers])


def test_safe_xlsx_export_drops_control_characters_openpyxl_refuses():
    class Controlled(SafeExport):
        pass

    view = Controlled()
    view.setup(RequestFactory().get("/", {"export": "xlsx"}))
    response = view.as_spreadsheet([{"name": "Ani\x01\x02", "count": 1}], "xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet["A2"].value == "Ani"


def test_every_csv_starts_with_a_bom_and_the_indonesian_dialect_uses_semicolons():
    view = SafeExport()
    view.setup(RequestFactory().get("/", {"export": "csv"}))
    body = b"".join(view.as_spreadsheet([{"name": "Sari", "count": Decimal("89.38")}], "csv"))
    assert body.startswith(b"\xef\xbb\xbf") and b"89.38" in body
    view.setup(RequestFactory().get("/", {"export": "csv_id"}))
    response = view.as_spreadsheet([{"name": "Sari; Manna", "count": Decimal("89.38")}], "csv_id")
    assert response["Content-Disposition"].endswith('-excel-id.csv"')
    rows = export_rows_id(response)
    assert rows == [["'=Name", "Count"], ["Sari; Manna", "89,38"]]


def export_rows_id(response):
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def test_safe_csv_response_in_the_indonesian_dialect():
    response = safe_csv_response("nilai", ["Nama", "Nilai"], [["Sari", 89.5]], excel_id=True)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [["Nama", "Nilai"], ["Sari", "89,5"]]
