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
