"""Pytest fixtures. The builders they use (make_user, make_course, make_quiz …) live in
demo/factories.py, shared with bench/."""

import itertools
import types

import pytest

from demo.factories import make_course, make_user


@pytest.fixture(autouse=True)
def _fresh_version_cache():
    # Test databases roll back and reuse ids; a real database never reuses a version id.
    from django.core.cache import cache, caches

    from assessments.services import _FROZEN_VERSIONS
    from core.cache import clear_local

    _FROZEN_VERSIONS.clear()
    cache.clear()  # cached routes, course structures and permissions of a rolled-back test
    clear_local()
    caches["chrome"].clear()  # the page chrome, in case a test changes languages or URLs


_RATE_DAYS = itertools.count()


@pytest.fixture(autouse=True)
def _one_rate_window(monkeypatch):
    """Rate limits count in fixed windows (60 s to an hour): a test whose requests straddle a
    window's end saw its count start again and passed or failed by the clock. The limiter's
    clock stands still for each test at the start of a day of its own, which starts every
    window, so no two tests share a counter either."""
    import core.ratelimit

    frozen = 2_000_000_000 - 2_000_000_000 % 86_400 + next(_RATE_DAYS) * 86_400
    monkeypatch.setattr(core.ratelimit, "time", types.SimpleNamespace(time=lambda: frozen))


@pytest.fixture
def volunteer(db):
    return make_user("relawan1", phone="+6281211110001")


@pytest.fixture
def other_volunteer(db):
    return make_user("relawan2", phone="+6281211110002")


@pytest.fixture
def trainer(db):
    return make_user("pelatih1", "Pelatih")


@pytest.fixture
def office_admin(db):
    return make_user("admin1", "Admin Dinsos")


@pytest.fixture
def course(db):
    return make_course()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit():` runs on_commit work (verdict recompute, certificates) as a real
    commit would, inside the test's transaction."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def test_kind(monkeypatch):
    """A notification kind of the tests' own, registered for one test."""
    from django.utils.translation import gettext_lazy as _

    from notifications import kinds
    from notifications.kinds import Kind

    kind = Kind(
        key="test_event",
        label=_("A test event"),
        title="Test %(what)s",
        body="Body %(what)s",
        url=lambda n: "/dashboard/",
    )
    monkeypatch.setitem(kinds.KINDS, kind.key, kind)
    return kind
