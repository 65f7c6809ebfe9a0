"""Pure scoring: no database. Each grader takes a frozen question snapshot (QuestionVersion.data)
and a volunteer's response, and returns the fraction of the points earned."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

ZERO = Decimal(0)
ONE = Decimal(1)


@dataclass(frozen=True)
class Grade:
    fraction: Decimal | None  # None: waits for a trainer (essay)
    correct: bool | None

    @classmethod
    def wrong(cls) -> Grade:
        return cls(ZERO, False)


def normalize_text(value: str) -> str:
    """Case-, space- and accent-insensitive form ("  Désa  Maju" becomes "desa maju")."""
    decomposed = unicodedata.normalize("NFKD", value or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", bare).strip().casefold()


def parse_number(value) -> Decimal | None:
    """Numbers as typed on an Indonesian phone: "3,5", "3.5", " 1.000,5 " (thousands dot)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | Decimal):
        text = str(value)
    else:
        text = str(value).strip().replace(" ", "")
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    # NaN, infinities and absurd exponents ("1e999999999") are not answers: refusing them here
    # keeps grading from raising decimal errors.
    if not number.is_finite() or abs(number.adjusted()) > 30:
        return None
    return number


def _choice_ids(data: dict) -> list[str]:
    return [choice["id"] for choice in data.get("choices", [])]


def _correct_ids(data: dict) -> set[str]:
    return {choice["id"] for choice in data.get("choices", []) if choice.get("correct")}


def grade_single(data: dict, response) -> Grade:
    if not isinstance(response, str) or response not in _choice_ids(data):
        return Grade.wrong()
    right = response in _correct_ids(data)
    return Grade(ONE if right else ZERO, right)


def grade_multiple(data: dict, response) -> Grade:
    if not isinstance(response, list):
        return Grade.wrong()
    valid = set(_choice_ids(data))
    picked = {item for item in response if isinstance(item, str) and item in valid}
    correct = _correct_ids(data)
    if picked == correct:
        return Grade(ONE, True)
    if not data.get("partial_credit") or not correct:
        return Grade.wrong()
    # Each right tick earns a share; each wrong tick takes one back, never below zero,
    # so ticking every box earns nothing more than guessing.
    hits, misses = len(picked & correct), len(picked - correct)
    fraction = max(ZERO, Decimal(hits - misses) / Decimal(len(correct)))
    return Grade(fraction.quantize(Decimal("0.0001")), False)


def grade_short_text(data: dict, response) -> Grade:
    if not isinstance(response, str) or not normalize_text(response):
        return Grade.wrong()
    accepted = {normalize_text(answer) for answer in data.get("accepted", [])}
    right = normalize_text(response) in accepted
    return Grade(ONE if right else ZERO, right)


def grade_numeric(data: dict, response) -> Grade:
    number = parse_number(response)
    numeric = data.get("numeric") or {}
    if number is None or numeric.get("value") is None:
        return Grade.wrong()
    target = Decimal(str(numeric["value"]))
    tolerance = abs(Decimal(str(numeric.get("tolerance") or 0)))
    right = abs(number - target) <= tolerance
    return Grade(ONE if right else ZERO, right)


def grade_ordering(data: dict, response) -> Grade:
    expected = _choice_ids(data)
    if not isinstance(response, list) or sorted(map(str, response)) != sorted(expected):
        return Grade.wrong()
    if response == expected:
        return Grade(ONE, True)
    if not data.get("partial_credit"):
        return Grade.wrong()
    in_place = sum(1 for got, want in zip(response, expected, strict=True) if got == want)
    return Grade((Decimal(in_place) / Decimal(len(expected))).quantize(Decimal("0.0001")), False)


def grade_matching(data: dict, response) -> Grade:
    expected = _choice_ids(data)
    if not isinstance(response, dict) or not expected:
        return Grade.wrong()
    right = sum(1 for item in expected if response.get(item) == item)
    if right == len(expected):
        return Grade(ONE, True)
    if not data.get("partial_credit"):
        return Grade.wrong()
    return Grade((Decimal(right) / Decimal(len(expected))).quantize(Decimal("0.0001")), False)


