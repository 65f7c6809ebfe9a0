from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponseBadRequest, JsonResponse
from django.middleware.gzip import GZipMiddleware
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext


class DefaultLanguageMiddleware:
    """Activate the language chosen with the switch (cookie), else Indonesian.

    Django's LocaleMiddleware would follow the browser's Accept-Language and show most
    volunteers' phones (set to English) the English site; the office wants Indonesian first.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.languages:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class PrivatePagesMiddleware:
    """Every page answered to a signed-in person holds their own data (progress, scores,
    certificates, names): `Cache-Control: private, no-store`, so no shared cache or proxy
    keeps it and the browser does not store it on a shared phone. A response that chose its
    own caching (Django's admin, a signed file link) keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Only when the request looked at its user (a page that never did shows nobody's
        # data): asking here would cost the user's query on every redirect and file.
        user = getattr(request, "_cached_user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp, except that an admin preview may be framed by the admin's own origin.

    Wagtail renders a preview through a dummy request at the page's public path that runs this
    middleware again, so the page got the public frame-ancestors 'none' and the preview panel's
    iframe stayed blank. `is_preview` is set only by Wagtail's make_preview_request, which only
    the admin's preview views call; every other response keeps 'none'."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if getattr(request, "is_preview", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


NUL = "\x00"


def _in_fields(data) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())


def _has_nul(request) -> bool:
    if NUL in request.path or _in_fields(request.GET):
        return True
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return False
    content_type = request.content_type or ""
    if content_type == "application/json":
        body = request.body
        return b"\x00" in body or b"\\u0000" in body.lower()
    if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        if request.path.startswith("/api/"):
            # Read the raw body first: parsing the form consumes the stream, and the API's
            # own parser (a JSON body sent as a form) then failed with a 500.
            request.body  # noqa: B018
        return _in_fields(request.POST)  # form fields: an uploaded file's bytes are its own
    return False


class RefuseNulMiddleware:
    """A NUL character has no place in any text a person types, and PostgreSQL refuses it in
    text columns (an error 500 on search, filters, verification, quiz answers...). Refused
    here, once for every URL, form and JSON body: 400 with a message in the user's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            has_nul = _has_nul(request)
        except RequestDataTooBig:
            if not request.path.startswith("/api/"):
                raise  # Django's own 400 page
            message = gettext("The request is too large.")
            return JsonResponse({"code": "too_large", "message": message}, status=400)
        if has_nul:
            message = gettext(
                "The request holds an invisible NUL character. Remove it and try again."
            )
            if request.path.startswith("/api/"):
                return JsonResponse({"code": "invalid_request", "message": message}, status=400)
            return HttpResponseBadRequest(
                render_to_string("400.html", {"message": message}, request=request)
            )
        return self.get_response(request)


COMPRESSIBLE = ("text/", "application/json", "application/javascript", "image/svg+xml")


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware for text only (pages, JSON, SVG charts): PDFs, photos and ZIPs
    are compressed already. BREACH: since Django 4.2 the middleware adds random bytes to the
    gzip header ("Heal the BREACH"), so response lengths no longer reveal a secret, and
    Django's CSRF tokens are masked anew on every response; no other secret is echoed into a
    page next to text an attacker controls."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if not content_type.startswith(COMPRESSIBLE):
            return response
        return super().process_response(request, response)


# Headers that only mean something to a document (a page the browser renders, frames, opens
# windows from or runs scripts in). A JSON answer of /api/ is none of those; a phone syncing
# on a metered connection pays for every byte, so they are left off it.
DOCUMENT_ONLY_HEADERS = (
    "Content-Security-Policy",
    "Content-Security-Policy-Report-Only",
    "Cross-Origin-Opener-Policy",
    "Referrer-Policy",
    "X-Frame-Options",
    "Content-Language",
)


def _is_api_json(request, response) -> bool:
    return request.path.startswith("/api/") and response.get("Content-Type", "").startswith(
        "application/json"
    )


class LeanApiHeadersMiddleware:
    """Outermost: removes DOCUMENT_ONLY_HEADERS from the JSON answers of /api/. nosniff, the
    caching rules and Vary stay."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _is_api_json(request, response):
            for header in DOCUMENT_ONLY_HEADERS:
                if header in response:
                    del response[header]
        return response
