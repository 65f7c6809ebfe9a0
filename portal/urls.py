from django.urls import path

from . import views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/data-saya.json", views.my_data, name="my_data"),
    path("search/", views.search, name="search"),
    path("pelatih/", views.trainer_desk, name="trainer_queue"),
    path("pelatih/angkatan/<int:cohort_id>/", views.cohort_detail, name="cohort_detail"),
]
