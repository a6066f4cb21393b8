"""The digest as Markdown: readable on a terminal, safe when a viewer renders it.

Article titles and texts are escaped (no raw HTML, no link syntax from content reaches the
reader), and only http(s) urls are printed, inside angle brackets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from ..changes import Changes, changes_line, story_news
from ..model import (
    Article,
    Claim,
    Digest,
    Relation,
    Skipped,
    Story,
    TimelineEntry,
    outlet_name,
    shown_outlets,
)
from ..summary.corroboration import by_wording
from .figures import copy_changes, copy_notes
from .selection import StorySelection, shown_stories
from .views import (
    DigestIndex,
    Folded,
    claim_outlets,
    counted,
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
    printable,
    safe_url,
    split_skipped,
    topic_cited,
    topic_claims,
    topic_markers,
    variant_groups,
)

# Before a sentence of another outlet that states a summary sentence's fact in its own words:
# it is counted among the independent outlets, and the reader can check it.
_ALSO = "also reported as:"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~&])")


def md_escape(text: str) -> str:
    """One line of plain text with Markdown and HTML syntax made literal."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(printable(text).split()))


def context_lines(entry: TimelineEntry, articles: Mapping[str, Article]) -> list[str]:
    """The line under an entry that opens on a pronoun: the sentence before it in its article
    (:func:`~storyline.render.views.entry_context`), as printed; none for other entries."""
    context = entry_context(entry, articles)
    return [f"  - preceded by: \u201c{md_escape(context)}\u201d"] if context else []


def variant_lines(entry: TimelineEntry, cite: Callable[[tuple[str, ...]], str]) -> list[str]:
    """The lines under an entry whose sources give its day or its figure otherwise
    (:mod:`~storyline.timeline.disputes`, :func:`~storyline.timeline.variants.entry_variants`),
    each version with its sources."""
    return [
        f"  - {heading}: " + "; ".join(f"{md_escape(v.text)} {cite(v.article_ids)}" for v in group)
        for heading, group in variant_groups(entry.variants)
    ]


def _cite(article_ids: tuple[str, ...], numbers: dict[str, int]) -> str:
    shown, more = markers(article_ids, numbers)
    text = "".join(f"[{n}]" for n, _ in shown)
    return f"{text} (+{more} more)" if more else text


# A date the article does not give itself, and where it came from instead.
_DATED_BY = {"path": " (from its folder or file name)", "url": " (from its web address)"}


def _article_line(article: Article, number: int) -> str:
    parts = [
        f"[{number}] {md_escape(article.title or article.id)}",
        md_escape(outlet_name(article.source)),
    ]
    if article.published:
        dated_by = _DATED_BY.get(article.published_origin, "")
        parts.append(md_escape(article.published[:10]) + dated_by)
    url = safe_url(article.url)
    if url:
        parts.append(f"<{url}>")
    return " — ".join(parts)


def _news_mark(label: str) -> str:
    """ " · **new**" or " · **updated**": since the previous digest (storyline.changes)."""
    return f" · **{label}**" if label else ""


def _sources(folded: list[Folded], index: DigestIndex, news: Mapping[str, str]) -> list[str]:
    """The story's articles, numbered, duplicates under their original; ``news``: "new" or
    "updated" since the previous digest, by article id."""
    lines = ["### Sources", ""]
    numbers = numbering(folded)
    for entry in folded:
        copied = index.copied(entry.article.id, numbers)
        cites = "".join(f"[{numbers[original]}]" for original in copied)
        # A copy that changed a figure says which, so the list does not read as a reprint.
        originals = [(original, numbers[original]) for original in copied]
        notes = copy_notes(index, entry.article.id, originals, escape=md_escape)
        said = "".join(f"; {note}" for note in notes)
        copies = f" (copies {cites}{said})" if cites else ""
        fresh = _news_mark(news.get(entry.article.id, ""))
        lines.append(f"- {_article_line(entry.article, entry.number)}{copies}{fresh}")
        for dup, number in entry.duplicates:
            notes = copy_notes(index, dup.id, [(entry.article.id, entry.number)], escape=md_escape)
            said = "".join(f"; {note}" for note in notes)
            fresh = _news_mark(news.get(dup.id, ""))
            lines.append(
                f"  - {_article_line(dup, number)} (duplicate of [{entry.number}]{said}){fresh}"
            )
    return [*lines, ""]


