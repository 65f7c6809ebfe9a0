"""Assessment data. Authoring models (snippets) are editable; everything a volunteer or trainer
produces (attempts, answers, observations, ratings, score records, verdict history) is kept, and
scores are appended, never overwritten.

One module per concern; every name is re-exported here, so `from assessments.models import X`
is the way to reach any of them."""

from modules.models import Domain  # the one enum, re-exported for code reading scores

from .attitude import AttitudeInstrument, AttitudeRating, AttitudeStatement, RaterRole
from .bank import (
    CompetencyUnit,
    Question,
    QuestionChoice,
    QuestionTag,
    QuestionType,
    QuestionVersion,
)
from .common import DOMAIN_CHOICES, DOMAIN_NAMES, PERCENT
from .quizzes import (
    Attempt,
    AttemptAnswer,
    AttemptStatus,
    GradingMethod,
    Quiz,
    QuizQuestion,
    QuizRandomRule,
    QuizRole,
)
from .skills import (
    Evidence,
    EvidenceStatus,
    Observation,
    Rubric,
    RubricCriterion,
    RubricLevel,
    RubricVersion,
    evidence_path,
)
from .verdict import (
    PredicateBand,
    ScoreRecord,
    ScoreSource,
    Verdict,
    VerdictChange,
    VerdictStatus,
)

__all__ = [
    "DOMAIN_CHOICES",
    "DOMAIN_NAMES",
    "PERCENT",
    "Attempt",
    "AttemptAnswer",
    "AttemptStatus",
    "AttitudeInstrument",
    "AttitudeRating",
    "AttitudeStatement",
    "CompetencyUnit",
    "Domain",
    "Evidence",
    "EvidenceStatus",
    "GradingMethod",
    "Observation",
    "PredicateBand",
    "Question",
    "QuestionChoice",
    "QuestionTag",
    "QuestionType",
    "QuestionVersion",
    "Quiz",
    "QuizQuestion",
    "QuizRandomRule",
    "QuizRole",
    "RaterRole",
    "Rubric",
    "RubricCriterion",
    "RubricLevel",
    "RubricVersion",
    "ScoreRecord",
    "ScoreSource",
    "Verdict",
    "VerdictChange",
    "VerdictStatus",
    "evidence_path",
]
