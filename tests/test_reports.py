"""The district office's reports: numbers checked against a small world
(tests/report_helpers.py), in the selectors, in the page and in the CSV/XLSX exports; charts
drawn as escaped, labelled SVG."""

import re
from decimal import Decimal

import pytest

from people.models import District
from reports import selectors

from .report_helpers import (
    ATTITUDE,
    KNOWLEDGE,
    NO_COHORT,
    SKILLS,
    URL,
    at,
    csv_rows,
    report_world,
    table_rows,
    xlsx_rows,
)


@pytest.fixture
def world(db):
    return report_world()


@pytest.fixture
def admin_client(client, office_admin):
    client.force_login(office_admin)
    return client


# --- Selectors: exact numbers --------------------------------------------------------------


def test_volunteers_per_district_and_village(world):
    rows = selectors.volunteers_per_area()
    assert [(r["district"], r["village"], r["volunteers"]) for r in rows] == [
        ("Kedurang", "Desa Tiga", 1),
        ("Manna", "Desa Dua", 1),
        ("Manna", "Desa Satu", 2),
    ]
    manna = District.objects.get(name="Manna").pk
    by_district = selectors.volunteers_per_area(district_id=manna, by_village=False)
    assert [(r["district"], r["volunteers"]) for r in by_district] == [("Manna", 3)]


def results(rows):
    return [
        (
            r["course"],
            r["group"],
            r["enrolments"],
            r["completed"],
            r["kompeten"],
            r["belum_kompeten"],
            r["no_verdict"],
        )
        for r in rows
    ]


def test_results_per_course(world):
    assert results(selectors.course_results(scope=selectors.Scope())) == [
        ("Bimtek Dasar", "", 4, 1, 1, 2, 1),
        ("Pendampingan Lanjut", "", 2, 1, 1, 0, 1),
    ]


def test_results_per_course_and_district(world):
    rows = selectors.course_results(scope=selectors.Scope(), group_by=selectors.GROUP_DISTRICT)
    assert results(rows) == [
        ("Bimtek Dasar", "Kedurang", 1, 0, 0, 1, 0),
        ("Bimtek Dasar", "Manna", 3, 1, 1, 1, 1),
        ("Pendampingan Lanjut", "Kedurang", 1, 1, 1, 0, 0),
        ("Pendampingan Lanjut", "Manna", 1, 0, 0, 0, 1),
    ]


def test_results_per_course_and_cohort(world):
    rows = selectors.course_results(scope=selectors.Scope(), group_by=selectors.GROUP_COHORT)
    assert results(rows) == [
        ("Bimtek Dasar", "Angkatan 1", 2, 1, 1, 1, 0),
        ("Bimtek Dasar", NO_COHORT, 2, 0, 0, 1, 1),
        ("Pendampingan Lanjut", NO_COHORT, 2, 1, 1, 0, 1),
    ]


def test_results_filters(world):
    manna = District.objects.get(name="Manna").pk
    march = selectors.Scope(since=at(2026, 3, 1), until=at(2026, 3, 31))
    assert results(selectors.course_results(scope=march)) == [
        ("Pendampingan Lanjut", "", 2, 1, 1, 0, 1)
    ]
    # By verdict date: only Dedi's Bimtek Dasar verdict was computed in February after the 10th.
    late_feb = selectors.Scope(since=at(2026, 2, 10), until=at(2026, 2, 28), basis="verdict")
    assert results(selectors.course_results(scope=late_feb)) == [
        ("Bimtek Dasar", "", 1, 0, 0, 1, 0)
    ]
    in_manna = selectors.Scope(district_id=manna, course_id=world.dasar.pk)
    assert results(selectors.course_results(scope=in_manna)) == [
        ("Bimtek Dasar", "", 3, 1, 1, 1, 1)
    ]
    cohort = selectors.Scope(cohort_id=world.cohort.pk)
    assert results(selectors.course_results(scope=cohort)) == [("Bimtek Dasar", "", 2, 1, 1, 1, 0)]


def test_completion_ignores_optional_modules_and_needs_every_required_lesson(world):
    from modules.models import ModulePage

    # Budi did the first module's lesson only; once the second module is optional, he is done.
    second = ModulePage.objects.child_of(world.dasar).order_by("path").last()
    ModulePage.objects.filter(pk=second.pk).update(required=False)
    rows = selectors.course_results(scope=selectors.Scope(course_id=world.dasar.pk))
    assert rows[0]["completed"] == 2


