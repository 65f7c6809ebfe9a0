"""Numbers in the reader's locale, without needless decimals (core/numbers.py), and every page
that shows a score, a percentage or points using it."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from core.numbers import format_number


@pytest.mark.parametrize(
    ("value", "indonesian", "english"),
    [
        (Decimal("1.00"), "1", "1"),
        (Decimal("100.00"), "100", "100"),
        (Decimal("66.67"), "66,67", "66.67"),
        (Decimal("1.50"), "1,5", "1.5"),
        ("26.0000", "26", "26"),
        ("0.30000000000000004", "0,3", "0.3"),
        (89.375, "89,38", "89.38"),
        (7, "7", "7"),
        (Decimal("1234.5"), "1.234,5", "1,234.5"),
        (Decimal("-0.001"), "0", "0"),
    ],
)
def test_format_number_in_the_readers_locale(value, indonesian, english):
    with translation.override("id"):
        assert format_number(value) == indonesian
    with translation.override("en"):
        assert format_number(value) == english


def test_format_number_leaves_what_is_not_a_number():
    assert format_number(None) == ""
    assert format_number("") == ""
    assert format_number("abc") == "abc"
    assert format_number("NaN") == "NaN"
    assert format_number(True) == "True"


def test_places_caps_the_decimals():
    with translation.override("id"):
        assert format_number(Decimal("2.345"), places=1) == "2,3"
        assert format_number(Decimal("2.355"), places=0) == "2"


def test_num_filter_is_available_in_every_template_without_load():
    with translation.override("id"):
        html = Template("{{ a|num }} {{ b|num }}% {{ c|num:1 }} {{ d|num }}").render(
            Context({"a": "1.00", "b": Decimal("66.67"), "c": 0.25, "d": None})
        )
    assert html == "1 66,67% 0,3 "


@pytest.mark.django_db
def test_competency_page_writes_scores_without_needless_decimals(client, volunteer, course):
    from django.utils import timezone

    from assessments.models import ScoreRecord, ScoreSource, Verdict, VerdictStatus
    from modules.services import enrollment_create

    enrollment_create(user=volunteer, course=course)
    Verdict.objects.create(
        volunteer=volunteer,
        course=course,
        status=VerdictStatus.BELUM_KOMPETEN,
        knowledge=Decimal("66.67"),
        skills=Decimal("100.00"),
        attitude=Decimal("77.50"),
        final_score=Decimal("85.00"),
        reasons=[
            {"code": "below_minimum", "domain": "knowledge", "value": "66.67", "minimum": "70.00"}
        ],
        computed_at=timezone.now(),
    )
    ScoreRecord.objects.create(
        volunteer=volunteer,
        course=course,
        domain="skills",
        source=ScoreSource.OVERRIDE,
        value=Decimal("100.00"),
        note="Uji",
    )
    client.force_login(volunteer)
    page = client.get("/kompetensi/").content.decode()
    assert "100,00" not in page and "77,50" not in page and "85,00" not in page
    assert "66,67%" in page and "100%" in page and "77,5%" in page and "Nilai akhir 85" in page
    assert "66,67% masih di bawah batas minimum 70%." in page


@pytest.mark.django_db
def test_trainer_marks_an_essay_with_a_decimal_comma(client, volunteer, trainer, course):
    from demo.factories import lessons_of, make_question, make_quiz, submit_essay
    from modules.services import enrollment_create

    course.trainers.add(trainer)
    course.save()
    enrollment_create(user=volunteer, course=course)
    module = lessons_of(course)[0].get_parent().specific
    answer = submit_essay(volunteer, make_quiz(module, [make_question("essay", points=4)]))
    client.force_login(trainer)
    page = client.get(f"/pelatih/esai/{answer.pk}/").content.decode()
    assert "Maksimal 4 poin." in page
    too_much = client.post(f"/pelatih/esai/{answer.pk}/", {"score": "4,5"}).content.decode()
    assert "Nilai harus antara 0 dan 4." in too_much
    response = client.post(f"/pelatih/esai/{answer.pk}/", {"score": "2,5", "note": ""})
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.score == Decimal("2.5")
