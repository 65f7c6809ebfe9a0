"""Spreadsheet exports a spreadsheet program cannot turn into formulas (CSV/formula injection).

A cell whose text starts with ``=``, ``+``, ``-`` or ``@`` is read as a formula by Excel,
LibreOffice and Google Sheets (``=HYPERLINK(...)`` leaks data, DDE payloads run commands); a
leading tab or carriage return can hide such a start. Volunteers type their own names and
villages, so every text cell we export is neutralised by prefixing a single quote, as OWASP
recommends. The quote stays visible in the cell: the price of a value that can never run.
Numbers stay numbers (``-2`` as an int is a number; ``"-2"`` typed as a village is text and gets
the quote).

Indonesian-locale Excel reads a CSV as its own ANSI code page unless it starts with a UTF-8 BOM
(names turn into mojibake), and expects ``;`` between cells and ``,`` before decimals: every CSV
here starts with the BOM, and a third format, ``csv_id``, writes that dialect.

Wagtail's ``SpreadsheetExportMixin`` does nothing for CSV, and for XLSX only stops openpyxl from
storing a cell that starts with ``=`` as a formula; ``+``, ``-``, ``@``, tab and CR pass through as
typed, so a sheet saved again as CSV would carry them. ``SafeSpreadsheetExportMixin`` sends every
cell and heading of both formats through ``neutralise_cell``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.encoding import force_str
from django.utils.functional import Promise, cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.widgets.button import Button

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
FORMAT_CSV_ID = "csv_id"  # ;-separated with comma decimals, for Excel set to Indonesian


class _Echo:
    def write(self, value: str) -> str:
        return value


def decimal_comma(value: Any) -> Any:
    """A decimal or float as Indonesian Excel reads it (``89,38``); anything else unchanged."""
    if isinstance(value, (Decimal, float)) and not isinstance(value, bool):
        return str(value).replace(".", ",")
    return value


def neutralise_cell(value: Any) -> Any:
    """The value, with a leading ``'`` when it is text a spreadsheet would read as a formula."""
    if isinstance(value, Promise):
        value = force_str(value)
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's CSV/XLSX export with every cell and heading through ``neutralise_cell``, a
    BOM before every CSV, and the ``csv_id`` dialect; XLSX is offered first."""

    FORMAT_CSV_ID = FORMAT_CSV_ID
    FORMATS = (SpreadsheetExportMixin.FORMAT_XLSX, SpreadsheetExportMixin.FORMAT_CSV, FORMAT_CSV_ID)

    def preprocess_field_value(self, field, value, export_format):
        if export_format == self.FORMAT_CSV_ID:
            value = super().preprocess_field_value(field, value, self.FORMAT_CSV)
            return decimal_comma(neutralise_cell(value))
        value = neutralise_cell(super().preprocess_field_value(field, value, export_format))
        if export_format == self.FORMAT_XLSX and isinstance(value, str):
            # openpyxl refuses control characters: one pasted into a name would break the export.
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return value

    def get_heading(self, queryset, field):
        return neutralise_cell(super().get_heading(queryset, field))

    def _stream(self, queryset, export_format: str):
        delimiter = ";" if export_format == self.FORMAT_CSV_ID else ","
        writer = csv.DictWriter(_Echo(), fieldnames=self.list_export, delimiter=delimiter)
        headings = {field: self.get_heading(queryset, field) for field in self.list_export}
        yield BOM + writer.writerow(headings)
        for item in queryset:
            row = self.to_row_dict(item)
            yield writer.writerow(
                {f: self.preprocess_field_value(f, v, export_format) for f, v in row.items()}
            )

    def _csv_response(self, queryset, export_format: str) -> StreamingHttpResponse:
        response = StreamingHttpResponse(
            self._stream(queryset, export_format), content_type="text/csv; charset=utf-8"
        )
        suffix = "-excel-id" if export_format == self.FORMAT_CSV_ID else ""
        name = f"{self.get_filename()}{suffix}.csv"
        response["Content-Disposition"] = content_disposition_header(True, name)
        return response

    def write_csv_response(self, queryset):
        return self._csv_response(queryset, self.FORMAT_CSV)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if spreadsheet_format == self.FORMAT_CSV_ID:
            return self._csv_response(queryset, self.FORMAT_CSV_ID)
        return super().as_spreadsheet(queryset, spreadsheet_format)

    @cached_property
    def header_more_buttons(self):
        # Wagtail's own pair says "Download XLSX" untranslated; ours, XLSX first, in Indonesian.
        buttons = [b for b in super().header_more_buttons if b.url not in self._export_urls()]
        if self.show_export_buttons:
            labels = [
                (self.FORMAT_XLSX, _("Download Excel (XLSX)"), 90),
                (self.FORMAT_CSV_ID, _("Download CSV for Excel in Indonesian (;)"), 95),
                (self.FORMAT_CSV, _("Download CSV (,)"), 100),
            ]
            buttons += [
                Button(label, url=self.get_export_url(fmt), icon_name="download", priority=p)
                for fmt, label, p in labels
            ]
        return buttons

    def _export_urls(self) -> set[str]:
        return {self.get_export_url(fmt) for fmt in self.FORMATS}


def safe_csv_response(
    filename: str, header: Sequence[Any], rows: Iterable[Sequence[Any]], *, excel_id: bool = False
) -> HttpResponse:
    """A CSV download with every cell neutralised, after a BOM; for exports outside Wagtail's
    report views. ``excel_id``: ``;`` between cells and comma decimals."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=";" if excel_id else ",")
    cell = (lambda v: decimal_comma(neutralise_cell(v))) if excel_id else neutralise_cell
    writer.writerow([cell(value) for value in header])
    for row in rows:
        writer.writerow([cell(value) for value in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    name = filename if filename.endswith(".csv") else f"{filename}.csv"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