def test_weakest_areas_lowest_first(world):
    rows = [
        (r["course"], r["area"], r["assessed"], r["average"], r["belum_kompeten"])
        for r in selectors.weakest_areas(scope=selectors.Scope())
    ]
    assert rows == [
        ("Bimtek Dasar", KNOWLEDGE, 3, Decimal("66.67"), 2),
        ("Bimtek Dasar", "PSM.01 Unit PSM.01", 3, Decimal("67.50"), 2),
        ("Bimtek Dasar", SKILLS, 2, Decimal("77.50"), 0),
        ("Bimtek Dasar", ATTITUDE, 1, Decimal("85.00"), 0),
        ("Pendampingan Lanjut", KNOWLEDGE, 1, Decimal("95.00"), 0),
    ]
    kedurang = District.objects.get(name="Kedurang").pk
    only_dedi = selectors.weakest_areas(
        scope=selectors.Scope(district_id=kedurang, course_id=world.dasar.pk)
    )
    assert [(r["area"], r["average"], r["belum_kompeten_percent"]) for r in only_dedi] == [
        (KNOWLEDGE, Decimal("60.00"), Decimal("100.0")),
        ("PSM.01 Unit PSM.01", None, Decimal("100.0")),
    ]


def test_certificates_per_course_and_month(world):
    keys = ["month", "course", "issued", "valid", "revoked", "expired", "superseded"]
    rows = [tuple(r[key] for key in keys) for r in selectors.certificate_counts()]
    assert rows == [
        ("2026-04", "Pendampingan Lanjut", 3, 0, 1, 1, 1),
        ("2026-02", "Bimtek Dasar", 1, 1, 0, 0, 0),
    ]
    february = selectors.certificate_counts(since=at(2026, 2, 1), until=at(2026, 2, 28))
    assert [(r["course"], r["issued"]) for r in february] == [("Bimtek Dasar", 1)]
    assert selectors.certificate_counts(course_id=world.dasar.pk)[0]["issued"] == 1


def test_district_summary_lists_every_district(world):
    rows = {r["district"]: (r["volunteers"], r["kompeten"]) for r in selectors.district_summary()}
    assert len(rows) == District.objects.count()
    assert rows["Manna"] == (3, 1)
    assert rows["Kedurang"] == (1, 1)
    assert rows["Pino"] == (0, 0)


# --- Pages and exports ---------------------------------------------------------------------


@pytest.mark.parametrize("name", list(URL))
def test_office_admin_opens_every_report(admin_client, world, name):
    response = admin_client.get(URL[name])
    assert response.status_code == 200
    if name != "summary":
        for export in ("csv", "xlsx"):
            assert admin_client.get(URL[name], {"export": export}).status_code == 200
        # The fragment Wagtail's filter drawer reloads.
        assert admin_client.get(URL[name] + "results/").status_code == 200


def test_results_page_and_exports_show_the_same_numbers(admin_client, world):
    params = {"group_by": "district"}
    expected = [
        ["Bimtek Dasar", "Kedurang", "1", "0", "0", "1", "0", "0.0"],
        ["Bimtek Dasar", "Manna", "3", "1", "1", "1", "1", "33.3"],
        ["Pendampingan Lanjut", "Kedurang", "1", "1", "1", "0", "0", "100.0"],
        ["Pendampingan Lanjut", "Manna", "1", "0", "0", "0", "1", "0.0"],
    ]
    page = admin_client.get(URL["results"], params)
    # The page writes numbers the reader's way (Indonesian comma, no needless ",0");
    # the exports keep them as numbers.
    shown = ["0", "33,3", "100", "0"]
    assert table_rows(page) == [[*row[:-1], n] for row, n in zip(expected, shown, strict=True)]

    exported = csv_rows(admin_client.get(URL["results"], {**params, "export": "csv"}))
    assert len(exported[0]) == 8 and exported[0][1] == "Kecamatan"  # the site speaks Indonesian
    assert exported[1:] == expected

    sheet = xlsx_rows(admin_client.get(URL["results"], {**params, "export": "xlsx"}))
    assert sheet[1:] == [[*row[:2], *(int(v) for v in row[2:7]), float(row[7])] for row in expected]


def test_results_filters_arrive_from_the_query_string(admin_client, world):
    march = {"period_from": "2026-03-01", "period_to": "2026-03-31"}
    assert table_rows(admin_client.get(URL["results"], march)) == [
        ["Pendampingan Lanjut", "2", "1", "1", "0", "1", "50"]
    ]
    cohort = {"cohort": world.cohort.pk, "group_by": "cohort"}
    exported = csv_rows(admin_client.get(URL["results"], {**cohort, "export": "csv"}))
    assert exported[1:] == [["Bimtek Dasar", "Angkatan 1", "2", "1", "1", "1", "0", "50.0"]]
    # An invalid value is ignored, as in Wagtail's own listings, instead of failing.
    assert admin_client.get(URL["results"], {"course": "nope"}).status_code == 200


