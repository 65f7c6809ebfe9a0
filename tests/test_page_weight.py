"""Volunteers pay for data by the megabyte: a lesson page's HTML + CSS + JS, compressed as
whitenoise and gzip serve them, stays under 60 KB (lesson images and videos not counted)."""

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from demo.factories import lessons_of, make_course
from modules.services import enrollment_create

BUDGET = 60 * 1024


def compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


@pytest.mark.django_db
def test_a_lesson_page_weighs_under_60_kb_compressed(client, volunteer):
    course = make_course(title="Bimtek Ringan", modules=3, lessons=3)
    enrollment_create(user=volunteer, course=course)
    client.force_login(volunteer)
    response = client.get(lessons_of(course)[0].url)
    assert response.status_code == 200
    html = response.content
    assets = re.findall(rb'(?:href|src)="/static/([^"?#]+\.(?:css|js))"', html)
    assert assets, "the page links its own CSS/JS"
    sizes = {"html": compressed(html)}
    for asset in assets:
        path = finders.find(asset.decode())
        assert path, asset
        sizes[asset.decode()] = compressed(Path(path).read_bytes())
    total = sum(sizes.values())
    print(f"lesson page weight (gzip): {sizes} total {total} bytes")
    assert total <= BUDGET, sizes
