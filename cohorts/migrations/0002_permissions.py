"""Office admins manage cohorts in the admin; trainers work on the site's cohort pages and need
no admin permission for them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

OFFICE_PERMS = ["add_cohort", "change_cohort", "delete_cohort", "view_cohort"]


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    office = Group.objects.get(name="Admin Dinsos")
    office.permissions.add(
        *Permission.objects.filter(content_type__app_label="cohorts", codename__in=OFFICE_PERMS)
    )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    office = Group.objects.filter(name="Admin Dinsos").first()
    if office:
        office.permissions.remove(
            *Permission.objects.filter(content_type__app_label="cohorts", codename__in=OFFICE_PERMS)
        )


class Migration(migrations.Migration):
    dependencies = [("cohorts", "0001_initial"), ("lms", "0004_roles")]
    operations = [migrations.RunPython(forwards, backwards)]
