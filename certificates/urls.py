from django.urls import path

from . import views

urlpatterns = [
    path("sertifikat/kelola/", views.manage, name="certificate_manage"),
    path(
        "sertifikat/templat/<int:template_id>/pratinjau/",
        views.template_preview,
        name="certificate_template_preview",
    ),
    path("verify/", views.verify_form, name="verify_form"),
    path("verify/<str:code>/", views.verify_certificate, name="verify_certificate"),
    path("sertifikat/<int:certificate_id>/unduh/", views.download, name="certificate_download"),
    path("sertifikat/berkas/<str:token>/", views.download_file, name="certificate_file"),
    path(
        "sertifikat/<int:certificate_id>/kelola/", views.certificate_admin, name="certificate_admin"
    ),
    path("sertifikat/<int:certificate_id>/cabut/", views.revoke, name="certificate_revoke"),
    path(
        "sertifikat/<int:certificate_id>/terbitkan-ulang/",
        views.reissue,
        name="certificate_reissue",
    ),
    path("sertifikat/tugas/<int:job_id>/", views.bulk_job, name="certificate_bulk_job"),
    path(
        "sertifikat/tugas/<int:job_id>/berkas/", views.bulk_job_file, name="certificate_bulk_file"
    ),
]
