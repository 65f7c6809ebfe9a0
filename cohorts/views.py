"""Trainer pages for cohorts: the list, the cohort dashboard and attendance per session. A
trainer sees only the cohorts they run (office admins all); anything else answers 404."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from people.roles import trainer_required

from . import services
from .forms import AttendanceForm
from .models import CohortSession
from .selectors import cohorts_for_trainer


@trainer_required
def cohort_list(request):
    cohorts = cohorts_for_trainer(user=request.user)
    return render(request, "cohorts/cohort_list.html", {"cohorts": cohorts})


@trainer_required
def session_attendance(request, cohort_id: int, session_id: int):
    cohort = get_object_or_404(cohorts_for_trainer(user=request.user), pk=cohort_id)
    session = get_object_or_404(CohortSession, pk=session_id, cohort=cohort)
    members = list(
        get_user_model().objects.filter(cohorts=cohort).order_by("full_name", "username")
    )
    current = dict(session.attendance.values_list("user_id", "status"))
    form = AttendanceForm(request.POST or None, members=members, current=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record_many(
                session=session, statuses=form.statuses(), by=request.user
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Attendance saved."))
            return redirect("cohort_detail", cohort_id=cohort.pk)
    return render(
        request,
        "cohorts/session_attendance.html",
        {
            "cohort": cohort,
            "session": session,
            "form": form,
            "held": session.date <= timezone.localdate(),
        },
    )
