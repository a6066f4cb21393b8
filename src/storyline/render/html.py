"""HTML: the self-contained report, the comparison page, and the page models the web app uses.

One Jinja2 environment with autoescape on for every template. The report inlines its CSS and
JavaScript and pins them with a Content-Security-Policy of hashes, so even a renderer bug
could not run a script that came from an article. Links are built by a ``Links`` object:
in-page anchors for the report, URLs for the web app.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Protocol
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from ..changes import Changes, changes_line, story_news
from ..ids import stable_id
from ..model import (
    Article,
    Claim,
    Digest,
    Relation,
    Story,
    TimelineEntry,
    Topic,
    Variant,
    known_source,
    outlet_name,
    shown_outlets,
)
from ..summary.corroboration import by_wording
from .figures import copy_changes, copy_notes, figure_differences
from .selection import StorySelection, shown_stories
from .svg import reuse_graph, sparkline, timeline_chart
from .views import (
    DigestIndex,
    Folded,
    claim_outlets,
    date_span,
    dated_variants,
    entry_context,
    entry_when,
    fold_story,
    key_entries,
    markers,
    more_dates,
    not_shown,
    numbering,
    oriented,
    page_of,
    passage_spans,
    per_day,
    printable,
    ranked_stories,
    safe_url,
    segments,
    split_skipped,
    topic_cited,
    topic_claims,
    topic_markers,
    variant_groups,
    word_changes,
)

MAX_RELATIONS_SHOWN = 50
MAX_OTHER_RELATIONS = 500


class Links(Protocol):
    """Where each kind of link points."""

    def home(self) -> str: ...
    def search(self) -> str: ...
    def static(self, name: str) -> str: ...
    def story(self, story_id: str) -> str: ...
    def story_page(self, story_id: str, page: int) -> str: ...
    def article(self, article_id: str) -> str: ...
    def compare(self, a: str, b: str) -> str: ...
    def anchor(self, article_id: str) -> str: ...


def article_anchor(article_id: str) -> str:
    """An HTML id for an article that is safe whatever characters the article id holds."""
    return stable_id(article_id, prefix="a-", length=12)


class ReportLinks:
    """In-page anchors: the report is one file."""

    def home(self) -> str:
        return "#top"

    def search(self) -> str:
        return "#stories"

    def static(self, name: str) -> str:
        return ""

    def story(self, story_id: str) -> str:
        return "#" + stable_id(story_id, prefix="s-", length=12)

    def story_page(self, story_id: str, page: int) -> str:
        return self.story(story_id)

    def article(self, article_id: str) -> str:
        return "#" + article_anchor(article_id)

    def compare(self, a: str, b: str) -> str:
        return "#" + stable_id(*sorted((a, b)), prefix="r-", length=12)

    def anchor(self, article_id: str) -> str:
        return article_anchor(article_id)


class WebLinks:
    """URLs of the web app; ids are percent-encoded so no id can change the path."""

    def home(self) -> str:
        return "/"

    def search(self) -> str:
        return "/search"

    def static(self, name: str) -> str:
        return f"/static/{quote(name)}"

    def story(self, story_id: str) -> str:
        return f"/stories/{quote(story_id, safe='')}"

    def story_page(self, story_id: str, page: int) -> str:
        return f"{self.story(story_id)}?page={page}"

    def article(self, article_id: str) -> str:
        return f"/articles/{quote(article_id, safe='')}"

    def compare(self, a: str, b: str) -> str:
        return "/compare?" + urlencode({"a": a, "b": b})

    def anchor(self, article_id: str) -> str:
        return article_anchor(article_id)


def asset(name: str) -> str:
    """The text of a file under ``render/static``."""
    return resources.files("storyline.render").joinpath("static", name).read_text("utf-8")


@cache
def environment() -> Environment:
    """The one Jinja2 environment (autoescape everywhere), shared with the web app."""
    folder = resources.files("storyline.render").joinpath("templates")
    env = Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_printable_value,
    )
    env.globals["safe_url"] = safe_url
    env.filters["outlet"] = outlet_name
    env.filters["outlets"] = shown_outlets
    return env


def _printable_value(value: Any) -> Any:
    """Every value a template prints, without control characters: a bidirectional override
    (U+202E) in an article's title would show the rest of its line reversed."""
    if isinstance(value, Markup):
        return Markup(printable(str(value)))
    return printable(value) if isinstance(value, str) else value


