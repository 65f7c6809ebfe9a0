"""Create the home page and the catalogue (/pelatihan/) so the tree and the role
permissions exist on every installation, demo data or not."""

from django.db import migrations


def create_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("lms", "HomePage")
    CourseIndexPage = apps.get_model("modules", "CourseIndexPage")

    # Wagtail's placeholder "Welcome" page (and the Site pointing at it) goes.
    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    if HomePage.objects.exists():
        return
    locale = Locale.objects.order_by("pk").first()
    home_type, _ = ContentType.objects.get_or_create(app_label="lms", model="homepage")
    index_type, _ = ContentType.objects.get_or_create(app_label="modules", model="courseindexpage")
    home = HomePage.objects.create(
        title="Beranda",
        draft_title="Beranda",
        slug="home",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=1,
        url_path="/home/",
        live=True,
        locale=locale,
        intro=(
            "<p>Belajar, berlatih, dan buktikan kompetensi Anda sebagai Pekerja Sosial "
            "Masyarakat.</p>"
        ),
    )
    CourseIndexPage.objects.create(
        title="Pelatihan",
        draft_title="Pelatihan",
        slug="pelatihan",
        content_type=index_type,
        path="000100010001",
        depth=3,
        numchild=0,
        url_path="/home/pelatihan/",
        live=True,
        locale=locale,
        intro="Pilih pelatihan sesuai kebutuhan tugas Anda di desa.",
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, site_name="PSM Belajar", root_page=home, is_default_site=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0001_initial"),
        ("lms", "0002_homepage"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
