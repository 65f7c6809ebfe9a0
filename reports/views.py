"""The district office's reports in the Wagtail admin (Reports menu), for office admins only.

Each report is a Wagtail ``ReportView``: its django-filter FilterSet draws the filter drawer and
validates the input, the selector in ``reports.selectors`` counts in SQL, and ``?export=csv`` /
``?export=xlsx`` go through Wagtail's export with every cell neutralised (``core.exports``)."""

from __future__ import annotations

from decimal import Decimal

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from certificates.models import Certificate
from cohorts.models import Cohort
from core.exports import SafeSpreadsheetExportMixin
from core.numbers import format_number
from modules.models import CoursePage, Enrollment
from people.models import District, VolunteerProfile
from people.roles import is_office_admin

from . import charts, selectors


class OfficeAdminRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_office_admin(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# --- Filters: they validate and draw the form; the selectors apply the values ---------------


def _keep(queryset, name, value):
    return queryset


def _courses(request):
    return CoursePage.objects.order_by("title")


def _districts(request):
    return District.objects.order_by("name")


def _cohorts(request):
    return Cohort.objects.order_by("-start_date", "name")


class DistrictFilterSet(WagtailFilterSet):
    district = django_filters.ModelChoiceFilter(
        label=_("District"), queryset=_districts, empty_label=_("All districts"), method=_keep
    )

    class Meta:
        model = VolunteerProfile
        fields = []


class VolunteersPerAreaFilterSet(DistrictFilterSet):
    by = django_filters.ChoiceFilter(
        label=_("Group by"),
        choices=[("district", _("District only"))],
        empty_label=_("District and village"),
        method=_keep,
    )


class ResultsFilterSet(WagtailFilterSet):
    period = django_filters.DateFromToRangeFilter(
        label=_("Period"), widget=DateRangePickerWidget, method=_keep
    )
    basis = django_filters.ChoiceFilter(
        label=_("Period applies to"),
        choices=[(selectors.BASIS_VERDICT, _("Verdict date"))],
        empty_label=_("Enrolment date"),
        method=_keep,
    )
    course = django_filters.ModelChoiceFilter(
        label=_("Course"), queryset=_courses, empty_label=_("All courses"), method=_keep
    )
    district = django_filters.ModelChoiceFilter(
        label=_("District"), queryset=_districts, empty_label=_("All districts"), method=_keep
    )
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), queryset=_cohorts, empty_label=_("All cohorts"), method=_keep
    )

    class Meta:
        model = Enrollment
        fields = []


class GroupedResultsFilterSet(ResultsFilterSet):
    group_by = django_filters.ChoiceFilter(
        label=_("Group by"),
        choices=[
            (selectors.GROUP_DISTRICT, _("Course and district")),
            (selectors.GROUP_COHORT, _("Course and cohort")),
        ],
        empty_label=_("Course"),
        method=_keep,
    )


class CertificateFilterSet(WagtailFilterSet):
    period = django_filters.DateFromToRangeFilter(
        label=_("Issued"), widget=DateRangePickerWidget, method=_keep
    )
    course = django_filters.ModelChoiceFilter(
        label=_("Course"), queryset=_courses, empty_label=_("All courses"), method=_keep
    )

    class Meta:
        model = Certificate
        fields = []


# --- Report views -------------------------------------------------------------------------


class NumberColumn(Column):
    """Decimals as the reader writes them ("33,3", "100"); the exports keep the numbers."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return format_number(value) if isinstance(value, Decimal | float) else value


class OfficeReportView(OfficeAdminRequiredMixin, SafeSpreadsheetExportMixin, ReportView):
    """A report over rows (dicts) from a selector. ``fields`` is the explicit whitelist of what is
    shown and exported: (key, heading)."""

    results_template_name = "reports/report_results.html"
    paginate_by = None
    fields: list[tuple[str, str]] = []
    help_text = ""
    slug = ""

    @cached_property
    def active_fields(self) -> list[tuple[str, str]]:
        return self.fields

    @property
    def list_export(self) -> list[str]:
        return [key for key, _heading in self.active_fields]

    @property
    def export_headings(self) -> dict[str, str]:
        return dict(self.active_fields)

    @cached_property
    def columns(self) -> list[Column]:
        return [NumberColumn(key, label=heading) for key, heading in self.active_fields]

    @cached_property
    def filter_values(self) -> dict:
        """The valid filter values (an invalid one is ignored, as Wagtail's listings do)."""
        if not self.filters:
            return {}
        form = self.filters.form
        form.is_valid()
        return {k: v for k, v in getattr(form, "cleaned_data", {}).items() if v not in (None, "")}

    def _pk(self, name: str) -> int | None:
        value = self.filter_values.get(name)
        return value.pk if value is not None else None

    def get_filename(self):
        return f"{self.slug}-{timezone.localdate():%Y-%m-%d}"

    def rows(self) -> list[dict]:
        raise NotImplementedError

    def get_filtered_queryset(self):
        return self.rows()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": _("Reports")},
            {"url": "", "label": self.get_page_title()},
        ]


