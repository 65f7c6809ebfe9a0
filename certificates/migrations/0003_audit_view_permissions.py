"""The office reads the audit trail in Wagtail's Site history, which lists log entries only for
object types the reader holds a permission on: give the office admins view rights on the
objects the audit records (certificates, verdicts, score records)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEW = [
    ("certificates", "view_certificate"),
    ("assessments", "view_verdict"),
    ("assessments", "view_scorerecord"),
]


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    office = Group.objects.get(name="Admin Dinsos")
    for app_label, codename in VIEW:
        office.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0002_permissions"),
        ("assessments", "0002_defaults_and_permissions"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
