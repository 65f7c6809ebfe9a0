"""Certificate files by signed link, answered before sessions, authentication and the rest of
the stack, the way whitenoise answers static files: the link's signature is the whole
permission (certificates.views.download checks who asks and signs it for five minutes)."""

from .views import file_response, signed_file_link

PREFIX = "/sertifikat/berkas/"


class CertificateFileMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if request.method in ("GET", "HEAD") and path.startswith(PREFIX) and path.endswith("/"):
            link = signed_file_link(path[len(PREFIX) : -1])
            if link is not None:
                return file_response(link)
        # Anything else, a bad or expired link included, takes the normal way (its 404 page).
        return self.get_response(request)
