"""Reading and checking an office's volunteer register (CSV or XLSX). Pure: no database here.

Three steps, so the service can re-run the last one against the database at confirm time:
``read_sheet`` (bytes → header + raw rows), ``clean_rows`` (each cell checked and normalised, and
duplicate phones within the file), ``classify_rows`` (district, phone and username checked against
what the service read from the database: new / already registered / error).
"""

import csv
import datetime
import io
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.errors import DomainError
from core.phone import normalize_phone
from core.text import clean_text

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 10_000
# An .xlsx is a zip: refuse one that unpacks to far more than a 10,000-row register needs.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
HEADER_SCAN = 10  # registers often have a title row or two above the header
MIN_AGE, MAX_AGE = 18, 100  # the registration form also asks for 18
FIRST_YEAR = 1970
MAX_ERRORS_KEPT = 1000


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

ROW_MESSAGES = {
    "required": _("Empty; this column must be filled in."),
    "too_long": _("Too long: at most %(max)s characters."),
    "invalid_phone": _("Not a valid Indonesian mobile number (for example 0812 3456 7890)."),
    "bad_date": _("Write the date as DD/MM/YYYY (for example 04/03/1992) or YYYY-MM-DD."),
    "impossible_date": _("“%(value)s” is not a real date."),
    "future_date": _("The date of birth is in the future."),
    "too_young": _("The person is %(age)s years old; a PSM must be at least 18."),
    "too_old": _("The person would be %(age)s years old; check the date of birth."),
    "bad_sex": _("Write L (laki-laki) or P (perempuan)."),
    "bad_year": _("Write a year between 1970 and %(max)s."),
    "unknown_district": _(
        "Unknown district (kecamatan) “%(value)s”. Use a name from the Districts list."
    ),
    "duplicate_in_file": _("The same phone number is also in row %(rows)s of this file."),
    "phone_taken": _(
        "This phone number already belongs to %(name)s (username %(username)s), a different "
        "name. Check the number and the name."
    ),
    "username_taken": _(
        "No free username for this phone number. Register this person by hand in the admin."
    ),
}


class ImportFileError(DomainError):
    """The whole file cannot be used; nothing in it was checked row by row."""

    def __init__(self, code: str, **params: Any):
        message = FILE_MESSAGES[code]
        super().__init__(code, message % params if params else message)
        self.params = params


@dataclass(frozen=True)
class RowError:
    """One problem in one cell. ``row`` is the row number the clerk sees in Excel."""

    row: int
    column: str
    code: str
    params: dict = field(default_factory=dict)
    header: str = ""  # the column's name as written in the file
    letter: str = ""  # the column's letter in Excel (A, B, …)

    @property
    def message(self) -> str:
        text = ROW_MESSAGES[self.code]
        return text % self.params if self.params else text

    def to_json(self) -> dict:
        return {
            "row": self.row,
            "column": self.column,
            "code": self.code,
            "params": self.params,
            "header": self.header,
            "letter": self.letter,
        }

    @classmethod
    def from_json(cls, data: Mapping) -> "RowError":
        return cls(**data)


class ImportRejected(DomainError):
    """The file no longer passes at confirm time; ``errors`` says why. Nothing was written."""

    def __init__(self, errors: list[RowError]):
        super().__init__(
            "import_rejected",
            _(
                "Nothing was imported: some rows no longer pass the checks. Fix them and upload "
                "the file again."
            ),
        )
        self.errors = errors


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


def _is_blank(value: Any) -> bool:
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
        if all(_is_blank(cells[i]) if i < len(cells) else True for i, _h, _l in columns.values()):
            continue
        rows.append((number, cells))
    if not rows:
        raise ImportFileError("no_rows")
    if len(rows) > MAX_ROWS:
        raise ImportFileError("too_many_rows")
    return Sheet(columns=columns, rows=rows)


