from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Page

from modules.models import CoursePage, LessonPage
from modules.selectors import dashboard_outlines

from .forms import RegistrationForm
from .ratelimit import allow
from .selectors import volunteer_data_export
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
        return render(request, "lms/register.html", context, status=429)
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
        login(request, profile.user, backend="lms.backends.UsernameOrPhoneBackend")
        messages.success(
            request,
            _("Welcome, %(name)s! You can log in with your phone number %(phone)s.")
            % {"name": profile.user.full_name, "phone": profile.user.phone},
        )
        return redirect("dashboard")
    return render(request, "lms/register.html", {"form": form})


@login_required
def dashboard(request):
    from certificates.models import Certificate

    outlines = dashboard_outlines(user=request.user)
    certificates = Certificate.objects.filter(holder=request.user).select_related("course")
    return render(
        request, "lms/dashboard.html", {"outlines": outlines, "certificates": certificates}
    )


@login_required
@require_GET
def my_data(request):
    response = JsonResponse(
        volunteer_data_export(user=request.user), json_dumps_params={"indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="data-saya.json"'
    return response


@require_GET
def search(request):
    query = (request.GET.get("q") or "").strip()[:100]
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().type(CoursePage, LessonPage).search(query)
    page = Paginator(results, 10).get_page(request.GET.get("page"))
    return render(request, "lms/search.html", {"query": query, "results": page})
