"""Assessment data. Authoring models (snippets) are editable; everything a volunteer or trainer
produces (attempts, answers, observations, ratings, score records, verdict history) is kept, and
scores are appended, never overwritten."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class Domain(models.TextChoices):
    KNOWLEDGE = "knowledge", _("Knowledge")
    SKILLS = "skills", _("Skills")
    ATTITUDE = "attitude", _("Attitude")


# --- Competency units and predicates -------------------------------------------------------


class CompetencyUnit(index.Indexed, models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True, help_text=_("e.g. PSM.01"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    elements = models.TextField(_("elements"), blank=True, help_text=_("One per line."))
    performance_criteria = models.TextField(
        _("performance criteria (KUK)"), blank=True, help_text=_("One per line.")
    )

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("title")]),
        FieldPanel("description"),
        FieldPanel("elements"),
        FieldPanel("performance_criteria"),
    ]
    search_fields = [index.SearchField("code"), index.SearchField("title")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("competency unit")
        verbose_name_plural = _("competency units")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class PredicateBand(models.Model):
    """Predicate for a final score: the highest band whose minimum the score reaches."""

    name = models.CharField(_("predicate"), max_length=50)
    min_score = models.DecimalField(
        _("minimum score"), max_digits=5, decimal_places=2, validators=PERCENT, unique=True
    )

    panels = [FieldPanel("name"), FieldPanel("min_score")]

    class Meta:
        ordering = ["-min_score"]
        verbose_name = _("predicate band")
        verbose_name_plural = _("predicate bands")

    def __str__(self) -> str:
        return f"{self.name} (≥ {self.min_score})"


# --- Question bank ----------------------------------------------------------------------


class QuestionType(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True / false")
    SHORT_TEXT = "short_text", _("Short text answer")
    NUMERIC = "numeric", _("Numeric")
    ORDERING = "ordering", _("Ordering")
    MATCHING = "matching", _("Matching")
    ESSAY = "essay", _("Essay (marked by a trainer)")


class QuestionTag(TaggedItemBase):
    content_object = ParentalKey(
        "assessments.Question", related_name="tagged_items", on_delete=models.CASCADE
    )


class Question(index.Indexed, ClusterableModel):
    """The editable question. What attempts show and grade is a frozen QuestionVersion."""

    kind = models.CharField(_("type"), max_length=16, choices=QuestionType.choices)
    text = models.TextField(_("question"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    points = models.DecimalField(
        _("points"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    partial_credit = models.BooleanField(
        _("partial credit"),
        default=False,
        help_text=_("Multiple choice, ordering and matching: credit each right part."),
    )
    true_false_answer = models.BooleanField(
        _("the statement is true"), default=True, help_text=_("True / false questions only.")
    )
    accepted_answers = models.TextField(
        _("accepted answers"),
        blank=True,
        help_text=_("Short text: one per line. Case, spaces and accents are ignored."),
    )
    numeric_answer = models.DecimalField(
        _("numeric answer"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    numeric_tolerance = models.DecimalField(
        _("tolerance (±)"), max_digits=14, decimal_places=4, default=Decimal(0)
    )
    feedback = models.TextField(_("feedback after answering"), blank=True)
    tags = ClusterTaggableManager(through=QuestionTag, blank=True, verbose_name=_("tags"))
    competency_units = ParentalManyToManyField(
        CompetencyUnit, blank=True, related_name="questions", verbose_name=_("competency units")
    )
    current_version = models.ForeignKey(
        "assessments.QuestionVersion",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("points")]),
        FieldPanel("text"),
        FieldPanel("image"),
        InlinePanel(
            "choices",
            label=_("Choices / items"),
            help_text=_(
                "Choice questions: the options, ticking the right ones. Ordering: the items in "
                "the right order. Matching: each item with its match."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("partial_credit"),
                FieldPanel("true_false_answer"),
                FieldPanel("accepted_answers"),
                FieldRowPanel([FieldPanel("numeric_answer"), FieldPanel("numeric_tolerance")]),
            ],
            heading=_("Answer key"),
        ),
        FieldPanel("feedback"),
        FieldPanel("tags"),
        FieldPanel("competency_units"),
    ]
    search_fields = [
        index.SearchField("text"),
        index.FilterField("kind"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text[:80]


class QuestionChoice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("text"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)
    match_text = models.CharField(_("matches (matching only)"), max_length=500, blank=True)
    feedback = models.CharField(_("feedback for this choice"), max_length=500, blank=True)

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("is_correct"), FieldPanel("match_text")]),
        FieldPanel("feedback"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("choice")


class QuestionVersion(models.Model):
    """A frozen copy of a question as shown in attempts. Never edited once answered."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=QuestionType.choices)
    points = models.DecimalField(max_digits=6, decimal_places=2)
    data = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "number"], name="unique_question_version")
        ]
        verbose_name = _("question version")

    def __str__(self) -> str:
        return f"{self.question_id} v{self.number}"


