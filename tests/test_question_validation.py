"""The admin refuses a question nobody could answer right: no correct choice, two correct
answers for single choice, incomplete matching pairs, a missing numeric answer, no accepted
short answer. The e2e authoring journey and the question bank tests cover the valid ones."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from assessments.models import Question

URL = "/admin/snippets/assessments/question/add/"


def post(client, kind: str, choices: list[dict], **fields):
    data = nested_form_data(
        {
            "kind": kind,
            "points": "1",
            "text": f"Pertanyaan {kind}",
            "numeric_tolerance": "0",
            "choices": inline_formset(choices),
            **fields,
        }
    )
    return client.post(URL, data)


def choice(text: str, correct: bool = False, match: str = "") -> dict:
    return {"text": text, "is_correct": "on" if correct else "", "match_text": match}


CASES = [
    ("single", [choice("A"), choice("B")], {}, "Centang setidaknya satu pilihan yang benar"),
    ("single", [choice("A", True), choice("B", True)], {}, "tepat satu pilihan yang benar"),
    ("multiple", [choice("A")], {}, "setidaknya dua pilihan"),
    ("matching", [choice("A", match="1"), choice("B")], {}, "pasangannya"),
    ("numeric", [], {"numeric_answer": ""}, "bilangan"),
    ("short_text", [], {"accepted_answers": "  "}, "jawaban yang diterima"),
]


@pytest.mark.parametrize(("kind", "choices", "fields", "message"), CASES)
@pytest.mark.django_db
def test_unanswerable_questions_are_refused(client, trainer, kind, choices, fields, message):
    client.force_login(trainer)
    response = post(client, kind, choices, **fields)
    assert response.status_code == 200, response.status_code  # the form again, with errors
    assert message in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_an_answerable_question_is_saved(client, trainer):
    client.force_login(trainer)
    response = post(client, "single", [choice("Benar", True), choice("Salah")])
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Question.objects.get().choices.filter(is_correct=True).count() == 1
