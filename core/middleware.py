from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control


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
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response