def _nonblank_rows(numbered: Iterable[tuple[int, tuple]]) -> list[tuple[int, tuple]]:
    kept = []
    for number, cells in numbered:
        if any(not _is_blank(cell) for cell in cells):
            kept.append((number, tuple(cells)))
            if len(kept) > MAX_ROWS + HEADER_SCAN:
                raise ImportFileError("too_many_rows")
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
            return _nonblank_rows(enumerate(sheet.iter_rows(values_only=True), start=1))
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

_SPACES = re.compile(r"\s+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")
_DMY_DATE = re.compile(r"(\d{1,2})([/-])(\d{1,2})\2(\d{4})")
_SEX = {
    "L": "L",
    "LK": "L",
    "LAKILAKI": "L",
    "LAKI2": "L",
    "PRIA": "L",
    "P": "P",
    "PR": "P",
    "PEREMPUAN": "P",
    "WANITA": "P",
}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel stores 81234567890 or 2019 as a float
    if isinstance(value, datetime.datetime):
        value = value.date()
    return clean_text(str(value))


def name_key(name: str) -> str:
    """How two names are compared: trimmed, spaces collapsed, case ignored."""
    return _SPACES.sub(" ", name or "").strip().casefold()


def district_key(name: str) -> str:
    key = name_key(name)
    for prefix in ("kecamatan ", "kec. ", "kec."):
        if key.startswith(prefix):
            return key[len(prefix) :].strip()
    return key


def username_candidates(phone: str) -> tuple[str, str]:
    """The username for a phone: its digits (as registration makes it), or psm-<digits> if an
    account whose number changed still holds those digits."""
    digits = phone.lstrip("+")
    return digits, f"psm-{digits}"


