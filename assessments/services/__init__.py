"""Every write in assessments goes through these functions: keyword-only, typed, validated,
atomic where two requests can race.

One module per concern; every name other code uses is re-exported here, so
`from assessments.services import X` (and `services.X`) keeps reaching it."""

from .attempts import (
    _FROZEN_VERSIONS,
    GRACE,
    answer_mark,
    answer_save,
    attempt_close_expired,
    attempt_finalize,
    attempt_get,
    attempt_start,
    attempt_submit,
)
from .attitude import attitude_rate
from .bank import (
    question_snapshot,
    question_version_publish,
    rubric_snapshot,
    rubric_version_publish,
)
from .common import course_of_module
from .overrides import score_override
from .skills import evidence_review, evidence_submit, evidence_withdraw, observation_record

__all__ = [
    "GRACE",
    "_FROZEN_VERSIONS",
    "answer_mark",
    "answer_save",
    "attempt_close_expired",
    "attempt_finalize",
    "attempt_get",
    "attempt_start",
    "attempt_submit",
    "attitude_rate",
    "course_of_module",
    "evidence_review",
    "evidence_submit",
    "evidence_withdraw",
    "observation_record",
    "question_snapshot",
    "question_version_publish",
    "rubric_snapshot",
    "rubric_version_publish",
    "score_override",
]
