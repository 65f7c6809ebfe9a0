from django.urls import path

from . import views

urlpatterns = [
    path("pelatih/angkatan/", views.cohort_list, name="cohort_list"),
    path(
        "pelatih/angkatan/<int:cohort_id>/sesi/<int:session_id>/",
        views.session_attendance,
        name="cohort_session_attendance",
    ),
]
