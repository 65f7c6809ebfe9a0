"""Reading an office's volunteer register (CSV or XLSX) into a header and raw rows, and the
templates the office downloads. Pure: no database here. Checking the rows is people/imports.py.
"""

import csv
import datetime
import io
import re
import time
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.utils.translation import gettext_lazy as _

from core.errors import DomainError

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 10_000
TRAILING_BLANK_ROWS = 1_000  # this many empty rows in a row end the register
READ_SECONDS = 10
MAX_COLUMNS = 64  # the register has 9 columns; cells far to the right are not read
# An .xlsx is a zip: refuse one that unpacks to far more than a 10,000-row register needs.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
HEADER_SCAN = 10  # registers often have a title row or two above the header
MIN_AGE, MAX_AGE = 18, 100  # the registration form also asks for 18
FIRST_YEAR = 1970


class Column(NamedTuple):
    key: str
    required: bool
    max_length: int
    aliases: tuple[str, ...]


COLUMNS: tuple[Column, ...] = (
    Column("nama_lengkap", True, 150, ("nama", "full_name", "name")),
    Column(
        "no_hp",
        True,
        20,
        ("nomor_hp", "no_handphone", "hp", "no_telp", "no_telepon", "no_wa", "phone"),
    ),
    Column("tempat_lahir", True, 100, ("birth_place",)),
    Column("tanggal_lahir", True, 10, ("tgl_lahir", "birth_date")),
    Column("jenis_kelamin", True, 10, ("jk", "l_p", "sex")),
    Column("desa", True, 100, ("desa_kelurahan", "kelurahan", "village")),
    Column("kecamatan", True, 100, ("district",)),
    Column("tahun_pengangkatan", True, 4, ("tahun_diangkat", "year_appointed")),
    Column("no_anggota_ipsm", False, 50, ("nomor_anggota_ipsm", "no_ipsm", "ipsm_number")),
)
HEADERS = [column.key for column in COLUMNS]
_BY_ALIAS = {alias: c for c in COLUMNS for alias in (c.key, *c.aliases)}

FILE_MESSAGES = {
    "empty_file": _("The file is empty."),
    "too_large": _("The file is larger than 2 MB. Split it into smaller files."),
    "too_many_rows": _("The file has more than 10,000 rows. Split it into smaller files."),
    "too_slow": _(
        "The file takes too long to read. Copy only the register's rows and columns into a new "
        "file and upload that."
    ),
    "not_utf8": _(
        "The file is not saved as CSV UTF-8. In Excel choose File → Save As → "
        "“CSV UTF-8 (Comma delimited) (*.csv)”, or upload the .xlsx file itself."
    ),
    "not_csv": _("This is not a CSV file. Upload a .csv or .xlsx file."),
    "old_xls": _(
        "Old Excel files (.xls) cannot be read. In Excel choose File → Save As → "
        "“Excel Workbook (*.xlsx)” and upload that file."
    ),
    "bad_xlsx": _(
        "The Excel file cannot be read: it is damaged or not a real .xlsx file. Open it in "
        "Excel, save it again as .xlsx and upload it again."
    ),
    "wrong_type": _("Upload a .csv or .xlsx file."),
    "missing_columns": _(
        "These required columns are missing: %(columns)s. Download the template to see the "
        "column names."
    ),
    "duplicate_column": _("The column %(column)s appears twice in the header row."),
    "no_rows": _("The file has a header row but no volunteers under it."),
}


class ImportFileError(DomainError):
    """The whole file cannot be used; nothing in it was checked row by row."""

    def __init__(self, code: str, **params: Any):
        message = FILE_MESSAGES[code]
        super().__init__(code, message % params if params else message)
        self.params = params


@dataclass
class Sheet:
    # canonical key -> (position in the row, header as written, Excel column letter)
    columns: dict[str, tuple[int, str, str]]
    rows: list[tuple[int, tuple]]  # (row number in the file, raw cells)

    def labels(self) -> dict[str, tuple[str, str]]:
        """canonical key -> (header as written, column letter), kept for confirm-time errors."""
        return {key: (header, letter) for key, (_i, header, letter) in self.columns.items()}


