"""Item analysis of a quiz for the trainers of its course (and office admins): a page and the
same table as CSV. Another course's quiz answers 404; a volunteer is refused."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from core.exports import safe_csv_response
from people.roles import trainer_required

from . import services
from .analysis import MIN_N, quiz_item_analysis
from .models import Quiz
from .permissions import assert_trains


def _quiz_for(user, quiz_id: int) -> tuple[Quiz, object]:
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    course = services.course_of_module(quiz.module_id)
    assert_trains(user, course_id=course.pk)
    return quiz, course


@trainer_required
def item_analysis(request, quiz_id: int):
    quiz, course = _quiz_for(request.user, quiz_id)
    return render(
        request,
        "assessments/item_analysis.html",
        {
            "quiz": quiz,
            "course": course,
            "analysis": quiz_item_analysis(quiz=quiz),
            "min_n": MIN_N,
        },
    )


def _rounded(value: float | None, places: int) -> float | str:
    # Numbers stay numbers, so the CSV writer never mistakes a negative D for a formula.
    return "" if value is None else round(value, places)


@trainer_required
def item_analysis_csv(request, quiz_id: int):
    quiz, _course = _quiz_for(request.user, quiz_id)
    analysis = quiz_item_analysis(quiz=quiz)
    header = [
        _("No."),
        _("Question"),
        _("Version"),
        _("Type"),
        _("Points"),
        "n",
        _("Facility (%)"),
        "D",
        _("Item-rest correlation (r)"),
        _("Upper group n"),
        _("Lower group n"),
        _("Choices (count, % of n, * correct)"),
        _("No answer"),
        _("Flags"),
    ]
    # core.exports quotes every text cell a spreadsheet would run as a formula; ?dialect=id is
    # the ;-separated, comma-decimal CSV that Excel set to Indonesian opens as columns.
    excel_id = request.GET.get("dialect") == "id"
    mark = "," if excel_id else "."  # the choices cell is text: its decimals follow the dialect
    rows = [
        [
            number,
            item.text,
            item.version_number,
            item.kind_label,
            item.points,
            item.n,
            _rounded(item.facility, 1),
            _rounded(item.discrimination, 2),
            _rounded(item.correlation, 2),
            item.top_n,
            item.bottom_n,
            "; ".join(
                f"{'*' if c.correct else ''}{c.text}: {c.count} "
                f"({f'{c.percent:.1f}'.replace('.', mark)}%)"
                for c in item.choices
            ),
            "" if item.no_answer is None else item.no_answer,
            "; ".join(flag.label for flag in item.flags),
        ]
        for number, item in enumerate(analysis.items, start=1)
    ]
    name = f"analisis-kuis-{quiz.pk}{'-excel-id' if excel_id else ''}.csv"
    return safe_csv_response(name, header, rows, excel_id=excel_id)
