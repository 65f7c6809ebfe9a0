"""The quiz pages as a volunteer meets them (issue H): "Kirim" asks first and names the
unanswered questions (item 1), matching questions read whole and their review shows the right
pairs (item 2), and every number is in the reader's locale (item 9)."""

import re
from decimal import Decimal

import pytest

from assessments.models import Attempt, AttemptStatus
from assessments.services import answer_mark, answer_save, attempt_start, attempt_submit
from core.errors import DomainError
from demo.factories import correct_response, make_course, make_question, make_quiz
from modules.models import ModulePage
from modules.services import enrollment_create

LISTED = re.compile(r'href="/kuis/percobaan/\d+/#question-\d+">Soal (\d+)<')


def answers_in_order(attempt):
    return list(attempt.answers.select_related("question_version").order_by("position"))


@pytest.fixture
def module(db, volunteer):
    course = make_course(modules=1, lessons=1)
    enrollment_create(user=volunteer, course=course)
    return ModulePage.objects.child_of(course).get()


@pytest.fixture
def three_singles(module):
    return make_quiz(module, [make_question("single", text=f"Soal {i}") for i in range(3)])


def started(client, volunteer, quiz):
    client.force_login(volunteer)
    client.post(f"/kuis/{quiz.pk}/mulai/")
    return Attempt.objects.get(user=volunteer, quiz=quiz)


# -- item 1: "Kirim" asks first -------------------------------------------------------------


@pytest.mark.django_db
def test_plain_submit_saves_then_asks_naming_the_unanswered_by_number(
    client, volunteer, three_singles
):
    attempt = started(client, volunteer, three_singles)
    first, *_rest = answers_in_order(attempt)
    right = correct_response(first.question_version)
    response = client.post(
        f"/kuis/percobaan/{attempt.pk}/", {f"q{first.question_version_id}": right, "submit": "1"}
    )
    assert response.status_code == 302
    assert response.url == f"/kuis/percobaan/{attempt.pk}/kirim/"
    attempt.refresh_from_db()
    first.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS  # nothing is sent without a yes
    assert first.response == right  # ...but the answer given is kept
    page = client.get(response.url).content.decode()
    assert LISTED.findall(page) == ["2", "3"]
    assert "Kembali menjawab" in page and "Ya, kirim sekarang" in page
    # The confirmation form carries no answers: it must not blank the saved ones.
    response = client.post(f"/kuis/percobaan/{attempt.pk}/kirim/")
    assert response.url == f"/kuis/percobaan/{attempt.pk}/hasil/"
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED and attempt.score == 1


@pytest.mark.django_db
def test_confirmation_with_everything_answered_lists_nothing(client, volunteer, three_singles):
    attempt = started(client, volunteer, three_singles)
    post = {"submit": "1"}
    for answer in answers_in_order(attempt):
        post[f"q{answer.question_version_id}"] = correct_response(answer.question_version)
    response = client.post(f"/kuis/percobaan/{attempt.pk}/", post)
    page = client.get(response.url).content.decode()
    assert LISTED.findall(page) == []
    assert "Semua soal sudah dijawab" in page


@pytest.mark.django_db
def test_the_attempt_page_carries_the_confirmation_for_the_script(client, volunteer, three_singles):
    attempt = started(client, volunteer, three_singles)
    page = client.get(f"/kuis/percobaan/{attempt.pk}/").content.decode()
    assert '<dialog id="submit-confirm"' in page
    # Every question's entry is in the dialog, hidden until the script finds it unanswered.
    entries = re.findall(
        r'<li data-question="\d+" hidden><a href="#question-\d+">Soal (\d+)<', page
    )
    assert entries == ["1", "2", "3"]


@pytest.mark.django_db
def test_confirmation_page_of_a_submitted_attempt_goes_to_the_result(
    client, volunteer, three_singles
):
    attempt = started(client, volunteer, three_singles)
    attempt_submit(by=volunteer, attempt_id=attempt.pk)
    response = client.get(f"/kuis/percobaan/{attempt.pk}/kirim/")
    assert response.url == f"/kuis/percobaan/{attempt.pk}/hasil/"


@pytest.mark.django_db
def test_unanswered_is_shown_as_not_answered_not_as_wrong(client, volunteer, module):
    numeric = make_question("numeric", numeric_answer=5, numeric_tolerance=0)
    quiz = make_quiz(module, [make_question("single"), make_question("multiple"), numeric])
    attempt = started(client, volunteer, quiz)
    by_kind = {a.question_version.kind: a for a in answers_in_order(attempt)}
    wrong = next(c["id"] for c in by_kind["single"].question_version.data["choices"][1:])
    for kind, response in (("single", wrong), ("multiple", []), ("numeric", 0)):
        answer_save(
            by=volunteer,
            attempt_id=attempt.pk,
            question_id=by_kind[kind].question_version_id,
            response=response,
            seq=1,
        )
    attempt_submit(by=volunteer, attempt_id=attempt.pk)
    page = client.get(f"/kuis/percobaan/{attempt.pk}/hasil/").content.decode()
    # single: answered wrong; multiple: nothing ticked; numeric: 0 is an answer (wrong).
    assert page.count("Tidak dijawab") == 1
    assert page.count("Tidak benar") == 2


