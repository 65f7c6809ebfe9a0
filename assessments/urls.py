from django.urls import path

from . import analysis_views, trainer_views, views

urlpatterns = [
    path("kuis/<int:quiz_id>/", views.quiz_detail, name="quiz_detail"),
    path("kuis/<int:quiz_id>/mulai/", views.quiz_start, name="quiz_start"),
    path("kuis/percobaan/<int:attempt_id>/", views.attempt_page, name="attempt_page"),
    path("kuis/percobaan/<int:attempt_id>/kirim/", views.attempt_confirm, name="attempt_confirm"),
    path("kuis/percobaan/<int:attempt_id>/hasil/", views.attempt_result, name="attempt_result"),
    path("sikap/<int:instrument_id>/", views.attitude_self, name="attitude_self"),
    path("bukti/<int:rubric_id>/", views.evidence_upload, name="evidence_upload"),
    path("bukti/berkas/<int:evidence_id>/", views.evidence_file, name="evidence_file"),
    path(
        "bukti/berkas/<int:evidence_id>/tarik/",
        views.evidence_withdraw,
        name="evidence_withdraw",
    ),
    path("kompetensi/", views.competency_profile, name="competency_profile"),
    path(
        "pelatih/kuis/<int:quiz_id>/analisis/",
        analysis_views.item_analysis,
        name="trainer_item_analysis",
    ),
    path(
        "pelatih/kuis/<int:quiz_id>/analisis.csv",
        analysis_views.item_analysis_csv,
        name="trainer_item_analysis_csv",
    ),
    path("pelatih/esai/<int:answer_id>/", trainer_views.mark_essay, name="trainer_mark_essay"),
    path(
        "pelatih/bukti/<int:evidence_id>/",
        trainer_views.review_evidence,
        name="trainer_review_evidence",
    ),
    path(
        "pelatih/observasi/<int:rubric_id>/<int:user_id>/",
        trainer_views.observe,
        name="trainer_observe",
    ),
    path(
        "pelatih/sikap/<int:instrument_id>/<int:user_id>/",
        trainer_views.rate_attitude,
        name="trainer_rate_attitude",
    ),
    path(
        "pelatih/kompetensi/<int:course_id>/<int:user_id>/",
        trainer_views.volunteer_competency,
        name="trainer_volunteer_competency",
    ),
]
