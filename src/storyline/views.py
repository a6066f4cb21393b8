"""Focused outputs of the single-purpose commands (duplicates, stories, timeline, summarize).

``digest`` prints everything through :mod:`storyline.render`; these views print one part of
it. JSON views reuse the digest encoder so their objects have exactly the digest's shape.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from .errors import NotFoundError
from .model import (
    NO_OUTLET,
    Article,
    Digest,
    Passage,
    Story,
    TimelineEntry,
    known_source,
    outlet_name,
    shown_outlets,
)
from .pipeline import Analysis
from .render import articles_csv, relations_csv, to_html, to_json
from .render.figures import figure_differences
from .render.markdown import context_lines, md_escape, variant_lines
from .render.selection import StorySelection, shown_stories
from .render.views import (
    DigestIndex,
    claim_outlets,
    counted,
    dated_variants,
    entry_when,
    word_changes,
)
from .store import SearchHit
from .stories import Assignment
from .summary.corroboration import by_wording
from .timeline import Timeline


def _encoded(digest: Digest) -> dict[str, Any]:
    encoded: dict[str, Any] = json.loads(to_json(digest))
    return encoded


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _label(article: Article | None, article_id: str) -> str:
    if article is None:
        return article_id
    title = md_escape(article.title or article.text[:60])
    date = f", {article.day}" if article.day else ""
    return f"{title} ({md_escape(outlet_name(article.source))}{date}) [{article_id}]"


_PASSAGES_SHOWN = 5


def duplicates_view(digest: Digest, fmt: str) -> str:
    """Duplicate groups, then every relation with its kind, scores, original and passages."""
    if fmt == "html":
        return to_html(replace(digest, stories=(), topics=()))
    if fmt == "csv":
        return relations_csv(digest)
    if fmt == "json":
        encoded = _encoded(digest)
        keys = ("version", "groups", "relations", "skipped")
        return _dump({key: encoded[key] for key in keys})
    by_id = {article.id: article for article in digest.articles}
    lines = [f"# Duplicates and reuse ({len(digest.relations)} relations)", ""]
    for group in digest.groups:
        size = counted(len(group.article_ids), "article")
        lines.append(f"## Duplicate group {group.id} ({size})")
        for article_id in group.article_ids:
            mark = " (shown)" if article_id == group.representative else ""
            lines.append(f"- {_label(by_id.get(article_id), article_id)}{mark}")
        lines.append("")
    for relation in digest.relations:
        lines.append(f"## {relation.kind}: {relation.a} ~ {relation.b}")
        lines.append(
            f"similarity {relation.similarity:.2f}; containment "
            f"{relation.containment_a:.2f} / {relation.containment_b:.2f}"
        )
        reason = md_escape(relation.reason)
        if relation.original:
            lines.append(f"original: {relation.original} ({reason})" if reason else "")
        elif reason:  # the reason says "undecided: ..." or why neither is the original
            undecided = reason.startswith("undecided")
            lines.append(f"original: {reason}" if undecided else f"original: undecided ({reason})")
        sides = [by_id.get(i) for i in (relation.a, relation.b)]
        texts = [a.text if a else "" for a in sides]
        languages = [a.language or "" if a else "" for a in sides]
        lines.extend(_passage_lines(relation.passages[:_PASSAGES_SHOWN], *texts, *languages))
        if len(relation.passages) > _PASSAGES_SHOWN:
            lines.append(f"({len(relation.passages) - _PASSAGES_SHOWN} more passages)")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _passage_lines(
    passages: Sequence[Passage], a_text: str, b_text: str, a_language: str, b_language: str
) -> list[str]:
    """Each passage with its kind and score, then both sides, then what a copy with small
    edits changed (a spin's swapped words, a toll it altered), as ``compare`` lists them."""
    words = word_changes(passages)
    figures = figure_differences(passages, a_text, b_text, (a_language, b_language))
    lines = []
    for number, passage in enumerate(passages, start=1):
        lines.append(f"passage {number} ({passage.kind}, score {passage.score:.2f}):")
        lines.append(f"> {md_escape(passage.a_text)}")
        if passage.b_text != passage.a_text:
            lines.append(f">> {md_escape(passage.b_text)}")
        for label, pairs in (("words changed", words), ("figures differ", figures)):
            if pairs.get(number):
                shown = "; ".join(f"{a or '(none)'} / {b or '(none)'}" for a, b in pairs[number])
                lines.append(f"{label}: {md_escape(shown)}")
    return lines


def _story_header(story: Story) -> list[str]:
    span = " to ".join(d for d in (story.first_date, story.last_date) if d) or "undated"
    return [
        f"## {md_escape(story.title)}",
        f"id {story.id}; {counted(len(story.article_ids), 'article')}; {span}",
        f"outlets: {md_escape(', '.join(shown_outlets(story.outlets))) or NO_OUTLET}",
    ]


def stories_view(
    analysis: Analysis,
    fmt: str,
    explain: bool = False,
    selection: StorySelection | None = None,
) -> str:
    """Stories under their topics; with ``explain``, why each article joined its story.
    With a ``selection`` (Markdown and HTML), only the stories it picks."""
    digest = analysis.digest
    if fmt == "html":
        return to_html(digest, selection)
    if fmt == "csv":
        return articles_csv(digest)
    if fmt == "json":
        encoded = _encoded(digest)
        result = {key: encoded[key] for key in ("version", "stories", "topics", "articles")}
        if explain:
            result["assignments"] = [_assignment_dict(a) for a in analysis.stories.assignments]
        return _dump(result)
    by_id = {article.id: article for article in digest.articles}
    # only asked for when shown: an analysis read back from the stored digest has none
    reasons = {a.article_id: a for a in analysis.stories.assignments} if explain else {}
    shown, left_out = _shown(digest, digest.stories, selection)
    lines = [f"# {counted(len(digest.stories), 'story', 'stories')}", "", *_note_lines(left_out)]
    for story in shown:
        lines.extend(_story_header(story))
        if story.keywords:
            lines.append(f"keywords: {md_escape(', '.join(story.keywords))}")
        for article_id in story.article_ids:
            lines.append(f"- {_label(by_id.get(article_id), article_id)}")
            if explain and article_id in reasons:
                lines.append(f"  - {_explanation(reasons[article_id])}")
        lines.append("")
    lines.extend(_topic_lines(digest))
    return "\n".join(lines).rstrip() + "\n"


def _topic_lines(digest: Digest) -> list[str]:
    """The zoomed-out view: each topic and the stories it holds."""
    if not digest.topics:
        return []
    titles = {story.id: story.title for story in digest.stories}
    lines = [f"# {counted(len(digest.topics), 'topic')}", ""]
    for topic in digest.topics:
        lines.append(f"## {md_escape(topic.title)}")
        lines.append(f"id {topic.id}; {counted(len(topic.story_ids), 'story', 'stories')}")
        if topic.keywords:
            lines.append(f"keywords: {md_escape(', '.join(topic.keywords))}")
        lines.extend(f"- {md_escape(titles.get(sid, sid))} [{sid}]" for sid in topic.story_ids)
        lines.append("")
    return lines


def _assignment_dict(assignment: Assignment) -> dict[str, Any]:
    return {
        "article_id": assignment.article_id,
        "story_id": assignment.story_id,
        "score": round(assignment.score, 4),
        "new_story": assignment.new_story,
        "shared_terms": list(assignment.shared_terms),
        "shared_entities": list(assignment.shared_entities),
        "note": assignment.note,
    }


def _explanation(assignment: Assignment) -> str:
    if assignment.new_story:
        text = "founded the story"
    else:
        text = f"joined with score {assignment.score:.2f}"
    shared = list(dict.fromkeys((*assignment.shared_entities, *assignment.shared_terms)))
    if shared:
        text += "; shared: " + md_escape(", ".join(shared[:8]))
    if assignment.note:
        text += f" ({assignment.note})"
    return text


def timeline_lines(
    title: str,
    entries: Sequence[TimelineEntry],
    undated: Sequence[TimelineEntry],
    articles: Mapping[str, Article],
) -> list[str]:
    """Markdown lines of one timeline: dated entries, then what could not be dated."""
    lines = [f"## {md_escape(title)}", ""]
    for entry in entries:
        text = md_escape(entry.text)
        # The note says why a date was read as it was ("two-digit year read as 2026"), as the
        # digest prints it: a flagged date never shows without its reason.
        note = f" ({md_escape(entry.note)})" if entry.note else ""
        when = f"**{entry.date}** ({entry.granularity})"
        lines.append(f"- {when} {text} {_sources(entry)}{note}")
        lines += context_lines(entry, articles)
        lines += variant_lines(entry, lambda ids: f"[{', '.join(ids)}]")
    if undated:
        lines.extend(["", "Undated:"])
        for entry in undated:
            when = f"**{entry_when(entry)}** " if entry.month_day else ""
            note = md_escape(entry.note)
            lines.append(f"- {when}{md_escape(entry.text)} {_sources(entry)} ({note})")
            lines += context_lines(entry, articles)
    return [*lines, ""]


def _sources(entry: TimelineEntry) -> str:
    """ "[id1, id2] (Outlet A, Outlet B)": ids always, outlets only when they are known."""
    outlets = [o for o in entry.outlets if known_source(o)]
    named = f" ({md_escape(', '.join(outlets))})" if outlets else ""
    return f"[{', '.join(entry.article_ids)}]{named}"


def _pick_story(digest: Digest, story_id: str | None) -> tuple[Story, ...]:
    if story_id is None:
        return digest.stories
    chosen = tuple(story for story in digest.stories if story.id == story_id)
    if not chosen:  # a unique start of an id will do, as with git's commits
        chosen = tuple(story for story in digest.stories if story.id.startswith(story_id))
    if len(chosen) > 1:
        ids = ", ".join(story.id for story in chosen[:5]) + (", ..." if len(chosen) > 5 else "")
        raise NotFoundError(f"{story_id!r} starts {len(chosen)} story ids ({ids}): give more")
    if not chosen:
        raise NotFoundError(
            f"no story with id {story_id!r} among the {len(digest.stories):,} stories of this "
            "corpus (`storyline stories` lists their ids)"
        )
    return chosen


def _shown(
    digest: Digest, stories: tuple[Story, ...], selection: StorySelection | None
) -> tuple[list[Story], str]:
    """``stories`` most widely reported first, as the digest lists them, those that
    ``selection`` picks, and the note saying how many are left out."""
    return shown_stories(DigestIndex(replace(digest, stories=stories)), selection)


def _note_lines(note: str) -> list[str]:
    return [f"> {note}", ""] if note else []


def timeline_view(
    analysis: Analysis,
    fmt: str,
    story_id: str | None = None,
    selection: StorySelection | None = None,
) -> str:
    """Each story's timeline (or one story's); with a ``selection`` (Markdown and HTML),
    only those of the stories it picks."""
    stories = _pick_story(analysis.digest, story_id)
    if fmt == "html":
        return to_html(replace(analysis.digest, stories=stories), selection)
    if fmt == "json":
        encoded = _encoded(replace(analysis.digest, stories=stories))
        slim = [
            {key: s[key] for key in ("id", "title", "timeline", "undated")}
            for s in encoded["stories"]
        ]
        return _dump({"version": encoded["version"], "stories": slim})
    shown, left_out = _shown(analysis.digest, stories, selection)
    empty = [story for story in shown if not story.timeline and not story.undated]
    if empty:  # nothing in the --from/--to window, or nothing dated at all
        verb = "is" if len(empty) == 1 else "are"
        said = f"{counted(len(empty), 'story', 'stories')} with no timeline entry {verb} not shown."
        left_out = f"{left_out} {said}".strip()
    lines = ["# Timelines", "", *_note_lines(left_out)]
    articles = {article.id: article for article in analysis.digest.articles}
    for story in shown:
        if story.timeline or story.undated:
            lines.extend(timeline_lines(story.title, story.timeline, story.undated, articles))
    return "\n".join(lines).rstrip() + "\n"


def corpus_timeline_view(digest: Digest, timeline: Timeline, fmt: str) -> str:
    """One timeline over the whole corpus."""
    if fmt in ("json", "html"):
        whole = Story(
            id="corpus",
            title="Whole corpus",
            article_ids=tuple(article.id for article in digest.articles),
            timeline=timeline.entries,
            undated=timeline.undated,
        )
        if fmt == "html":
            return to_html(replace(digest, stories=(whole,), topics=()))
        encoded = _encoded(replace(digest, stories=(whole,), topics=()))
        story = encoded["stories"][0]
        return _dump(
            {
                "version": encoded["version"],
                "timeline": story["timeline"],
                "undated": story["undated"],
            }
        )
    articles = {article.id: article for article in digest.articles}
    body = timeline_lines("Whole corpus", timeline.entries, timeline.undated, articles)
    lines = ["# Timeline", "", *body]
    return "\n".join(lines).rstrip() + "\n"


def summaries_view(
    analysis: Analysis,
    fmt: str,
    story_id: str | None = None,
    selection: StorySelection | None = None,
) -> str:
    """Each story's attributed summary (or one story's), with source markers; with
    a ``selection`` (Markdown and HTML), only those of the stories it picks."""
    stories = _pick_story(analysis.digest, story_id)
    if fmt == "html":
        return to_html(replace(analysis.digest, stories=stories), selection)
    if fmt == "json":
        encoded = _encoded(replace(analysis.digest, stories=stories))
        slim = [{key: s[key] for key in ("id", "title", "summary")} for s in encoded["stories"]]
        return _dump({"version": encoded["version"], "stories": slim})
    index = DigestIndex(analysis.digest)
    shown, left_out = _shown(analysis.digest, stories, selection)
    lines = ["# Summaries", "", *_note_lines(left_out)]
    for story in shown:
        lines.extend(summary_lines(story, index))
    return "\n".join(lines).rstrip() + "\n"


def summary_lines(story: Story, index: DigestIndex) -> list[str]:
    """Markdown lines of one story's summary: each sentence with its sources, each version
    of a disputed figure or name with when it was first reported (earliest first, as the
    digest lists them), each outlet's own wording; then the sources."""
    by_id = index.articles
    lines = [*_story_header(story), ""]
    for claim in story.summary:
        outlets = claim_outlets(claim, by_id)
        lines.append(f"- {md_escape(claim.text)} [{', '.join(claim.support)}] ({outlets})")
        updated = index.superseded_by.values()
        for variant, when in dated_variants(claim.variants, by_id, updated, index.copied):
            first = f" (first reported {when})" if when else ""
            lines.append(
                f'  - sources differ: "{md_escape(variant.text)}" '
                f"[{', '.join(variant.article_ids)}]{first}"
            )
        for text, ids in by_wording(claim.corroboration):
            lines.append(f'  - also reported as: "{md_escape(text)}" [{", ".join(ids)}]')
    cited = sorted(
        {i for claim in story.summary for i in claim.support}
        | {r.article_id for claim in story.summary for r in claim.corroboration}
    )
    return [*lines, "", "Sources:", *(f"- {_label(by_id.get(i), i)}" for i in cited), ""]


def search_view(hits: Sequence[SearchHit], fmt: str) -> str:
    """Full-text search hits, best first."""
    if fmt == "json":
        return _dump(
            [
                {
                    "article_id": h.article_id,
                    "title": h.title,
                    "snippet": h.snippet,
                    "rank": h.rank,
                    "superseded_by": h.superseded_by or None,
                }
                for h in hits
            ]
        )
    if not hits:
        return "no match"
    return "\n".join(
        f"{h.article_id}  {h.title}"
        + (f"  (an earlier version of {h.superseded_by})" if h.superseded_by else "")
        # one line per snippet: a match across a paragraph break would print the break
        + f"\n    {' '.join(h.snippet.split())}"
        for h in hits
    )
