"""Activation: the person's page (/accounts/aktivasi/) and the office's screens in the admin
(slips PDF, WhatsApp links, a first password). Office screens answer office admins only."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import user_passes_test

from core.codes import format_code, normalize_code
from core.errors import DomainError
from core.ratelimit import client_ip

from .forms import ActivationForm, FirstPasswordForm
from .models import VolunteerImportBatch
from .roles import is_office_admin
from .services import (
    account_activate,
    activation_codes_issue,
    activation_pending,
    user_set_first_password,
)
from .slips import short_url, slip_rows, slips_pdf

office_admin_required = user_passes_test(is_office_admin)

# Which field a refusal belongs to; everything else (wrong phone or code) is one message.
ERROR_FIELDS = {"consent_required": "consent", "password_invalid": "password1"}


def activate(request, code: str = ""):
    if request.user.is_authenticated:
        return redirect("dashboard")
    initial = {"code": format_code(normalize_code(code))} if normalize_code(code) else {}
    form = ActivationForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = account_activate(
                phone=data["phone"],
                code=data["code"],
                password=data["password1"],
                consent=data["consent"],
                ip=client_ip(request),
            )
        except DomainError as error:
            form.add_error(ERROR_FIELDS.get(error.code), error.message)
            status = 429 if error.code == "activation_rate_limited" else 200
        else:
            login(request, user, backend="people.backends.UsernameOrPhoneBackend")
            messages.success(
                request,
                _("Your account is active. Next time, log in with your phone number %(phone)s.")
                % {"phone": user.phone},
            )
            return redirect("dashboard")
    return render(request, "people/activate.html", {"form": form}, status=status)


# The office ------------------------------------------------------------------------------


def issue_response(request, users, output: str):
    """Codes for the people among `users` still to activate, as one PDF of slips or as a page
    of WhatsApp links. Each run makes new codes: older unspent ones stop working."""
    users = list(users)
    issued = activation_codes_issue(users=users, by=request.user)
    skipped = len(users) - len(issued)
    if not issued:
        messages.warning(
            request,
            _("Nobody here still needs activating (they have a password, or no phone number)."),
        )
        return None
    if output == "pdf":
        response = HttpResponse(slips_pdf(issued), content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="slip-aktivasi.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response
    context = {"rows": slip_rows(issued), "skipped": skipped, "short": short_url()}
    response = render(request, "people/activation/whatsapp.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@office_admin_required
@require_POST
def office_issue(request):
    """From the import result page (`batch`) or any list of `user` ids."""
    User = get_user_model()
    batch_id = request.POST.get("batch", "")
    if batch_id.isdigit():
        batch = get_object_or_404(VolunteerImportBatch, pk=batch_id)
        ids = batch.created_user_ids
        back = redirect("volunteer_import_preview", batch_id=batch.pk)
    else:
        ids = [v for v in request.POST.getlist("user") if v.isdigit()]
        back = redirect("wagtailusers_users:index")
    output = "pdf" if request.POST.get("output") == "pdf" else "whatsapp"
    response = issue_response(
        request, User.objects.filter(pk__in=ids).order_by("full_name"), output
    )
    return response or back


@office_admin_required
def office_first_password(request, user_id: int):
    person = get_object_or_404(get_user_model(), pk=user_id)
    pending = activation_pending(person)
    form = FirstPasswordForm(request.POST or None)
    if request.method == "POST" and pending and form.is_valid():
        try:
            user_set_first_password(
                user=person, password=form.cleaned_data["password1"], by=request.user
            )
        except DomainError as error:
            form.add_error("password1" if error.code == "password_invalid" else None, error.message)
        else:
            messages.success(
                request,
                _("First password set for %(name)s. Tell it to them in person or by phone.")
                % {"name": person.get_full_name()},
            )
            return redirect("wagtailusers_users:index")
    context = {"person": person, "pending": pending, "form": form}
    return render(request, "people/activation/first_password.html", context)
