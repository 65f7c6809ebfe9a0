"""The district office's reports run a fixed number of queries, however many volunteers
there are."""

import pytest

from certificates.models import CertificateTemplate
from demo.factories import lessons_of
from modules.models import LessonCompletion
from people.models import District
from reports import selectors

from .report_helpers import (
    BK,
    URL,
    K,
    at,
    certificate,
    enrol,
    make_volunteer,
    report_world,
    unit_entry,
    verdict,
)


@pytest.fixture
def world(db):
    return report_world()


@pytest.fixture
def admin_client(client, office_admin):
    client.force_login(office_admin)
    return client


# --- A fixed number of queries, however many volunteers -------------------------------------


def add_volunteers(world, count, start):
    """More volunteers of every kind: enrolled, done, verdicts, cohort, certificates."""
    template = CertificateTemplate.objects.get()
    lessons = lessons_of(world.dasar)
    for n in range(start, start + count):
        user = make_volunteer(f"extra{n}", district=("Manna", "Pino")[n % 2], village=f"Desa {n}")
        enrol(user, world.dasar, at(2026, 1, 11))
        LessonCompletion.objects.create(user=user, lesson=lessons[0])
        if n % 3:
            verdict(
                user,
                world.dasar,
                (K, BK)[n % 2],
                when=at(2026, 2, 3),
                knowledge=70 + n % 20,
                units=[unit_entry("PSM.02", (K, BK)[n % 2], skills=60 + n % 30)],
            )
        if n % 3 == 1:
            certificate(user, world.dasar, f"X{n}/2026", issued=at(2026, 2, 4), template=template)
        world.cohort.members.add(user)
    world.cohort.save()


# Each report and export, and the exact number of queries it runs (a new query fails CI;
# change a number only with the reason): the same with 5 and with 40 volunteers.
REPORT_REQUESTS = [
    ("summary", {}, 15),
    ("per_area", {}, 12),
    ("list", {}, 12),
    ("list", {"export": "xlsx"}, 7),
    ("results", {"group_by": "cohort"}, 18),
    ("results", {"group_by": "district", "export": "csv"}, 10),
    ("weakest", {}, 15),
    ("weakest", {"export": "csv"}, 8),
    ("certificates", {"period_from": "2026-01-01"}, 12),
]


@pytest.mark.parametrize(("name", "params", "queries"), REPORT_REQUESTS)
def test_report_queries_do_not_grow_with_volunteers(
    admin_client, world, django_assert_num_queries, name, params, queries
):
    def fetch():
        response = admin_client.get(URL[name], params)
        if response.streaming:
            b"".join(response.streaming_content)  # a streamed CSV queries as it is read
        assert response.status_code == 200

    fetch()  # warm the per-process caches (content types, site root paths)
    add_volunteers(world, 1, start=0)  # 5 volunteers
    with django_assert_num_queries(queries):
        fetch()
    add_volunteers(world, 35, start=1)  # 40 volunteers
    with django_assert_num_queries(queries):
        fetch()


def test_selectors_query_counts(world, django_assert_num_queries):
    add_volunteers(world, 20, start=0)
    scope = selectors.Scope(since=at(2026, 1, 1), district_id=District.objects.first().pk)
    for call, queries in [
        (lambda: selectors.volunteers_per_area(), 1),
        (lambda: selectors.volunteer_list(), 1),
        # 3 small reads of the page tree (required lessons per course) + the count
        (lambda: selectors.course_results(scope=scope), 4),
        (lambda: selectors.course_results(scope=scope, group_by="district"), 4),
        (lambda: selectors.course_results(scope=selectors.Scope(), group_by="cohort"), 5),
        (lambda: selectors.weakest_areas(scope=scope), 2),
        (lambda: selectors.certificate_counts(since=at(2026, 1, 1)), 1),
        (lambda: selectors.district_summary(), 1),
    ]:
        with django_assert_num_queries(queries):
            call()
