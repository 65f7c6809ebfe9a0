from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AttitudeInstrument, CompetencyUnit, PredicateBand, Question, Quiz, Rubric
from .question_form import QuestionForm
from .services import question_version_publish, rubric_version_publish


class CompetencyUnitViewSet(SnippetViewSet):
    model = CompetencyUnit
    icon = "tick-inverse"
    menu_label = _("Competency units")
    list_display = ["code", "title"]
    search_fields = ["code", "title"]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Question bank")
    list_display = ["__str__", "kind", "points", "updated_at"]
    list_filter = ["kind"]
    # No search_fields: the model's own index (text, tags) is searched. Naming fields made
    # Wagtail's SQLite backend query a column its index lacks ("no such column: text", a 500).
    # The model's panels, with a form that refuses a question nobody could answer right.
    edit_handler = ObjectList(Question.panels, base_form_class=QuestionForm)


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "form"
    menu_label = _("Quizzes")
    list_display = ["title", "module", "role", "pass_percent"]
    search_fields = ["title"]


class RubricViewSet(SnippetViewSet):
    model = Rubric
    icon = "list-ol"
    menu_label = _("Skill rubrics")
    list_display = ["title", "module"]
    search_fields = ["title"]


class AttitudeInstrumentViewSet(SnippetViewSet):
    model = AttitudeInstrument
    icon = "user"
    menu_label = _("Attitude instruments")
    list_display = ["title", "module"]
    search_fields = ["title"]


class PredicateBandViewSet(SnippetViewSet):
    model = PredicateBand
    icon = "pick"
    menu_label = _("Predicate bands")
    list_display = ["name", "min_score"]


class AssessmentGroup(SnippetViewSetGroup):
    menu_label = _("Assessments")
    menu_icon = "tasks"
    menu_order = 250
    items = (
        QuestionViewSet,
        QuizViewSet,
        RubricViewSet,
        AttitudeInstrumentViewSet,
        CompetencyUnitViewSet,
        PredicateBandViewSet,
    )


register_snippet(AssessmentGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def freeze_versions(request, instance):
    # Attempts and observations point at frozen versions; editing makes a new version once
    # the old one has been used, so earlier results never change.
    if isinstance(instance, Question):
        question_version_publish(question=instance)
    elif isinstance(instance, Rubric):
        rubric_version_publish(rubric=instance)


@hooks.register("register_snippet_listing_buttons")
def quiz_item_analysis_button(snippet, user, next_url=None):
    # Shown on every quiz row; the page itself answers 404 for a course the user does not train
    # (checking here would cost a query per row).
    if isinstance(snippet, Quiz):
        yield ListingButton(
            _("Item analysis"),
            reverse("trainer_item_analysis", args=[snippet.pk]),
            icon_name="table",
            priority=30,
        )
