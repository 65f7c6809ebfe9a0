"""Reading and checking an office's volunteer register (CSV or XLSX). Pure: no database here.

Three steps, so the service can re-run the last one against the database at confirm time:
``read_sheet`` (bytes → header + raw rows), ``clean_rows`` (each cell checked and normalised, and
duplicate phones within the file), ``classify_rows`` (district, phone and username checked against
what the service read from the database: new / already registered / error).
"""

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.errors import DomainError
from core.phone import normalize_phone
from core.text import clean_text

from .import_files import COLUMNS, FIRST_YEAR, HEADERS, MAX_AGE, MIN_AGE, Sheet, is_blank

MAX_ERRORS_KEPT = 1000

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
        if is_blank(raw):
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


def clean_rows(
    sheet: Sheet, *, today: datetime.date, rejected: list[dict] | None = None
) -> tuple[list[dict], list[RowError]]:
    """Check every cell of every row, and phones repeated within the file (both rows named).
    Returns the rows that passed (JSON-ready: ISO dates, +62 phones) and every error; with
    `rejected`, the cells that did pass in the rows that did not are added to it."""
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
        elif rejected is not None:
            rejected.append(
                {"row": number, **{k: v for k, v in values.items() if k not in problems}}
            )
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


def district_errors(
    rows: list[dict], *, district_ids: Mapping[str, int], labels: Mapping | None = None
) -> list[RowError]:
    """The unknown kecamatan among rows refused for other cells, so one preview names them too."""
    return [
        _labelled(labels or {}, row["row"], "kecamatan", "unknown_district", {"value": value})
        for row in rows
        if (value := row.get("kecamatan")) and district_key(value) not in district_ids
    ]


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
