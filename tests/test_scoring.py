"""Pure scoring functions (assessments/scoring.py): no database needed."""

from decimal import Decimal

import pytest

from assessments.scoring import (
    Grade,
    grade,
    grade_essay,
    grade_matching,
    grade_multiple,
    grade_numeric,
    grade_ordering,
    grade_short_text,
    grade_single,
)

from .scoring_helpers import KINDS, snapshot

D = Decimal


def assert_grade(result, fraction, correct):
    assert isinstance(result, Grade)
    if fraction is None:
        assert result.fraction is None
    else:
        assert isinstance(result.fraction, Decimal)
        assert result.fraction == D(fraction)
    assert result.correct is correct


def test_grade_wrong_is_zero_and_incorrect():
    assert_grade(Grade.wrong(), "0", False)


# --- single / true_false ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "fraction", "correct"),
    [
        ("c2", "1", True),
        ("c1", "0", False),
        ("c9", "0", False),
        (None, "0", False),
        (["c2"], "0", False),
        (2, "0", False),
    ],
)
def test_grade_single(response, fraction, correct):
    data = snapshot(("c1", "c2", "c3"), correct={"c2"})
    assert_grade(grade_single(data, response), fraction, correct)


@pytest.mark.parametrize(
    ("response", "fraction", "correct"),
    [
        ("true", "1", True),
        ("false", "0", False),
        ("benar", "0", False),
        (True, "0", False),
        (["true"], "0", False),
        (1, "0", False),
    ],
)
def test_grade_true_false(response, fraction, correct):
    data = snapshot(("true", "false"), correct={"true"})
    assert_grade(grade("true_false", data, response), fraction, correct)


# --- multiple -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "fraction", "correct"),
    [
        (["c1", "c2"], "1", True),
        (["c2", "c1"], "1", True),
        (["c1"], "0", False),
        (["c1", "c2", "c3"], "0", False),
        (["c1", "c2", "c3", "c4"], "0", False),
        ([], "0", False),
        (["c1", "c1", "c2", "c2"], "1", True),
        (["c1", 2, None, {"id": "c3"}, "c2"], "1", True),
        ("c1", "0", False),
        ({"c1": True}, "0", False),
    ],
)
def test_grade_multiple_all_or_nothing(response, fraction, correct):
    data = snapshot(correct={"c1", "c2"}, partial=False)
    assert_grade(grade_multiple(data, response), fraction, correct)


@pytest.mark.parametrize(
    ("response", "fraction", "correct"),
    [
        (["c1", "c2"], "1", True),
        (["c1"], "0.5", False),
        (["c1", "c3"], "0", False),  # (1 - 1) / 2
        (["c1", "c2", "c3"], "0.5", False),  # (2 - 1) / 2
        (["c3"], "0", False),  # never below zero
        (["c1", "c2", "c3", "c4"], "0", False),  # all ticked: wrong == right
        ([], "0", False),
        (["c1", "c1"], "0.5", False),  # a duplicate right tick counts once
        (["c1", 7, None, ["c2"]], "0.5", False),  # non-string items ignored
        (["c1", "zz"], "0.5", False),  # unknown ids ignored
        ("c1", "0", False),
    ],
)
def test_grade_multiple_partial_credit(response, fraction, correct):
    data = snapshot(correct={"c1", "c2"}, partial=True)
    assert_grade(grade_multiple(data, response), fraction, correct)


@pytest.mark.parametrize(
    ("correct_ids", "fraction"),
    [
        ({"c1"}, "0"),  # 1 right, 3 wrong: wrong > right
        ({"c1", "c2"}, "0"),  # 2 right, 2 wrong: wrong == right
        ({"c1", "c2", "c3"}, "0.6667"),  # (3 - 1) / 3
    ],
)
def test_grade_multiple_every_box_ticked(correct_ids, fraction):
    data = snapshot(correct=correct_ids, partial=True)
    result = grade_multiple(data, ["c1", "c2", "c3", "c4"])
    assert_grade(result, fraction, False)


def test_grade_multiple_every_box_ticked_when_every_box_is_right():
    data = snapshot(correct={"c1", "c2", "c3", "c4"}, partial=True)
    assert_grade(grade_multiple(data, ["c4", "c3", "c2", "c1"]), "1", True)


def test_grade_multiple_duplicate_wrong_tick_takes_back_one_share_only():
    data = snapshot(correct={"c1", "c2", "c3"}, partial=True)
    # (2 right - 1 wrong) / 3, not (2 - 2) / 3
    assert_grade(grade_multiple(data, ["c1", "c2", "c4", "c4"]), "0.3333", False)


