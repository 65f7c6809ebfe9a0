"""Default predicate bands (the office edits them) and what trainers and office admins may do
with assessment snippets."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

BANDS = [("Sangat Baik", 90), ("Baik", 80), ("Cukup", 70), ("Kurang", 0)]
AUTHORED = ["question", "quiz", "rubric", "attitudeinstrument", "competencyunit"]


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    PredicateBand = apps.get_model("assessments", "PredicateBand")
    for name, minimum in BANDS:
        PredicateBand.objects.get_or_create(min_score=minimum, defaults={"name": name})
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    authoring = Permission.objects.filter(
        content_type__app_label="assessments",
        codename__in=[f"{action}_{model}" for model in AUTHORED for action in ("add", "change", "view")],
    )
    bands = Permission.objects.filter(
        content_type__app_label="assessments", codename__endswith="_predicateband"
    )
    deletes = Permission.objects.filter(
        content_type__app_label="assessments",
        codename__in=[f"delete_{model}" for model in AUTHORED],
    )
    trainer = Group.objects.get(name="Pelatih")
    trainer.permissions.add(*authoring)
    office = Group.objects.get(name="Admin Dinsos")
    office.permissions.add(*authoring, *bands, *deletes)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial"), ("lms", "0004_roles")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