def age_on(born: datetime.date, today: datetime.date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _date(value: Any) -> tuple[datetime.date | None, str, dict]:
    """A date cell or text → (date, error code, params)."""
    if isinstance(value, datetime.datetime):
        return value.date(), "", {}
    if isinstance(value, datetime.date):
        return value, "", {}
    text = _text(value)
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DMY_DATE.fullmatch(text):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    else:
        return None, "bad_date", {}
    try:
        return datetime.date(year, month, day), "", {}
    except ValueError:
        return None, "impossible_date", {"value": text}


def _year(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = _text(value)
    return int(text) if re.fullmatch(r"\d{4}", text) else None


def _clean_one(cells: Mapping[str, Any], today: datetime.date) -> tuple[dict, dict[str, tuple]]:
    """Return (clean values, {column: (error code, params)}) for one row."""
    values: dict[str, Any] = {}
    problems: dict[str, tuple[str, dict]] = {}
    for column in COLUMNS:
        raw = cells.get(column.key)
        if _is_blank(raw):
            if column.required:
                problems[column.key] = ("required", {})
            values[column.key] = ""
            continue
        if column.key == "tanggal_lahir":
            born, code, params = _date(raw)
            if born is None:
                problems[column.key] = (code, params)
            elif born > today:
                problems[column.key] = ("future_date", {})
            elif (age := age_on(born, today)) < MIN_AGE:
                problems[column.key] = ("too_young", {"age": age})
            elif age > MAX_AGE:
                problems[column.key] = ("too_old", {"age": age})
            else:
                values[column.key] = born.isoformat()
            continue
        if column.key == "tahun_pengangkatan":
            year = _year(raw)
            if year is None or not FIRST_YEAR <= year <= today.year:
                problems[column.key] = ("bad_year", {"max": today.year})
            else:
                values[column.key] = year
            continue
        text = _text(raw)
        if column.key == "no_hp":
            try:
                values[column.key] = normalize_phone(text)
            except ValidationError:
                problems[column.key] = ("invalid_phone", {})
        elif column.key == "jenis_kelamin":
            sex = _SEX.get(re.sub(r"[\s.\-]", "", text.upper()))
            if sex is None:
                problems[column.key] = ("bad_sex", {})
            else:
                values[column.key] = sex
        elif len(text) > column.max_length:
            problems[column.key] = ("too_long", {"max": column.max_length})
        else:
            values[column.key] = text
    return values, problems


def clean_rows(sheet: Sheet, *, today: datetime.date) -> tuple[list[dict], list[RowError]]:
    """Check every cell of every row, and phones repeated within the file (both rows named).
    Returns the rows that passed (JSON-ready: ISO dates, +62 phones) and every error."""
    cleaned: list[dict] = []
    errors: list[RowError] = []
    rows_by_phone: dict[str, list[int]] = defaultdict(list)
    for number, cells in sheet.rows:
        by_key = {
            key: cells[index] if index < len(cells) else None
            for key, (index, _header, _letter) in sheet.columns.items()
        }
        values, problems = _clean_one(by_key, today)
        if values.get("no_hp"):
            rows_by_phone[values["no_hp"]].append(number)
        for key, (code, params) in problems.items():
            errors.append(_error(sheet, number, key, code, params))
        if not problems:
            cleaned.append({"row": number, **values})
    repeated = {phone: rows for phone, rows in rows_by_phone.items() if len(rows) > 1}
    if repeated:
        bad_rows = set()
        for rows in repeated.values():
            for number in rows:
                others = ", ".join(str(other) for other in rows if other != number)
                errors.append(_error(sheet, number, "no_hp", "duplicate_in_file", {"rows": others}))
                bad_rows.add(number)
        cleaned = [row for row in cleaned if row["row"] not in bad_rows]
    return cleaned, sorted_errors(errors)


def sorted_errors(errors: Iterable[RowError]) -> list[RowError]:
    """By row, then in the template's column order."""
    return sorted(errors, key=lambda e: (e.row, HEADERS.index(e.column)))


def _error(sheet: Sheet, number: int, key: str, code: str, params: dict) -> RowError:
    return _labelled(sheet.labels(), number, key, code, params)


def _labelled(
    labels: Mapping[str, tuple[str, str]], number: int, key: str, code: str, params: dict
) -> RowError:
    header, letter = labels.get(key, (key, ""))
    return RowError(row=number, column=key, code=code, params=params, header=header, letter=letter)


# Against the database ---------------------------------------------------------------------


class ExistingUser(NamedTuple):
    pk: int
    username: str
    full_name: str


@dataclass
class Classified:
    new: list[dict]  # clean rows + district_id and username
    existing: list[tuple[dict, int]]  # (row, user id): same phone and same name, skipped
    errors: list[RowError]


def classify_rows(
    rows: list[dict],
    *,
    district_ids: Mapping[str, int],
    users_by_phone: Mapping[str, ExistingUser],
    taken_usernames: set[str],
    labels: Mapping[str, tuple[str, str]] | None = None,
) -> Classified:
    """Sort clean rows into new / already registered / error, given what the database holds:
    ``district_ids`` by ``district_key``, users by phone, and usernames already in use."""
    labels = labels or {}
    result = Classified(new=[], existing=[], errors=[])
    for row in rows:
        number = row["row"]
        district_id = district_ids.get(district_key(row["kecamatan"]))
        if district_id is None:
            result.errors.append(
                _labelled(
                    labels, number, "kecamatan", "unknown_district", {"value": row["kecamatan"]}
                )
            )
        user = users_by_phone.get(row["no_hp"])
        if user is not None:
            if name_key(user.full_name) != name_key(row["nama_lengkap"]):
                params = {"name": user.full_name or "—", "username": user.username}
                result.errors.append(_labelled(labels, number, "no_hp", "phone_taken", params))
            elif district_id is not None:
                result.existing.append((row, user.pk))
            continue
        username = next(
            (u for u in username_candidates(row["no_hp"]) if u not in taken_usernames), None
        )
        if username is None:
            result.errors.append(_labelled(labels, number, "no_hp", "username_taken", {}))
        elif district_id is not None:
            result.new.append({**row, "district_id": district_id, "username": username})
    result.errors = sorted_errors(result.errors)
    return result


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
