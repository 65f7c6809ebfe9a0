"""Quiz item analysis: hand-computed facility, discrimination, choice counts and flags, the
counting rules (first attempt per volunteer), constant query counts and who may see it."""

import csv
import io
import re
import statistics
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.analysis import quiz_item_analysis
from assessments.services import answer_mark, answer_save, attempt_start, attempt_submit
from demo.factories import make_course, make_question, make_quiz, make_user
from modules.models import ModulePage
from modules.services import enrollment_create


def choice_ids(question) -> list[str]:
    """The ids of a question's choices in authoring order (A, B, C from the factory)."""
    return [c["id"] for c in question.current_version.data["choices"]]


def take(user, quiz, answers: dict) -> None:
    """One attempt through the real services: start, save each given answer, submit."""
    attempt = attempt_start(by=user, quiz=quiz)
    for question, response in answers.items():
        answer_save(
            by=user,
            attempt_id=attempt.pk,
            question_id=question.current_version_id,
            response=response,
            seq=1,
        )
    attempt_submit(by=user, attempt_id=attempt.pk)


def volunteers(course, count: int, prefix: str = "rv") -> list:
    people = []
    for i in range(count):
        person = make_user(f"{prefix}{i}")
        enrollment_create(user=person, course=course)
        people.append(person)
    return people


@pytest.fixture
def world(db, trainer):
    course = make_course(modules=1, lessons=1)
    course.trainers.add(trainer)
    course.save()
    module = ModulePage.objects.child_of(course).get()
    return {"course": course, "module": module}


@pytest.fixture
def classroom(world):
    """Ten volunteers, four questions (max 7 points): single-choice items of 1 point whose
    right answer is A, and a 4-point multiple choice (A and C right, partial credit)."""
    easy = make_question("single", text="Siapa yang membina PSM di kabupaten?")
    hard = make_question("single", text="Pasal berapa yang mengatur IPSM?")
    reverse = make_question("single", text="Apa langkah pertama kunjungan rumah?")
    normal = make_question("multiple", text="Tugas PSM", points=4, partial_credit=True)
    quiz = make_quiz(world["module"], [easy, hard, reverse, normal])
    A, B, C = 0, 1, 2
    pattern = [  # easy, hard, reverse, normal      -> total of 7
        (A, B, A, [A, C]),  # v0: 1 + 0 + 1 + 4      = 6
        (A, B, B, [A, C]),  # v1: 1 + 0 + 0 + 4      = 5
        (A, B, B, [A, C]),  # v2                      = 5
        (A, B, A, [A]),  # v3: 1 + 0 + 1 + 2 (half)  = 4
        (A, B, B, [A]),  # v4: 1 + 0 + 0 + 2         = 3
        (A, B, A, [C]),  # v5: 1 + 0 + 1 + 2         = 4
        (A, C, B, [C]),  # v6: 1 + 0 + 0 + 2         = 3
        (A, C, A, [B]),  # v7: 1 + 0 + 1 + 0         = 2
        (A, C, A, [A, B]),  # v8: A right, B wrong: 0 = 2
        (A, None, A, None),  # v9: two left blank    = 2
    ]
    people = volunteers(world["course"], len(pattern))
    ids = {q: choice_ids(q) for q in (easy, hard, reverse, normal)}
    for person, (e, h, r, n) in zip(people, pattern, strict=True):
        answers = {easy: ids[easy][e], reverse: ids[reverse][r]}
        if h is not None:
            answers[hard] = ids[hard][h]
        if n is not None:
            answers[normal] = [ids[normal][i] for i in n]
        take(person, quiz, answers)
    # A retake (all right) by v1 and an attempt still open must change nothing.
    take(people[1], quiz, {easy: ids[easy][A], hard: ids[hard][A], reverse: ids[reverse][A]})
    late = volunteers(world["course"], 1, prefix="telat")[0]
    attempt_start(by=late, quiz=quiz)
    return {"quiz": quiz, "easy": easy, "hard": hard, "reverse": reverse, "normal": normal}


def by_question(analysis) -> dict:
    return {item.question_id: item for item in analysis.items}


