"""Quiz item analysis: how hard each question was and whether it separates stronger from weaker
volunteers. Every count and sum is made by the database in a fixed number of queries, however
many attempts and questions; Python only divides the few totals per question.

Which attempt counts: each volunteer's *first* submitted attempt. Retakes are left out (they
repeat questions the volunteer has already seen), and a first attempt still waiting for an essay
to be marked is left out until it is marked (its total is not final) rather than replaced by a
later attempt. Questions are analysed per frozen `QuestionVersion`: an edited question starts
fresh, because its choices or key may have changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from math import sqrt

from django.db import connection
from django.db.models import (
    Count,
    Exists,
    F,
    FloatField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Cast, NullIf
from django.utils.translation import gettext as _

from .models import Attempt, AttemptAnswer, AttemptStatus, QuestionType, QuestionVersion, Quiz

GROUP_SHARE = Decimal("0.27")  # Kelley's upper and lower 27 %
MIN_N = 5  # fewer counted answers than this: figures are shown, flags are not
LOW_DISCRIMINATION = Decimal("0.2")
CHOICE_KINDS = (QuestionType.SINGLE, QuestionType.TRUE_FALSE, QuestionType.MULTIPLE)


@dataclass(frozen=True)
class ChoiceStat:
    id: str
    text: str
    correct: bool
    count: int
    percent: float  # of the item's counted answers; multiple choice may add up past 100


@dataclass(frozen=True)
class Flag:
    code: str  # nobody_right, everyone_right, negative_discrimination, low_discrimination
    label: str
    explanation: str


@dataclass(frozen=True)
class ItemStat:
    version_id: int
    question_id: int
    version_number: int
    kind: str
    kind_label: str
    text: str
    points: Decimal
    n: int
    facility: float | None  # mean score as a % of the item's points
    discrimination: float | None  # facility(top) - facility(bottom), as a share (-1..1)
    correlation: float | None  # item score vs. rest of the quiz (corrected item-total), Pearson
    top_n: int
    bottom_n: int
    choices: list[ChoiceStat] = field(default_factory=list)
    no_answer: int | None = None  # choice questions: answers with nothing picked
    flags: list[Flag] = field(default_factory=list)


@dataclass(frozen=True)
class QuizAnalysis:
    quiz_id: int
    attempts: int  # first attempts counted (one per volunteer)
    waiting: int  # first attempts left out until an essay is marked
    group_size: int  # 27 % of the attempts, before ties
    top_n: int  # volunteers in the upper group, ties included
    bottom_n: int
    items: list[ItemStat]


def counted_attempts(*, quiz_id: int) -> QuerySet[Attempt]:
    """Each volunteer's first submitted attempt (graded or not)."""
    earlier = Attempt.objects.filter(
        quiz_id=quiz_id,
        user_id=OuterRef("user_id"),
        status=AttemptStatus.SUBMITTED,
        number__lt=OuterRef("number"),
    )
    return Attempt.objects.filter(quiz_id=quiz_id, status=AttemptStatus.SUBMITTED).filter(
        ~Exists(earlier)
    )


def _graded(attempts: QuerySet[Attempt]) -> QuerySet[Attempt]:
    return attempts.filter(needs_marking=False, percent__isnull=False)