def test_volunteers_per_area_page_and_export(admin_client, world):
    assert table_rows(admin_client.get(URL["per_area"])) == [
        ["Kedurang", "Desa Tiga", "1"],
        ["Manna", "Desa Dua", "1"],
        ["Manna", "Desa Satu", "2"],
    ]
    exported = csv_rows(admin_client.get(URL["per_area"], {"by": "district", "export": "csv"}))
    assert exported[1:] == [["Kedurang", "1"], ["Manna", "3"]]


def test_weakest_areas_page_and_export(admin_client, world):
    rows = table_rows(admin_client.get(URL["weakest"], {"course": world.dasar.pk}))
    assert [row[2:5] for row in rows] == [
        [str(KNOWLEDGE), "3", "66,67"],
        ["PSM.01 Unit PSM.01", "3", "67,5"],
        [str(SKILLS), "2", "77,5"],
        [str(ATTITUDE), "1", "85"],
    ]
    sheet = xlsx_rows(admin_client.get(URL["weakest"], {"export": "xlsx"}))
    first = sheet[1]
    assert first[0] == "Bimtek Dasar" and first[2] == str(KNOWLEDGE)
    assert first[3:] == [3, 66.67, 2, 66.7]
    assert len(sheet) == 6  # heading and five areas


def test_certificates_page_and_export(admin_client, world):
    assert table_rows(admin_client.get(URL["certificates"])) == [
        ["2026-04", "Pendampingan Lanjut", "3", "0", "1", "1", "1"],
        ["2026-02", "Bimtek Dasar", "1", "1", "0", "0", "0"],
    ]
    sheet = xlsx_rows(
        admin_client.get(
            URL["certificates"],
            {"period_from": "2026-04-01", "period_to": "2026-04-30", "export": "xlsx"},
        )
    )
    assert sheet[1:] == [["2026-04", "Pendampingan Lanjut", 3, 0, 1, 1, 1]]


# --- Summary charts ------------------------------------------------------------------------


def test_summary_draws_labelled_svg_charts_with_a_table(admin_client, world):
    District.objects.create(name='<script>alert("x")</script> & Co')
    html = admin_client.get(URL["summary"]).content.decode()
    charts_html = html[html.index('id="chart-districts-heading"') :]
    svgs = re.findall(r"<svg [^>]*class=\"psm-chart\".*?</svg>", charts_html, flags=re.S)
    assert len(svgs) == 2
    for svg, chart_id in zip(svgs, ["chart-districts", "chart-verdicts"], strict=True):
        assert 'role="img"' in svg
        assert f'aria-labelledby="{chart_id}-title {chart_id}-desc"' in svg
        assert f'<title id="{chart_id}-title">' in svg
        assert "var(--w-color-" in svg  # the admin's palette
    # Names are escaped in the SVG and in the table.
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in charts_html
    # The table fallback carries the same figures: Manna has 3 volunteers, 1 Kompeten.
    table = charts_html[charts_html.index('<table class="w-sr-only">') :]
    manna = re.search(r"<th scope=\"row\">Manna</th>\s*<td>(\d+)</td>\s*<td>(\d+)</td>", table)
    assert manna.groups() == ("3", "1")
    dasar = re.search(
        r"<th scope=\"row\">Bimtek Dasar</th>\s*<td>(\d+)</td>\s*<td>(\d+)</td>\s*<td>(\d+)</td>",
        charts_html,
    )
    assert dasar.groups() == ("1", "2", "1")
    # Bars are as long as their values: Manna's volunteers bar is the longest.
    widths = [float(w) for w in re.findall(r'<rect x="210" y="\d+" width="([\d.]+)"', svgs[0])]
    assert max(widths) == 440.0 and widths.count(440.0) == 1


def test_share_chart_splits_each_bar_by_its_total():
    from reports import charts

    chart = charts.share_chart(
        chart_id="c",
        title="T",
        rows=[("A", (1, 2, 1)), ("Kosong", (0, 0, 0))],
        series=(charts.KOMPETEN, charts.BELUM_KOMPETEN, charts.NO_VERDICT),
    )
    widths = re.findall(r'<rect x="[\d.]+" y="\d+" width="([\d.]+)" height="18"', chart.svg)
    assert widths == ["110.0", "220.0", "110.0"]  # 25 %, 50 %, 25 % of 440
    assert "50%" in chart.svg and "n = 0" in chart.svg
