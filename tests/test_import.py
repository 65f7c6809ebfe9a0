"""Bulk import of volunteers from the office's CSV/XLSX registers: upload → preview → confirm."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cohorts.models import Cohort
from core.errors import DomainError
from demo.factories import make_user
from modules.models import Enrollment
from people.imports import ImportRejected
from people.models import VolunteerImportBatch, VolunteerProfile
from people.services import volunteer_import_confirm

from .import_helpers import URL, codes, csv_bytes, person, preview, upload, xlsx_bytes

User = get_user_model()


@pytest.fixture
def admin_client(client, office_admin):
    client.force_login(office_admin)
    return client


# The whole flow through the admin ---------------------------------------------------------


@pytest.mark.django_db
def test_good_csv_is_checked_first_and_written_only_on_confirm(admin_client, office_admin):
    rows = [
        person(1, tanggal_lahir="1985-06-15", jenis_kelamin="Perempuan"),
        person(2, tanggal_lahir="15/06/1985", jenis_kelamin="Laki-laki", no_hp="+62 813-0002-0002"),
        person(3, tanggal_lahir="15-06-1985", jenis_kelamin="l", kecamatan="  pino RAYA "),
    ]
    header = [
        "Nama Lengkap",
        " NO HP ",
        "Tempat Lahir",
        "tanggal_lahir",
        "JENIS KELAMIN",
        "Desa",
        "Kecamatan",
        "Tahun Pengangkatan",
        "No Anggota IPSM",
    ]
    before = User.objects.count()

    response = upload(admin_client, csv_bytes(rows, header=header))

    assert response.status_code == 302
    batch = VolunteerImportBatch.objects.get()
    assert response.url == f"{URL}{batch.pk}/"
    assert User.objects.count() == before  # nothing written by the preview
    assert (batch.new_count, batch.existing_count, batch.error_rows) == (3, 0, 0)
    page = admin_client.get(response.url)
    assert page.status_code == 200
    assert f'action="{URL}{batch.pk}/impor/"' in page.content.decode()

    response = admin_client.post(f"{URL}{batch.pk}/impor/")

    assert response.status_code == 302
    assert User.objects.count() == before + 3
    user = User.objects.get(phone="+6281300020002")
    assert user.username == "6281300020002"
    assert user.full_name == "Relawan Nomor 2"
    assert not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == ["Relawan"]
    profile = user.profile
    assert profile.birth_date == datetime.date(1985, 6, 15)
    assert profile.sex == "L"
    assert profile.district.name == "Pino Raya"
    assert profile.year_appointed == 2015
    assert timezone.now() - profile.consent_at < datetime.timedelta(minutes=1)
    first, third = (
        VolunteerProfile.objects.get(user__phone=phone)
        for phone in ("+6281300010001", "+6281300030003")
    )
    assert (first.sex, third.sex, third.district.name) == ("P", "L", "Pino Raya")
    batch.refresh_from_db()
    assert batch.status == "done" and batch.new_count == 3 and batch.confirmed_by == office_admin
    assert batch.rows == []  # the personal data now lives in the register only


@pytest.mark.django_db
def test_good_xlsx_with_real_date_cells_numbers_and_a_title_row(office_admin):
    rows = [
        # Excel keeps typed phones and years as numbers, dates as date cells.
        [
            "Ani",
            81300010001,
            "Manna",
            datetime.datetime(1990, 1, 2),
            "P",
            "Desa A",
            "Manna",
            2018,
            12345,
        ],
        [],  # a blank line in the middle is not a person
        [
            "Budi",
            "0813-0002-0002",
            "Seginim",
            datetime.date(1980, 12, 31),
            "L",
            "Desa B",
            "Seginim",
            2020.0,
            None,
        ],
    ]
    content = xlsx_bytes(rows, above=[["DAFTAR PSM KABUPATEN BENGKULU SELATAN"], []])

    batch = preview(content, "daftar.xlsx", by=office_admin)
    assert (batch.total_rows, batch.new_count, batch.error_count) == (2, 2, 0)
    assert [row["row"] for row in batch.rows] == [4, 6]  # row numbers as Excel shows them
    volunteer_import_confirm(batch=batch, by=office_admin)

    ani = User.objects.get(phone="+6281300010001")
    assert ani.profile.birth_date == datetime.date(1990, 1, 2)
    assert ani.profile.ipsm_number == "12345"
    assert User.objects.get(phone="+6281300020002").profile.year_appointed == 2020


@pytest.mark.django_db
def test_errors_in_several_rows_are_listed_by_row_and_column_and_nothing_is_written(
    admin_client, office_admin
):
    this_year = timezone.localdate().year
    rows = [
        person(1),  # row 2 fine
        person(2, nama_lengkap="  ", no_hp="0213456789"),  # row 3
        person(3, tanggal_lahir="31/02/1990", jenis_kelamin="X"),  # row 4
        person(4, tanggal_lahir=f"01/01/{this_year - 10}", kecamatan="Atlantis"),  # row 5
        person(5, tanggal_lahir="1990/01/01", tahun_pengangkatan=str(this_year + 1)),  # row 6
        person(6, tanggal_lahir=f"{this_year + 1}-01-01", desa=""),  # row 7
        person(7, tanggal_lahir="01-01-1900", no_anggota_ipsm="9" * 51),  # row 8
    ]
    before = User.objects.count()

    batch = preview(csv_bytes(rows), by=office_admin)

    from people.services import volunteer_import_errors

    assert codes(volunteer_import_errors(batch=batch)) == {
        (3, "nama_lengkap", "required"),
        (3, "no_hp", "invalid_phone"),
        (4, "tanggal_lahir", "impossible_date"),
        (4, "jenis_kelamin", "bad_sex"),
        (5, "tanggal_lahir", "too_young"),
        (5, "kecamatan", "unknown_district"),  # named at once, not after the next upload
        (6, "tanggal_lahir", "bad_date"),
        (6, "tahun_pengangkatan", "bad_year"),
        (7, "tanggal_lahir", "future_date"),
        (7, "desa", "required"),
        (8, "tanggal_lahir", "too_old"),
        (8, "no_anggota_ipsm", "too_long"),
    }
    # Atlantis is checked against the database only for rows that pass the cell checks; row 5
    # already failed on its age.
    assert batch.error_rows == 6 and batch.new_count == 1
    page = admin_client.get(f"{URL}{batch.pk}/").content.decode()
    assert f"{URL}{batch.pk}/impor/" not in page  # no confirm button while there are errors
    assert "<td>8</td>" in page and "no_anggota_ipsm (I)" in page

    response = admin_client.post(f"{URL}{batch.pk}/impor/")

    assert response.status_code == 302
    assert User.objects.count() == before
    assert VolunteerImportBatch.objects.get().status == "preview"


@pytest.mark.django_db
def test_an_unknown_district_is_an_error(office_admin):
    batch = preview(csv_bytes([person(1, kecamatan="Atlantis"), person(2)]), by=office_admin)
    assert [(e["row"], e["column"], e["code"]) for e in batch.errors] == [
        (2, "kecamatan", "unknown_district")
    ]


@pytest.mark.django_db
def test_district_prefix_kec_is_understood(office_admin):
    batch = preview(csv_bytes([person(1, kecamatan="Kec. Kota Manna")]), by=office_admin)
    volunteer_import_confirm(batch=batch, by=office_admin)
    assert User.objects.get(full_name="Relawan Nomor 1").profile.district.name == "Kota Manna"


@pytest.mark.django_db
def test_duplicate_phone_within_the_file_names_both_rows(office_admin):
    rows = [person(1), person(2, no_hp="081300030003"), person(3, no_hp="+62 813 0003 0003")]
    batch = preview(csv_bytes(rows), by=office_admin)
    errors = [(e["row"], e["column"], e["code"], e["params"]) for e in batch.errors]
    assert errors == [
        (3, "no_hp", "duplicate_in_file", {"rows": "4"}),
        (4, "no_hp", "duplicate_in_file", {"rows": "3"}),
    ]
    with pytest.raises(DomainError) as refused:
        volunteer_import_confirm(batch=batch, by=office_admin)
    assert refused.value.code == "import_has_errors"
    assert not User.objects.filter(phone__startswith="+62813").exists()


@pytest.mark.django_db
def test_reimporting_the_same_file_creates_nobody_twice(office_admin):
    content = csv_bytes([person(1), person(2)])
    volunteer_import_confirm(batch=preview(content, by=office_admin), by=office_admin)
    count = User.objects.count()
    # Same people typed a little differently the second time: same phone, same name.
    again = csv_bytes([person(1, nama_lengkap="  relawan   NOMOR 1 "), person(2)])

    batch = preview(again, by=office_admin)
    assert (batch.new_count, batch.existing_count, batch.error_count) == (0, 2, 0)
    batch = volunteer_import_confirm(batch=batch, by=office_admin)

    assert User.objects.count() == count
    assert (batch.new_count, batch.existing_count) == (0, 2)


@pytest.mark.django_db
def test_phone_of_a_different_person_is_an_error(office_admin):
    make_user("lain", phone="+6281300010001")  # full name "Lain"
    batch = preview(csv_bytes([person(1)]), by=office_admin)
    assert [(e["row"], e["column"], e["code"]) for e in batch.errors] == [
        (2, "no_hp", "phone_taken")
    ]
    assert batch.errors[0]["params"] == {"name": "Lain", "username": "lain"}


@pytest.mark.django_db
def test_username_held_by_an_account_whose_number_changed_gets_the_fallback(office_admin):
    User.objects.create_user(username="6281300010001", full_name="Nomor Lama", phone=None)
    batch = preview(csv_bytes([person(1)]), by=office_admin)
    volunteer_import_confirm(batch=batch, by=office_admin)
    assert User.objects.get(phone="+6281300010001").username == "psm-6281300010001"


# Confirm checks again ---------------------------------------------------------------------


@pytest.mark.django_db
def test_confirm_checks_again_and_writes_nothing_when_someone_registered_meanwhile(
    admin_client, office_admin
):
    batch = preview(csv_bytes([person(1), person(2), person(3)]), by=office_admin)
    assert batch.new_count == 3
    before = User.objects.count()
    make_user("tetangga", phone="+6281300020002")  # registered between preview and confirm

    response = admin_client.post(f"{URL}{batch.pk}/impor/")

    assert response.status_code == 409
    assert User.objects.count() == before + 1  # only the one who registered themselves
    assert not User.objects.filter(phone="+6281300010001").exists()
    assert [(e.row, e.column, e.code) for e in response.context["errors"]] == [
        (3, "no_hp", "phone_taken")
    ]
    with pytest.raises(ImportRejected):
        volunteer_import_confirm(batch=batch, by=office_admin)
    assert VolunteerImportBatch.objects.get().status == "preview"
    assert not ModelLogEntry.objects.filter(action="psm.volunteer_import").exists()


@pytest.mark.django_db
def test_confirming_twice_imports_once(admin_client, office_admin):
    batch = preview(csv_bytes([person(1)]), by=office_admin)
    assert admin_client.post(f"{URL}{batch.pk}/impor/").status_code == 302
    count = User.objects.count()
    with pytest.raises(DomainError) as refused:
        volunteer_import_confirm(batch=batch, by=office_admin)
    assert refused.value.code == "import_done"
    assert admin_client.post(f"{URL}{batch.pk}/impor/").status_code == 302
    assert User.objects.count() == count


@pytest.mark.django_db
def test_a_stale_preview_cannot_be_confirmed(office_admin):
    batch = preview(csv_bytes([person(1)]), by=office_admin)
    VolunteerImportBatch.objects.filter(pk=batch.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=2)
    )
    batch.refresh_from_db()
    with pytest.raises(DomainError) as refused:
        volunteer_import_confirm(batch=batch, by=office_admin)
    assert refused.value.code == "import_expired"
    assert not User.objects.filter(phone="+6281300010001").exists()


@pytest.mark.django_db
def test_rows_reposted_by_the_browser_are_ignored(admin_client, office_admin):
    batch = preview(csv_bytes([person(1)]), by=office_admin)
    admin_client.post(
        f"{URL}{batch.pk}/impor/",
        {"rows": '[{"nama_lengkap": "Penyusup", "no_hp": "081399999999"}]'},
    )
    assert User.objects.filter(phone="+6281300010001").exists()
    assert not User.objects.filter(phone="+6281399999999").exists()


# Cohort, audit, speed ---------------------------------------------------------------------


@pytest.mark.django_db
def test_everyone_in_the_file_joins_the_chosen_cohort_and_its_course(
    admin_client, office_admin, course
):
    cohort = Cohort.objects.create(
        name="Angkatan 1",
        course=course,
        start_date=datetime.date(2026, 1, 5),
        end_date=datetime.date(2026, 1, 9),
    )
    first = preview(csv_bytes([person(1)]), by=office_admin)
    volunteer_import_confirm(batch=first, by=office_admin)
    response = upload(admin_client, csv_bytes([person(1), person(2)]), cohort=cohort.pk)
    batch = VolunteerImportBatch.objects.get(pk=response.url.rstrip("/").rsplit("/", 1)[1])
    assert batch.cohort == cohort

    admin_client.post(f"{URL}{batch.pk}/impor/")

    people = set(User.objects.filter(phone__in=["+6281300010001", "+6281300020002"]))
    assert set(cohort.members.all()) == people
    assert {e.user for e in Enrollment.objects.filter(course=course)} == people


@pytest.mark.django_db
def test_the_import_is_in_the_audit_trail(office_admin):
    content = csv_bytes([person(1), person(2)])
    volunteer_import_confirm(batch=preview(content, by=office_admin), by=office_admin)
    batch = volunteer_import_confirm(
        batch=preview(csv_bytes([person(1), person(3)]), by=office_admin), by=office_admin
    )
    entry = ModelLogEntry.objects.filter(action="psm.volunteer_import").latest("timestamp")
    assert entry.user == office_admin
    assert entry.object_id == str(batch.pk)
    assert entry.data["created"] == 1 and entry.data["skipped"] == 1
    assert entry.data["file_sha256"] == batch.file_sha256
    assert len(batch.file_sha256) == 64


@pytest.mark.django_db
def test_confirm_does_a_fixed_number_of_queries(office_admin, course):
    cohort = Cohort.objects.create(
        name="Angkatan Q",
        course=course,
        start_date=datetime.date(2026, 1, 5),
        end_date=datetime.date(2026, 1, 9),
    )
    counts = []
    for start, size in [(1, 10), (100, 50)]:
        rows = [person(i) for i in range(start, start + size)]
        rows[0]["nama_lengkap"] = "Sudah Terdaftar"
        already = make_user(f"ada{start}", phone=f"+62813{start:04d}{start:04d}")
        already.full_name = "Sudah Terdaftar"
        already.save()
        batch = preview(csv_bytes(rows), by=office_admin, cohort=cohort)
        assert batch.existing_count == 1 and batch.new_count == size - 1
        # Content types are cached per process: whether an earlier test in this process (with
        # pytest-xdist, any test) filled the cache must not change the count.
        ContentType.objects.clear_cache()
        with CaptureQueriesContext(connection) as queries:
            volunteer_import_confirm(batch=batch, by=office_admin)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert cohort.members.count() == 60


# Access -----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("url", [URL, f"{URL}templat.csv"])
def test_anonymous_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


@pytest.mark.django_db
def test_trainers_and_volunteers_are_refused(client, trainer, volunteer, office_admin):
    batch = preview(csv_bytes([person(1)]), by=office_admin)
    for user in (trainer, volunteer):
        client.force_login(user)
        for url in [URL, f"{URL}{batch.pk}/", f"{URL}templat.xlsx"]:
            response = client.get(url)
            assert response.status_code == 302, (user, url)
            assert response.url == "/admin/" or response.url.startswith("/admin/login/")
        response = client.post(f"{URL}{batch.pk}/impor/")
        assert response.status_code == 302
        response = upload(client, csv_bytes([person(5)]))
        assert response.status_code == 302
    assert not User.objects.filter(phone__startswith="+62813").exists()
    assert VolunteerImportBatch.objects.count() == 1


@pytest.mark.django_db
def test_menu_item_is_shown_to_office_admins_only(client, trainer, office_admin):
    client.force_login(office_admin)
    assert client.get(URL).status_code == 200
    assert URL in client.get("/admin/").content.decode()
    client.force_login(trainer)
    assert URL not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_every_error_of_every_row_is_in_one_preview(office_admin):
    """A row with a bad phone and an unknown kecamatan names both at once: the kecamatan used
    to appear only after the phone was fixed and the file uploaded again."""
    rows = [person(1, no_hp="12345", kecamatan="Kecamatan Khayalan"), person(2)]
    batch = preview(csv_bytes(rows), by=office_admin)
    found = {(error["row"], error["column"], error["code"]) for error in batch.errors}
    assert any(row == 2 and column == "no_hp" for row, column, _code in found)
    assert (2, "kecamatan", "unknown_district") in found
    assert batch.error_rows == 1 and batch.new_count == 1
