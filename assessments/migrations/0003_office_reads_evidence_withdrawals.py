"""Withdrawn evidence leaves an audit entry; Wagtail's Site history lists entries only for object
types the reader holds a permission on, so the office admins get view rights on evidence."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    office = Group.objects.get(name="Admin Dinsos")
    office.permissions.add(
        Permission.objects.get(content_type__app_label="assessments", codename="view_evidence")
    )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0002_defaults_and_permissions")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
