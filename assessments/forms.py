"""Turning the plain (no-JavaScript) quiz form back into API-shaped responses, and the small
forms trainers and volunteers fill in."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DOMAIN_CHOICES


def response_from_post(question: dict, post) -> object:
    """Read one question's answer from a submitted form; field names follow quiz_attempt.html."""
    name = f"q{question['id']}"
    kind = question["kind"]
    if kind in ("single", "true_false"):
        return post.get(name) or None
    if kind == "multiple":
        return post.getlist(name)
    if kind in ("short_text", "numeric", "essay"):
        value = post.get(name, "")
        return value if value.strip() else None
    if kind == "ordering":
        ranks = []
        for choice in question["choices"]:
            raw = post.get(f"{name}_{choice['id']}", "")
            if not raw.isdigit():
                return None
            ranks.append((int(raw), choice["id"]))
        ordered = [cid for _rank, cid in sorted(ranks)]
        return ordered if len({r for r, _c in ranks}) == len(ranks) else None
    if kind == "matching":
        pairs = {
            choice["id"]: post.get(f"{name}_{choice['id']}", "") for choice in question["choices"]
        }
        return {k: v for k, v in pairs.items() if v} or None
    return None


def likert_answers_from_post(statements, post) -> dict[str, int]:
    """The 1-5 answers of an attitude form; missing or odd values are left out (the service
    then asks for every statement)."""
    answers = {}
    for statement in statements:
        raw = post.get(f"s{statement.pk}", "")
        if raw in {"1", "2", "3", "4", "5"}:
            answers[f"s{statement.pk}"] = int(raw)
    return answers


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("File (PDF, JPEG or PNG, at most 5 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    description = forms.CharField(
        label=_("What does it show?"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EvidenceReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept")), ("return", _("Return for changes"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment for the volunteer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EssayMarkForm(forms.Form):
    # localize: a trainer types "2,5" as Indonesian is written.
    score = forms.DecimalField(
        label=_("Score"),
        min_value=Decimal(0),
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class OverrideForm(forms.Form):
    domain = forms.ChoiceField(label=_("Domain"), choices=DOMAIN_CHOICES)
    value = forms.DecimalField(
        label=_("Score (%)"),
        min_value=Decimal(0),
        max_value=Decimal(100),
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
