"""[H] 5. The dashboard and the course page show what is left before Kompeten (not only the
lessons), each item linked; every reason on /kompetensi/ links to where it is resolved."""

import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.models import RaterRole, Verdict, VerdictStatus
from assessments.services import (
    answer_save,
    attempt_start,
    attempt_submit,
    attitude_rate,
    observation_record,
)
from demo.factories import (
    correct_response,
    lessons_of,
    make_course,
    make_instrument,
    make_question,
    make_quiz,
    make_rubric,
    make_user,
)
from modules.models import ModulePage
from modules.services import enrollment_create, lesson_complete


def assessed(title="Bimtek Uji", *, volunteer=None):
    """A course with a pre-test, a post-test, a rubric and an attitude instrument, one per
    module (knowledge, skills, attitude)."""
    course = make_course(title=title, modules=3, lessons=1)
    knowledge, skills, attitude = ModulePage.objects.child_of(course).order_by("path")
    pre = make_quiz(knowledge, [make_question()], title=f"Pre-test {title}", role="pre_test")
    post = make_quiz(
        knowledge, [make_question(), make_question()], title=f"Post-test {title}", role="post_test"
    )
    world = {
        "course": course,
        "modules": (knowledge, skills, attitude),
        "pre": pre,
        "post": post,
        "rubric": make_rubric(skills),
        "instrument": make_instrument(attitude),
    }
    if volunteer is not None:
        enrollment_create(user=volunteer, course=course)
    return world


def take(user, quiz, right=True):
    attempt = attempt_start(by=user, quiz=quiz)
    for item in attempt.answers.select_related("question_version"):
        answer_save(
            by=user,
            attempt_id=attempt.pk,
            question_id=item.question_version_id,
            response=correct_response(item.question_version) if right else None,
            seq=1,
        )
    return attempt_submit(by=user, attempt_id=attempt.pk)


def read_all(user, course):
    for lesson in lessons_of(course):
        lesson_complete(by=user, lesson=lesson)


def finish(world, volunteer, trainer):
    version = world["rubric"].current_version
    top = version.data["levels"][3]["id"]
    observation_record(
        by=trainer,
        volunteer=volunteer,
        rubric=world["rubric"],
        levels={c["id"]: top for c in version.data["criteria"]},
    )
    instrument = world["instrument"]
    answers = {f"s{s.pk}": 1 if s.reverse_keyed else 5 for s in instrument.statements.all()}
    for rater, role in ((volunteer, RaterRole.SELF), (trainer, RaterRole.TRAINER)):
        attitude_rate(
            by=rater, volunteer=volunteer, instrument=instrument, role=role, answers=answers
        )


def block(html: str, marker: str) -> str:
    """The <ul> that follows `marker` in the page."""
    start = html.index(marker)
    return html[start : html.index("</ul>", start)]


TODO = "Sebelum Kompeten"


@pytest.mark.django_db
def test_dashboard_lists_what_is_left_after_the_last_lesson(client, volunteer):
    world = assessed(volunteer=volunteer)
    read_all(volunteer, world["course"])
    client.force_login(volunteer)
    page = client.get("/dashboard/").content.decode()
    assert "Semua pelajaran sudah selesai" in page
    todo = block(page, TODO)
    # No verdict is stored yet: the list comes from the course's assessments.
    assert not Verdict.objects.exists()
    assert f'href="/kuis/{world["post"].pk}/"' in todo
    assert f'href="/kuis/{world["pre"].pk}/"' not in todo  # a pre-test never counts
    assert f'href="/bukti/{world["rubric"].pk}/"' in todo
    assert f'href="/sikap/{world["instrument"].pk}/"' in todo
    assert "Kuis “Post-test Bimtek Uji” belum dikerjakan." in todo


@pytest.mark.django_db
def test_dashboard_and_course_page_follow_the_stored_verdict(client, volunteer, trainer, commit):
    world = assessed(volunteer=volunteer)
    course = world["course"]
    client.force_login(volunteer)
    with commit():
        take(volunteer, world["post"], right=False)
    assert Verdict.objects.get().status == VerdictStatus.BELUM_KOMPETEN
    for url in ("/dashboard/", course.url):
        todo = block(client.get(url).content.decode(), TODO)
        # Taken, but below its pass mark: still to do, still linked to the quiz.
        assert f'href="/kuis/{world["post"].pk}/"' in todo, url
        assert "belum mencapai nilai lulus" in todo, url
        # Unread lessons: each unfinished module links to its place on the course page.
        for module in world["modules"]:
            assert f'href="{course.url}#module-{module.pk}"' in todo, url
        assert f'href="/sikap/{world["instrument"].pk}/"' in todo, url

    with commit():
        read_all(volunteer, course)
        take(volunteer, world["post"])
        finish(world, volunteer, trainer)
    assert Verdict.objects.get().status == VerdictStatus.KOMPETEN
    for url in ("/dashboard/", course.url):
        page = client.get(url).content.decode()
        assert TODO not in page, url
        assert "✓ Kompeten" in page, url


