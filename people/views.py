from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.ratelimit import allow

from .forms import RegistrationForm
from .services import volunteer_register


def register(request):
    if request.user.is_authenticated:
        return redirect("dashboard")
    if request.method == "POST" and not allow(
        request, scope="register", limit=settings.REGISTRATION_RATE_LIMIT, window=3600
    ):
        typed = {k: v for k, v in request.POST.items() if not k.startswith("password")}
        context = {
            "form": RegistrationForm(initial=typed),
            "refused": _("Too many registrations from your connection; try again in an hour."),
        }
        return render(request, "people/register.html", context, status=429)
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        profile = volunteer_register(
            full_name=data["full_name"],
            phone=data["phone"],
            password=data["password1"],
            email=data["email"],
            birth_place=data["birth_place"],
            birth_date=data["birth_date"],
            sex=data["sex"],
            village=data["village"],
            district=data["district"],
            year_appointed=data["year_appointed"],
            ipsm_number=data["ipsm_number"],
        )
        login(request, profile.user, backend="people.backends.UsernameOrPhoneBackend")
        messages.success(
            request,
            _("Welcome, %(name)s! You can log in with your phone number %(phone)s.")
            % {"name": profile.user.full_name, "phone": profile.user.phone},
        )
        return redirect("dashboard")
    return render(request, "people/register.html", {"form": form})
