"""The app shell: web app manifest, service worker, the offline page, and logout that clears
the phone. The packs and the sync are the API's (offline/api.py)."""

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

THEME_COLOUR = "#0b5d4b"  # site.css --green
BACKGROUND_COLOUR = "#f7f8f6"  # site.css --bg

# The app shell the worker keeps for everyone (no personal data: fetched without cookies).
SHELL_STATIC = [
    "css/site.css",
    "js/site.js",
    "js/quiz.js",
    "js/offline/store.js",
    "js/offline/packs.js",
    "js/offline/page.js",
    "js/offline/luring.js",
    "img/logo.svg",
    "img/icons/icon-192.png",
]
WORKBOX = ["core", "routing", "strategies", "precaching"]
# /luring/ is drawn from these: its revision changes when one of them does.
LURING_SOURCES = [
    "templates/offline/luring.html",
    "templates/base.html",
    "locale/id/LC_MESSAGES/django.mo",
]


@lru_cache(maxsize=64)
def _file_hash(path: str, mtime: float) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def _revision(path: str | None) -> str:
    if not path or not Path(path).exists():
        return "missing"
    return _file_hash(path, Path(path).stat().st_mtime)


def _precache() -> list[dict]:
    entries = [
        {"url": static(name), "revision": _revision(finders.find(name))} for name in SHELL_STATIC
    ]
    luring = "".join(_revision(str(settings.BASE_DIR / name)) for name in LURING_SOURCES)
    entries.append({"url": reverse("offline_page"), "revision": luring})
    return entries


@require_GET
def service_worker(request):
    """/sw.js from the site root, so its scope is the whole site (templates/offline/sw.js)."""
    config = {
        "precache": _precache(),
        "offline_page": reverse("offline_page"),
        # Never answered from a cache, never stored: staff pages, sign-in and the API.
        "never": ["/admin/", "/accounts/", "/api/", "/django-admin/", reverse("service_worker")],
        "sync_url": "/api/v1/offline/sync",
        "push_icon": static("img/icons/icon-192.png"),
    }
    scripts = [static(f"vendor/workbox/workbox-{name}.prod.js") for name in WORKBOX]
    scripts.append(static("js/offline/store.js"))
    context = {"config": json.dumps(config), "scripts": json.dumps(scripts)}
    response = HttpResponse(
        render_to_string("offline/sw.js", context), content_type="application/javascript"
    )
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"  # a new worker reaches phones at their next visit
    return response


@require_GET
def manifest(request):
    """The web app manifest: installable from the browser's menu, opening on the dashboard."""
    with translation.override("id"):
        data = {
            "name": _("PSM Learning"),
            "short_name": _("PSM Learning"),
            "description": _(
                "Training and competency assessment for community social workers (PSM)."
            ),
            "lang": "id",
            "dir": "ltr",
            "id": "/",
            "start_url": reverse("dashboard"),
            "scope": "/",
            "display": "standalone",
            "orientation": "portrait",
            "theme_color": THEME_COLOUR,
            "background_color": BACKGROUND_COLOUR,
            "icons": [
                {"src": static("img/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("img/icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
                {
                    "src": static("img/icons/maskable-512.png"),
                    "sizes": "512x512",
                    "type": "image/png",
                    "purpose": "maskable",
                },
            ],
        }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_GET
def offline_page(request):
    """/luring/: what is saved on this phone (drawn by static/js/offline/luring.js from the
    phone's own storage). The worker keeps one copy for everyone, so it shows nobody's data."""
    return render(request, "offline/luring.html")


_logout = auth_views.LogoutView.as_view()


def logout(request, *args, **kwargs):
    """Django's logout, and the browser forgets this site's caches and storage (saved
    courses, the unsent queue, the worker): the next person on the phone finds nothing."""
    response = _logout(request, *args, **kwargs)
    response["Clear-Site-Data"] = '"cache", "storage"'
    return response
