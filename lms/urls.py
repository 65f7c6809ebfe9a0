from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from core.health import healthz
from modules import views as module_views
from modules.admin_views import create_page
from people import activation_views, reset_views
from people import views as people_views
from people.forms import LoginForm

from .api import api

urlpatterns = [
    path("api/v1/", api.urls),
    # Wagtail's "add page" route without the autosave that created pages early (admin_views)
    path(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
        "<int:parent_page_id>/",
        create_page,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("accounts/register/", people_views.register, name="register"),
    path("accounts/lupa-sandi/", reset_views.reset_request, name="password_reset_phone"),
    path("accounts/lupa-sandi/kode/", reset_views.reset_code, name="password_reset_phone_code"),
    path("accounts/aktivasi/", activation_views.activate, name="account_activate"),
    path(
        "accounts/aktivasi/<str:code>/",
        activation_views.activate,
        name="account_activate_code",
    ),
    path("", include("offline.urls")),  # before auth's URLs: its logout clears the phone
    path("accounts/", include("django.contrib.auth.urls")),
    path("healthz", healthz, name="healthz"),
    path("", include("assessments.urls")),
    path("", include("certificates.urls")),
    path("", include("cohorts.urls")),
    path("", include("portal.urls")),
    path("", include("notifications.urls")),
    path("belajar/kursus/<int:course_id>/daftar/", module_views.enrol, name="course_enrol"),
    path(
        "belajar/pelajaran/<int:lesson_id>/selesai/",
        module_views.lesson_mark_done,
        name="lesson_mark_done",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
    # A small server with media on local disk and no web server configured for them: Wagtail's
    # image renditions (public: what lessons and covers show) from the app. Nothing else under
    # media: certificates and evidence go out through their permission-checked views only.
    from django.views.decorators.cache import cache_control
    from django.views.static import serve as serve_file

    # A rendition's name comes from its original's file name (a replaced image is a new file
    # with a new name) and its filter: a year's lifetime never shows a stale picture.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>images/[^/]+)$",
            cache_control(public=True, max_age=31536000, immutable=True)(serve_file),
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Pages: Wagtail's serve view with the route cached (modules/cache.py), on Wagtail's pattern
# except Wagtail's own /_util/ views (page passwords, its login), which come next.
urlpatterns += [
    re_path(serve_pattern.replace("^", "^(?!_util/)", 1), module_views.serve),
    path("", include(wagtail_urls)),
]
