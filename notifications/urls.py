from django.urls import path

from . import views

urlpatterns = [
    path("notifikasi/", views.notification_list, name="notification_list"),
    path(
        "notifikasi/<int:notification_id>/baca/",
        views.notification_mark_read,
        name="notification_mark_read",
    ),
    path("notifikasi/baca-semua/", views.notification_mark_all_read, name="notification_read_all"),
    path("notifikasi/pengaturan/", views.notification_settings, name="notification_settings"),
]
