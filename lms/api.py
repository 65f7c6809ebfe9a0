from django.http import Http404
from django.utils.translation import gettext
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.security import django_auth

from assessments.api import router as assessments_router
from certificates.api import router as certificates_router
from core.errors import DomainError
from notifications.api import router as notifications_router
from offline.api import router as offline_router

api = NinjaAPI(
    title="PSM Belajar API",
    version="1",
    urls_namespace="api",
    auth=django_auth,  # session auth; CSRF is checked on unsafe methods
    docs_url=None,
)
api.add_router("/", assessments_router)
api.add_router("/", certificates_router)
api.add_router("/", notifications_router)
api.add_router("/", offline_router)


# The one table from a DomainError's code to its HTTP status; every other refusal is a 400.
STATUS_BY_CODE = {
    "not_found": 404,
    "attempt_closed": 409,
    "deadline_passed": 409,
    "invalid_answer": 422,
    "push_unavailable": 404,  # no VAPID keys on this site: there is no key to give
    "quiz_timed": 409,  # offline: a timed quiz's clock runs on the server, so it starts online
    "too_many_actions": 422,  # offline sync: at most offline.services.MAX_ACTIONS at a time
}


@api.exception_handler(DomainError)
def on_domain_error(request, error: DomainError):
    """Business-rule refusals become JSON with a machine-readable code and a readable message."""
    return api.create_response(
        request,
        {"code": error.code, "message": error.message},
        status=STATUS_BY_CODE.get(error.code, 400),
    )


@api.exception_handler(Http404)
def on_not_found(request, error: Http404):
    """An unknown id answers in the documented error shape, like every other refusal."""
    message = gettext("Not found.")
    return api.create_response(request, {"code": "not_found", "message": message}, status=404)


@api.exception_handler(ValidationError)
def on_invalid_request(request, error: ValidationError):
    """A request the schema refuses (wrong types, bad JSON) in the documented error shape; the
    field-level details stay under `detail`."""
    types = {item.get("type") for item in error.errors}
    if types == {"invalid_answer"}:  # an answer's own checks (assessments.api.AnswerIn)
        code, message = "invalid_answer", error.errors[0]["msg"]
    else:
        code, message = "invalid_request", gettext("The request is not valid.")
    body = {"code": code, "message": message, "detail": error.errors}
    return api.create_response(request, body, status=422)


HTTP_ERROR_CODES = {
    400: "invalid_request",
    401: "unauthorized",
    403: "forbidden",
    429: "rate_limited",
}


@api.exception_handler(HttpError)
def on_http_error(request, error: HttpError):
    """Unparsable bodies, missing sessions and the like, in the same {code, message} shape."""
    code = HTTP_ERROR_CODES.get(error.status_code, "error")
    messages = {
        400: gettext("The request could not be read."),
        401: gettext("Log in first."),
        403: gettext("You may not do this."),
    }
    message = messages.get(error.status_code, str(error))
    return api.create_response(
        request, {"code": code, "message": message}, status=error.status_code
    )
