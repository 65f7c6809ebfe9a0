from django import forms
from django.contrib import messages
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import CohortAdminForm
from .models import Cohort
from .services import cohort_enrol


class CohortViewSet(SnippetViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    add_to_admin_menu = True
    menu_order = 265
    list_display = [
        "name",
        "course",
        "start_date",
        "end_date",
        Column("member_count", label=_("Members"), sort_key="member_count"),
    ]
    list_filter = ["course"]
    search_fields = ["name", "place"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("course"),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldPanel("place"),
            FieldPanel("trainers", widget=forms.CheckboxSelectMultiple),
            FieldPanel("members", widget=forms.CheckboxSelectMultiple),
            InlinePanel("sessions", label=_("Sessions")),
        ],
        base_form_class=CohortAdminForm,
    )

    def get_queryset(self, request):
        return Cohort.objects.select_related("course").annotate(
            member_count=Count("members", distinct=True)
        )


register_snippet(CohortViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def enrol_cohort_members(request, instance):
    # Saving is enrolling: the office never has to remember a second step.
    if isinstance(instance, Cohort):
        enrolled = cohort_enrol(cohort=instance, by=request.user)
        if enrolled:
            messages.info(
                request,
                ngettext(
                    "%(count)d member enrolled in the course.",
                    "%(count)d members enrolled in the course.",
                    enrolled,
                )
                % {"count": enrolled},
            )
