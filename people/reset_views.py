"""Lupa kata sandi by phone: /accounts/lupa-sandi/ (phone) then /accounts/lupa-sandi/kode/.

Both answers are the same whether or not the phone has an account: the request always goes on
to the code page; the code page refuses a wrong code and a code for nobody in the same words."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.errors import DomainError
from core.gateway import gateway_is_outbox
from core.phone import phone_last_four
from core.ratelimit import allow, allow_key, axes_client_ip

from .reset_forms import PhoneResetCodeForm, PhoneResetRequestForm
from .reset_services import password_reset_confirm, password_reset_request

SESSION_KEY = "password_reset_phone"


def _refused(request, template, form, message):
    return render(request, template, {"form": form, "refused": message}, status=429)


@never_cache
def reset_request(request):
    template = "people/reset/request.html"
    form = PhoneResetRequestForm(request.POST or None)
    if request.method == "POST":
        if not allow(
            request, scope="reset-address", limit=settings.PASSWORD_RESET_ADDRESS_LIMIT, window=3600
        ):
            message = _("Too many requests from your connection; try again in an hour.")
            return _refused(request, template, form, message)
        if form.is_valid():
            phone = form.cleaned_data["phone"]
            # Counted for every valid number, with an account or not: the limit leaks nothing.
            limit = settings.PASSWORD_RESET_PHONE_LIMIT
            if not allow_key(scope="reset-phone", key=phone, limit=limit, window=3600):
                message = _("Too many codes asked for this number; try again in an hour.")
                return _refused(request, template, form, message)
            password_reset_request(phone=phone, ip=axes_client_ip(request))
            request.session[SESSION_KEY] = phone
            return redirect("password_reset_phone_code")
    return render(request, template, {"form": form})


@never_cache
def reset_code(request):
    phone = request.session.get(SESSION_KEY)
    if not phone:
        return redirect("password_reset_phone")
    template = "people/reset/code.html"
    form = PhoneResetCodeForm(request.POST or None)
    context = {
        "form": form,
        "last_four": phone_last_four(phone),
        "outbox": gateway_is_outbox(),
        "minutes": settings.PASSWORD_RESET_CODE_MINUTES,
    }
    if request.method == "POST":
        if not allow(
            request, scope="reset-code", limit=settings.PASSWORD_RESET_CODE_ENTRY_LIMIT, window=900
        ):
            context["refused"] = _("Too many codes tried from your connection; wait 15 minutes.")
            return render(request, template, context, status=429)
        if form.is_valid():
            data = form.cleaned_data
            try:
                password_reset_confirm(phone=phone, code=data["code"], password=data["password1"])
            except DomainError as error:
                form.add_error("code", error.message)
            else:
                del request.session[SESSION_KEY]
                messages.success(
                    request, _("Your password is changed. Log in with your phone and it.")
                )
                return redirect("login")
    return render(request, template, context)
