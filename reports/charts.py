"""Bar charts drawn on the server as inline SVG: no JavaScript library, no external service, so
they work offline and print. Every name reaches the SVG through ``format_html`` (escaped); colours
are the Wagtail admin's palette variables, with their default values as fallbacks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

WIDTH = 720
LABEL_WIDTH = 210
VALUE_WIDTH = 70
BAR_HEIGHT = 16
ROW_GAP = 12
LEGEND_HEIGHT = 28
MAX_LABEL = 28
TEXT_STYLE = "fill: var(--w-color-text-context, #262626)"


@dataclass(frozen=True)
class Series:
    label: str
    css_var: str  # a colour of the Wagtail admin palette
    fallback: str  # its default value, for the SVG outside the admin
    text_on: str = "#ffffff"  # text drawn on top of this colour

    @property
    def style(self) -> str:
        return f"fill: var({self.css_var}, {self.fallback})"


VOLUNTEERS = Series(gettext_lazy("Volunteers"), "--w-color-grey-400", "#5c5c5c")
KOMPETEN = Series(gettext_lazy("Kompeten"), "--w-color-positive-100", "#1b8666")
BELUM_KOMPETEN = Series(gettext_lazy("Belum Kompeten"), "--w-color-critical-200", "#ca3b3b")
NO_VERDICT = Series(gettext_lazy("No verdict yet"), "--w-color-grey-200", "#929292", "#262626")


@dataclass(frozen=True)
class Chart:
    """An SVG and the same figures as rows, for the data table beside it."""

    chart_id: str
    title: str
    svg: SafeString
    series: Sequence[Series]
    rows: Sequence[tuple[str, Sequence[int]]]


def _join(parts: Sequence[SafeString]) -> SafeString:
    return format_html_join("", "{}", ((part,) for part in parts))


def _short(name: str) -> str:
    return name if len(name) <= MAX_LABEL else name[: MAX_LABEL - 1] + "…"


def _legend(series: Sequence[Series]) -> SafeString:
    items, x = [], 0
    for item in series:
        items.append(
            format_html(
                '<rect x="{}" y="4" width="14" height="14" fill="{}" style="{}"></rect>'
                '<text x="{}" y="16" font-size="13" style="{}">{}</text>',
                x,
                item.fallback,
                item.style,
                x + 20,
                TEXT_STYLE,
                item.label,
            )
        )
        x += 30 + 8 * len(str(item.label))
    return _join(items)


def _svg(*, chart_id: str, title: str, description: str, height: int, body: SafeString):
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="psm-chart" viewBox="0 0 {} {}" '
        'width="100%" role="img" aria-labelledby="{}-title {}-desc" '
        'font-family="inherit"><title id="{}-title">{}</title><desc id="{}-desc">{}</desc>'
        "{}</svg>",
        WIDTH,
        height,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        description,
        body,
    )


def bar_chart(
    *,
    chart_id: str,
    title: str,
    rows: Sequence[tuple[str, Sequence[int]]],
    series: Sequence[Series],
) -> Chart:
    """Horizontal bars: one group per row, one bar per series, each labelled with its value."""
    top = max((value for _name, values in rows for value in values), default=0)
    area = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    group = BAR_HEIGHT * len(series) + ROW_GAP
    parts = [_legend(series)]
    for index, (name, values) in enumerate(rows):
        y = LEGEND_HEIGHT + index * group
        parts.append(
            format_html(
                '<text x="0" y="{}" font-size="13" style="{}"><title>{}</title>{}</text>',
                y + BAR_HEIGHT * len(series) / 2 + 4,
                TEXT_STYLE,
                name,
                _short(name),
            )
        )
        for offset, (item, value) in enumerate(zip(series, values, strict=True)):
            width = round(area * value / top, 1) if top else 0
            bar_y = y + offset * BAR_HEIGHT
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" style="{}">'
                    "<title>{}: {} {}</title></rect>"
                    '<text x="{}" y="{}" font-size="12" style="{}">{}</text>',
                    LABEL_WIDTH,
                    bar_y + 1,
                    width,
                    BAR_HEIGHT - 2,
                    item.fallback,
                    item.style,
                    name,
                    item.label,
                    value,
                    LABEL_WIDTH + width + 4,
                    bar_y + BAR_HEIGHT - 3,
                    TEXT_STYLE,
                    value,
                )
            )
    height = LEGEND_HEIGHT + max(len(rows), 1) * group
    description = _("Bars per row for: %(series)s. The figures follow in a table.") % {
        "series": ", ".join(str(item.label) for item in series)
    }
    body = _join(parts)
    svg = _svg(chart_id=chart_id, title=title, description=description, height=height, body=body)
    return Chart(chart_id=chart_id, title=title, svg=svg, series=series, rows=rows)


def share_chart(
    *,
    chart_id: str,
    title: str,
    rows: Sequence[tuple[str, Sequence[int]]],
    series: Sequence[Series],
) -> Chart:
    """One bar per row split into the share of each series (of the row's total)."""
    area = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    group = BAR_HEIGHT + ROW_GAP + 4
    parts = [_legend(series)]
    for index, (name, values) in enumerate(rows):
        y = LEGEND_HEIGHT + index * group
        total = sum(values)
        parts.append(
            format_html(
                '<text x="0" y="{}" font-size="13" style="{}"><title>{}</title>{}</text>',
                y + BAR_HEIGHT - 2,
                TEXT_STYLE,
                name,
                _short(name),
            )
        )
        x = float(LABEL_WIDTH)
        for item, value in zip(series, values, strict=True):
            width = round(area * value / total, 1) if total else 0
            if not width:
                continue
            percent = round(100 * value / total)
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" style="{}">'
                    "<title>{}: {} {} ({}%)</title></rect>",
                    x,
                    y,
                    width,
                    BAR_HEIGHT + 2,
                    item.fallback,
                    item.style,
                    name,
                    item.label,
                    value,
                    percent,
                )
            )
            if width >= 28:
                parts.append(
                    format_html(
                        '<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="{}">'
                        "{}%</text>",
                        round(x + width / 2, 1),
                        y + BAR_HEIGHT - 2,
                        item.text_on,
                        percent,
                    )
                )
            x += width
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="12" style="{}">{}</text>',
                WIDTH - VALUE_WIDTH + 6,
                y + BAR_HEIGHT - 2,
                TEXT_STYLE,
                _("n = %(total)s") % {"total": total},
            )
        )
    height = LEGEND_HEIGHT + max(len(rows), 1) * group
    description = _("Share of each row's total for: %(series)s. The figures follow in a table.") % {
        "series": ", ".join(str(item.label) for item in series)
    }
    body = _join(parts)
    svg = _svg(chart_id=chart_id, title=title, description=description, height=height, body=body)
    return Chart(chart_id=chart_id, title=title, svg=svg, series=series, rows=rows)
