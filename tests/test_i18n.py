from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENGLISH_UI_WORDS = ["Log in", "Register", "Courses", "My dashboard", "Search", "Language"]


def po_entries(path: Path):
    """Yield (msgid, msgstr, fuzzy) from a .po file; enough of the format for this check."""
    entries, current, fuzzy, key = [], {}, False, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if current.get("msgid"):
                entries.append((current["msgid"], current.get("msgstr", ""), fuzzy))
            current, fuzzy, key = {}, False, None
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith(("msgid ", "msgstr ", "msgid_plural ", "msgstr[0] ")):
            key, _, rest = line.partition(" ")
            key = {"msgstr[0]": "msgstr"}.get(key, key)
            current[key] = rest.strip().strip('"')
        elif line.startswith('"') and key:
            current[key] = current.get(key, "") + line.strip().strip('"')
    return entries


@pytest.mark.parametrize("domain", ["django"])
def test_every_string_is_translated_into_indonesian(domain):
    po = ROOT / "locale" / "id" / "LC_MESSAGES" / f"{domain}.po"
    entries = po_entries(po)
    assert len(entries) > 150
    missing = [msgid for msgid, msgstr, fuzzy in entries if not msgstr or fuzzy]
    assert missing == []
    mo = po.with_suffix(".mo")
    assert mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime - 1


@pytest.mark.django_db
def test_indonesian_is_the_default_whatever_the_browser_says(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="id"' in page
    assert "Masuk" in page
    for word in ENGLISH_UI_WORDS:
        assert f">{word}<" not in page, word


@pytest.mark.django_db
def test_language_switch_to_english_and_back(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/pelatihan/"})
    assert response.status_code == 302
    page = client.get("/pelatihan/").content.decode()
    assert 'lang="en"' in page and ">Log in<" in page
    client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    assert 'lang="id"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_registration_page_is_fully_indonesian(client):
    page = client.get("/accounts/register/").content.decode()
    for english in ["Full name", "Date of birth", ">Password", "I agree", "(optional)"]:
        assert english not in page, english
