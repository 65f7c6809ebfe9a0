from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from assessments.progress import before_kompeten_by_course
from certificates.models import Certificate
from cohorts.selectors import cohorts_for_trainer
from modules.search import site_search
from modules.selectors import dashboard_outlines
from people.roles import trainer_required

from .cohort import cohort_dashboard
from .export import volunteer_data_export
from .share import share_links
from .trainer import trainer_queue


@login_required
def dashboard(request):
    outlines = dashboard_outlines(user=request.user)
    certificates = list(Certificate.objects.filter(holder=request.user).select_related("course"))
    for certificate in certificates:
        certificate.share = share_links(certificate)
    context = {
        "outlines": outlines,
        # Lessons are not all: what the verdict still waits for, per course id.
        "before_kompeten": before_kompeten_by_course(user=request.user, outlines=outlines),
        "certificates": certificates,
    }
    return render(request, "portal/dashboard.html", context)


@never_cache  # Cache-Control: private, no-store (and no-cache, max-age=0): personal data
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
    page, results = site_search(query=query, user=request.user, page_number=request.GET.get("page"))
    return render(
        request, "portal/search.html", {"query": query, "results_page": page, "results": results}
    )


@trainer_required
def trainer_desk(request):
    context = trainer_queue(user=request.user, params=request.GET)
    return render(request, "portal/trainer_queue.html", context)


@trainer_required
def cohort_detail(request, cohort_id: int):
    cohort = get_object_or_404(cohorts_for_trainer(user=request.user), pk=cohort_id)
    context = cohort_dashboard(cohort=cohort, sort=request.GET.get("sort"))
    return render(request, "portal/cohort_detail.html", context)
