"""[J] The app shell: manifest, service worker, /luring/, logout clearing the phone, and the
Workbox files `make install` puts in static/vendor/workbox/."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from demo.factories import make_user

WORKBOX = ["core", "routing", "strategies", "precaching"]


def test_manifest_is_installable(db, client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["name"] == "PSM Belajar" and data["lang"] == "id"
    assert data["start_url"] == "/dashboard/" and data["scope"] == "/"
    assert data["display"] == "standalone"
    assert data["theme_color"] == "#0b5d4b"
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in data["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in data["icons"]:
        assert (
            client.get(icon["src"]).status_code == 200
            or Path(settings.BASE_DIR / "static" / icon["src"].removeprefix("/static/")).exists()
        )


def test_pages_link_the_manifest_and_theme_colour(db, client):
    page = client.get("/accounts/login/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert '<meta name="theme-color" content="#0b5d4b">' in page


def test_service_worker_precaches_the_shell_and_keeps_push(db, client):
    response = client.get("/sw.js")
    assert response.status_code == 200 and response["Service-Worker-Allowed"] == "/"
    body = response.content.decode()
    for name in WORKBOX:
        assert f"/static/vendor/workbox/workbox-{name}.prod.js" in body
    config = json.loads(body.split("var PSM = ", 1)[1].split(";\n", 1)[0])
    urls = {entry["url"] for entry in config["precache"]}
    assert {"/luring/", "/static/css/site.css", "/static/js/offline/page.js"} <= urls
    assert all(entry["revision"] != "missing" for entry in config["precache"])
    assert {"/admin/", "/accounts/", "/api/"} <= set(config["never"])
    assert "showNotification" in body and "notificationclick" in body
    assert 'credentials: "omit"' in body  # the shell copy of /luring/ is nobody's


def test_offline_page_lists_from_the_phone(db, client):
    page = client.get("/luring/").content.decode()
    assert 'id="luring-list"' in page and "js/offline/luring.js" in page
    assert "<noscript>" in page and "Tersimpan di ponsel ini" in page


def test_logout_clears_the_site_data(db, client):
    client.force_login(make_user("keluar"))
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "_auth_user_id" not in client.session


def test_csp_allows_the_worker_and_manifest(db, client):
    policy = client.get("/luring/")["Content-Security-Policy"]
    assert "worker-src 'self'" in policy and "manifest-src 'self'" in policy


@pytest.mark.parametrize("name", WORKBOX)
def test_make_install_vendors_workbox(name):
    folder = settings.BASE_DIR / "static" / "vendor" / "workbox"
    script = folder / f"workbox-{name}.prod.js"
    assert script.exists(), "run `make install` (npm ci copies Workbox here)"
    assert script.read_text().startswith(f"this.workbox=this.workbox||{{}},this.workbox.{name}")
    assert (folder / f"workbox-{name}.prod.js.map").exists()  # collectstatic follows the map
    lock = json.loads((settings.BASE_DIR / "package-lock.json").read_text())
    assert lock["packages"][f"node_modules/workbox-{name}"]["version"].startswith("7.")
