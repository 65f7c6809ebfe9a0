"""Certificate PDFs with WeasyPrint. Rendering can only read the project's own static files and
the template's images: template text and names are escaped data, and the URL fetcher refuses
everything else (other files, devices, http(s), data: URLs), so nothing can read the server or
reach out."""

from __future__ import annotations

import functools
import mimetypes
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

PDF_VARIANT = "pdf/a-3b"
MAX_FETCH_BYTES = 10 * 1024 * 1024
# Images in media are named `media:<storage name>` and read through the storage, so they render
# the same from local disk or from S3, where there is no file path. Only Wagtail's original
# images qualify: certificates and evidence are in media too and stay out of a render's reach.
MEDIA_SCHEME = "media:"
MEDIA_IMAGES = "original_images/"


def allowed_roots() -> list[Path]:
    """Where file: URLs may point: static files (the fonts). Media go through `media:`."""
    roots = [Path(settings.STATIC_ROOT)]
    roots += [Path(p) for p in getattr(settings, "STATICFILES_DIRS", [])]
    return [root.resolve() for root in roots]


class RefusedURL(ValueError):
    """WeasyPrint logs a refused resource and renders without it."""


class LockedFetcher(URLFetcher):
    """Only regular files under the static roots and the template images in media (`media:`);
    no redirects, no network beyond the media storage itself."""

    def __init__(self):
        super().__init__(allowed_protocols={"file"}, allow_redirects=False, timeout=2)

    def fetch(self, url, headers=None):
        if url.startswith(MEDIA_SCHEME):
            return fetch_media(url)
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"refused: {url[:80]}")
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in allowed_roots()):
            raise RefusedURL(f"refused: {url[:80]}")
        if not path.is_file() or path.stat().st_size > MAX_FETCH_BYTES:
            raise RefusedURL(f"refused: {url[:80]}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url=path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type}
        )


class StorageUnavailable(FatalURLFetchingError):
    """Stops the render: a certificate is frozen at issue, so it must not be issued without its
    logo or signature because the storage did not answer for a moment."""


def fetch_media(url: str) -> URLFetcherResponse:
    name = unquote(url.removeprefix(MEDIA_SCHEME))
    segments = name.split("/")
    if (
        not name.startswith(MEDIA_IMAGES)
        or any(segment in ("", ".", "..") for segment in segments)
        or "\\" in name
        or "\x00" in name
    ):
        raise RefusedURL(f"refused: {url[:80]}")
    try:
        if not default_storage.exists(name):
            raise RefusedURL(f"refused: {url[:80]}")  # deleted: rendered without it, as before
        if default_storage.size(name) > MAX_FETCH_BYTES:
            raise RefusedURL(f"refused: {url[:80]}")
        with default_storage.open(name, "rb") as handle:
            body = handle.read(MAX_FETCH_BYTES + 1)
    except RefusedURL:
        raise
    except Exception as error:  # network, credentials, a bucket away: not a missing image
        raise StorageUnavailable(f"media storage: {type(error).__name__}") from error
    if len(body) > MAX_FETCH_BYTES:
        raise RefusedURL(f"refused: {url[:80]}")
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return URLFetcherResponse(url=url, body=body, headers={"Content-Type": content_type})


@functools.cache
def font_config() -> FontConfiguration:
    return FontConfiguration()


@functools.cache
def stylesheet() -> CSS:
    """The certificate CSS, parsed once per process, with the fonts shipped in static/fonts."""
    fonts = Path(finders.find("fonts/DejaVuSerif.ttf")).parent
    css = render_to_string("certificates/pdf.css", {"fonts": fonts.as_uri()})
    return CSS(string=css, font_config=font_config(), url_fetcher=LockedFetcher())


def qr_svg(url: str) -> str:
    """The verification URL as an inline SVG QR code (nothing to fetch)."""
    # A fixed mask skips segno's search over all eight (most of the QR's cost); any mask
    # decodes the same, the search only tidies the pattern.
    return segno.make(url, error="m", mask=0, micro=False).svg_inline(
        scale=3, border=2, dark="#111"
    )


def file_uri(image) -> str | None:
    """A template image as a `media:` URL for LockedFetcher. It is stored with the certificate's
    data, so it names the file in the storage, never a path on one server's disk."""
    if image is None or not image.file.name:
        return None
    return MEDIA_SCHEME + quote(image.file.name)


def fill_body(template_text: str, values: dict[str, str]) -> str:
    """Escape the admin's text, then put escaped values in its {placeholders}. Unknown
    placeholders stay as typed; nothing in either becomes markup or CSS."""
    text = escape(template_text)
    for key, value in values.items():
        text = text.replace("{" + key + "}", f"<strong>{escape(value)}</strong>")
    return mark_safe(text.replace("\n", "<br>"))  # noqa: S308 - every part escaped above


def certificate_html(data: dict) -> str:
    context = {
        **data,
        "body_html": fill_body(data["template"]["body"], data["placeholders"]),
        "qr_svg": mark_safe(qr_svg(data["verify_url"])),  # noqa: S308 - generated by segno
    }
    return render_to_string("certificates/pdf.html", context)


def render_pdf(html: str, *, page_size: str, orientation: str) -> bytes:
    # Page size and orientation come from choice fields; the value is bounded by the model.
    page_css = CSS(
        string=f"@page {{ size: {page_size} {orientation}; }}",
        font_config=font_config(),
    )
    document = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=LockedFetcher())
    try:
        return document.write_pdf(
            stylesheets=[stylesheet(), page_css],
            font_config=font_config(),
            pdf_variant=PDF_VARIANT,
            uncompressed_pdf=False,
        )
    except StorageUnavailable as error:  # a BaseException for WeasyPrint; an error for us
        raise OSError(str(error)) from error
