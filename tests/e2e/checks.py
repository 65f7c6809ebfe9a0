"""Checks run on every public page a journey visits: axe-core and untranslated English."""

import re
from pathlib import Path
from urllib.parse import urlsplit

ARTIFACTS = Path(__file__).parent / "artifacts"
VIEWPORTS = {
    "phone": {"width": 360, "height": 740},
    "desktop": {"width": 1280, "height": 800},
}

# English UI words that the Indonesian translation replaces. None of them is used in the
# Indonesian demo content or in a proper name, so any of them in an Indonesian page is an
# untranslated string. ("Admin", "Status", "Email", "PDF", "JP", "Kompeten" stay the same in
# both languages and are left out on purpose.)
ENGLISH_UI_WORDS = [
    "Save",
    "Submit",
    "Log in",
    "Log out",
    "Password",
    "Dashboard",
    "Next",
    "Previous",
    "Course",
    "Courses",
    "Lesson",
    "Lessons",
    "Certificate",
    "Download",
    "Upload",
    "Search",
    "Register",
    "Knowledge",
    "Skills",
    "Attitude",
    "Score",
    "Language",
    "Change",
    "Continue",
    "Mark as done",
    "My competency",
    "Valid",
    "Revoked",
    "Reason",
    "Issued",
    "Verify",
    "Trainer",
    "Observe",
    "Time left",
    "Saved",
    "Not sent yet",
]
ENGLISH_RE = re.compile(r"\b(" + "|".join(re.escape(w) for w in ENGLISH_UI_WORDS) + r")\b")


class SiteChecks:
    """Visits pages, and for every public page runs axe-core and looks for English UI words
    while the site is in Indonesian. Collects the findings; `assert_clean` fails with all of
    them at the end of a journey. Also saves screenshots of the key screens."""

    def __init__(self, base_url: str, viewport: str, journey: str = ""):
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.base_url = base_url
        self.viewport = viewport
        # Each journey its own folder: a new SiteChecks clears its folder's old screenshots.
        self.folder = ARTIFACTS / viewport / journey if journey else ARTIFACTS / viewport
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("*.png"):
            old.unlink()
        self.shots = 0
        self.checked: set[str] = set()
        self.a11y: dict[str, list[str]] = {}
        self.english: dict[str, list[str]] = {}
        self.pages: list[str] = []

    def check(self, page, shot: str | None = None, *, indonesian: bool = True) -> None:
        page.wait_for_load_state("load")
        path = urlsplit(page.url).path
        if shot:
            self.shots += 1
            page.screenshot(path=str(self.folder / f"{self.shots:02d}-{shot}.png"), full_page=True)
        if path.startswith("/admin/"):
            return  # Wagtail's own admin: excluded from axe and from the language check
        key = f"{path} [{'id' if indonesian else 'en'}]"
        if key in self.checked and not shot:
            return  # an unnamed revisit of a page already checked; key screens always are
        self.checked.add(key)
        self.pages.append(key)
        results = self.axe.run(page)
        assert results.response["passes"], f"axe-core checked nothing on {key}"
        serious = [
            f"{v['impact']}: {v['id']} ({v['help']}) at "
            + ", ".join(str(n["target"]) for n in v["nodes"][:3])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            self.a11y[key] = serious
        if indonesian:
            lang = page.get_attribute("html", "lang")
            found = sorted(set(ENGLISH_RE.findall(page.inner_text("body"))))
            if lang != "id":
                found.insert(0, f'<html lang="{lang}">')
            if found:
                self.english[key] = found

    def assert_clean(self) -> None:
        print(f"[{self.viewport}] checked {len(self.pages)} public pages: " + ", ".join(self.pages))
        assert self.pages, "no public page was checked"
        problems = []
        for url, items in self.a11y.items():
            problems.append(f"axe serious/critical on {url}:\n    " + "\n    ".join(items))
        for url, words in self.english.items():
            problems.append(f"English UI words on Indonesian page {url}: {', '.join(words)}")
        assert not problems, f"[{self.viewport}] " + "\n".join(problems)