class VolunteersPerAreaView(OfficeReportView):
    page_title = _("Volunteers per district and village")
    header_icon = "group"
    slug = "relawan-per-wilayah"
    filterset_class = VolunteersPerAreaFilterSet
    index_url_name = "lms_reports:volunteers_per_area"
    index_results_url_name = "lms_reports:volunteers_per_area_results"

    @cached_property
    def active_fields(self):
        fields = [("district", _("District")), ("village", _("Village"))]
        if self.filter_values.get("by") == "district":
            fields = fields[:1]
        return [*fields, ("volunteers", _("Volunteers"))]

    def rows(self):
        return selectors.volunteers_per_area(
            district_id=self._pk("district"), by_village=self.filter_values.get("by") != "district"
        )


class VolunteerListView(OfficeReportView):
    page_title = _("Volunteer list")
    header_icon = "user"
    slug = "daftar-relawan"
    paginate_by = 100
    filterset_class = DistrictFilterSet
    index_url_name = "lms_reports:volunteer_list"
    index_results_url_name = "lms_reports:volunteer_list_results"
    help_text = _(
        "Name, place of duty and results only: birth date, phone, email and address are never "
        "shown or exported."
    )
    fields = [
        ("name", _("Name")),
        ("district", _("District")),
        ("village", _("Village")),
        ("year_appointed", _("Year appointed")),
        ("ipsm_number", _("IPSM member number")),
        ("enrolments", _("Enrolments")),
        ("kompeten", _("Kompeten")),
    ]

    def rows(self):
        return selectors.volunteer_list(district_id=self._pk("district"))


class ResultsScopeMixin:
    @cached_property
    def scope(self) -> selectors.Scope:
        period = self.filter_values.get("period")
        return selectors.Scope(
            since=period.start if period else None,
            until=period.stop if period else None,
            basis=self.filter_values.get("basis") or selectors.BASIS_ENROLLED,
            course_id=self._pk("course"),
            district_id=self._pk("district"),
            cohort_id=self._pk("cohort"),
        )


class CourseResultsView(ResultsScopeMixin, OfficeReportView):
    page_title = _("Results per course")
    header_icon = "tasks"
    slug = "hasil-pelatihan"
    filterset_class = GroupedResultsFilterSet
    index_url_name = "lms_reports:course_results"
    index_results_url_name = "lms_reports:course_results_results"
    help_text = _(
        "Completed: every lesson of every required module done. No verdict: enrolled, but no "
        "verdict computed yet. The period applies to the enrolment date, or to the date the "
        "verdict was last computed."
    )

    @cached_property
    def group_by(self) -> str:
        return self.filter_values.get("group_by") or selectors.GROUP_COURSE

    @cached_property
    def active_fields(self):
        fields = [("course", _("Course"))]
        if self.group_by == selectors.GROUP_DISTRICT:
            fields.append(("group", _("District")))
        elif self.group_by == selectors.GROUP_COHORT:
            fields.append(("group", _("Cohort")))
        return [
            *fields,
            ("enrolments", _("Enrolments")),
            ("completed", _("Completed")),
            ("kompeten", _("Kompeten")),
            ("belum_kompeten", _("Belum Kompeten")),
            ("no_verdict", _("No verdict yet")),
            ("kompeten_percent", _("Kompeten (%)")),
        ]

    def rows(self):
        return selectors.course_results(scope=self.scope, group_by=self.group_by)


