"""Read the demo curriculum from demo/data/ into the plain structures seed_demo consumes.

Layout (all UTF-8):

- ``catalogue.yaml``: ``courses``, the course slugs in the order they are added.
- ``courses/<course>/course.yaml``: the course page's fields and its ``modules`` in order; each
  module lists its ``lessons`` by slug.
- ``courses/<course>/<module>/<lesson>.md``: one lesson. YAML front matter between ``---``
  lines gives ``title`` and ``intro``; the body follows as blocks separated by blank lines:

  - ``## text``: a heading (one line);
  - a fence ```` ```callout ```` (or ``quote``, ``glossary``, ``table``) up to a line ```` ``` ````:
    that block, its value the YAML mapping inside the fence;
  - anything else: a paragraph of rich-text HTML; its lines are joined with one space.
- ``volunteers.yaml``: the demo volunteers.
- ``assessments/``: ``units.yaml``, ``questions.yaml``, ``quizzes.yaml`` (where the pre-test
  and post-test sit and the pre-test's question keys), ``rubric.yaml`` and ``attitude.yaml``.

A malformed file raises DemoDataError naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"
FENCED_BLOCKS = frozenset({"callout", "quote", "glossary", "table"})
COURSE_KEYS = ("slug", "title", "summary", "jp", "objectives", "tags", "self_enrol", "modules")
MODULE_KEYS = (
    "slug",
    "title",
    "domain",
    "jp",
    "required",
    "requires_previous",
    "objectives",
    "tags",
    "lessons",
)

STARTS = ("```", "## ")  # a line starting so ends a paragraph even without a blank line
Block = tuple[str, Any]


class DemoDataError(ValueError):
    """A demo data file is missing or malformed; the message starts with its path."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path


@dataclass(frozen=True)
class Assessments:
    units: list[dict]
    questions: list[dict]
    pre_test_keys: list[str]
    pre_test_module_slug: str
    post_test_module_slug: str
    rubric: dict
    attitude: dict


def _parse(text: str, path: Path, expected: type, what: str = "the file") -> Any:
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise DemoDataError(path, f"not valid YAML: {error}") from error
    if not isinstance(value, expected):
        raise DemoDataError(path, f"{what} must be a YAML {expected.__name__}")
    return value


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DemoDataError(path, f"cannot be read: {error}") from error


def _yaml(path: Path, expected: type = dict) -> Any:
    return _parse(_read(path), path, expected)


def _require(mapping: dict, keys: tuple[str, ...], path: Path, what: str) -> None:
    missing = [key for key in keys if key not in mapping]
    if missing:
        raise DemoDataError(path, f"{what} lacks {', '.join(missing)}")


def _body(lines: list[str], path: Path, first_line: int) -> list[Block]:
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
        elif line.startswith("```"):
            kind = line[3:].strip()
            end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == "```"), None)
            where = f"line {first_line + i}"
            if kind not in FENCED_BLOCKS:
                known = ", ".join(sorted(FENCED_BLOCKS))
                raise DemoDataError(path, f"{where}: unknown block {kind!r} (known: {known})")
            if end is None:
                raise DemoDataError(path, f"{where}: the {kind} block has no closing ```")
            value = _parse("\n".join(lines[i + 1 : end]), path, dict, f"the {kind} at {where}")
            blocks.append((kind, value))
            i = end + 1
        elif line.startswith("## "):
            blocks.append(("heading", line[3:].strip()))
            i += 1
        else:
            end = i
            while end < len(lines) and lines[end].strip() and not lines[end].startswith(STARTS):
                end += 1
            blocks.append(("paragraph", " ".join(part.strip() for part in lines[i:end])))
            i = end
    return blocks


def read_lesson(path: Path) -> dict:
    """One lesson file: {"slug", "title", "intro", "body": [(block_type, value), ...]}."""
    lines = _read(path).splitlines()
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if not lines or lines[0].strip() != "---" or end is None:
        raise DemoDataError(path, "must start with YAML front matter between two --- lines")
    front = _parse("\n".join(lines[1:end]), path, dict, "the front matter")
    _require(front, ("title", "intro"), path, "the front matter")
    body = _body(lines[end + 1 :], path, first_line=end + 2)
    return {"slug": path.stem, "title": front["title"], "intro": front["intro"], "body": body}


def _course(folder: Path) -> dict:
    path = folder / "course.yaml"
    course = _yaml(path)
    _require(course, COURSE_KEYS, path, "the course")
    for position, module in enumerate(course["modules"], start=1):
        if not isinstance(module, dict):
            raise DemoDataError(path, f"module {position} must be a mapping")
        _require(module, MODULE_KEYS, path, f"module {position}")
        listed = [folder / module["slug"] / f"{slug}.md" for slug in module["lessons"]]
        missing = [str(p.relative_to(folder)) for p in listed if not p.is_file()]
        if missing:
            raise DemoDataError(path, f"lesson files missing: {', '.join(missing)}")
        stray = set((folder / module["slug"]).glob("*.md")) - set(listed)
        if stray:
            names = ", ".join(sorted(p.name for p in stray))
            raise DemoDataError(path, f"module {module['slug']} does not list {names}")
        module["lessons"] = [read_lesson(p) for p in listed]
    return course


def load_courses(root: Path = DATA) -> list[dict]:
    """The courses in catalogue order, each with its modules and their lessons."""
    path = root / "catalogue.yaml"
    catalogue = _yaml(path)
    _require(catalogue, ("courses",), path, "the catalogue")
    return [_course(root / "courses" / slug) for slug in catalogue["courses"]]


def load_volunteers(root: Path = DATA) -> list[dict]:
    return _yaml(root / "volunteers.yaml", list)


def load_assessments(root: Path = DATA) -> Assessments:
    folder = root / "assessments"
    quizzes_path = folder / "quizzes.yaml"
    quizzes = _yaml(quizzes_path)
    _require(quizzes, ("pre_test", "post_test"), quizzes_path, "the file")
    try:
        pre_keys = quizzes["pre_test"]["questions"]
        pre_slug = quizzes["pre_test"]["module_slug"]
        post_slug = quizzes["post_test"]["module_slug"]
    except (KeyError, TypeError) as error:
        problem = "needs pre_test (module_slug, questions) and post_test (module_slug)"
        raise DemoDataError(quizzes_path, problem) from error
    return Assessments(
        units=_yaml(folder / "units.yaml", list),
        questions=_yaml(folder / "questions.yaml", list),
        pre_test_keys=pre_keys,
        pre_test_module_slug=pre_slug,
        post_test_module_slug=post_slug,
        rubric=_yaml(folder / "rubric.yaml"),
        attitude=_yaml(folder / "attitude.yaml"),
    )
