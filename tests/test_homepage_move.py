"""HomePage moved from the lms app to modules (people/migrations/0006, modules/migrations/0005):
its table, its content type and so every page, revision and permission come along."""

import importlib

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page

from modules.models import HomePage

move = importlib.import_module("modules.migrations.0005_homepage")


@pytest.mark.django_db
def test_the_home_page_is_a_modules_page_in_its_own_table():
    home = Page.objects.get(depth=2)
    assert type(home.specific) is HomePage
    assert HomePage._meta.db_table == "modules_homepage"
    assert "modules_homepage" in connection.introspection.table_names()
    assert "lms_homepage" not in connection.introspection.table_names()
    assert not ContentType.objects.filter(app_label="lms", model="homepage").exists()


@pytest.mark.django_db
def test_the_migration_moves_the_content_type_of_existing_pages():
    # A database made before the move: the home page's content type says lms.
    content_type = ContentType.objects.get(app_label="modules", model="homepage")
    ContentType.objects.filter(pk=content_type.pk).update(app_label="lms")
    ContentType.objects.clear_cache()
    move.move_content_type(apps, None)
    ContentType.objects.clear_cache()
    content_type.refresh_from_db()
    assert content_type.app_label == "modules"
    assert Page.objects.get(depth=2).content_type_id == content_type.pk
    assert type(Page.objects.get(depth=2).specific) is HomePage

    move.move_content_type_back(apps, None)
    content_type.refresh_from_db()
    assert content_type.app_label == "lms"