def _timeline(
    entries: tuple[TimelineEntry, ...],
    numbers: dict[str, int],
    head: str,
    articles: Mapping[str, Article],
    left: str = "",
) -> list[str]:
    if not entries:
        return []
    lines = [f"### {head}", ""]
    for entry in entries:
        when = md_escape(entry_when(entry))
        note = f" ({md_escape(entry.note)})" if entry.note else ""
        lines.append(
            f"- **{when}** {md_escape(entry.text)} {_cite(entry.article_ids, numbers)}{note}"
        )
        lines += context_lines(entry, articles)
        lines += variant_lines(entry, lambda ids: _cite(ids, numbers))
    return [*lines, *([f"- {left}"] if left else []), ""]


def _more_dates(left: int, story_id: str) -> str:
    more = more_dates(left)
    return f"{more}: `storyline timeline --story {story_id}` lists every date" if more else ""


def _story(position: int, story: Story, index: DigestIndex, changes: Changes | None) -> list[str]:
    news = story_news(story, changes)
    marks = changes.labels(story) if changes and news else {}
    folded = fold_story(story, index)
    numbers = numbering(folded)
    count = len(set(story.article_ids))
    shown, left = key_entries(story.timeline)
    head = [
        f"## {position}. {md_escape(story.title or story.id)}",
        "",
        f"{date_span(story.first_date, story.last_date)} · {counted(count, 'article')} · "
        + (f"**{news}** · " if news else "")
        + f"outlets: {md_escape(', '.join(shown_outlets(story.outlets))) or 'none'} "
        f"· id {md_escape(story.id)}",
        "",
    ]
    if story.keywords:
        head += [f"Keywords: {md_escape(', '.join(story.keywords))}", ""]
    summary: list[str] = []
    if story.summary:
        summary = ["### Summary", ""]
        for claim in story.summary:
            cite = _cite(claim.support, numbers)
            outlets = claim_outlets(claim, index.articles)
            summary.append(f"- {md_escape(claim.text)} {cite} ({outlets})")
            summary += _claim_details(
                claim, index, lambda ids: _cite(ids, numbers), ("  - variant: ", "  - ")
            )
        summary.append("")
    return [
        *head,
        *summary,
        *_timeline(shown, numbers, "Timeline", index.articles, _more_dates(left, story.id)),
        *_timeline(story.undated, numbers, "Undated", index.articles),
        *_sources(folded, index, marks),
    ]


def _topics(digest: Digest, index: DigestIndex, shown: Sequence[Story]) -> list[str]:
    """Each topic with its stories and, for a topic of several stories, its summary: citations
    read ``[story.source]``, the numbers of the stories' own source lists. Stories are named
    by the numbers of their headings (``shown``, in order); one not shown is left out, with
    the summary's sentences only it supports, and a topic none of whose stories is shown."""
    positions = {s.id: i for i, s in enumerate(shown, start=1)}
    where = topic_markers(shown, index)

    def cite(article_ids: tuple[str, ...]) -> str:
        cited, more = topic_cited(article_ids, where)
        text = "".join(f"[{marker}]" for marker, _ in cited)
        return f"{text} (+{more} more)".lstrip() if more else text

    lines = ["## Topics", ""]
    for topic in digest.topics:
        stories = ", ".join(
            map(str, sorted(positions[s] for s in topic.story_ids if s in positions))
        )
        if not stories:  # its stories are left out of this selection: so is it
            continue
        keywords = f" ({md_escape(', '.join(topic.keywords))})" if topic.keywords else ""
        hidden = not_shown(topic, positions)
        lines.append(f"- {md_escape(topic.title or topic.id)}: stories {stories}{hidden}{keywords}")
        for claim in topic_claims(topic.summary, where):
            lines.append(
                f"  - {md_escape(claim.text)} {cite(claim.support)} "
                f"({claim_outlets(claim, index.articles)})"
            )
            if claim.variants:
                lines.append("    - sources differ:")
            lines += _claim_details(claim, index, cite, ("      - ", "    - "))
    return [*lines, ""] if len(lines) > 2 else []