# --- Quizzes and attempts ---------------------------------------------------------------


class GradingMethod(models.TextChoices):
    HIGHEST = "highest", _("Highest attempt")
    LAST = "last", _("Last attempt")
    AVERAGE = "average", _("Average of attempts")
    FIRST = "first", _("First attempt")


class QuizRole(models.TextChoices):
    NORMAL = "", _("Regular quiz")
    PRE_TEST = "pre_test", _("Pre-test of the course")
    POST_TEST = "post_test", _("Post-test of the course")


class Quiz(ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    module = models.ForeignKey(
        "modules.ModulePage",
        on_delete=models.CASCADE,
        related_name="quizzes",
        verbose_name=_("module"),
    )
    instructions = models.TextField(_("instructions"), blank=True)
    role = models.CharField(
        _("role in the course"), max_length=10, choices=QuizRole.choices, blank=True, default=""
    )
    time_limit_minutes = models.PositiveIntegerField(
        _("time limit (minutes)"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    attempts_allowed = models.PositiveIntegerField(
        _("attempts allowed"), default=0, help_text=_("0: unlimited.")
    )
    min_wait_minutes = models.PositiveIntegerField(
        _("minimum wait between attempts (minutes)"), default=0
    )
    grading_method = models.CharField(
        _("grading method"), max_length=10, choices=GradingMethod.choices, default="highest"
    )
    pass_percent = models.DecimalField(
        _("pass mark (%)"), max_digits=5, decimal_places=2, default=Decimal(70), validators=PERCENT
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=False)
    review_correctness = models.BooleanField(_("after submitting, show right/wrong"), default=True)
    review_correct_answers = models.BooleanField(
        _("after submitting, show the right answers"), default=False
    )
    review_feedback = models.BooleanField(_("after submitting, show feedback"), default=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("module"),
        FieldPanel("instructions"),
        FieldPanel("role"),
        InlinePanel("fixed_questions", label=_("Fixed questions")),
        InlinePanel("random_rules", label=_("Random questions from the bank")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("attempts_allowed")]),
                FieldRowPanel([FieldPanel("min_wait_minutes"), FieldPanel("grading_method")]),
                FieldPanel("pass_percent"),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
            ],
            heading=_("Rules"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("review_correctness"),
                FieldPanel("review_correct_answers"),
                FieldPanel("review_feedback"),
            ],
            heading=_("Review after submitting"),
        ),
    ]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self) -> str:
        return self.title


class QuizQuestion(Orderable):
    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="fixed_questions")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("question")]


class QuizRandomRule(Orderable):
    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="random_rules")
    tag = models.ForeignKey("taggit.Tag", on_delete=models.PROTECT, related_name="+")
    count = models.PositiveIntegerField(_("number of questions"), default=5)

    panels = [FieldRowPanel([FieldPanel("count"), FieldPanel("tag")])]


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")


class Attempt(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    number = models.PositiveIntegerField()
    status = models.CharField(
        max_length=12, choices=AttemptStatus.choices, default=AttemptStatus.IN_PROGRESS
    )
    started_at = models.DateTimeField()
    deadline = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    score = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal(0))
    percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    needs_marking = models.BooleanField(default=False)
    # The order of questions and of each question's choices as shown to this volunteer.
    layout = models.JSONField(default=list)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "user", "number"], name="unique_attempt_number"
            ),
            models.UniqueConstraint(
                fields=["quiz", "user"],
                condition=Q(status="in_progress"),
                name="one_open_attempt_per_quiz",
            ),
        ]
        indexes = [models.Index(fields=["user", "quiz", "status"])]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.number} ({self.user})"


