from ninja import NinjaAPI
from ninja.security import django_auth

from assessments.api import error_status
from assessments.api import router as assessments_router
from certificates.api import router as certificates_router
from lms.errors import DomainError

api = NinjaAPI(
    title="PSM Belajar API",
    version="1",
    urls_namespace="api",
    auth=django_auth,  # session auth; CSRF is checked on unsafe methods
    docs_url=None,
)
api.add_router("/", assessments_router)
api.add_router("/", certificates_router)


@api.exception_handler(DomainError)
def on_domain_error(request, error: DomainError):
    """Business-rule refusals become JSON with a machine-readable code and a readable message."""
    return api.create_response(
        request, {"code": error.code, "message": error.message}, status=error_status(error)
    )
