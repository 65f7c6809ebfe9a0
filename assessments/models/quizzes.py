"""Quizzes (fixed questions and random rules) and the volunteers' attempts and answers."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from .bank import Question, QuestionVersion
from .common import PERCENT


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
    due_date = models.DateField(
        _("due date"),
        null=True,
        blank=True,
        help_text=_(
            "Untimed quizzes only. Enrolled volunteers who have not submitted are reminded two "
            "days before."
        ),
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
                FieldPanel("due_date"),
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

    def clean(self) -> None:
        super().clean()
        if self.due_date and self.time_limit_minutes:
            raise ValidationError(
                {"due_date": _("A timed quiz is taken in a session: it has no due date.")}
            )


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
                condition=Q(status=AttemptStatus.IN_PROGRESS),
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