@pytest.mark.django_db
def test_groups_count_first_attempts_only(classroom):
    analysis = quiz_item_analysis(quiz=classroom["quiz"])
    # Totals 6,5,5,4,4,3,3,2,2,2: 27 % of 10 is 2.7 -> 3 per group; the 3rd highest total is 5
    # and the 3rd lowest 2, with no tie across either cut.
    assert (analysis.attempts, analysis.waiting, analysis.group_size) == (10, 0, 3)
    assert (analysis.top_n, analysis.bottom_n) == (3, 3)
    assert [item.question_id for item in analysis.items] == [
        classroom[key].pk for key in ("easy", "hard", "reverse", "normal")
    ]
    assert all(item.n == 10 for item in analysis.items)


@pytest.mark.django_db
def test_facility_and_discrimination_match_the_hand_computation(classroom):
    items = by_question(quiz_item_analysis(quiz=classroom["quiz"]))
    easy, hard = items[classroom["easy"].pk], items[classroom["hard"].pk]
    reverse, normal = items[classroom["reverse"].pk], items[classroom["normal"].pk]
    assert (easy.facility, easy.discrimination) == (100.0, 0.0)  # 10/10; 3/3 - 3/3
    assert (hard.facility, hard.discrimination) == (0.0, 0.0)  # 0/10; 0/3 - 0/3
    # Right: v0, v3, v5, v7, v8, v9 = 6/10. Upper group v0 v1 v2: 1/3; lower v7 v8 v9: 3/3.
    assert reverse.facility == 60.0
    assert reverse.discrimination == pytest.approx(1 / 3 - 3 / 3, abs=1e-4)
    # Points 4+4+4+2+2+2+2+0+0+0 = 20 of 10 x 4 = 40. Upper 12/12, lower 0/12.
    assert normal.facility == 50.0
    assert normal.discrimination == 1.0
    assert (normal.top_n, normal.bottom_n) == (3, 3)


@pytest.mark.django_db
def test_item_rest_correlation(classroom):
    items = by_question(quiz_item_analysis(quiz=classroom["quiz"]))
    # Reverse item (0/1) against the rest of each total (total - item, over 6 points).
    expected = statistics.correlation(
        [1, 0, 0, 1, 0, 1, 0, 1, 1, 1], [5, 5, 5, 3, 3, 3, 3, 1, 1, 1]
    )
    assert items[classroom["reverse"].pk].correlation == pytest.approx(expected, abs=1e-3)
    assert items[classroom["reverse"].pk].correlation < 0
    # Normal item as a share of 4 points against the rest (total - item, over 3 points).
    expected = statistics.correlation(
        [1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0, 0, 0], [2, 1, 1, 2, 1, 2, 1, 2, 2, 2]
    )
    assert items[classroom["normal"].pk].correlation == pytest.approx(expected, abs=1e-3)
    # Everyone scored the same: no correlation at all, not a division by zero.
    assert items[classroom["easy"].pk].correlation is None


@pytest.mark.django_db
def test_choice_counts(classroom):
    items = by_question(quiz_item_analysis(quiz=classroom["quiz"]))

    def counts(key):
        item = items[classroom[key].pk]
        return [(c.count, c.percent, c.correct) for c in item.choices], item.no_answer

    assert counts("easy") == ([(10, 100.0, True), (0, 0.0, False), (0, 0.0, False)], 0)
    # B: v0-v5; C: v6-v8; v9 left it blank.
    assert counts("hard") == ([(0, 0.0, True), (6, 60.0, False), (3, 30.0, False)], 1)
    assert counts("reverse") == ([(6, 60.0, True), (4, 40.0, False), (0, 0.0, False)], 0)
    # A: v0 v1 v2 v3 v4 v8; B: v7 v8; C: v0 v1 v2 v5 v6; v9 ticked nothing.
    assert counts("normal") == ([(6, 60.0, True), (2, 20.0, False), (5, 50.0, True)], 1)


@pytest.mark.django_db
def test_flags(classroom):
    items = by_question(quiz_item_analysis(quiz=classroom["quiz"]))

    def codes(key):
        return [flag.code for flag in items[classroom[key].pk].flags]

    assert codes("easy") == ["everyone_right"]
    assert codes("hard") == ["nobody_right"]
    assert codes("reverse") == ["negative_discrimination"]
    assert codes("normal") == []
    assert all(flag.explanation for item in items.values() for flag in item.flags)