# -- item 2: matching questions --------------------------------------------------------------


@pytest.fixture
def matching_quiz(module):
    question = make_question("matching", text="Pasangkan fungsi PSM")
    return make_quiz(module, [question], review_correct_answers=True)


@pytest.mark.django_db
def test_matching_options_are_whole_radio_labels_not_a_select(client, volunteer, matching_quiz):
    attempt = started(client, volunteer, matching_quiz)
    (answer,) = answers_in_order(attempt)
    qid = answer.question_version_id
    page = client.get(f"/kuis/percobaan/{attempt.pk}/").content.decode()
    form = page.split('id="quiz-form"')[1].split("</form>")[0]
    assert "<select" not in form
    for item in answer.question_version.data["choices"]:
        # every match is offered as its own labelled radio under every left-hand item
        for match in answer.question_version.data["choices"]:
            assert re.search(
                rf'<input type="radio" name="q{qid}_{item["id"]}" value="{match["id"]}"[^>]*>'
                rf"\s*<span>{match['match']}</span>",
                page,
            ), (item["id"], match["id"])
    post = {f"q{qid}_{c['id']}": c["id"] for c in answer.question_version.data["choices"]}
    client.post(f"/kuis/percobaan/{attempt.pk}/", {**post, "save": "1"})
    answer.refresh_from_db()
    assert answer.response == correct_response(answer.question_version)
    page = client.get(f"/kuis/percobaan/{attempt.pk}/").content.decode()
    assert page.count(" checked>") == 3  # the saved pairs are shown again


@pytest.mark.django_db
def test_matching_review_shows_the_right_pairs(client, volunteer, matching_quiz):
    attempt = started(client, volunteer, matching_quiz)
    attempt_submit(by=volunteer, attempt_id=attempt.pk)
    page = client.get(f"/kuis/percobaan/{attempt.pk}/hasil/").content.decode()
    pairs = re.findall(r'<li class="pair">(.*?)</li>', page)
    assert sorted(pairs) == [f"Langkah {i} → Pasangan {i}" for i in (1, 2, 3)]  # as shown


@pytest.mark.django_db
def test_ordering_review_lists_the_items_in_the_right_order(client, volunteer, module):
    quiz = make_quiz(module, [make_question("ordering")], review_correct_answers=True)
    attempt = started(client, volunteer, quiz)
    attempt_submit(by=volunteer, attempt_id=attempt.pk)
    page = client.get(f"/kuis/percobaan/{attempt.pk}/hasil/").content.decode()
    assert re.findall(r'<li class="in-order">(.*?)</li>', page) == [
        "Langkah 1",
        "Langkah 2",
        "Langkah 3",
    ]


# -- item 9: numbers in the reader's locale --------------------------------------------------


@pytest.mark.django_db
def test_quiz_pages_write_numbers_the_indonesian_way(client, volunteer, module):
    numeric = make_question("numeric", numeric_answer=Decimal("26"), numeric_tolerance=0)
    questions = [make_question("single", points=1), make_question("single", points=2), numeric]
    quiz = make_quiz(module, questions, review_correct_answers=True, pass_percent=Decimal("70"))
    attempt = started(client, volunteer, quiz)
    page = client.get(f"/kuis/percobaan/{attempt.pk}/").content.decode()
    assert "(1 poin)" in page and "(2 poin)" in page and "1.00" not in page
    first = next(a for a in answers_in_order(attempt) if a.question_version.points == 1)
    answer_save(
        by=volunteer,
        attempt_id=attempt.pk,
        question_id=first.question_version_id,
        response=correct_response(first.question_version),
        seq=1,
    )
    attempt_submit(by=volunteer, attempt_id=attempt.pk)
    result = client.get(f"/kuis/percobaan/{attempt.pk}/hasil/").content.decode()
    assert "25%" in result  # 1 of 4 points
    assert "1 dari 4 poin" in result
    assert "nilai lulus 70%" in result
    assert "26.0000" not in result and ">26<" in result.replace("Jawaban yang benar: ", ">")
    detail = client.get(f"/kuis/{quiz.pk}/").content.decode()
    assert "Nilai lulus: 70%" in detail and "25%" in detail


@pytest.mark.django_db
def test_essay_score_error_gives_the_points_without_decimals(volunteer, trainer, module):
    quiz = make_quiz(module, [make_question("essay", points=4)])
    attempt = attempt_start(by=volunteer, quiz=quiz)
    attempt_submit(by=volunteer, attempt_id=attempt.pk)
    answer = attempt.answers.get()
    from django.utils import translation

    with translation.override("id"), pytest.raises(DomainError) as error:
        answer_mark(by=trainer, answer_id=answer.pk, score=Decimal("4.5"))
    assert error.value.message == "Nilai harus antara 0 dan 4."
