"""Shared by the volunteer import tests (tests/test_import.py, tests/test_import_files.py):
registers as CSV or XLSX bytes, and the preview and upload they go through."""

import csv
import io

import openpyxl

from people.import_files import HEADERS
from people.services import volunteer_import_preview

URL = "/admin/impor-relawan/"


def person(i: int = 1, **overrides) -> dict:
    row = {
        "nama_lengkap": f"Relawan Nomor {i}",
        "no_hp": f"0813 {i:04d} {i:04d}",
        "tempat_lahir": "Manna",
        "tanggal_lahir": "1985-06-15",
        "jenis_kelamin": "P",
        "desa": "Desa Suka Maju",
        "kecamatan": "Pino Raya",
        "tahun_pengangkatan": "2015",
        "no_anggota_ipsm": "",
    }
    row.update(overrides)
    return row


def csv_bytes(rows, *, header=HEADERS, delimiter=",", encoding="utf-8") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(key, "") for key in HEADERS])
    return out.getvalue().encode(encoding)


def xlsx_bytes(rows, *, header=HEADERS, above=()) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for line in above:
        sheet.append(line)
    sheet.append(list(header))
    for row in rows:
        sheet.append([row.get(key) for key in HEADERS] if isinstance(row, dict) else row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def preview(content: bytes, name: str = "register.csv", *, by, cohort=None):
    return volunteer_import_preview(filename=name, content=content, by=by, cohort=cohort)


def upload(client, content: bytes, name: str = "register.csv", **extra):
    return client.post(URL, {"file": _file(content, name), **extra})


def _file(content: bytes, name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def codes(errors) -> set[tuple[int, str, str]]:
    return {(e.row, e.column, e.code) for e in errors}
