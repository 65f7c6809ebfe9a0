"""HomePage moves to the modules app (it is a page of the site's tree, not a person). The table
is renamed and the model leaves this app's state; modules 0005 takes it over with its rows, and
its content type, so every page, revision and permission keeps pointing at the same row."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0005_volunteerimportbatch"),
        ("modules", "0004_coursepage_certificate_template"),
    ]

    operations = [
        migrations.AlterModelTable(name="homepage", table="modules_homepage"),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="HomePage")],
        ),
    ]
