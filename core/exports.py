"""Spreadsheet exports a spreadsheet program cannot turn into formulas (CSV/formula injection).

A cell whose text starts with ``=``, ``+``, ``-`` or ``@`` is read as a formula by Excel,
LibreOffice and Google Sheets (``=HYPERLINK(...)`` leaks data, DDE payloads run commands); a
leading tab or carriage return can hide such a start. Volunteers type their own names and
villages, so every text cell we export is neutralised by prefixing a single quote, as OWASP
recommends. The quote stays visible in the cell: the price of a value that can never run.
Numbers stay numbers (``-2`` as an int is a number; ``"-2"`` typed as a village is text and gets
the quote).

Wagtail's ``SpreadsheetExportMixin`` does nothing for CSV, and for XLSX only stops openpyxl from
storing a cell that starts with ``=`` as a formula; ``+``, ``-``, ``@``, tab and CR pass through as
typed, so a sheet saved again as CSV would carry them. ``SafeSpreadsheetExportMixin`` sends every
cell and heading of both formats through ``neutralise_cell``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from django.utils.encoding import force_str
from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """The value, with a leading ``'`` when it is text a spreadsheet would read as a formula."""
    if isinstance(value, Promise):
        value = force_str(value)
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's CSV/XLSX export with every cell and heading through ``neutralise_cell``."""

    def preprocess_field_value(self, field, value, export_format):
        value = neutralise_cell(super().preprocess_field_value(field, value, export_format))
        if export_format == self.FORMAT_XLSX and isinstance(value, str):
            # openpyxl refuses control characters: one pasted into a name would break the export.
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return value

    def get_heading(self, queryset, field):
        return neutralise_cell(super().get_heading(queryset, field))


def safe_csv_response(
    filename: str, header: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    """A CSV download with every cell neutralised; for exports outside Wagtail's report views."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([neutralise_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([neutralise_cell(cell) for cell in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    name = filename if filename.endswith(".csv") else f"{filename}.csv"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
