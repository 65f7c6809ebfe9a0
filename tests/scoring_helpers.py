"""Shared by the scoring tests (tests/test_scoring*.py): question kinds and a frozen
question snapshot shaped like QuestionVersion.data."""

KINDS = [
    "single",
    "true_false",
    "multiple",
    "short_text",
    "numeric",
    "ordering",
    "matching",
    "essay",
]


def snapshot(
    ids=("c1", "c2", "c3", "c4"),
    *,
    correct=(),
    accepted=(),
    value=None,
    tolerance="0",
    partial=False,
):
    """A frozen question snapshot shaped like QuestionVersion.data."""
    return {
        "choices": [
            {
                "id": cid,
                "text": f"Teks {cid}",
                "correct": cid in correct,
                "match": f"Pasangan {cid}",
                "feedback": "",
            }
            for cid in ids
        ],
        "accepted": list(accepted),
        "numeric": {"value": value, "tolerance": tolerance},
        "partial_credit": partial,
        "feedback": "",
        "text": "Pertanyaan uji",
    }
