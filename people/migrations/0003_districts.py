"""Load the 11 kecamatan of Bengkulu Selatan (BPS codes) as editable data."""

import csv
from pathlib import Path

from django.db import migrations

CSV = Path(__file__).resolve().parent.parent / "data" / "kecamatan_bengkulu_selatan.csv"


def load(apps, schema_editor):
    District = apps.get_model("lms", "District")
    with CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            District.objects.update_or_create(
                name=row["kecamatan"].strip(),
                defaults={"bps_code": row["bps_code"].strip(), "regency": "Bengkulu Selatan"},
            )


class Migration(migrations.Migration):
    dependencies = [("lms", "0002_homepage")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