class AttemptAnswer(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question_version = models.ForeignKey(
        QuestionVersion, on_delete=models.PROTECT, related_name="answers"
    )
    position = models.PositiveIntegerField()
    response = models.JSONField(null=True, blank=True)
    seq = models.BigIntegerField(default=0, help_text="Client sequence of the saved response.")
    saved_at = models.DateTimeField(null=True, blank=True)
    score = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    correct = models.BooleanField(null=True)
    needs_marking = models.BooleanField(default=False)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    marker_note = models.TextField(blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question_version"], name="unique_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}/{self.question_version_id}"


# --- Skills: rubrics, observations, evidence --------------------------------------------


class Rubric(ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    module = models.ForeignKey(
        "modules.ModulePage",
        on_delete=models.CASCADE,
        related_name="rubrics",
        verbose_name=_("module"),
    )
    description = models.TextField(_("what the trainer observes"), blank=True)
    current_version = models.ForeignKey(
        "assessments.RubricVersion",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("module"),
        FieldPanel("description"),
        InlinePanel("criteria", label=_("Criteria"), min_num=1),
        InlinePanel("levels", label=_("Performance levels"), min_num=2),
    ]

    class Meta:
        verbose_name = _("skill rubric")
        verbose_name_plural = _("skill rubrics")

    def __str__(self) -> str:
        return self.title


class RubricCriterion(Orderable):
    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(_("criterion"), max_length=300)
    competency_unit = models.ForeignKey(
        CompetencyUnit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("competency unit"),
    )

    panels = [FieldPanel("title"), FieldPanel("competency_unit")]


class RubricLevel(Orderable):
    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="levels")
    label = models.CharField(_("level"), max_length=100)
    points = models.PositiveIntegerField(_("points"))
    description = models.CharField(_("description"), max_length=300, blank=True)

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("points")]), FieldPanel("description")]


class RubricVersion(models.Model):
    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    data = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["rubric", "number"], name="unique_rubric_version")
        ]

    def __str__(self) -> str:
        return f"{self.rubric_id} v{self.number}"


class Observation(models.Model):
    """A trainer's observation of a volunteer against one rubric version. Append-only."""

    rubric_version = models.ForeignKey(
        RubricVersion, on_delete=models.PROTECT, related_name="observations"
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="observations"
    )
    observer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="observations_made"
    )
    levels = models.JSONField(help_text="criterion id → level id")
    criterion_notes = models.JSONField(default=dict, blank=True)
    note = models.TextField(blank=True)
    percent = models.DecimalField(max_digits=5, decimal_places=2)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.rubric_version} → {self.volunteer_id}"


def evidence_path(instance, filename: str) -> str:
    # A random segment: evidence URLs cannot be guessed from a volunteer's id.
    extension = filename.rsplit(".", 1)[-1].lower()[:5]
    return f"evidence/{uuid.uuid4().hex}/{uuid.uuid4().hex[:8]}.{extension}"


class EvidenceStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for review")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned for changes")