# --- short text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "fraction", "correct"),
    [
        ("Desa Maju", "1", True),
        ("  DÉSA   maju ", "1", True),
        ("desa\tmaju\n", "1", True),
        ("KELURAHAN", "1", True),
        ("desa", "0", False),
        ("desamaju", "0", False),
        ("desa maju sejahtera", "0", False),
        ("", "0", False),
        ("   \t ", "0", False),
        (None, "0", False),
        (5, "0", False),
        (["desa maju"], "0", False),
    ],
)
def test_grade_short_text(response, fraction, correct):
    data = snapshot((), accepted=["desa maju", "Kelurahan"])
    assert_grade(grade_short_text(data, response), fraction, correct)


def test_grade_short_text_accented_accepted_answer_matches_plain_typing():
    data = snapshot((), accepted=["Désa Máju"])
    assert_grade(grade_short_text(data, "desa maju"), "1", True)


def test_grade_short_text_without_accepted_answers_is_wrong():
    assert_grade(grade_short_text(snapshot((), accepted=[]), "apa saja"), "0", False)


# --- numeric ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "fraction", "correct"),
    [
        ("3.5", "1", True),
        ("3.55", "1", True),
        ("3.46", "1", True),
        ("3.4", "1", True),  # lower bound, inclusive
        ("3.6", "1", True),  # upper bound, inclusive
        ("3.3999", "0", False),
        ("3.6001", "0", False),
        ("3,5", "1", True),
        ("3,6", "1", True),
        ("3,7", "0", False),
        (" 3,5 ", "1", True),
        (3.5, "1", True),
        (3.45, "1", True),
        (4, "0", False),
        ("abc", "0", False),
        ("", "0", False),
        (None, "0", False),
        ("NaN", "0", False),
        ("Infinity", "0", False),
        ("-Infinity", "0", False),
        (["3.5"], "0", False),
        (True, "0", False),
    ],
)
def test_grade_numeric(response, fraction, correct):
    data = snapshot((), value="3.5", tolerance="0.1")
    assert_grade(grade_numeric(data, response), fraction, correct)


@pytest.mark.parametrize(
    ("response", "fraction", "correct"),
    [
        ("1.000,5", "1", True),
        ("1000,5", "1", True),
        ("1000.5", "1", True),
        ("1.000,4", "0", False),
    ],
)
def test_grade_numeric_thousands_dot_and_decimal_comma(response, fraction, correct):
    data = snapshot((), value="1000.5", tolerance="0")
    assert_grade(grade_numeric(data, response), fraction, correct)


@pytest.mark.parametrize(
    ("response", "fraction", "correct"),
    [(3, "1", True), (3.0, "1", True), ("3", "1", True), (2, "0", False), ("3.01", "0", False)],
)
def test_grade_numeric_int_and_float_input_without_tolerance(response, fraction, correct):
    data = {"choices": [], "numeric": {"value": "3"}}  # no tolerance key: exact
    assert_grade(grade_numeric(data, response), fraction, correct)


@pytest.mark.parametrize(
    ("response", "fraction", "correct"),
    [
        ("10", "1", True),
        ("10.5", "1", True),
        ("9.5", "1", True),
        ("10.6", "0", False),
        ("9.4", "0", False),
    ],
)
def test_grade_numeric_negative_tolerance_is_absolute(response, fraction, correct):
    data = snapshot((), value="10", tolerance="-0.5")
    assert_grade(grade_numeric(data, response), fraction, correct)


@pytest.mark.parametrize("numeric", [{"value": None, "tolerance": "0"}, {}, None])
def test_grade_numeric_without_an_answer_key_is_wrong(numeric):
    data = {"choices": [], "numeric": numeric}
    assert_grade(grade_numeric(data, "0"), "0", False)


def test_grade_numeric_huge_exponent_is_wrong_not_a_crash():
    data = snapshot((), value="3.5", tolerance="0.1")
    # Found by this suite: it used to raise decimal.Overflow and fail the whole submit.
    assert_grade(grade_numeric(data, "1e999999999"), "0", False)


@pytest.mark.parametrize("response", [float("nan"), D("NaN")])
def test_grade_numeric_nan_number_is_wrong_not_a_crash(response):
    data = snapshot((), value="3.5", tolerance="0.1")
    assert_grade(grade_numeric(data, response), "0", False)


# --- ordering -----------------------------------------------------------------------------


@pytest.mark.parametrize("partial", [False, True])
def test_grade_ordering_right_order(partial):
    data = snapshot(partial=partial)
    assert_grade(grade_ordering(data, ["c1", "c2", "c3", "c4"]), "1", True)


@pytest.mark.parametrize(
    "response", [["c2", "c1", "c3", "c4"], ["c4", "c3", "c2", "c1"], ["c1", "c2", "c4", "c3"]]
)
def test_grade_ordering_wrong_order_without_partial_credit(response):
    assert_grade(grade_ordering(snapshot(partial=False), response), "0", False)


