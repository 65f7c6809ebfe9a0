"""Pure scoring functions (assessments/scoring.py): no database needed."""

from decimal import Decimal

import pytest

from assessments.scoring import (
    Grade,
    grade,
    grade_attempts,
    grade_essay,
    grade_matching,
    grade_multiple,
    grade_numeric,
    grade_ordering,
    grade_short_text,
    grade_single,
    likert_percent,
    normalize_text,
    parse_number,
    predicate_for,
    response_is_valid,
    rubric_percent,
)

D = Decimal
KINDS = [
    "single",
    "true_false",
    "multiple",
    "short_text",
    "numeric",
    "ordering",
    "matching",
    "essay",
]


def snapshot(
    ids=("c1", "c2", "c3", "c4"),
    *,
    correct=(),
    accepted=(),
    value=None,
    tolerance="0",
    partial=False,
):
    """A frozen question snapshot shaped like QuestionVersion.data."""
    return {
        "choices": [
            {
                "id": cid,
                "text": f"Teks {cid}",
                "correct": cid in correct,
                "match": f"Pasangan {cid}",
                "feedback": "",
            }
            for cid in ids
        ],
        "accepted": list(accepted),
        "numeric": {"value": value, "tolerance": tolerance},
        "partial_credit": partial,
        "feedback": "",
        "text": "Pertanyaan uji",
    }


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
