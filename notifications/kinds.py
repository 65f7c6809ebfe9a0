"""The registry of notification kinds. Each app above registers its own kinds (in its
AppConfig.ready()); text is rendered when read, so it follows the reader's language."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .models import Channel


@dataclass(frozen=True)
class Kind:
    key: str
    label: Any  # lazy text: the row on the settings page
    # lazy text with %(name)s placeholders filled from the notification's params, or a
    # callable(params) -> text
    title: Any
    body: Any = ""
    url: Callable[[Any], str] = lambda notification: ""
    channels: tuple[str, ...] = (Channel.INAPP, Channel.EMAIL, Channel.PUSH)
    # Extra lines for the body (e.g. the reasons of a verdict), rendered by the owning app.
    details: Callable[[dict], list[str]] = field(default=lambda params: [])
    # Who may receive it, so the settings page offers each person only their own kinds:
    # "everyone", "trainer" or "office".
    audience: str = "everyone"


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    KINDS[kind.key] = kind
    return kind


def get(key: str) -> Kind:
    try:
        return KINDS[key]
    except KeyError:
        raise ValueError(f"unknown notification kind {key!r}") from None


class _Params(dict):
    def __missing__(self, key):  # a param an older row lacks shows empty, never a 500
        return ""


def _text(template, params) -> str:
    if callable(template):  # an app's own wording, e.g. by status
        return str(template(params))
    return str(template) % params if template else ""


def render(notification) -> dict:
    """Title, body lines and link of one notification, in the active language."""
    kind = KINDS.get(notification.kind)
    if kind is None:
        return {"title": notification.kind, "body": "", "details": [], "url": ""}
    params = _Params(notification.params or {})
    try:
        url = kind.url(notification)
    except Exception:  # a link to an object since removed: the text still shows
        url = ""
    return {
        "title": _text(kind.title, params),
        "body": _text(kind.body, params),
        "details": kind.details(params),
        "url": url,
    }
