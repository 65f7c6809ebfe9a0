"""Admin screens for importing volunteers: upload → preview → confirm. Office admins only.

Wagtail's admin URL wrapper already sends anonymous visitors to the login page and refuses
people without admin access; ``office_admin_required`` refuses trainers on top of that."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import user_passes_test

from core.errors import DomainError
from people.roles import is_office_admin

from .import_files import MAX_FILE_BYTES, template_csv, template_xlsx
from .imports import ImportRejected
from .models import District, VolunteerImportBatch
from .services import (
    activation_pending,
    volunteer_import_confirm,
    volunteer_import_errors,
    volunteer_import_preview,
)

PREVIEW_ROWS_SHOWN = 200


office_admin_required = user_passes_test(is_office_admin)


class VolunteerImportForm(forms.Form):
    file = forms.FileField(
        label=_("Register file (CSV or XLSX)"),
        help_text=_("At most 2 MB and 10,000 rows. Download a template below."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    cohort = forms.ModelChoiceField(
        label=_("Add everyone in the file to this cohort (optional)"),
        queryset=None,
        required=False,
        empty_label=_("— no cohort —"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The cohort model through the batch's own relation: people never imports cohorts.
        Cohort = VolunteerImportBatch._meta.get_field("cohort").related_model
        self.fields["cohort"].queryset = Cohort.objects.select_related("course")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:  # refused before it is read into memory
            raise forms.ValidationError(
                _("The file is larger than 2 MB. Split it into smaller files.")
            )
        return upload


@office_admin_required
def upload(request):
    form = VolunteerImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = volunteer_import_preview(
                filename=upload.name,
                content=upload.read(),
                by=request.user,
                cohort=form.cleaned_data["cohort"],
            )
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            return redirect("volunteer_import_preview", batch_id=batch.pk)
    recent = VolunteerImportBatch.objects.select_related("created_by")[:10]
    return render(request, "people/import/upload.html", {"form": form, "recent": recent})


def _activation_context(batch: VolunteerImportBatch) -> dict:
    """After an import: who of the people it created still has to activate."""
    if batch.status != batch.Status.DONE or not batch.created_user_ids:
        return {}
    User = get_user_model()
    people = User.objects.filter(pk__in=batch.created_user_ids).order_by("full_name")
    people = people.only("full_name", "phone", "password", "is_active")
    pending = [user for user in people if activation_pending(user)]
    return {
        "pending": pending[:PREVIEW_ROWS_SHOWN],
        "pending_count": len(pending),
        "more_pending": max(0, len(pending) - PREVIEW_ROWS_SHOWN),
    }


def _preview_context(batch: VolunteerImportBatch, errors) -> dict:
    return {
        **_activation_context(batch),
        "batch": batch,
        "errors": errors,
        "more_errors": max(0, batch.error_count - len(errors)),
        "rows": batch.rows[:PREVIEW_ROWS_SHOWN],
        "more_rows": max(0, len(batch.rows) - PREVIEW_ROWS_SHOWN),
        "can_confirm": batch.status == batch.Status.PREVIEW and not batch.error_count,
    }


@office_admin_required
def preview(request, batch_id: int):
    batch = get_object_or_404(VolunteerImportBatch.objects.select_related("cohort"), pk=batch_id)
    context = _preview_context(batch, volunteer_import_errors(batch=batch))
    return render(request, "people/import/preview.html", context)


@office_admin_required
@require_POST
def confirm(request, batch_id: int):
    batch = get_object_or_404(VolunteerImportBatch.objects.select_related("cohort"), pk=batch_id)
    try:
        batch = volunteer_import_confirm(batch=batch, by=request.user)
    except ImportRejected as rejected:
        context = {**_preview_context(batch, rejected.errors), "rejected": rejected.message}
        context.update(can_confirm=False, more_errors=0)
        return render(request, "people/import/preview.html", context, status=409)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("volunteer_import_preview", batch_id=batch.pk)
    messages.success(
        request,
        _("Imported: %(new)s new volunteers, %(existing)s already registered.")
        % {"new": batch.new_count, "existing": batch.existing_count},
    )
    return redirect("volunteer_import_preview", batch_id=batch.pk)


@office_admin_required
def template(request, kind: str):
    districts = list(District.objects.values_list("name", flat=True))
    if kind == "xlsx":
        body = template_xlsx(districts=districts)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        body = template_csv(district=districts[0] if districts else "")
        content_type = "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="templat-relawan.{kind}"'
    return response
