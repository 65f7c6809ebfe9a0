"""The office's certificate forms: issue by hand, revoke with a reason."""

from django import forms
from django.utils.translation import gettext_lazy as _

from modules.models import CoursePage
from people.selectors import users_matching, volunteers

# More matches than this are listed as "be more specific" rather than as a choice list.
MAX_CANDIDATES = 20


class ManualIssueForm(forms.Form):
    """The holder is typed as a name, username or phone; one match is issued to, several are
    offered as a choice list (the chosen one comes back as `holder_id`), none is an error."""

    holder = forms.CharField(label=_("Volunteer: name, username or phone"), max_length=100)
    holder_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    course = forms.ModelChoiceField(label=_("Course"), queryset=CoursePage.objects.none())
    reason = forms.CharField(label=_("Reason"), max_length=500)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "m-%s")
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = CoursePage.objects.live().order_by("path")
        self.candidates: list = []

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give a reason for issuing by hand."), code="required")
        return reason

    def clean(self):
        cleaned = super().clean()
        query = (cleaned.get("holder") or "").strip()
        chosen = cleaned.get("holder_id")
        if chosen is not None:
            # A pick from the choice list must still be a volunteer the office may issue to.
            holder = volunteers().filter(pk=chosen).first()
            if holder is None:
                self.add_error("holder", _("Choose a volunteer from the list."))
            cleaned["holder_user"] = holder
            return cleaned
        if not query:
            return cleaned
        matches = list(
            users_matching(volunteers(), query).order_by("full_name", "username")[
                : MAX_CANDIDATES + 1
            ]
        )
        if not matches:
            self.add_error(
                "holder",
                _("No volunteer has that name, username or phone number."),
            )
        elif len(matches) > MAX_CANDIDATES:
            self.add_error(
                "holder",
                _("Too many volunteers match: type more of the name, or the phone number."),
            )
        elif len(matches) > 1:
            self.candidates = matches
        else:
            cleaned["holder_user"] = matches[0]
        return cleaned


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give a reason for revoking.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "revoke-%s")
        super().__init__(*args, **kwargs)

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give a reason for revoking."), code="required")
        return reason
