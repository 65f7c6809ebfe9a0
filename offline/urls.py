from django.urls import path

from . import views

urlpatterns = [
    path("manifest.webmanifest", views.manifest, name="web_manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("luring/", views.offline_page, name="offline_page"),
    # Before django.contrib.auth.urls, whose "logout" this one replaces.
    path("accounts/logout/", views.logout, name="logout"),
]