@pytest.mark.parametrize(
    ("response", "fraction"),
    [
        (["c2", "c1", "c3", "c4"], "0.5"),
        (["c1", "c2", "c4", "c3"], "0.5"),
        (["c1", "c3", "c4", "c2"], "0.25"),
        (["c1", "c4", "c3", "c2"], "0.5"),
        (["c4", "c3", "c2", "c1"], "0"),
    ],
)
def test_grade_ordering_partial_credit(response, fraction):
    assert_grade(grade_ordering(snapshot(partial=True), response), fraction, False)


def test_grade_ordering_partial_credit_is_rounded_to_four_places():
    data = snapshot(("c1", "c2", "c3"), partial=True)
    assert_grade(grade_ordering(data, ["c1", "c3", "c2"]), "0.3333", False)


@pytest.mark.parametrize(
    "response",
    [
        ["c1", "c2", "c3"],  # missing
        ["c1", "c2", "c3", "c4", "c5"],  # extra
        ["c1", "c1", "c3", "c4"],  # duplicate instead of c2
        ["c1", "c2", "c3", "c4", "c4"],  # duplicate on top
        [],
        "c1c2c3c4",
        {"c1": 1, "c2": 2, "c3": 3, "c4": 4},
        None,
    ],
)
def test_grade_ordering_bad_shape_is_wrong_even_with_partial_credit(response):
    assert_grade(grade_ordering(snapshot(partial=True), response), "0", False)


# --- matching -----------------------------------------------------------------------------

ALL_PAIRS = {"c1": "c1", "c2": "c2", "c3": "c3"}


@pytest.mark.parametrize("partial", [False, True])
def test_grade_matching_all_pairs(partial):
    data = snapshot(("c1", "c2", "c3"), partial=partial)
    assert_grade(grade_matching(data, dict(ALL_PAIRS)), "1", True)


@pytest.mark.parametrize(
    ("response", "partial", "fraction"),
    [
        ({"c1": "c1", "c2": "c3", "c3": "c2"}, False, "0"),
        ({"c1": "c1", "c2": "c3", "c3": "c2"}, True, "0.3333"),
        ({"c1": "c1", "c2": "c2"}, False, "0"),
        ({"c1": "c1", "c2": "c2"}, True, "0.6667"),
        ({"c1": "c1", "c2": "c2", "c3": "c1"}, True, "0.6667"),
        ({"c1": "c2", "c2": "c3", "c3": "c1"}, True, "0"),
        ({"c1": "c1", "c2": "c2", "c9": "c3"}, True, "0.6667"),
        ({}, False, "0"),
        ({}, True, "0"),
    ],
)
def test_grade_matching_some_pairs(response, partial, fraction):
    data = snapshot(("c1", "c2", "c3"), partial=partial)
    assert_grade(grade_matching(data, response), fraction, False)


@pytest.mark.parametrize("response", [["c1", "c2", "c3"], "c1", list(ALL_PAIRS.items()), 3])
def test_grade_matching_non_dict_is_wrong(response):
    data = snapshot(("c1", "c2", "c3"), partial=True)
    assert_grade(grade_matching(data, response), "0", False)


def test_grade_matching_without_choices_is_wrong():
    assert_grade(grade_matching(snapshot((), partial=True), {}), "0", False)


# --- essay --------------------------------------------------------------------------------


def test_grade_essay_with_text_waits_for_a_trainer():
    assert_grade(grade_essay(snapshot(()), "Saya mendampingi warga lansia."), None, None)


@pytest.mark.parametrize("response", ["", "   ", "\n\t ", 5, ["teks"]])
def test_grade_essay_empty_or_not_text_is_zero(response):
    assert_grade(grade_essay(snapshot(()), response), "0", False)


# --- grade() dispatcher -------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_grade_none_response_is_wrong_for_every_kind(kind):
    data = snapshot(correct={"c1"}, accepted=["desa"], value="1", tolerance="0", partial=True)
    assert_grade(grade(kind, data, None), "0", False)


@pytest.mark.parametrize(
    ("kind", "response", "fraction", "correct"),
    [
        ("single", "c1", "1", True),
        ("multiple", ["c1"], "1", True),
        ("short_text", "Desa", "1", True),
        ("numeric", "1,0", "1", True),
        ("ordering", ["c1", "c2", "c3", "c4"], "1", True),
        ("matching", {"c1": "c1", "c2": "c2", "c3": "c3", "c4": "c4"}, "1", True),
        ("essay", "teks", None, None),
    ],
)
def test_grade_dispatches_by_kind(kind, response, fraction, correct):
    data = snapshot(correct={"c1"}, accepted=["desa"], value="1", tolerance="0")
    assert_grade(grade(kind, data, response), fraction, correct)