class WeakestAreasView(ResultsScopeMixin, OfficeReportView):
    page_title = _("Weakest domains and competency units")
    header_icon = "warning"
    slug = "area-terlemah"
    filterset_class = ResultsFilterSet
    index_url_name = "lms_reports:weakest_areas"
    index_results_url_name = "lms_reports:weakest_areas_results"
    help_text = _(
        "Lowest average first. A domain is Belum Kompeten below the course's minimum; a "
        "competency unit as its verdict says (no evidence yet counts as Belum Kompeten)."
    )
    fields = [
        ("course", _("Course")),
        ("kind", _("Kind")),
        ("area", _("Domain or unit")),
        ("assessed", _("Volunteers")),
        ("average", _("Average score (%)")),
        ("belum_kompeten", _("Belum Kompeten")),
        ("belum_kompeten_percent", _("Belum Kompeten (%)")),
    ]

    def rows(self):
        return selectors.weakest_areas(scope=self.scope)


class CertificatesReportView(OfficeReportView):
    page_title = _("Certificates per course and month")
    header_icon = "tick-inverse"
    slug = "sertifikat"
    filterset_class = CertificateFilterSet
    index_url_name = "lms_reports:certificates"
    index_results_url_name = "lms_reports:certificates_results"
    help_text = _("By month of issue, with each certificate's status today.")
    fields = [
        ("month", _("Month issued")),
        ("course", _("Course")),
        ("issued", _("Issued")),
        ("valid", _("Valid")),
        ("revoked", _("Revoked")),
        ("expired", _("Expired")),
        ("superseded", _("Superseded")),
    ]

    def rows(self):
        period = self.filter_values.get("period")
        return selectors.certificate_counts(
            since=period.start if period else None,
            until=period.stop if period else None,
            course_id=self._pk("course"),
        )


class ReportSummaryView(OfficeAdminRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reports/summary.html"
    page_title = _("Report summary")
    header_icon = "view"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": _("Reports")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        districts = selectors.district_summary()
        courses = selectors.course_verdict_shares()
        context["charts"] = [
            charts.bar_chart(
                chart_id="chart-districts",
                title=_("Volunteers and Kompeten per district"),
                rows=[(d["district"], (d["volunteers"], d["kompeten"])) for d in districts],
                series=(charts.VOLUNTEERS, charts.KOMPETEN),
            ),
            charts.share_chart(
                chart_id="chart-verdicts",
                title=_("Verdicts per course"),
                rows=[
                    (c["course"], (c["kompeten"], c["belum_kompeten"], c["no_verdict"]))
                    for c in courses
                ],
                series=(charts.KOMPETEN, charts.BELUM_KOMPETEN, charts.NO_VERDICT),
            ),
        ]
        context["reports"] = [
            (label, f"lms_reports:{name}") for name, label, _icon in REPORTS if name != "summary"
        ]
        return context


# (url name, menu label, icon); the path of each is its view's slug.
REPORTS = [
    ("summary", _("Report summary"), "view"),
    ("volunteers_per_area", _("Volunteers per district and village"), "group"),
    ("volunteer_list", _("Volunteer list"), "user"),
    ("course_results", _("Results per course"), "tasks"),
    ("weakest_areas", _("Weakest domains and units"), "warning"),
    ("certificates", _("Certificates per month"), "tick-inverse"),
]
REPORT_VIEWS = {
    "volunteers_per_area": VolunteersPerAreaView,
    "volunteer_list": VolunteerListView,
    "course_results": CourseResultsView,
    "weakest_areas": WeakestAreasView,
    "certificates": CertificatesReportView,
}


def admin_urls():
    patterns = [path("ringkasan/", ReportSummaryView.as_view(), name="summary")]
    for name, view in REPORT_VIEWS.items():
        patterns += [
            path(f"{view.slug}/", view.as_view(), name=name),
            path(f"{view.slug}/results/", view.as_view(results_only=True), name=f"{name}_results"),
        ]
    return [path("laporan/", include((patterns, "lms_reports"), namespace="lms_reports"))]


class OfficeReportMenuItem(MenuItem):
    def is_shown(self, request):
        return is_office_admin(request.user)


def register_menu_items() -> None:
    """One item per report in Wagtail's Reports menu, shown to office admins only."""
    for index, (name, label, icon) in enumerate(REPORTS):

        def menu_item(name=name, label=label, icon=icon, order=100 + index):
            return OfficeReportMenuItem(
                label,
                reverse(f"lms_reports:{name}"),
                name=f"psm-report-{name.replace('_', '-')}",
                icon_name=icon,
                order=order,
            )

        hooks.register("register_reports_menu_item", menu_item)
