"""Pure scoring functions (assessments/scoring.py), the checks on what comes in:
response_is_valid, normalize_text and parse_number. No database needed."""

from decimal import Decimal

import pytest

from assessments.scoring import normalize_text, parse_number, response_is_valid

from .scoring_helpers import KINDS, snapshot

D = Decimal


# --- response_is_valid --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "response"),
    [
        ("single", "c1"),
        ("true_false", "c2"),
        ("multiple", ["c1", "c3"]),
        ("multiple", []),
        ("ordering", ["c3", "c1", "c2"]),
        ("matching", {"c1": "c2", "c2": "c1"}),
        ("matching", {}),
        ("numeric", "3,5"),
        ("numeric", "abc"),  # shape only: graded wrong later
        ("numeric", 3),
        ("numeric", 3.5),
        ("numeric", "9" * 50),
        ("short_text", "jawaban"),
        ("short_text", "a" * 500),
        ("essay", "esai"),
        ("essay", "a" * 20000),
    ]
    + [(kind, None) for kind in KINDS],
)
def test_response_is_valid_accepts(kind, response):
    data = snapshot(("c1", "c2", "c3"), correct={"c1"})
    assert response_is_valid(kind, data, response) is True


@pytest.mark.parametrize(
    ("kind", "response"),
    [
        ("single", "c9"),
        ("single", ["c1"]),
        ("single", 1),
        ("true_false", "benar"),
        ("multiple", "c1"),
        ("multiple", ["c1", "c9"]),
        ("multiple", ["c1", 1]),
        ("multiple", {"c1": True}),
        ("ordering", ["c1", "c2"]),
        ("ordering", ["c1", "c2", "c3", "c4"]),
        ("ordering", ["c1", "c1", "c2"]),
        ("ordering", ["c1", "c2", "c3", "c3"]),
        ("ordering", "c1c2c3"),
        ("matching", ["c1", "c2"]),
        ("matching", {"c9": "c1"}),
        ("matching", {"c1": "c9"}),
        ("matching", {"c1": 2}),
        ("numeric", "9" * 51),
        ("numeric", ["3"]),
        ("numeric", {"value": 3}),
        ("short_text", "a" * 501),
        ("short_text", 5),
        ("short_text", ["jawaban"]),
        ("essay", "a" * 20001),
        ("essay", ["esai"]),
        ("unknown_kind", "c1"),
    ],
)
def test_response_is_valid_refuses(kind, response):
    data = snapshot(("c1", "c2", "c3"), correct={"c1"})
    assert response_is_valid(kind, data, response) is False


# --- normalize_text and parse_number ------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  Désa  Maju", "desa maju"),
        ("  DÉSA   maju ", "desa maju"),
        ("ÀÉÎÕÜ ç", "aeiou c"),
        ("a\t\n b", "a b"),
        ("Straße", "strasse"),
        ("\uff26\uff55\uff4c\uff4c", "full"),  # full-width letters (NFKD)
        ("", ""),
        ("   ", ""),
        (None, ""),
    ],
)
def test_normalize_text(value, expected):
    assert normalize_text(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3,5", "3.5"),
        ("3.5", "3.5"),
        (" 1.000,5 ", "1000.5"),
        ("1.000.000,25", "1000000.25"),
        ("1 000", "1000"),
        ("-2,5", "-2.5"),
        ("0", "0"),
        (7, "7"),
        (2.5, "2.5"),
        (0.1, "0.1"),  # through str(), not the binary float
        (D("1.25"), "1.25"),
    ],
)
def test_parse_number(value, expected):
    number = parse_number(value)
    assert isinstance(number, Decimal)
    assert number == D(expected)


@pytest.mark.parametrize(
    "value",
    [None, True, False, "", "   ", "abc", "NaN", "Infinity", "-inf", "sNaN", "3,5,1", [3]],
)
def test_parse_number_refuses_garbage(value):
    assert parse_number(value) is None


@pytest.mark.parametrize("value", [float("nan"), float("inf"), D("NaN"), D("-Infinity")])
def test_parse_number_refuses_non_finite_numbers(value):
    assert parse_number(value) is None
