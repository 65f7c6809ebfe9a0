"""The office writes an announcement to one kecamatan's volunteers or one cohort's members
(notifications.announcements does the sending, in background batches). Here, above both
notifications and cohorts, the form may offer cohorts by name."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import user_passes_test

from cohorts.models import Cohort
from core.errors import DomainError
from notifications.announcements import announcement_send
from notifications.models import Announcement
from people.models import District
from people.roles import is_office_admin

office_admin_required = user_passes_test(is_office_admin)


class AnnouncementForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    body = forms.CharField(
        label=gettext_lazy("Message"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5})
    )
    district = forms.ModelChoiceField(
        label=gettext_lazy("To the volunteers of a kecamatan"),
        queryset=District.objects.order_by("name"),
        required=False,
    )
    cohort = forms.ModelChoiceField(
        label=gettext_lazy("Or to the members of a cohort"),
        queryset=Cohort.objects.order_by("-start_date", "name"),
        required=False,
    )

    def clean(self):
        data = super().clean()
        if bool(data.get("district")) == bool(data.get("cohort")):
            raise forms.ValidationError(_("Choose one kecamatan or one cohort."))
        return data


@office_admin_required
@never_cache
def announce(request):
    form = AnnouncementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sent = announcement_send(
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                district=form.cleaned_data["district"],
                cohort=form.cleaned_data["cohort"],
                by=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Announcement queued for %(n)s people; it is delivered in the background.")
                % {"n": len(sent.recipient_ids)},
            )
            return redirect("announcement_send")
    recent = Announcement.objects.select_related("sent_by").order_by("-created_at")[:10]
    return render(request, "portal/announce.html", {"form": form, "recent": recent})
