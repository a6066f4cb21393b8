"""Small inline SVG charts drawn on the server: no script, no external asset.

Every text that comes from an article is escaped; numbers are formatted by us. Charts carry
``role="img"`` and a ``<title>`` so screen readers announce them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from datetime import date

from markupsafe import Markup, escape

from ..ingest.dates import published_order
from ..model import NO_OUTLET, Article, Relation, TimelineEntry, outlet_name

MAX_GRAPH_NODES = 40


def _title(label: str) -> str:
    return f"<title>{escape(label)}</title>"


def sparkline(counts: Sequence[tuple[str, int]], *, width: int = 120, height: int = 24) -> Markup:
    """Bars of articles per day; empty markup when nothing is dated."""
    if not counts:
        return Markup("")
    peak = max(c for _, c in counts) or 1
    step = min(width / len(counts), 10.0)  # a one-day story is one slim bar, not a slab
    bars = []
    for i, (day, count) in enumerate(counts):
        if count == 0:
            continue
        h = max(1.0, (height - 2) * count / peak)
        bars.append(
            f'<rect x="{i * step:.2f}" y="{height - h:.2f}" width="{max(step - 0.5, 0.5):.2f}" '
            f'height="{h:.2f}">{_title(f"{day}: {count}")}</rect>'
        )
    label = f"articles per day, {counts[0][0]} to {counts[-1][0]}, peak {peak}"
    return Markup(
        f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(label)}">{_title(label)}{"".join(bars)}</svg>'
    )


def _ordinal(day: str) -> int | None:
    try:
        return date.fromisoformat(day[:10] if len(day) >= 10 else f"{day[:7]}-01"[:10]).toordinal()
    except ValueError:
        try:
            return date(int(day[:4]), 1, 1).toordinal()
        except ValueError:
            return None


def _ticks(low: int, high: int, left: float, right: float, axis: int) -> str:
    """Three dated ticks between ``left`` and ``right``, when the span needs them."""
    if high - low < 8 or right - left < 160:
        return ""
    parts = []
    for share in (0.25, 0.5, 0.75):
        x = left + (right - left) * share
        day = date.fromordinal(low + round((high - low) * share)).isoformat()
        parts.append(
            f'<line class="axis" x1="{x:.1f}" y1="{axis - 3}" x2="{x:.1f}" y2="{axis + 3}"/>'
            f'<text x="{x:.1f}" y="{axis + 18}" text-anchor="middle">{day}</text>'
        )
    return "".join(parts)


# The axis is broken at the widest gap between two dates when that gap is more than this share
# of the whole span: one background year ("last strengthened in 2011") would otherwise squeeze
# a month of news into one dot.
_BREAK_SHARE = 0.6
# The least share of the width either side of a break gets.
_MIN_SIDE = 0.2
_BREAK_GAP = 12  # pixels left blank at a break


def _segments(
    ordinals: Sequence[int], left: float, right: float
) -> list[tuple[int, int, float, float]]:
    """(first day, last day, left x, right x) of each stretch of the axis: one, or two
    either side of a wide gap, each given width in proportion to its dates (at least
    :data:`_MIN_SIDE` of it)."""
    days = sorted(set(ordinals))
    low, high = days[0], days[-1]
    gaps = [(b - a, n) for n, (a, b) in enumerate(itertools.pairwise(days))]
    widest, at = max(gaps, default=(0, 0))
    if not gaps or widest <= _BREAK_SHARE * (high - low):
        return [(low, high, left, right)]
    before = sum(1 for o in ordinals if o <= days[at])
    share = min(max(before / len(ordinals), _MIN_SIDE), 1 - _MIN_SIDE)
    middle = left + (right - left) * share
    return [
        (low, days[at], left, middle - _BREAK_GAP / 2),
        (days[at + 1], high, middle + _BREAK_GAP / 2, right),
    ]


def _x(ordinal: int, segments: Sequence[tuple[int, int, float, float]]) -> float:
    for low, high, left, right in segments:
        if low <= ordinal <= high:
            if high == low:
                return (left + right) / 2
            return left + (right - left) * (ordinal - low) / (high - low)
    raise ValueError(ordinal)  # every ordinal lies in a segment


def _axis(segments: Sequence[tuple[int, int, float, float]], axis: int) -> str:
    """The axis line of each stretch, a break mark between them, and their ticks."""
    parts = []
    for n, (low, high, left, right) in enumerate(segments):
        parts.append(
            f'<line class="axis" x1="{left:.1f}" y1="{axis}" x2="{right:.1f}" y2="{axis}"/>'
        )
        if n:  # two slanted strokes: the axis is broken here
            for x in (left - _BREAK_GAP / 2 - 3, left - _BREAK_GAP / 2 + 3):
                parts.append(
                    f'<line class="axis" x1="{x - 3:.1f}" y1="{axis + 5}" x2="{x + 3:.1f}" '
                    f'y2="{axis - 5}"/>'
                )
        parts.append(_ticks(low, high, left, right, axis))
    return "".join(parts)


def timeline_chart(
    entries: Sequence[TimelineEntry], anchor: Callable[[int], str], *, width: int = 640
) -> Markup:
    """Dated entries as dots on a time axis, dot area growing with the number of sources.

    ``anchor(i)`` gives the link target of entry ``i`` (the list item below the chart). The
    axis is broken at a gap that would squeeze the rest (see :data:`_BREAK_SHARE`).
    """
    dated = [(i, e, _ordinal(e.date)) for i, e in enumerate(entries) if e.date]
    placed = [(i, e, o) for i, e, o in dated if o is not None]
    if not placed:
        return Markup("")
    pad, height, axis = 24, 70, 46
    segments = _segments([o for *_, o in placed], pad, width - pad)
    dots = []
    lanes: dict[int, int] = {}
    for i, entry, o in placed:
        x = _x(o, segments)
        lane = lanes.get(round(x), 0)
        lanes[round(x)] = lane + 1
        r = min(4 + 2 * len(entry.article_ids) ** 0.5, 12)
        y = axis - 12 - (lane % 3) * 10
        label = f"{entry.date}: {entry.text[:160]}"
        dots.append(
            f'<a href="{escape(anchor(i))}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}">'
            f"{_title(label)}</circle></a>"
        )
    first, last = min(e.date or "" for _, e, _ in placed), max(e.date or "" for _, e, _ in placed)
    label = f"timeline, {len(placed)} dated events from {first} to {last}"
    return Markup(
        f'<svg class="chart timeline-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}">{_title(label)}{_axis(segments, axis)}'
        f'<text x="{pad}" y="{height - 6}">{escape(first)}</text>'
        f'<text x="{width - pad}" y="{height - 6}" text-anchor="end">{escape(last)}</text>'
        f"{''.join(dots)}</svg>"
    )


def _graph_nodes(relations: Sequence[Relation], articles: dict[str, Article]) -> list[str]:
    degree: dict[str, int] = {}
    for r in relations:
        for end in (r.a, r.b):
            degree[end] = degree.get(end, 0) + 1
    keep = sorted(degree, key=lambda a: (-degree[a], a))[:MAX_GRAPH_NODES]
    return sorted(
        keep, key=lambda a: (published_order(articles[a].published if a in articles else None), a)
    )


def _lane(node: str, articles: dict[str, Article]) -> str:
    """The outlet lane of an article of the reuse graph."""
    return outlet_name(articles[node].source) if node in articles else NO_OUTLET


def reuse_graph(
    relations: Sequence[Relation],
    articles: dict[str, Article],
    link: Callable[[str], str],
    marker: str = "arrow",
) -> Markup:
    """Who copied whom: articles in time order left to right, one lane per outlet.

    An arrow points from the original to the copy when the relation names one; originals
    are drawn highlighted. At most ``MAX_GRAPH_NODES`` of the best-connected articles.
    ``marker`` is the arrowhead's HTML id: unique per graph when a page holds several.
    """
    nodes = _graph_nodes(relations, articles)
    if not nodes:
        return Markup("")
    outlets = sorted({_lane(node, articles) for node in nodes})
    lane_h, left, width = 34, 130, 640
    height = lane_h * len(outlets) + 16
    step = (width - left - 20) / max(len(nodes) - 1, 1)
    pos = {}
    for i, node in enumerate(nodes):
        outlet = _lane(node, articles)
        pos[node] = (
            left + step * i if len(nodes) > 1 else left + 20,
            20 + lane_h * outlets.index(outlet),
        )
    originals = {r.original for r in relations if r.original in pos}
    parts = [
        f'<text class="lane" x="4" y="{20 + lane_h * i + 4}">{escape(o[:18])}</text>'
        for i, o in enumerate(outlets)
    ]
    for r in relations:
        if r.a not in pos or r.b not in pos:
            continue
        src, dst = (r.a, r.b) if r.original != r.b else (r.b, r.a)
        (x1, y1), (x2, y2) = pos[src], pos[dst]
        arrow = f' marker-end="url(#{marker})"' if r.original else ""
        parts.append(
            f'<line class="edge {escape(r.kind)}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" '
            f'y2="{y2:.1f}"{arrow}>{_title(f"{r.kind}, similarity {r.similarity:.2f}")}</line>'
        )
    for node in nodes:
        x, y = pos[node]
        article = articles.get(node)
        named = outlet_name(article.source) if article else ""
        label = f"{article.title if article else node} ({named})"
        cls = "node original" if node in originals else "node"
        parts.append(
            f'<a href="{escape(link(node))}"><circle class="{cls}" cx="{x:.1f}" cy="{y:.1f}" r="7">'
            f"{_title(label + (' — original' if node in originals else ''))}</circle></a>"
        )
    label = f"reuse graph: {len(nodes)} articles, {len(relations)} relations, originals highlighted"
    return Markup(
        f'<svg class="chart reuse-graph" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}">{_title(label)}<defs><marker id="{marker}" '
        f'viewBox="0 0 10 10" refX="16" refY="5" markerWidth="6" markerHeight="6" '
        f'orient="auto-start-reverse">'
        f'<path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>{"".join(parts)}</svg>'
    )
