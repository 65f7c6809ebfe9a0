"""The question bank: competency units, questions with their choices and tags, and the frozen
versions attempts show and grade."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index


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
    model_answer = models.TextField(
        _("model answer"),
        blank=True,
        help_text=_(
            "Essays: what a good answer holds. Shown to the trainer who marks, never to "
            "the volunteer."
        ),
    )
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
        FieldPanel("model_answer"),
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