@pytest.mark.django_db
def test_course_page_before_any_result(client, volunteer):
    world = assessed(volunteer=volunteer)
    client.force_login(volunteer)
    todo = block(client.get(world["course"].url).content.decode(), TODO)
    assert f'href="/kuis/{world["post"].pk}/"' in todo
    assert f'href="/bukti/{world["rubric"].pk}/"' in todo
    # Anonymous visitors and the unenrolled see no such list.
    client.logout()
    assert TODO not in client.get(world["course"].url).content.decode()


def reason_links(html: str) -> list[tuple[str, str]]:
    """(href, text) of each reason under "Why not yet", or None where a reason has no link."""
    found = []
    for item in re.findall(r"<li>(.*?)</li>", block(html, 'class="reasons"'), re.S):
        link = re.fullmatch(r'<a href="([^"]*)">(.*)</a>', item.strip(), re.S)
        found.append((link.group(1), link.group(2)) if link else None)
    return found


@pytest.mark.django_db
def test_every_reason_on_the_profile_links_to_where_it_is_resolved(
    client, volunteer, trainer, commit
):
    world = assessed(volunteer=volunteer)
    course = world["course"]
    knowledge, skills, attitude = world["modules"]
    client.force_login(volunteer)
    with commit():
        take(volunteer, world["post"], right=False)
    links = reason_links(client.get("/kompetensi/").content.decode())
    assert None not in links
    hrefs = [href for href, _text in links]
    assert hrefs == [
        f"/kuis/{world['post'].pk}/",  # below its pass mark
        f"/bukti/{world['rubric'].pk}/",  # not observed: the evidence upload
        f"/sikap/{world['instrument'].pk}/",  # self-assessment missing
        f"{course.url}#module-{attitude.pk}",  # the trainer's rating: where the instrument is
        f"{course.url}#module-{knowledge.pk}",  # knowledge below the minimum
        f"{course.url}#module-{knowledge.pk}",  # unfinished modules
        f"{course.url}#module-{skills.pk}",
        f"{course.url}#module-{attitude.pk}",
    ]

    # A reason stored before reasons carried ids still links: to the course page.
    Verdict.objects.update(reasons=[{"code": "quiz_not_taken", "quiz": "Kuis lama"}])
    assert reason_links(client.get("/kompetensi/").content.decode()) == [
        (course.url, "Kuis “Kuis lama” belum dikerjakan.")
    ]


@pytest.mark.django_db
def test_the_trainers_competency_page_links_to_the_trainers_pages(
    client, volunteer, trainer, commit
):
    world = assessed(volunteer=volunteer)
    world["course"].trainers.add(trainer)
    world["course"].save()
    with commit():
        take(volunteer, world["post"])
    client.force_login(trainer)
    page = client.get(f"/pelatih/kompetensi/{world['course'].pk}/{volunteer.pk}/")
    hrefs = {href for href, _text in filter(None, reason_links(page.content.decode()))}
    assert f"/pelatih/observasi/{world['rubric'].pk}/{volunteer.pk}/" in hrefs
    assert f"/pelatih/sikap/{world['instrument'].pk}/{volunteer.pk}/" in hrefs


def dashboard_queries(client, user, n_courses: int, *, with_verdict: bool) -> int:
    for i in range(n_courses):
        world = assessed(f"Kursus {n_courses} {i} {with_verdict}", volunteer=user)
        if with_verdict:
            Verdict.objects.create(
                volunteer=user,
                course=world["course"],
                status=VerdictStatus.BELUM_KOMPETEN,
                knowledge=Decimal(50),
                reasons=[{"code": "quiz_not_taken", "quiz": "x", "quiz_id": world["post"].pk}],
                computed_at="2026-01-01T00:00Z",
            )
    client.force_login(user)
    cache.clear()
    client.get("/dashboard/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/dashboard/").status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_dashboard_queries_do_not_grow_with_courses(client):
    counts = [
        dashboard_queries(client, make_user(f"u{n}{v}"), n, with_verdict=v)
        for v in (False, True)
        for n in (1, 3)
    ]
    # Before any result: the verdicts (none) and the courses' instruments (3); after: the
    # verdicts only. As many courses as there are.
    assert counts == [7 + 4, 7 + 4, 7 + 1, 7 + 1], counts