def render(template: str, links: Links, **context: Any) -> str:
    """Render one template with the links object and no inlined assets (the web app)."""
    return environment().get_template(template).render(links=links, inline=None, **context)


def _sha(text: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
    )


def _inline(with_js: bool) -> dict[str, Any]:
    css, js = asset("style.css"), asset("app.js") if with_js else ""
    script = f"script-src {_sha(js)}" if js else "script-src 'none'"
    csp = (
        f"default-src 'none'; style-src {_sha(css)}; {script}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    return {"css": Markup(css), "js": Markup(js), "csp": csp}


# ---------------------------------------------------------------- page models


@dataclass(frozen=True)
class StoryRow:
    story: Story
    size: int
    span: str
    spark: Markup
    news: str = ""  # what is new since the previous digest (storyline.changes)


def story_rows(
    index: DigestIndex, stories: Sequence[Story] | None = None, changes: Changes | None = None
) -> list[StoryRow]:
    """One row per story for the stories list: ``stories``, or every story of the digest,
    most widely reported first; each says what ``changes`` holds new for it."""
    rows = []
    for story in ranked_stories(index) if stories is None else stories:
        members = [index.article(a) for a in dict.fromkeys(story.article_ids)]
        rows.append(
            StoryRow(
                story,
                len(members),
                date_span(story.first_date, story.last_date),
                sparkline(per_day(members)),
                story_news(story, changes),
            )
        )
    return rows


def _cited(article_ids: tuple[str, ...], numbers: dict[str, int]) -> dict[str, Any]:
    shown, more = markers(article_ids, numbers)
    return {"cited": shown, "more": more}


def _claim_rows(
    claims: tuple[Claim, ...],
    cited: Callable[[tuple[str, ...]], dict[str, Any]],
    index: DigestIndex,
) -> list[dict[str, Any]]:
    updated = index.superseded_by.values()
    return [
        {
            "claim": c,
            "outlets": claim_outlets(c, index.articles),
            **cited(c.support),
            "variants": [
                {"variant": v, "when": when, **cited(v.article_ids)}
                for v, when in dated_variants(c.variants, index.articles, updated, index.copied)
            ],
            "also": [{"text": t, **cited(ids)} for t, ids in by_wording(c.corroboration)],
        }
        for c in claims
    ]


def _relation_row(
    r: Relation, index: DigestIndex, texts: Mapping[str, Article] | None = None
) -> dict[str, Any]:
    return {
        "relation": r,
        "a": index.article(r.a),
        "b": index.article(r.b),
        "original": index.article(r.original) if r.original else None,
        "differ": copy_changes(index, r.a, r.b, texts),
    }


def story_view(
    story: Story,
    index: DigestIndex,
    links: Links,
    page: int = 1,
    *,
    paged: bool = True,
    texts: Mapping[str, Article] | None = None,
    changes: Changes | None = None,
) -> dict[str, Any]:
    """Everything the story page (or report section) shows; articles 100 per page when paged.
    ``texts``: the articles, with their text, that the timeline's context lines read
    (:func:`~.views.context_sources`) and the copies' figure notes compare, when the digest's
    articles hold none (the web app). ``changes``: what is new since the previous digest."""
    news = story_news(story, changes)
    folded = fold_story(story, index)
    numbers = numbering(folded)
    shown, pages = page_of(folded, page) if paged else (folded, 1)
    members = [index.article(a) for a in numbers]
    relations = index.story_relations(story)
    return {
        "story": story,
        "news": news,
        "marks": changes.labels(story) if changes and news else {},
        "size": len(numbers),
        "span": date_span(story.first_date, story.last_date),
        "folded": shown,
        "page": min(max(page, 1), pages),
        "pages": pages,
        "claims": _claim_rows(story.summary, lambda ids: _cited(ids, numbers), index),
        **_timeline_rows(story, numbers, index.articles if texts is None else texts),
        "outlets": sum(map(known_source, story.outlets)),
        "no_outlet": sum(not known_source(a.source) for a in members),
        "outlet_counts": sorted(
            Counter(a.source for a in members).items(),
            key=lambda kv: (not known_source(kv[0]), -kv[1], kv[0]),
        ),
        "relations": [_relation_row(r, index, texts) for r in relations[:MAX_RELATIONS_SHOWN]],
        "relations_more": max(0, len(relations) - MAX_RELATIONS_SHOWN),
        "originals": {r.original for r in relations if r.original},
        "copies": {
            f.article.id: [numbers[o] for o in index.copied(f.article.id, numbers)] for f in shown
        },
        "changes": _copy_changes(shown, numbers, index, texts),
        "graph_svg": reuse_graph(
            relations,
            index.articles,
            links.article,
            stable_id(story.id, prefix="arrow-", length=12),
        ),
    }


def _copy_changes(
    shown: Sequence[Folded],
    numbers: dict[str, int],
    index: DigestIndex,
    texts: Mapping[str, Article] | None,
) -> dict[str, str]:
    """Article id -> the figures it gives otherwise than the article it copies or duplicates
    ("figures differ: Nine people here / Seven people in [1]"), for those that changed one."""
    found = {}
    for folded in shown:
        article_id = folded.article.id
        originals = [(o, numbers[o]) for o in index.copied(article_id, numbers)]
        if notes := copy_notes(index, article_id, originals, texts):
            found[article_id] = "; ".join(notes)
        for dup, _ in folded.duplicates:
            if notes := copy_notes(index, dup.id, [(article_id, folded.number)], texts):
                found[dup.id] = "; ".join(notes)
    return found


def _version(variant: Variant, numbers: dict[str, int]) -> dict[str, Any]:
    return {"text": variant.text, **_cited(variant.article_ids, numbers)}


def _timeline_rows(
    story: Story, numbers: dict[str, int], texts: Mapping[str, Article]
) -> dict[str, Any]:
    """The story page's timeline: its key dates' entries, their chart, the undated entries."""
    timeline, left = key_entries(story.timeline)
    # One report holds every story's timeline: the anchors carry the story, or the chart of
    # the third story would jump to the first story's entries.
    anchor = stable_id(story.id, prefix="t-", length=12)

    def row(entry: TimelineEntry) -> dict[str, Any]:
        cited = _cited(entry.article_ids, numbers)
        # Sources that give the event's day or its figure otherwise ("At least 47 people").
        differ = [
            {"heading": heading, "variants": [_version(v, numbers) for v in group]}
            for heading, group in variant_groups(entry.variants)
        ]
        return {
            "entry": entry,
            "context": entry_context(entry, texts),
            "differ": differ,
            **cited,
        }

    return {
        "timeline": [{**row(e), "anchor": f"{anchor}-{i}"} for i, e in enumerate(timeline)],
        "timeline_svg": timeline_chart(timeline, lambda i: f"#{anchor}-{i}"),
        "timeline_more": more_dates(left),
        "undated": [{**row(e), "when": entry_when(e)} for e in story.undated],
    }


def _marked(
    text: str, spans: list[tuple[int, int, int, str]], prefix: str, kinds: Mapping[int, str]
) -> list[dict[str, Any]]:
    return [
        {
            "text": s.text,
            "mark": s.mark,
            "title": s.title,
            "anchor": f"{prefix}{s.mark}",
            "kind": kinds.get(s.mark, ""),
        }
        for s in segments(text, spans)
    ]


def article_view(article: Article, index: DigestIndex) -> dict[str, Any]:
    """The article page: its text with every passage it shares highlighted, and its relations."""
    related = []
    spans: list[tuple[int, int, int, str]] = []
    kinds: dict[int, str] = {}
    for relation in sorted(
        index.relations_of.get(article.id, ()), key=lambda r: (-r.similarity, r.a, r.b)
    ):
        mine = oriented(relation, article)
        assert mine is not None
        other = index.article(mine.b)
        related.append({"relation": relation, "other": other})
        for p in mine.passages:
            mark = len(spans) + 1
            kinds[mark] = p.kind
            spans.append(
                (p.a_start, p.a_end, mark, f"shared with {other.title or other.id} ({p.kind})")
            )
    segs = _marked(article.text, spans, "m-", kinds)
    return {
        "article": article,
        "story": index.story_of.get(article.id),
        "related": related,
        "segments": segs,
        "marked": sum(1 for s in segs if s["mark"]),
        "same_text": any(r.kind == "duplicate" for r in index.relations_of.get(article.id, ())),
        "words": article.words,
        "later": index.article(later) if (later := index.superseded_by.get(article.id)) else None,
    }


def compare_view(a: Article, b: Article, relation: Relation | None) -> dict[str, Any]:
    """Two articles side by side, the passages of their relation highlighted and numbered."""
    mine = oriented(relation, a)
    passages = mine.passages if mine else ()
    kinds = {i: p.kind for i, p in enumerate(passages, start=1)}
    original = None
    if mine and mine.original in (a.id, b.id):
        original = a if mine.original == a.id else b
    return {
        "relation": mine,
        "original": original,
        "differ": figure_differences(
            passages, a.text, b.text, (a.language or "", b.language or "")
        ),
        "changed": word_changes(passages),
        "sides": [
            {
                "label": "left",
                "article": a,
                "segments": _marked(a.text, passage_spans(passages, "a"), "pa-", kinds),
            },
            {
                "label": "right",
                "article": b,
                "segments": _marked(b.text, passage_spans(passages, "b"), "pb-", kinds),
            },
        ],
    }


# ---------------------------------------------------------------- public API


def _report_compare(r: Relation, index: DigestIndex, links: Links) -> dict[str, Any]:
    return {"anchor": links.compare(r.a, r.b)[1:], **_relation_row(r, index)}


def _topic_view(
    topic: Topic, index: DigestIndex, where: dict[str, str], shown: set[str]
) -> dict[str, Any]:
    """A topic as the page lists it: its stories that the page shows (``shown``), and its
    summary citing their articles (``where``)."""

    def cited(article_ids: tuple[str, ...]) -> dict[str, Any]:
        markers, more = topic_cited(article_ids, where)
        return {"cited": markers, "more": more}

    return {
        "topic": topic,
        "stories": [index.stories[s] for s in topic.story_ids if s in shown],
        "hidden": not_shown(topic, shown),
        "claims": _claim_rows(topic_claims(topic.summary, where), cited, index),
    }


def to_html(digest: Digest, selection: StorySelection | None = None) -> str:
    """The digest as ONE self-contained HTML file: no network, inline CSS/JS/SVG, all escaped.

    Stories come most widely reported first; with a ``selection``, only the stories it picks
    are shown and a notice says how many are not."""
    index = DigestIndex(digest)
    links = ReportLinks()
    stories, left_out = shown_stories(index, selection)
    changes = selection.changes if selection else None
    relations_of = {s.id: index.story_relations(s)[:MAX_RELATIONS_SHOWN] for s in digest.stories}
    views = []
    for story in stories:
        view = story_view(story, index, links, paged=False, changes=changes)
        view["compares"] = [_report_compare(r, index, links) for r in relations_of[story.id]]
        views.append(view)
    # Reuse inside a story belongs to that story, shown or not; the rest is listed apart.
    inside = {(r.a, r.b) for relations in relations_of.values() for r in relations}
    others = [r for r in digest.relations if (r.a, r.b) not in inside]
    others = selection.relations(others, stories if left_out else None) if selection else others
    where = topic_markers(stories, index)
    ids = {story.id for story in stories}
    topics = [
        _topic_view(t, index, where, ids) for t in digest.topics if ids.intersection(t.story_ids)
    ]
    skipped, remarks = split_skipped(digest)
    chosen = selection or StorySelection()
    return (
        environment()
        .get_template("report.html")
        .render(
            links=links,
            inline=_inline(with_js=True),
            rows=story_rows(index, stories, changes),
            news=changes_line(digest.stories, changes),
            n_stories=len(digest.stories),
            views=views,
            topics=topics,
            other_compares=[_report_compare(r, index, links) for r in others[:MAX_OTHER_RELATIONS]],
            other_more=max(0, len(others) - MAX_OTHER_RELATIONS),
            n_skipped=len(skipped),
            skipped=chosen.inputs(skipped),
            remarks=chosen.inputs(remarks),
            notes=(*digest.notes, left_out) if left_out else digest.notes,
            n_articles=len(digest.articles),
            version=digest.version,
        )
    )


def compare_html(a: Article, b: Article, relation: Relation | None) -> str:
    """A self-contained page with a and b side by side, reused passages highlighted."""
    return (
        environment()
        .get_template("compare.html")
        .render(
            links=ReportLinks(),
            inline=_inline(with_js=False),
            c=compare_view(a, b, relation),
            version=None,
        )
    )
