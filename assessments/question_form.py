"""The admin's question form: a question must be answerable before it is saved."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import QuestionType

CHOICE_KINDS = (QuestionType.SINGLE, QuestionType.MULTIPLE)
ITEM_KINDS = (*CHOICE_KINDS, QuestionType.ORDERING, QuestionType.MATCHING)


def _kept(formset) -> list[dict]:
    return [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class QuestionForm(WagtailAdminModelForm):
    """Each kind checked for what grading needs: at least one correct choice (exactly one for
    single choice), complete matching pairs, a finite numeric answer, accepted answers."""

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        formset = self.formsets.get("choices")
        if formset is None or not formset.is_valid():
            return cleaned
        choices = _kept(formset)
        errors = []
        if kind in ITEM_KINDS and len(choices) < 2:
            errors.append(_("Add at least two choices or items."))
        correct = sum(1 for choice in choices if choice.get("is_correct"))
        if kind in CHOICE_KINDS and not correct:
            errors.append(_("Tick at least one correct choice."))
        if kind == QuestionType.SINGLE and correct > 1:
            errors.append(_("A single-choice question has exactly one correct choice."))
        if kind == "matching" and any(
            not choice.get("match_text", "").strip() for choice in choices
        ):
            errors.append(_("Every matching item needs its match."))
        if kind == QuestionType.NUMERIC:
            self._check_numeric(cleaned)
        if kind == QuestionType.SHORT_TEXT and not cleaned.get("accepted_answers", "").strip():
            self.add_error("accepted_answers", _("Give at least one accepted answer."))
        for message in errors:
            self.add_error(None, message)
        return cleaned

    def _check_numeric(self, cleaned) -> None:
        answer, tolerance = cleaned.get("numeric_answer"), cleaned.get("numeric_tolerance")
        if answer is None or not answer.is_finite():
            self.add_error("numeric_answer", _("Give the answer as a finite number."))
        if tolerance is not None and (not tolerance.is_finite() or tolerance < 0):
            self.add_error("numeric_tolerance", _("The tolerance is a number of 0 or more."))
