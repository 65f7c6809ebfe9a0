from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.validators import MaxValueValidator
from django.db import models
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import LessonStreamBlock
from .cache import CachedViewRestrictions, cached, content_key
from .signals import course_page_context


class Domain(models.TextChoices):
    KNOWLEDGE = "knowledge", _("Knowledge (pengetahuan)")
    SKILLS = "skills", _("Skills (keterampilan)")
    ATTITUDE = "attitude", _("Attitude (sikap)")


class PassMarkRule(models.TextChoices):
    """Which counted quizzes must reach their own pass mark for Kompeten (pre-tests never)."""

    NONE = "none", _("None: only the domain minimum counts")
    POST_TESTS = "post_tests", _("Post-tests must reach their pass mark")
    ALL = "all", _("Every counted quiz must reach its pass mark")


class HomePage(CachedViewRestrictions, Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["modules.CourseIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .catalogue_cache import home_cards
        from .selectors import course_list_for_catalogue

        context = super().get_context(request, *args, **kwargs)
        # The first courses' cards, from the cache when they are there (the course list reads
        # the privacy settings as soon as it is built, so only on a miss).
        context["course_cards"] = home_cards(
            courses=lambda: course_list_for_catalogue(root=self)[:6]
        )
        if context["course_cards"] is None:
            context["courses"] = course_list_for_catalogue(root=self)[:6]
        return context


class CourseIndexPage(CachedViewRestrictions, Page):
    """The catalogue (/pelatihan/): filters by tag and domain, searches courses."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["modules.HomePage"]
    subpage_types = ["modules.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from .catalogue_cache import catalogue_page

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_page(root=self, params=request.GET))
        return context


class CoursePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "modules.CoursePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class CoursePage(CachedViewRestrictions, Page):
    summary = models.TextField(_("summary"), max_length=500)
    jp = models.PositiveSmallIntegerField(
        _("hours (JP)"), default=1, help_text=_("Lesson hours; 1 JP = 45 minutes.")
    )
    cover = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
    )
    objectives = models.TextField(_("objectives"), blank=True, help_text=_("One per line."))
    tags = ClusterTaggableManager(through=CoursePageTag, blank=True, verbose_name=_("tags"))
    self_enrol = models.BooleanField(
        _("open for self-enrolment"),
        default=True,
        help_text=_("When off, only the office can enrol volunteers."),
    )
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="courses_trained",
        limit_choices_to={"groups__name": "Pelatih"},
        verbose_name=_("trainers"),
        help_text=_("Trainers who assess the volunteers of this course."),
    )
    certificate_template = models.ForeignKey(
        "certificates.CertificateTemplate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("certificate template"),
        help_text=_("Empty: the default template."),
    )
    competency_units = ParentalManyToManyField(
        "assessments.CompetencyUnit",
        blank=True,
        related_name="courses",
        verbose_name=_("competency units"),
    )
    # Competency policy: minimum per domain and weights of the final score.
    min_knowledge = models.PositiveSmallIntegerField(
        _("minimum knowledge (%)"), default=70, validators=[MaxValueValidator(100)]
    )
    min_skills = models.PositiveSmallIntegerField(
        _("minimum skills (%)"), default=70, validators=[MaxValueValidator(100)]
    )
    min_attitude = models.PositiveSmallIntegerField(
        _("minimum attitude (%)"), default=70, validators=[MaxValueValidator(100)]
    )
    weight_knowledge = models.PositiveSmallIntegerField(_("weight of knowledge"), default=30)
    weight_skills = models.PositiveSmallIntegerField(_("weight of skills"), default=40)
    weight_attitude = models.PositiveSmallIntegerField(_("weight of attitude"), default=30)
    attitude_trainer_percent = models.PositiveSmallIntegerField(
        _("trainer's share of the attitude score (%)"),
        default=60,
        validators=[MaxValueValidator(100)],
        help_text=_("The rest comes from the volunteer's self-assessment."),
    )
    pass_mark_rule = models.CharField(
        _("quizzes that must reach their pass mark"),
        max_length=10,
        choices=PassMarkRule.choices,
        default=PassMarkRule.POST_TESTS,
        help_text=_(
            "A quiz below its own pass mark keeps the verdict Belum Kompeten, "
            "whatever the knowledge average."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("jp"), FieldPanel("self_enrol"), FieldPanel("cover")],
            heading=_("Course details"),
        ),
        FieldPanel("objectives"),
        FieldPanel("tags"),
        FieldPanel("trainers"),
        FieldPanel("competency_units"),
        FieldPanel("certificate_template"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("min_knowledge"),
                        FieldPanel("min_skills"),
                        FieldPanel("min_attitude"),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("weight_knowledge"),
                        FieldPanel("weight_skills"),
                        FieldPanel("weight_attitude"),
                    ]
                ),
                FieldPanel("attitude_trainer_percent"),
                FieldPanel("pass_mark_rule"),
            ],
            heading=_("Competency policy"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("self_enrol"),
    ]

    parent_page_types = ["modules.CourseIndexPage"]
    subpage_types = ["modules.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @property
    def objectives_list(self) -> list[str]:
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]

    @property
    def minutes(self) -> int:
        return self.jp * 45

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_outline

        context = super().get_context(request, *args, **kwargs)
        context["outline"] = course_outline(course=self, user=request.user)
        if context["outline"].enrolled:
            # The quizzes and tasks of each module come from assessments, which listens.
            course_page_context.send(
                sender=CoursePage, course=self, request=request, context=context
            )
        return context


class ModulePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "modules.ModulePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ModulePage(CachedViewRestrictions, Page):
    domain = models.CharField(_("domain"), max_length=16, choices=Domain.choices)
    jp = models.PositiveSmallIntegerField(_("hours (JP)"), default=1)
    objectives = models.TextField(_("objectives"), blank=True, help_text=_("One per line."))
    tags = ClusterTaggableManager(through=ModulePageTag, blank=True, verbose_name=_("tags"))
    required = models.BooleanField(_("required"), default=True)
    requires_previous = models.BooleanField(
        _("requires the previous module"),
        default=False,
        help_text=_("Volunteers must finish the module before this one first."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("domain"),
                FieldPanel("jp"),
                FieldPanel("required"),
                FieldPanel("requires_previous"),
            ],
            heading=_("Module details"),
        ),
        FieldPanel("objectives"),
        FieldPanel("tags"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("objectives")]

    parent_page_types = ["modules.CoursePage"]
    subpage_types = ["modules.LessonPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    @property
    def objectives_list(self) -> list[str]:
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]

    def serve(self, request, *args, **kwargs):
        # A module has no page of its own: its lessons are listed on the course page.
        return redirect(self.get_parent().url + f"#module-{self.pk}")

    def serve_preview(self, request, mode_name):
        """What a volunteer sees of a module: its course page, opened at this module (the
        admin's preview and "view draft" would otherwise look for a template it has none of)."""
        course = self.get_parent().specific
        context = course.get_context(request)
        context["open_module"] = self.pk
        return TemplateResponse(request, course.get_template(request), context)


class LessonPage(CachedViewRestrictions, Page):
    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["modules.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def serve(self, request, *args, **kwargs):
        if getattr(request, "is_preview", False):
            # Wagtail's preview is already limited to editors; a new page has no tree yet.
            request.lesson_access = None
            return super().serve(request, *args, **kwargs)
        from .selectors import lesson_access

        access = lesson_access(lesson=self, user=request.user)
        if access.login_required:
            return redirect_to_login(request.get_full_path())
        if not access.allowed:
            messages.warning(request, access.reason)
            return redirect(access.course.url)
        request.lesson_access = access
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["access"] = getattr(request, "lesson_access", None)
        # The body's HTML is the same for every reader: rendered once per published version
        # and language. A preview shows a draft, never cached.
        if not getattr(request, "is_preview", False):
            context["body_html"] = cached(
                content_key("lesson-body", self.pk, translation.get_language()),
                lambda: render_to_string(
                    "modules/includes/lesson_body.html", {"page": self}, request=request
                ),
            )
        return context


class Enrollment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrollments",
        verbose_name=_("volunteer"),
    )
    course = models.ForeignKey(
        CoursePage, on_delete=models.CASCADE, related_name="enrollments", verbose_name=_("course")
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="unique_enrollment")]

    def __str__(self) -> str:
        return f"{self.user} → {self.course}"


class LessonCompletion(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="completions")
    # A default, not auto_now_add: a completion synced from a phone keeps the time it was done
    # (modules.services.lesson_complete clamps it).
    completed_at = models.DateTimeField(_("completed at"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="unique_lesson_completion")
        ]

    def __str__(self) -> str:
        return f"{self.user} ✓ {self.lesson}"


class SearchEntry(models.Model):
    """A course, module or lesson as the site search reads it (modules/search.py): its plain
    text for the snippet and the roots of its words (modules/stemming.py), each between
    spaces so that a root is matched whole on every database. Rebuilt when the page is saved."""

    class Kind(models.IntegerChoices):  # also the order of results with the same title hits
        COURSE = 1, _("course")
        MODULE = 2, _("module")
        LESSON = 3, _("lesson")

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    kind = models.PositiveSmallIntegerField(_("kind"), choices=Kind.choices)
    course = models.ForeignKey(
        CoursePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("course")
    )
    module = models.ForeignKey(  # a lesson's module: an unpublished module hides its lessons
        Page, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField(_("text"), blank=True)
    roots = models.TextField(_("roots of the words"))
    title_roots = models.TextField(_("roots of the title's words"))

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.page_id}"
