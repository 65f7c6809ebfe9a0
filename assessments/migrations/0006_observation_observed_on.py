"""The day an observation took place; earlier observations took place the day they were
recorded (Asia/Jakarta)."""

import django.utils.timezone
from django.db import migrations, models
from django.utils import timezone


def observed_on_the_day_recorded(apps, schema_editor):
    Observation = apps.get_model("assessments", "Observation")
    for observation in Observation.objects.only("pk", "created_at").iterator():
        Observation.objects.filter(pk=observation.pk).update(
            observed_on=timezone.localdate(observation.created_at)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0005_question_model_answer"),
    ]

    operations = [
        migrations.AddField(
            model_name="observation",
            name="observed_on",
            field=models.DateField(null=True, verbose_name="date observed"),
        ),
        migrations.RunPython(observed_on_the_day_recorded, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="observation",
            name="observed_on",
            field=models.DateField(
                default=django.utils.timezone.localdate, verbose_name="date observed"
            ),
        ),
    ]
