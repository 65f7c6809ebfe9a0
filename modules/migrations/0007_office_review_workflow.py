"""The office (Admin Dinsos) reviews what trainers submit; Wagtail's default task had no group."""

from django.db import migrations

from modules.workflow import office_review_ensure


def forwards(apps, schema_editor):
    office_review_ensure(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0006_coursepage_pass_mark_rule"),
        ("lms", "0004_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
