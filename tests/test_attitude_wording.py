"""Item 7 of [H]: one attitude instrument, worded for each reader. The volunteer reads the
first-person statements ("Saya …") and the self-assessment instructions; the trainer reads the
observer wording ("Peserta …", written or derived) and the trainer's instructions."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from assessments.models import AttitudeInstrument, AttitudeStatement
from assessments.models.attitude import third_person
from demo.loader import load_assessments
from modules.models import CoursePage, ModulePage
from modules.services import enrollment_create

SELF_HELP = "Pilih angka yang paling sesuai dengan kebiasaan Anda."
TRAINER_HELP = "Nilailah dari perilaku yang Anda amati di kelas dan lapangan."


@pytest.fixture
def instrument(db, volunteer, trainer, course):
    course.trainers.add(trainer)
    course.save()
    enrollment_create(user=volunteer, course=course)
    module = ModulePage.objects.child_of(course).order_by("path").first()
    instrument = AttitudeInstrument(
        title="Sikap uji",
        module=module,
        instructions=SELF_HELP,
        trainer_instructions=TRAINER_HELP,
    )
    instrument.statements = [
        AttitudeStatement(
            text="Saya menepati janji kunjungan dengan warga.",
            observer_text="Peserta menepati janji kunjungan dengan warga.",
            aspect="Tanggung jawab",
        ),
        AttitudeStatement(
            text="Menurut saya, catatan kunjungan tidak perlu ditulis.",
            aspect="Tanggung jawab",
            reverse_keyed=True,
        ),
    ]
    instrument.save()
    return instrument


@pytest.mark.django_db
def test_the_volunteer_reads_first_person_statements_and_self_instructions(
    client, volunteer, instrument
):
    client.force_login(volunteer)
    page = client.get(f"/sikap/{instrument.pk}/").content.decode()
    assert "Saya menepati janji kunjungan dengan warga." in page
    assert "Menurut saya, catatan kunjungan tidak perlu ditulis." in page
    assert SELF_HELP in page
    assert TRAINER_HELP not in page
    assert "Peserta menepati" not in page


@pytest.mark.django_db
def test_the_trainer_reads_observer_statements_and_trainer_instructions(
    client, trainer, volunteer, instrument
):
    client.force_login(trainer)
    page = client.get(f"/pelatih/sikap/{instrument.pk}/{volunteer.pk}/").content.decode()
    assert "Peserta menepati janji kunjungan dengan warga." in page  # as written
    assert "Menurut peserta, catatan kunjungan tidak perlu ditulis." in page  # derived
    assert TRAINER_HELP in page
    assert SELF_HELP not in page
    assert "Saya " not in page and "saya," not in page


@pytest.mark.django_db
def test_without_trainer_instructions_the_trainer_gets_the_standard_ones(
    client, trainer, volunteer, instrument
):
    instrument.trainer_instructions = ""
    instrument.save()
    client.force_login(trainer)
    page = client.get(f"/pelatih/sikap/{instrument.pk}/{volunteer.pk}/").content.decode()
    assert SELF_HELP not in page  # never the volunteer's "answer about yourself"
    assert "Nilailah setiap pernyataan dari perilaku" in page
    assert volunteer.get_full_name() in page


@pytest.mark.parametrize(
    ("statement", "observed"),
    [
        ("Saya menepati janji.", "Peserta menepati janji."),
        ("Menurut saya, itu wajar.", "Menurut peserta, itu wajar."),
        ("Warga yang saya dampingi.", "Warga yang peserta dampingi."),
        ("Aku mendengarkan warga.", "Peserta mendengarkan warga."),
        ("SAYA HADIR.", "PESERTA HADIR."),
        # Whole words only: "sayang" and "Sayangnya" stay as they are.
        ("Sayangnya warga sayang anaknya.", "Sayangnya warga sayang anaknya."),
    ],
)
def test_third_person_wording_replaces_the_pronoun_only(statement, observed):
    assert third_person(statement) == observed


@pytest.mark.django_db
def test_the_volunteers_data_download_keeps_each_raters_wording(
    client, trainer, volunteer, instrument
):
    from assessments.services import attitude_rate

    answers = {f"s{s.pk}": 4 for s in instrument.statements.all()}
    for by, role in ((volunteer, "self"), (trainer, "trainer")):
        attitude_rate(by=by, volunteer=volunteer, instrument=instrument, role=role, answers=answers)
    client.force_login(volunteer)
    ratings = client.get("/dashboard/data-saya.json").json()["attitude_ratings"]
    by_role = {r["role"]: [item["statement"] for item in r["items"]] for r in ratings}
    assert by_role["self"][0] == "Saya menepati janji kunjungan dengan warga."
    assert by_role["trainer"][0] == "Peserta menepati janji kunjungan dengan warga."


def test_the_demo_instrument_words_each_statement_for_both_readers():
    data = load_assessments().attitude
    assert "pelatih" not in data["instructions"].lower()  # the volunteer's own instructions
    assert "peserta" in data["trainer_instructions"].lower()
    for statement in data["statements"]:
        assert statement["observer"].startswith("Peserta"), statement["observer"]
        assert "saya" not in statement["observer"].lower()


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_the_seeded_demo_shows_each_reader_their_wording(client):
    call_command("seed_demo")
    instrument = AttitudeInstrument.objects.get(title="Sikap kerelawanan dan etika PSM")
    users = get_user_model().objects
    relawan = users.get(username="relawan")
    enrollment_create(user=relawan, course=CoursePage.objects.get(slug="bimtek-dasar-psm"))
    client.force_login(relawan)
    own = client.get(f"/sikap/{instrument.pk}/").content.decode()
    assert "Saya menepati janji kunjungan" in own
    assert "Jika pelatih mengisi" not in own
    client.force_login(users.get(username="pelatih"))
    rated = users.get(username="lulus")
    page = client.get(f"/pelatih/sikap/{instrument.pk}/{rated.pk}/").content.decode()
    assert "Peserta menepati janji kunjungan" in page
    assert "Saya menepati" not in page
    assert "jawablah dengan jujur" not in page  # the volunteer's instructions stay theirs
