"""The cohort's admin form (trainer and member choices limited to their roles) and the
attendance form trainers fill in per session."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from people.roles import TRAINER_GROUP, VOLUNTEER_GROUP

from .models import Attendance


def _people(groups: list[str], *, keep):
    # People already chosen stay choosable even if their role changed, so a save never drops them.
    return (
        get_user_model()
        .objects.filter(Q(groups__name__in=groups, is_active=True) | Q(pk__in=keep))
        .select_related("profile__district")
        .distinct()
        .order_by("full_name", "username")
    )


def _member_label(user) -> str:
    profile = getattr(user, "profile", None)
    if profile is None:
        return user.get_full_name()
    return f"{user.get_full_name()} · {profile.village}, {profile.district}"


class CohortAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        users = get_user_model().objects
        saved = self.instance.pk is not None
        trainers = self.fields["trainers"]
        trainers.queryset = _people(
            [TRAINER_GROUP],
            keep=users.filter(trained_cohorts=self.instance).values("pk") if saved else [],
        )
        trainers.help_text = _("Trainers who run this cohort and see its dashboard.")
        members = self.fields["members"]
        members.queryset = _people(
            [VOLUNTEER_GROUP],
            keep=users.filter(cohorts=self.instance).values("pk") if saved else [],
        )
        members.label_from_instance = _member_label
        members.help_text = _("Saving enrols every member in the course.")


class AttendanceForm(forms.Form):
    """One radio group per member; a member left blank is not recorded, unless "everyone else
    present" is ticked: then one tick records the whole room, and the few absent are marked."""

    all_present = forms.BooleanField(
        label=_("Everyone not marked otherwise below was present"), required=False
    )

    def __init__(self, *args, members, current: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        for member in members:
            self.fields[f"status_{member.pk}"] = forms.ChoiceField(
                label=member.get_full_name(),
                choices=Attendance.Status.choices,
                required=False,
                initial=current.get(member.pk),
                widget=forms.RadioSelect,
            )
        self.members = members

    def statuses(self) -> dict[int, str]:
        default = Attendance.Status.PRESENT if self.cleaned_data.get("all_present") else ""
        chosen = {
            member.pk: self.cleaned_data.get(f"status_{member.pk}") or default
            for member in self.members
        }
        return {pk: status for pk, status in chosen.items() if status}