@pytest.mark.django_db
def test_ties_at_a_cut_join_the_group_and_low_discrimination(world):
    qa, qb, qc = (make_question("single", text=f"Soal {x}") for x in "abc")
    quiz = make_quiz(world["module"], [qa, qb, qc])
    right = {q: choice_ids(q)[0] for q in (qa, qb, qc)}
    wrong = {q: choice_ids(q)[1] for q in (qa, qb, qc)}
    pattern = [(1, 1, 1), (1, 1, 1), (1, 1, 0), (0, 0, 1), (0, 0, 1)]  # totals 3 3 2 1 1
    for person, marks in zip(volunteers(world["course"], 5), pattern, strict=True):
        picks = zip((qa, qb, qc), marks, strict=True)
        take(person, quiz, {q: (right if m else wrong)[q] for q, m in picks})
    analysis = quiz_item_analysis(quiz=quiz)
    # 27 % of 5 is 1.35 -> 1, but both volunteers on 3 share the top score and both on 1 the
    # bottom one: each group has 2.
    assert (analysis.group_size, analysis.top_n, analysis.bottom_n) == (1, 2, 2)
    items = by_question(analysis)
    assert (items[qa.pk].facility, items[qa.pk].discrimination) == (60.0, 1.0)  # 2/2 - 0/2
    # qc: 4/5 right, but 2/2 in both groups: D = 0 while the item is neither all nor none.
    assert (items[qc.pk].facility, items[qc.pk].discrimination) == (80.0, 0.0)
    assert [f.code for f in items[qc.pk].flags] == ["low_discrimination"]
    assert items[qa.pk].flags == []


@pytest.mark.django_db
def test_when_every_total_is_equal_nobody_is_in_a_group(world):
    q1, q2 = make_question("single", text="Satu"), make_question("single", text="Dua")
    quiz = make_quiz(world["module"], [q1, q2])
    (r1, w1), (r2, w2) = choice_ids(q1)[:2], choice_ids(q2)[:2]
    for i, person in enumerate(volunteers(world["course"], 5)):
        take(person, quiz, {q1: r1, q2: w2} if i < 3 else {q1: w1, q2: r2})  # all score 1
    analysis = quiz_item_analysis(quiz=quiz)
    assert (analysis.top_n, analysis.bottom_n) == (0, 0)
    items = by_question(analysis)
    assert (items[q1.pk].facility, items[q1.pk].discrimination) == (60.0, None)
    assert (items[q2.pk].facility, items[q2.pk].flags) == (40.0, [])


@pytest.mark.django_db
def test_first_attempt_waiting_for_marking_is_left_out_not_replaced(world, trainer):
    choice = make_question("single", text="Pilih")
    essay = make_question("essay", text="Jelaskan", points=2)
    quiz = make_quiz(world["module"], [choice, essay])
    waiting, marked = volunteers(world["course"], 2)
    right = choice_ids(choice)[0]
    take(waiting, quiz, {choice: right, essay: "Jawaban panjang"})
    take(waiting, quiz, {choice: right})  # empty essay: graded at once, but a retake
    take(marked, quiz, {choice: choice_ids(choice)[1], essay: "Jawaban"})
    answer = marked.quiz_attempts.get().answers.get(question_version__kind="essay")
    answer_mark(by=trainer, answer_id=answer.pk, score=Decimal(1))
    analysis = quiz_item_analysis(quiz=quiz)
    assert (analysis.attempts, analysis.waiting) == (1, 1)
    items = by_question(analysis)
    assert (items[choice.pk].n, items[choice.pk].facility) == (1, 0.0)
    assert items[essay.pk].facility == 50.0  # 1 of 2 points
    assert items[choice.pk].flags == []  # fewer than 5 answers: no flags yet


def build(world, *, people: int, questions: int, prefix: str):
    bank = [make_question("single", text=f"{prefix} soal {i}") for i in range(questions - 1)]
    bank.append(make_question("multiple", text=f"{prefix} ganda", points=2))
    quiz = make_quiz(world["module"], bank, title=f"Kuis {prefix}")
    ids = {q: choice_ids(q) for q in bank}
    for i, person in enumerate(volunteers(world["course"], people, prefix=prefix)):
        answers = {q: ids[q][(i + j) % 3] for j, q in enumerate(bank[:-1])}
        answers[bank[-1]] = ids[bank[-1]][: 1 + i % 3]
        take(person, quiz, answers)
    return quiz