def quiz_item_analysis(*, quiz: Quiz) -> QuizAnalysis:
    """Facility, discrimination, item-rest correlation, choice counts and flags per question
    version. Six queries whatever the number of attempts and questions (one if none)."""
    attempts = counted_attempts(quiz_id=quiz.pk)
    graded = _graded(attempts)
    totals = attempts.aggregate(
        n=Count("pk", filter=Q(needs_marking=False, percent__isnull=False)),
        waiting=Count("pk", filter=Q(needs_marking=True)),
    )
    n = totals["n"]
    if not n:
        return QuizAnalysis(quiz.pk, 0, totals["waiting"], 0, 0, 0, [])
    k = max(1, int(n * GROUP_SHARE + Decimal("0.5")))
    # Cut scores: the k-th highest and the k-th lowest total. Everyone tied with the cut score
    # joins the group (equal totals are never split); when the two cuts meet, the tied
    # volunteers are in neither group, so a volunteer is never in both.
    top_cut, bottom_cut = (
        Quiz.objects.filter(pk=quiz.pk)
        .values_list(
            Subquery(graded.order_by("-percent").values("percent")[k - 1 : k]),
            Subquery(graded.order_by("percent").values("percent")[k - 1 : k]),
        )
        .get()
    )
    if top_cut is None or bottom_cut is None:  # attempts deleted since the count: no groups
        top_cut, bottom_cut = Decimal(1000), Decimal(-1)
    top = Q(attempt__percent__gte=top_cut, attempt__percent__gt=bottom_cut)
    bottom = Q(attempt__percent__lte=bottom_cut, attempt__percent__lt=top_cut)
    group_sizes = graded.aggregate(
        top=Count("pk", filter=Q(percent__gte=top_cut, percent__gt=bottom_cut)),
        bottom=Count("pk", filter=Q(percent__lte=bottom_cut, percent__lt=top_cut)),
    )

    answers = AttemptAnswer.objects.filter(attempt__in=graded.values("pk"))
    rows = list(
        answers.values("question_version_id")
        .annotate(**_item_aggregates(top=top, bottom=bottom))
        .order_by("first_position", "question_version_id")
    )
    version_ids = [row["question_version_id"] for row in rows]
    versions = QuestionVersion.objects.only("question_id", "number", "kind", "points", "data")
    versions = {v.pk: v for v in versions.filter(pk__in=version_ids)}
    picks = _choice_counts(answers.filter(question_version__kind__in=CHOICE_KINDS))
    items = [_item(row, versions[row["question_version_id"]], picks) for row in rows]
    return QuizAnalysis(
        quiz.pk, n, totals["waiting"], k, group_sizes["top"], group_sizes["bottom"], items
    )


def _item_aggregates(*, top: Q, bottom: Q) -> dict:
    as_float = FloatField()
    # x: the share of the item's points earned; y: the share of the rest of the quiz earned.
    x = Cast("score", as_float) / Cast("question_version__points", as_float)
    rest_max = Cast("attempt__max_score", as_float) - Cast("question_version__points", as_float)
    y = (Cast("attempt__score", as_float) - Cast("score", as_float)) / NullIf(rest_max, 0.0)
    paired = Q(attempt__max_score__gt=F("question_version__points"))
    return {
        "first_position": Min("position"),
        "n": Count("pk"),
        "score_sum": Sum("score"),
        "top_n": Count("pk", filter=top),
        "top_sum": Sum("score", filter=top),
        "bottom_n": Count("pk", filter=bottom),
        "bottom_sum": Sum("score", filter=bottom),
        "pairs": Count("pk", filter=paired),
        "sx": Sum(x, filter=paired),
        "sy": Sum(y, filter=paired),
        "sxx": Sum(x * x, filter=paired),
        "syy": Sum(y * y, filter=paired),
        "sxy": Sum(x * y, filter=paired),
    }


def _choice_counts(answers: QuerySet[AttemptAnswer]) -> dict[int, dict[str | None, int]]:
    """{version id: {choice id: answers that picked it, None: answers that picked anything}}.

    Responses are JSON: a string for single choice and true/false, a list for multiple choice.
    Django has no lookup that unnests a JSON array, so this is one raw query using each
    database's own JSON table function; which answers count is still the ORM's queryset."""
    subquery, params = answers.values("pk").query.sql_with_params()
    table = connection.ops.quote_name(AttemptAnswer._meta.db_table)
    if connection.vendor == "postgresql":
        # A single choice is wrapped in an array so both shapes unnest the same way.
        source = (
            f"{table} a CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(a.response) "
            "WHEN 'array' THEN a.response ELSE jsonb_build_array(a.response) END) AS p(value)"
        )
        picked, is_text = "p.value #>> '{}'", "jsonb_typeof(p.value) = 'string'"
    elif connection.vendor == "sqlite":
        # json_each yields the elements of an array, or a lone string itself.
        source, picked, is_text = (
            f"{table} a, json_each(a.response) AS p",
            "p.value",
            "p.type = 'text'",
        )
    else:
        raise NotImplementedError(connection.vendor)
    where = f"a.id IN ({subquery}) AND {is_text}"
    # Only the table name and fixed fragments are formatted in; values are parameters.
    sql = (
        f"SELECT a.question_version_id, {picked}, COUNT(DISTINCT a.id) "  # noqa: S608
        f"FROM {source} WHERE {where} GROUP BY a.question_version_id, {picked} "
        f"UNION ALL SELECT a.question_version_id, NULL, COUNT(DISTINCT a.id) "
        f"FROM {source} WHERE {where} GROUP BY a.question_version_id"
    )
    counts: dict[int, dict[str | None, int]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *params])
        for version_id, choice_id, count in cursor.fetchall():
            counts.setdefault(version_id, {})[choice_id] = count
    return counts


