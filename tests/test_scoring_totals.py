"""Pure scoring functions (assessments/scoring.py), the totals: grade_attempts,
likert_percent, rubric_percent and predicate_for. No database needed."""

from decimal import Decimal

import pytest

from assessments.scoring import grade_attempts, likert_percent, predicate_for, rubric_percent

D = Decimal


# --- grade_attempts -----------------------------------------------------------------------

PERCENTS = [D("70"), D("95.5"), D("80")]


@pytest.mark.parametrize(
    ("method", "expected"),
    [("highest", "95.5"), ("last", "80"), ("first", "70"), ("average", "81.83")],
)
def test_grade_attempts(method, expected):
    result = grade_attempts(method, list(PERCENTS))
    assert isinstance(result, Decimal)
    assert result == D(expected)


def test_grade_attempts_average_is_rounded_to_cents():
    result = grade_attempts("average", [D("100"), D("0"), D("0")])
    assert result == D("33.33")
    assert result.as_tuple().exponent == -2


@pytest.mark.parametrize("method", ["highest", "last", "first", "average"])
def test_grade_attempts_without_attempts_is_none(method):
    assert grade_attempts(method, []) is None


# --- likert_percent -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "reverse", "expected"),
    [
        ({"s1": 5, "s2": 5, "s3": 5}, set(), "100"),
        ({"s1": 1, "s2": 1, "s3": 1}, set(), "0"),
        ({"s1": 3, "s2": 3, "s3": 3}, set(), "50"),
        ({"s1": 5, "s2": 1}, {"s2"}, "100"),  # reverse-keyed 1 counts as 5
        ({"s1": 5, "s2": 5}, {"s2"}, "50"),  # reverse-keyed 5 counts as 1
        ({"s1": 1}, {"s1"}, "100"),
        ({"s1": 4, "s2": 3, "s3": 5, "s4": 2}, set(), "62.5"),
        ({"s1": 4, "s2": 2, "s3": 5}, set(), "66.67"),
        ({}, set(), "0"),
        ({}, {"s1"}, "0"),
    ],
)
def test_likert_percent(answers, reverse, expected):
    result = likert_percent(answers, reverse)
    assert isinstance(result, Decimal)
    assert result == D(expected)


# --- rubric_percent -----------------------------------------------------------------------


def rubric(criteria=("k1", "k2", "k3"), points=(1, 2, 3, 4)):
    return {
        "title": "Rubrik uji",
        "criteria": [{"id": cid, "title": cid, "unit_id": None} for cid in criteria],
        "levels": [
            {"id": f"l{p}", "label": f"Level {p}", "points": p, "description": ""} for p in points
        ],
    }


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ({"k1": "l4", "k2": "l4", "k3": "l4"}, "100"),
        ({"k1": "l4", "k2": "l2", "k3": "l3"}, "75"),
        ({"k1": "l1", "k2": "l1", "k3": "l1"}, "25"),
        ({"k1": "l4", "k2": "l4"}, "66.67"),  # k3 missing: 0
        ({"k1": "l4", "k2": "l4", "k3": "l9"}, "66.67"),  # unknown level: 0
        ({"k1": "l4", "k2": "l4", "k3": "l4", "k9": "l4"}, "100"),  # unknown criterion ignored
        ({}, "0"),
    ],
)
def test_rubric_percent(levels, expected):
    result = rubric_percent(levels, rubric())
    assert isinstance(result, Decimal)
    assert result == D(expected)


@pytest.mark.parametrize("data", [rubric(criteria=()), rubric(points=()), rubric(points=(0,))])
def test_rubric_percent_without_criteria_or_points_is_zero(data):
    assert rubric_percent({"k1": "l0"}, data) == D("0")


# --- predicate_for ------------------------------------------------------------------------

BANDS = [("Sangat Baik", D("90")), ("Baik", D("80")), ("Cukup", D("70")), ("Kurang", D("0"))]


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (D("100"), "Sangat Baik"),
        (D("95"), "Sangat Baik"),
        (D("90"), "Sangat Baik"),
        (D("90.00"), "Sangat Baik"),
        (D("89.99"), "Baik"),
        (D("80"), "Baik"),
        (D("79.99"), "Cukup"),
        (D("70"), "Cukup"),
        (D("69.99"), "Kurang"),
        (D("0"), "Kurang"),
        (None, ""),
    ],
)
def test_predicate_for(score, expected):
    assert predicate_for(score, BANDS) == expected


def test_predicate_for_below_every_band_or_without_bands_is_blank():
    assert predicate_for(D("50"), BANDS[:3]) == ""
    assert predicate_for(D("50"), []) == ""
