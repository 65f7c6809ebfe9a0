"""Takes over HomePage from the lms app (lms 0006 renamed its table to modules_homepage)."""

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if ContentType.objects.filter(app_label="lms", model="homepage").exists():
        ContentType.objects.filter(app_label="modules", model="homepage").delete()
        ContentType.objects.filter(app_label="lms", model="homepage").update(
            app_label="modules"
        )


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="modules", model="homepage").update(app_label="lms")


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0004_coursepage_certificate_template"),
        ("lms", "0006_move_homepage_to_modules"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="HomePage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                        (
                            "intro",
                            wagtail.fields.RichTextField(blank=True, verbose_name="introduction"),
                        ),
                    ],
                    options={"verbose_name": "home page"},
                    bases=("wagtailcore.page",),
                ),
            ],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
