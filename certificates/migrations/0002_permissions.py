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
        *Permission.objects.filter(
            content_type__app_label="certificates", codename__endswith="_certificatetemplate"
        )
    )


class Migration(migrations.Migration):
    dependencies = [("certificates", "0001_initial"), ("lms", "0004_roles")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
