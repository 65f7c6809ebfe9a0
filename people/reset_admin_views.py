"""The office's desk in the admin: reset requests waiting for a code by WhatsApp, and the outbox.
Office admins only (Wagtail's wrapper refuses people without admin access before this)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.admin.auth import user_passes_test

from core.errors import DomainError
from core.gateway import gateway_is_outbox

from .reset_selectors import outbox_rows, reset_desk_rows
from .reset_services import password_reset_hand_over, reset_codes_purge
from .roles import is_office_admin

office_admin_required = user_passes_test(is_office_admin)


@office_admin_required
@never_cache
def reset_desk(request):
    reset_codes_purge()
    code_url = request.build_absolute_uri(reverse("password_reset_phone_code"))
    context = {"rows": reset_desk_rows(code_url=code_url), "outbox": gateway_is_outbox()}
    return render(request, "people/reset/desk.html", context)


@office_admin_required
@require_POST
def reset_hand_over(request, reset_id: int):
    try:
        reset = password_reset_hand_over(reset_id=reset_id, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Marked as handed over: %(name)s.") % {"name": reset.user.get_full_name()}
        )
    return redirect("password_reset_desk")


@office_admin_required
@never_cache
def outbox(request):
    return render(
        request, "people/reset/outbox.html", {"rows": outbox_rows(), "outbox": gateway_is_outbox()}
    )