def grade_essay(data: dict, response) -> Grade:
    if not isinstance(response, str) or not response.strip():
        return Grade.wrong()  # nothing written: nothing to mark
    return Grade(None, None)


GRADERS = {
    "single": grade_single,
    "true_false": grade_single,
    "multiple": grade_multiple,
    "short_text": grade_short_text,
    "numeric": grade_numeric,
    "ordering": grade_ordering,
    "matching": grade_matching,
    "essay": grade_essay,
}


def grade(kind: str, data: dict, response) -> Grade:
    if response is None:
        return Grade.wrong()
    return GRADERS[kind](data, response)


def response_is_empty(response) -> bool:
    """Nothing chosen, ticked, typed or paired. A number 0 is an answer."""
    if response is None:
        return True
    if isinstance(response, str):
        return not response.strip()
    if isinstance(response, list | dict):
        return not response
    return False


def response_is_complete(kind: str, data: dict, response) -> bool:
    """Answered in full: a matching question needs a match for every item."""
    if response_is_empty(response):
        return False
    if kind == "matching":
        return isinstance(response, dict) and all(response.get(i) for i in _choice_ids(data))
    return True


def response_is_valid(kind: str, data: dict, response) -> bool:
    """Shape check for a saved answer: wrong shapes are refused, not silently stored."""
    if response is None:
        return True
    ids = set(_choice_ids(data))
    if kind in ("single", "true_false"):
        return isinstance(response, str) and response in ids
    if kind == "multiple":
        return isinstance(response, list) and all(isinstance(i, str) and i in ids for i in response)
    if kind == "ordering":
        return isinstance(response, list) and sorted(map(str, response)) == sorted(ids)
    if kind == "matching":
        return isinstance(response, dict) and all(
            k in ids and isinstance(v, str) and v in ids for k, v in response.items()
        )
    if kind == "numeric":
        return (
            isinstance(response, str | int | float)
            and not isinstance(response, bool)
            and len(str(response)) <= 50
        )
    if kind in ("short_text", "essay"):
        return isinstance(response, str) and len(response) <= (20000 if kind == "essay" else 500)
    return False


def grade_attempts(method: str, percents: list[Decimal]) -> Decimal | None:
    """Combine the percents of submitted attempts (in time order) by the quiz's grading method."""
    if not percents:
        return None
    if method == "highest":
        return max(percents)
    if method == "last":
        return percents[-1]
    if method == "first":
        return percents[0]
    return (sum(percents) / len(percents)).quantize(Decimal("0.01"))


def likert_percent(answers: dict[str, int], reverse_keyed: set[str]) -> Decimal:
    """1-5 answers to a percent; reverse-keyed statements count as 6 - answer."""
    if not answers:
        return ZERO
    points = sum((6 - value) if key in reverse_keyed else value for key, value in answers.items())
    # 1 on every statement is 0 %, 5 on every statement is 100 %.
    span = Decimal(4 * len(answers))
    return (Decimal(points - len(answers)) * 100 / span).quantize(Decimal("0.01"))


def rubric_percent(levels: dict[str, str], data: dict) -> Decimal:
    """Observation levels (criterion id → level id) to a percent of the rubric's maximum."""
    level_points = {level["id"]: level["points"] for level in data["levels"]}
    best = max(level_points.values()) if level_points else 0
    criteria = [criterion["id"] for criterion in data["criteria"]]
    if not criteria or not best:
        return ZERO
    earned = sum(level_points.get(levels.get(c, ""), 0) for c in criteria)
    return (Decimal(earned) * 100 / Decimal(best * len(criteria))).quantize(Decimal("0.01"))


def predicate_for(score: Decimal | None, bands: list[tuple[str, Decimal]]) -> str:
    """bands: (name, minimum) sorted from highest minimum down."""
    if score is None:
        return ""
    for name, minimum in bands:
        if score >= minimum:
            return name
    return ""