def _claim_details(
    claim: Claim,
    index: DigestIndex,
    cite: Callable[[tuple[str, ...]], str],
    prefixes: tuple[str, str],
) -> list[str]:
    """The lines under a summary sentence: each version of a disputed figure or name (when
    first reported) and each outlet's own wording of it, after ``prefixes`` (versions, wordings)."""
    versions, wordings = prefixes
    lines = [
        f"{versions}{md_escape(variant.text)} {cite(variant.article_ids)}{_first_reported(when)}"
        for variant, when in dated_variants(
            claim.variants, index.articles, index.superseded_by.values(), index.copied
        )
    ]
    lines += [
        f"{wordings}{_ALSO} {md_escape(text)} {cite(ids)}"
        for text, ids in by_wording(claim.corroboration)
    ]
    return lines


def _first_reported(when: str) -> str:
    return f" (first reported {when})" if when else ""


def _relation_line(relation: Relation, index: DigestIndex) -> str:
    a, b = index.article(relation.a), index.article(relation.b)
    line = (
        f"- {md_escape(a.title or a.id)} ({md_escape(outlet_name(a.source))}) ⇄ "
        f"{md_escape(b.title or b.id)} ({md_escape(outlet_name(b.source))}): {relation.kind}, "
        f"similarity {relation.similarity:.2f}"
    )
    if relation.kind == "translation":  # a translation shares sentences, not words
        line += f", {counted(len(relation.passages), 'aligned sentence pair')}"
    elif relation.kind == "duplicate":
        line += ", the same text"
    else:
        line += f", {counted(len(relation.passages), 'shared passage')}"
    if pairs := copy_changes(index, a.id, b.id):  # the figure a rewrite changed
        shown = "; ".join(f"{md_escape(mine)} / {md_escape(theirs)}" for mine, theirs in pairs)
        line += f", figures differ: {shown}"
    if relation.original:
        original = index.article(relation.original)
        named = md_escape(outlet_name(original.source))
        line += f"; original: {named}, {md_escape(original.title or original.id)}"
    if relation.reason:
        line += f" ({md_escape(relation.reason)})"
    return line


def to_markdown(digest: Digest, selection: StorySelection | None = None) -> str:
    """The digest as Markdown: stories (summary, timeline, sources), most widely reported
    first, then topics, relations and skipped inputs. With a ``selection``, only the stories
    it picks are shown, and a note says how many are not."""
    index = DigestIndex(digest)
    stories, left_out = shown_stories(index, selection)
    n_articles, n_stories = len(digest.articles), len(digest.stories)
    skipped, remarks = split_skipped(digest)
    lines = [
        "# Digest",
        "",
        f"{counted(n_stories, 'story', 'stories')} from {counted(n_articles, 'article')}"
        + (f" ({len(skipped)} skipped)" if skipped else "")
        + ".",
        "",
    ]
    changes = selection.changes if selection else None
    news = changes_line(digest.stories, changes)
    lines += [news, ""] if news else []
    for note in (*digest.notes, left_out) if left_out else digest.notes:
        lines += [f"> {md_escape(note)}", ""]
    for position, story in enumerate(stories, start=1):
        lines += _story(position, story, index, changes)
    if digest.topics:
        lines += _topics(digest, index, stories)
    # A relation of stories left out of the page is left out with them.
    relations = (selection or StorySelection()).relations(
        digest.relations, stories if left_out else None
    )
    if relations:
        lines += ["## Relations", ""]
        lines += [_relation_line(r, index) for r in relations]
        lines.append("")
    chosen = selection or StorySelection()
    lines += _inputs("Skipped", *chosen.inputs(skipped))
    lines += _inputs("Read, with a note", *chosen.inputs(remarks))
    return "\n".join(lines).rstrip("\n") + "\n"


def _inputs(head: str, entries: Sequence[tuple[Skipped, bool]], older: str) -> list[str]:
    """A skip list: each entry, marked when new since the previous digest; ``older``: the
    note on those recorded before it and left out (``--changed``)."""
    if not entries:
        return []
    lines = [f"## {head}", ""]
    for entry, fresh in entries:
        line = f"- {md_escape(entry.where)}: {md_escape(entry.reason)}"
        lines.append(line + _news_mark("new" if fresh else ""))
    lines += ["", md_escape(older)] if older else []
    return [*lines, ""]