class Evidence(models.Model):
    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="evidence")
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(upload_to=evidence_path)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    original_name = models.CharField(max_length=200)
    description = models.CharField(max_length=500, blank=True)
    status = models.CharField(
        max_length=10, choices=EvidenceStatus.choices, default=EvidenceStatus.SUBMITTED
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_comment = models.TextField(blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.original_name


# --- Attitude: Likert instruments -------------------------------------------------------


class AttitudeInstrument(ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    module = models.ForeignKey(
        "modules.ModulePage",
        on_delete=models.CASCADE,
        related_name="attitude_instruments",
        verbose_name=_("module"),
    )
    instructions = models.TextField(_("instructions"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("module"),
        FieldPanel("instructions"),
        InlinePanel("statements", label=_("Statements"), min_num=1),
    ]

    class Meta:
        verbose_name = _("attitude instrument")
        verbose_name_plural = _("attitude instruments")

    def __str__(self) -> str:
        return self.title


class AttitudeStatement(Orderable):
    instrument = ParentalKey(
        AttitudeInstrument, on_delete=models.CASCADE, related_name="statements"
    )
    text = models.CharField(_("statement"), max_length=300)
    aspect = models.CharField(
        _("aspect"), max_length=100, help_text=_("e.g. volunteering spirit, confidentiality")
    )
    reverse_keyed = models.BooleanField(
        _("reverse-keyed"), default=False, help_text=_("Agreeing shows a weaker attitude.")
    )

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("aspect"), FieldPanel("reverse_keyed")]),
    ]


class RaterRole(models.TextChoices):
    SELF = "self", _("Self-assessment")
    TRAINER = "trainer", _("Trainer")


class AttitudeRating(models.Model):
    """One filled instrument, by the volunteer or a trainer. Append-only: the latest counts."""

    instrument = models.ForeignKey(
        AttitudeInstrument, on_delete=models.CASCADE, related_name="ratings"
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attitude_ratings"
    )
    rater = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="attitude_ratings_given"
    )
    role = models.CharField(max_length=8, choices=RaterRole.choices)
    answers = models.JSONField(help_text="statement id → 1..5 as answered")
    percent = models.DecimalField(max_digits=5, decimal_places=2)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.instrument} {self.role} → {self.volunteer_id}"


# --- Scores and verdicts ----------------------------------------------------------------


class ScoreSource(models.TextChoices):
    QUIZ = "quiz", _("Quiz")
    OBSERVATION = "observation", _("Skill observation")
    ATTITUDE_SELF = "attitude_self", _("Attitude self-assessment")
    ATTITUDE_TRAINER = "attitude_trainer", _("Attitude rating by trainer")
    OVERRIDE = "override", _("Trainer override")


class ScoreRecord(models.Model):
    """Append-only history of every score (who, when, source, value, note)."""

    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="score_records"
    )
    course = models.ForeignKey(
        "modules.CoursePage", on_delete=models.CASCADE, related_name="score_records"
    )
    domain = models.CharField(max_length=10, choices=Domain.choices)
    source = models.CharField(max_length=20, choices=ScoreSource.choices)
    value = models.DecimalField(max_digits=5, decimal_places=2, validators=PERCENT)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    attempt = models.ForeignKey(Attempt, null=True, blank=True, on_delete=models.SET_NULL)
    observation = models.ForeignKey(Observation, null=True, blank=True, on_delete=models.SET_NULL)
    attitude_rating = models.ForeignKey(
        AttitudeRating, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["volunteer", "course", "domain"])]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.value}"


class VerdictStatus(models.TextChoices):
    KOMPETEN = "K", _("Kompeten")
    BELUM_KOMPETEN = "BK", _("Belum Kompeten")


class Verdict(models.Model):
    """The current verdict of a volunteer in a course; every change is kept in VerdictChange."""

    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="verdicts"
    )
    course = models.ForeignKey(
        "modules.CoursePage", on_delete=models.CASCADE, related_name="verdicts"
    )
    status = models.CharField(max_length=2, choices=VerdictStatus.choices)
    knowledge = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    skills = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    attitude = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    final_score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    predicate = models.CharField(max_length=50, blank=True)
    reasons = models.JSONField(default=list, blank=True)
    units = models.JSONField(default=list, blank=True)
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["volunteer", "course"], name="unique_verdict")
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} · {self.course}: {self.get_status_display()}"

    @property
    def is_kompeten(self) -> bool:
        return self.status == VerdictStatus.KOMPETEN


class VerdictChange(models.Model):
    verdict = models.ForeignKey(Verdict, on_delete=models.CASCADE, related_name="changes")
    old_status = models.CharField(max_length=2, blank=True)
    new_status = models.CharField(max_length=2)
    final_score = models.DecimalField(max_digits=5, decimal_places=2, null=True)
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-changed_at"]

    def __str__(self) -> str:
        return f"{self.old_status or '—'} → {self.new_status}"