@pytest.mark.django_db
def test_query_count_is_constant_as_attempts_and_questions_grow(
    client, world, trainer, django_assert_num_queries
):
    small = build(world, people=10, questions=3, prefix="kecil")
    large = build(world, people=60, questions=8, prefix="besar")
    for quiz, people, questions in ((small, 10, 3), (large, 60, 8)):
        # totals, cut scores, group sizes, item aggregates, versions, choice counts
        with django_assert_num_queries(6):
            analysis = quiz_item_analysis(quiz=quiz)
        assert (analysis.attempts, len(analysis.items)) == (people, questions)
        assert sum(c.count for c in analysis.items[0].choices) == people
    # The page too: the same number of queries for both quizzes.
    client.force_login(trainer)
    client.get(f"/pelatih/kuis/{small.pk}/analisis/")  # a first visit creates the admin profile
    counts = []
    for quiz in (small, large):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/pelatih/kuis/{quiz.pk}/analisis/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_trainer_sees_the_table_with_bars(client, trainer, classroom):
    client.force_login(trainer)
    page = client.get(f"/pelatih/kuis/{classroom['quiz'].pk}/analisis/").content.decode()
    assert classroom["reverse"].text in page
    assert 'style="width: 60%"' in page  # reverse item, choice A picked by 6 of 10
    assert "analisis.csv" in page
    assert "<script" not in page.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.mark.django_db
def test_office_admin_sees_any_quiz(client, office_admin, classroom):
    client.force_login(office_admin)
    assert client.get(f"/pelatih/kuis/{classroom['quiz'].pk}/analisis/").status_code == 200


@pytest.mark.django_db
def test_csv_has_the_same_table(client, trainer, classroom):
    client.force_login(trainer)
    response = client.get(f"/pelatih/kuis/{classroom['quiz'].pk}/analisis.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 5  # header and four questions
    reverse = rows[3]
    assert reverse[1] == classroom["reverse"].text
    assert (reverse[5], reverse[6], reverse[7]) == ("10", "60.0", "-0.67")
    assert response.content.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    indonesian = client.get(f"/pelatih/kuis/{classroom['quiz'].pk}/analisis.csv?dialect=id")
    rows = list(csv.reader(io.StringIO(indonesian.content.decode("utf-8-sig")), delimiter=";"))
    assert (rows[3][5], rows[3][6], rows[3][7]) == ("10", "60,0", "-0,67")
    # The choices cell is text: its percentages follow the dialect too (issue H item 9).
    assert re.findall(r"\((\d+[.,]\d)%\)", rows[3][11]) and all(
        "," in share for share in re.findall(r"\((\d+[.,]\d)%\)", rows[3][11])
    )


@pytest.mark.django_db
def test_csv_cells_cannot_run_as_formulas(client, trainer, world):
    question = make_question("single", text='=HYPERLINK("http://x","klik")')
    quiz = make_quiz(world["module"], [question])
    take(volunteers(world["course"], 1)[0], quiz, {question: choice_ids(question)[0]})
    client.force_login(trainer)
    response = client.get(f"/pelatih/kuis/{quiz.pk}/analisis.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][1] == '\'=HYPERLINK("http://x","klik")'


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["analisis/", "analisis.csv"])
def test_trainer_of_another_course_gets_404(client, classroom, suffix):
    other = make_user("pelatih2", "Pelatih")
    make_course(title="Kursus Lain", modules=1, lessons=1).trainers.add(other)
    client.force_login(other)
    assert client.get(f"/pelatih/kuis/{classroom['quiz'].pk}/{suffix}").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["analisis/", "analisis.csv"])
def test_volunteer_is_refused(client, volunteer, classroom, suffix):
    client.force_login(volunteer)
    assert client.get(f"/pelatih/kuis/{classroom['quiz'].pk}/{suffix}").status_code == 403


@pytest.mark.django_db
def test_anonymous_is_sent_to_log_in(client, classroom):
    response = client.get(f"/pelatih/kuis/{classroom['quiz'].pk}/analisis/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_unknown_quiz_is_404(client, trainer, world):
    client.force_login(trainer)
    assert client.get("/pelatih/kuis/999999/analisis/").status_code == 404


@pytest.mark.django_db
def test_empty_quiz_page(client, trainer, world):
    quiz = make_quiz(world["module"], [make_question("single")])
    client.force_login(trainer)
    response = client.get(f"/pelatih/kuis/{quiz.pk}/analisis/")
    assert response.status_code == 200
    assert quiz_item_analysis(quiz=quiz).items == []


@pytest.mark.django_db
def test_admin_quiz_list_links_to_the_analysis(client, trainer, world):
    quiz = make_quiz(world["module"], [make_question("single")])
    client.force_login(trainer)
    page = client.get("/admin/snippets/assessments/quiz/").content.decode()
    assert f"/pelatih/kuis/{quiz.pk}/analisis/" in page
