"""[H] 14, 15: the admin leads a trainer to the desk, the cohorts and item analysis; Wagtail's
reports a trainer cannot use stay out of a trainer's menu."""

import json
import re

import pytest


def _sidebar(html: str) -> str:
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    return json.dumps(json.loads(props[1]), ensure_ascii=False)


@pytest.mark.django_db
def test_the_admin_menu_and_home_lead_to_the_trainer_pages(client, trainer):
    client.force_login(trainer)
    html = client.get("/admin/").content.decode()
    menu = _sidebar(html)
    for url in ("/pelatih/", "/pelatih/angkatan/", "/admin/snippets/assessments/quiz/"):
        assert url in menu, url
        assert f'href="{url}"' in html, url  # the home page's panel
    assert "Meja pelatih" in menu and "Antrean penilaian" in html


@pytest.mark.django_db
def test_workflow_and_aging_reports_are_the_offices(client, trainer, office_admin):
    client.force_login(trainer)
    menu = _sidebar(client.get("/admin/").content.decode())
    for name in ("workflows", "workflow-tasks", "aging-pages", "page-types-usage"):
        assert f'"name": "{name}"' not in menu, name
    assert '"name": "site-history"' in menu  # their pages' history is theirs to read
    client.force_login(office_admin)
    menu = _sidebar(client.get("/admin/").content.decode())
    for name in ("workflows", "workflow-tasks", "aging-pages"):
        assert f'"name": "{name}"' in menu, name
