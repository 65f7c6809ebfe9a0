"""Roles as groups: Relawan (volunteer), Pelatih (trainer), Admin Dinsos (office admin)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROOT_COLLECTION_DEPTH = 1

TRAINER_MODEL_PERMS = ["wagtailadmin.access_admin"]
TRAINER_COLLECTION_PERMS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
TRAINER_PAGE_PERMS = ["add_page", "change_page", "publish_page"]

ADMIN_MODEL_PERMS = [
    "wagtailadmin.access_admin",
    "lms.add_user",
    "lms.change_user",
    "lms.view_user",
    "lms.add_district",
    "lms.change_district",
    "lms.view_district",
    "lms.view_volunteerprofile",
    "lms.change_volunteerprofile",
]
ADMIN_COLLECTION_PERMS = [
    *TRAINER_COLLECTION_PERMS,
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
]
ADMIN_PAGE_PERMS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]


def _perm(apps, dotted):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles(apps, schema_editor):
    # Model permissions are normally made after migrate; make them now so we can grant them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    root_collection = Collection.objects.get(depth=ROOT_COLLECTION_DEPTH)
    home = Page.objects.get(depth=2, slug="home")
    catalogue = Page.objects.get(depth=3, slug="pelatihan")

    # Wagtail's generic Editors/Moderators would blur the three roles the office works with.
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()
    Group.objects.get_or_create(name="Relawan")
    roles = [
        ("Pelatih", TRAINER_MODEL_PERMS, TRAINER_COLLECTION_PERMS, TRAINER_PAGE_PERMS, catalogue),
        ("Admin Dinsos", ADMIN_MODEL_PERMS, ADMIN_COLLECTION_PERMS, ADMIN_PAGE_PERMS, home),
    ]
    for name, model_perms, collection_perms, page_perms, page in roles:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[_perm(apps, p) for p in model_perms])
        for dotted in collection_perms:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_perm(apps, dotted)
            )
        for codename in page_perms:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_perm(apps, f"wagtailcore.{codename}")
            )


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0003_districts"),
        ("modules", "0002_initial_pages"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
