"""Admin buttons with an icon use Wagtail's own markup (`bicolor button--icon` and a wrapped
icon): a bare `{% icon %}` in a `.button` was drawn button-sized and hid the label (the import
page's template downloads and the slips button showed a big white shape and no text)."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
BUTTON = re.compile(r"<(a|button)\b[^>]*class=\"[^\"]*\bbutton\b[^\"]*\"[^>]*>(.*?)</\1>", re.S)


def test_every_admin_button_with_an_icon_wraps_it():
    bare = []
    for path in TEMPLATES.rglob("*.html"):
        for match in BUTTON.finditer(path.read_text(encoding="utf-8")):
            tag, inner = match.group(0), match.group(2)
            if "{% icon" not in inner:
                continue
            if "wrapped=1" not in inner or "button--icon" not in tag.split(">", 1)[0]:
                bare.append(f"{path.relative_to(TEMPLATES)}: {tag[:90]}")
    assert bare == []