def _header_key(value: Any) -> str:
    return re.sub(r"[^0-9a-z]+", "_", str(value or "").strip().lower()).strip("_")


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _match_header(cells: Iterable[Any]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    for index, cell in enumerate(cells):
        column = _BY_ALIAS.get(_header_key(cell))
        if column:
            found[column.key].append(index)
    return found


def _build_sheet(raw_rows: list[tuple[int, tuple]]) -> Sheet:
    """Find the header among the first rows and keep the rows under it that hold data."""
    if not raw_rows:
        raise ImportFileError("empty_file")
    best_at, best = 0, _match_header(raw_rows[0][1])
    for at, (_number, cells) in enumerate(raw_rows[1:HEADER_SCAN], start=1):
        found = _match_header(cells)
        if len(found) > len(best):
            best_at, best = at, found
    for key, positions in best.items():
        if len(positions) > 1:
            raise ImportFileError("duplicate_column", column=key)
    missing = [c.key for c in COLUMNS if c.required and c.key not in best]
    if missing:
        raise ImportFileError("missing_columns", columns=", ".join(missing))
    header_cells = raw_rows[best_at][1]
    columns = {
        key: (positions[0], str(header_cells[positions[0]]).strip(), _column_letter(positions[0]))
        for key, positions in best.items()
    }
    rows = []
    for number, cells in raw_rows[best_at + 1 :]:
        # A pre-numbered register has rows with only the "No" column filled: not people.
        if all(is_blank(cells[i]) if i < len(cells) else True for i, _h, _l in columns.values()):
            continue
        rows.append((number, cells))
    if not rows:
        raise ImportFileError("no_rows")
    if len(rows) > MAX_ROWS:
        raise ImportFileError("too_many_rows")
    return Sheet(columns=columns, rows=rows)


def _nonblank_rows(numbered: Iterable[tuple[int, tuple]]) -> list[tuple[int, tuple]]:
    """The rows with something in them. Reading stops after TRAILING_BLANK_ROWS empty rows in a
    row (a sheet "used" to row 1,048,576 is otherwise a million rows to parse) and refuses a
    file that takes longer than READ_SECONDS to read, so one upload cannot hold a worker."""
    kept: list[tuple[int, tuple]] = []
    blank_run = 0
    deadline = time.monotonic() + READ_SECONDS
    for number, cells in numbered:
        if any(not is_blank(cell) for cell in cells):
            kept.append((number, tuple(cells)))
            blank_run = 0
            if len(kept) > MAX_ROWS + HEADER_SCAN:
                raise ImportFileError("too_many_rows")
        else:
            blank_run += 1
            if blank_run >= TRAILING_BLANK_ROWS:
                break
        if number % 256 == 0 and time.monotonic() > deadline:
            raise ImportFileError("too_slow")
    return kept


def _read_csv(content: bytes) -> list[tuple[int, tuple]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # Not guessed as cp1252: a wrong guess would store wrong names without a word.
        raise ImportFileError("not_utf8") from error
    if "\x00" in text:
        raise ImportFileError("not_csv")
    head = "\n".join(text.splitlines()[:HEADER_SCAN])

    def recognised(delimiter: str) -> int:
        rows = csv.reader(io.StringIO(head), delimiter=delimiter)
        return max((len(_match_header(row)) for row in rows), default=0)

    # Excel in an Indonesian locale saves ";"-separated CSV: pick the separator under which
    # the header makes sense, and ask csv.Sniffer only when no header name is recognised.
    scores = {delimiter: recognised(delimiter) for delimiter in (",", ";", "\t")}
    delimiter = max(scores, key=lambda d: scores[d])
    if not scores[delimiter]:
        try:
            delimiter = csv.Sniffer().sniff(head, delimiters=",;\t").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return _nonblank_rows(enumerate(reader, start=1))
    except csv.Error as error:
        raise ImportFileError("not_csv") from error


def _read_xlsx(content: bytes) -> list[tuple[int, tuple]]:
    import openpyxl

    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ImportFileError("bad_xlsx") from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportFileError("too_large")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            sheet.reset_dimensions()  # some writers store a wrong size; read every row
            rows = sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
            return _nonblank_rows(enumerate(rows, start=1))
        finally:
            workbook.close()
    except ImportFileError:
        raise
    except Exception as error:  # a damaged workbook fails in many ways (zip, XML, styles)
        raise ImportFileError("bad_xlsx") from error


def read_sheet(*, filename: str, content: bytes) -> Sheet:
    """Read a CSV or XLSX register into a header and rows, or raise ImportFileError."""
    if not content:
        raise ImportFileError("empty_file")
    if len(content) > MAX_FILE_BYTES:
        raise ImportFileError("too_large")
    name = filename.lower()
    if content.startswith(b"\xd0\xcf\x11\xe0") or name.endswith(".xls"):
        raise ImportFileError("old_xls")
    # Trust the bytes over the name: an .xlsx renamed .csv is still a workbook.
    if content.startswith(b"PK\x03\x04") or name.endswith((".xlsx", ".xlsm")):
        return _build_sheet(_read_xlsx(content))
    if name.endswith((".csv", ".txt")):
        return _build_sheet(_read_csv(content))
    raise ImportFileError("wrong_type")


# Cleaning one row -------------------------------------------------------------------------


# Templates --------------------------------------------------------------------------------

EXAMPLE = {
    "nama_lengkap": "Siti Aminah",
    "no_hp": "0812 3456 7890",
    "tempat_lahir": "Manna",
    "tanggal_lahir": datetime.date(1992, 3, 4),
    "jenis_kelamin": "P",
    "desa": "Desa Suka Maju",
    "kecamatan": "Pino Raya",
    "tahun_pengangkatan": 2019,
    "no_anggota_ipsm": "",
}


def template_csv(*, district: str = "") -> bytes:
    """Header and one example row; UTF-8 with a BOM so Excel opens the names correctly."""
    example = {**EXAMPLE, "kecamatan": district or EXAMPLE["kecamatan"]}
    example["tanggal_lahir"] = example["tanggal_lahir"].strftime("%d/%m/%Y")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerow([example[key] for key in HEADERS])
    return out.getvalue().encode("utf-8-sig")


def template_xlsx(*, districts: list[str]) -> bytes:
    """The same as a workbook: phone and IPSM columns as text (Excel would drop the leading 0),
    birth date as a real date, and a second sheet listing the columns and the districts."""
    import openpyxl
    from openpyxl.styles import Font

    example = {**EXAMPLE, "kecamatan": districts[0] if districts else EXAMPLE["kecamatan"]}
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "relawan"
    sheet.append(HEADERS)
    sheet.append([example[key] for key in HEADERS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, key in enumerate(HEADERS, start=1):
        letter = _column_letter(index - 1)
        sheet.column_dimensions[letter].width = max(14, len(key) + 4)
        for row in range(2, 502):
            if key in ("no_hp", "no_anggota_ipsm"):
                sheet.cell(row=row, column=index).number_format = "@"
            elif key == "tanggal_lahir":
                sheet.cell(row=row, column=index).number_format = "DD/MM/YYYY"
    help_sheet = workbook.create_sheet(str(_("instructions")))
    help_sheet.append([str(_("column")), str(_("required")), str(_("how to fill it in"))])
    for column in COLUMNS:
        help_sheet.append(
            [column.key, str(_("yes")) if column.required else str(_("no")), str(HELP[column.key])]
        )
    help_sheet.append([])
    help_sheet.append([str(_("Districts (kecamatan) known to the system:"))])
    for name in districts:
        help_sheet.append([name])
    help_sheet.column_dimensions["A"].width = 24
    help_sheet.column_dimensions["C"].width = 70
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


HELP = {
    "nama_lengkap": _("Full name, as on the identity card."),
    "no_hp": _("Mobile number, for example 0812 3456 7890. One number per person."),
    "tempat_lahir": _("Place of birth."),
    "tanggal_lahir": _("Date of birth: DD/MM/YYYY or YYYY-MM-DD. At least 18 years old."),
    "jenis_kelamin": _("L (laki-laki) or P (perempuan)."),
    "desa": _("Village (desa/kelurahan) of duty."),
    "kecamatan": _("District (kecamatan) of duty, written as in the list below."),
    "tahun_pengangkatan": _("Year appointed as PSM, for example 2019."),
    "no_anggota_ipsm": _("IPSM member number, if any."),
}