def _share(total: Decimal | None, count: int, points: Decimal) -> Decimal | None:
    if not count:
        return None
    return (total or Decimal(0)) / (count * points)


def _pearson(row: dict) -> float | None:
    pairs = row["pairs"]
    if pairs < 3:
        return None
    sx, sy = row["sx"], row["sy"]
    var_x = pairs * row["sxx"] - sx * sx
    var_y = pairs * row["syy"] - sy * sy
    if var_x <= 1e-12 or var_y <= 1e-12:  # everyone scored the same: no correlation to speak of
        return None
    return round((pairs * row["sxy"] - sx * sy) / sqrt(var_x * var_y), 4)


def _item(row: dict, version: QuestionVersion, picks: dict) -> ItemStat:
    points = version.points
    facility = _share(row["score_sum"], row["n"], points)
    top, bottom = (
        _share(row["top_sum"], row["top_n"], points),
        _share(row["bottom_sum"], row["bottom_n"], points),
    )
    discrimination = None if top is None or bottom is None else top - bottom
    choices, no_answer = [], None
    if version.kind in CHOICE_KINDS:
        counted = picks.get(version.pk, {})
        choices = [
            ChoiceStat(
                id=choice["id"],
                text=choice["text"],
                correct=bool(choice.get("correct")),
                count=counted.get(choice["id"], 0),
                percent=round(100 * counted.get(choice["id"], 0) / row["n"], 2),
            )
            for choice in version.data.get("choices", [])
        ]
        no_answer = row["n"] - counted.get(None, 0)
    return ItemStat(
        version_id=version.pk,
        question_id=version.question_id,
        version_number=version.number,
        kind=version.kind,
        kind_label=str(QuestionType(version.kind).label),
        text=version.data.get("text", ""),
        points=points,
        n=row["n"],
        facility=None if facility is None else round(float(facility * 100), 2),
        discrimination=None if discrimination is None else round(float(discrimination), 4),
        correlation=_pearson(row),
        top_n=row["top_n"],
        bottom_n=row["bottom_n"],
        choices=choices,
        no_answer=no_answer,
        flags=_flags(row["n"], facility, discrimination),
    )


def _flags(n: int, facility: Decimal | None, discrimination: Decimal | None) -> list[Flag]:
    """Computed on the unrounded values, so a D of exactly 0.2 is not 'low'."""
    if n < MIN_N or facility is None:
        return []
    flags = []
    if facility == 0:
        flags.append(
            Flag(
                "nobody_right",
                _("Nobody right"),
                _(
                    "No volunteer earned any points. Check the answer key and the wording, "
                    "and whether the topic was taught."
                ),
            )
        )
    elif facility == 1:
        flags.append(
            Flag(
                "everyone_right",
                _("Everyone right"),
                _(
                    "Every volunteer earned full points. Fine for a core fact, but the question "
                    "tells nobody apart."
                ),
            )
        )
    if discrimination is None:
        return flags
    if discrimination < 0:
        flags.append(
            Flag(
                "negative_discrimination",
                _("Negative discrimination"),
                _(
                    "Weaker volunteers did better than stronger ones. The key may be wrong, or "
                    "the wording may mislead those who know the topic."
                ),
            )
        )
    elif discrimination < LOW_DISCRIMINATION and 0 < facility < 1:
        # All-right and all-wrong items have D = 0 by construction; their own flag says why.
        flags.append(
            Flag(
                "low_discrimination",
                _("Low discrimination"),
                _(
                    "Stronger and weaker volunteers did almost equally well (D below 0.2): the "
                    "question says little about who has mastered the topic."
                ),
            )
        )
    return flags
