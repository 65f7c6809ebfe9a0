from django.conf import settings
from django.utils import translation


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
