"""Digest -> JSON, schema version 1.x (documented in ``docs/json-schema.md``); read back by
:mod:`.jsonin`.

The encoding is deterministic (sorted keys, two-space indent, UTF-8 kept as is) so that the
same digest always gives the same bytes. Article text is left out to keep the file small:
decoded articles carry ``text == raw_text == ""`` and their word count in ``word_count``, so
``to_json(jsonin.digest_from_json(s)) == s`` for any ``s`` this module wrote.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from json.encoder import encode_basestring
from typing import Any, TypeVar, cast

from ..model import (
    Article,
    Claim,
    Digest,
    Passage,
    Relation,
    Skipped,
    Story,
    TimelineEntry,
)

JsonObject = dict[str, Any]
T = TypeVar("T")


# ---------------------------------------------------------------- encode


def article_to_dict(a: Article) -> JsonObject:
    return {
        "id": a.id,
        "title": a.title,
        "source": a.source,
        "url": a.url,
        "published": a.published,
        "published_origin": a.published_origin,
        "language": a.language,
        "path": a.path,
        "record": a.record,
        "words": a.words,
    }


def _skipped(s: Skipped) -> JsonObject:
    found: JsonObject = {"path": s.path, "record": s.record, "reason": s.reason}
    if s.superseded_by:  # an earlier version of a page: which article, replaced by which
        found.update(article_id=s.article_id, superseded_by=s.superseded_by)
    return found


def _claim(c: Claim) -> JsonObject:
    return {
        "text": c.text,
        "article_id": c.article_id,
        "start": c.start,
        "end": c.end,
        "support": list(c.support),
        "outlets": c.outlets,
        "first_seen": c.first_seen,
        "variants": [{"text": v.text, "article_ids": list(v.article_ids)} for v in c.variants],
        "corroboration": [
            {"article_id": r.article_id, "text": r.text, "start": r.start, "end": r.end}
            for r in c.corroboration
        ],
    }


def _entry(e: TimelineEntry) -> JsonObject:
    return {
        "date": e.date,
        "granularity": e.granularity,
        "text": e.text,
        "article_ids": list(e.article_ids),
        "outlets": list(e.outlets),
        "score": e.score,
        "note": e.note,
        "month_day": e.month_day,
        "evidence": [
            {
                "text": ev.text,
                "article_id": ev.article_id,
                "expression": ev.expression,
                "start": ev.start,
                "end": ev.end,
            }
            for ev in e.evidence
        ],
    }


class Encoded:
    """Digest JSON already written for a story's results (its summary, timeline or undated
    entries), by the identity of the tuple it was written from or read into: a later run
    reuses most stories' results, and encoding them again took most of :func:`to_json`.

    Keyed by identity, not value: a tuple is matched only by the very object the text was
    made from (or read into), so a story whose results were computed again, or replaced,
    is encoded afresh. A stored result that a run did not decode is held by story id
    (:meth:`hold`): its text is the story's, whatever the story object holds."""

    def __init__(self) -> None:
        self._texts: dict[int, tuple[object, str]] = {}
        self._held: dict[str, dict[str, str]] = {}

    def add(self, story: Story, kind: str, text: str) -> None:
        """Remember the fragments of :func:`story_results_to_json` ``text`` for ``story``,
        whose ``kind`` result it holds (a text of another layout is not remembered)."""
        for name, fragment in _fragments(kind, text).items():
            value = getattr(story, name)
            self._texts[id(value)] = (value, fragment)

    def text(self, value: object) -> str | None:
        found = self._texts.get(id(value))
        return found[1] if found is not None and found[0] is value else None

    def hold(self, story_id: str, kind: str, text: str) -> None:
        """Keep the :func:`story_results_to_json` ``text`` of the ``kind`` result of the
        story ``story_id``, which is not decoded: in the digest, that story's fields of
        this kind are this text, whatever its object holds (one analysis, one story per id)."""
        self._held.setdefault(story_id, {})[kind] = text

    def held(self, story_id: str) -> dict[str, str]:
        """The texts held for ``story_id``, by kind (see :meth:`hold`)."""
        return self._held.get(story_id, {})

    def field(self, story: Story, name: str) -> str | None:
        """The digest text of ``story``'s field ``name``: held, or written from its value."""
        held = self._held.get(story.id)
        if held is not None:
            kind = _KIND_OF[name]
            text = held.get(kind)
            if text is not None:
                return _fragments(kind, text)[name]
        return self.text(getattr(story, name))


# The result kind that holds each of a story's result fields.
_KIND_OF = {"summary": "summary", "timeline": "timeline", "undated": "timeline"}


class _Raw(str):
    """JSON text written already, at its place in the digest: :func:`_dumps` copies it."""


def _story_item(s: Story, encoded: Encoded | None) -> JsonObject:
    item = story_to_dict(s) if encoded is None else _story_fields(s)
    if encoded is not None:
        for name, make in (("summary", _claim), ("timeline", _entry), ("undated", _entry)):
            text = encoded.field(s, name)
            values: tuple[Any, ...] = () if text is not None else getattr(s, name)
            item[name] = _Raw(text) if text is not None else [make(v) for v in values]
    return item


def _story_fields(s: Story) -> JsonObject:
    return {
        "id": s.id,
        "title": s.title,
        "article_ids": list(s.article_ids),
        "keywords": list(s.keywords),
        "first_date": s.first_date,
        "last_date": s.last_date,
        "outlets": list(s.outlets),
        "topic_id": s.topic_id,
    }


def story_to_dict(s: Story) -> JsonObject:
    return {
        **_story_fields(s),
        "summary": [_claim(c) for c in s.summary],
        "timeline": [_entry(e) for e in s.timeline],
        "undated": [_entry(e) for e in s.undated],
    }


def _passage(p: Passage) -> JsonObject:
    return {
        "a_start": p.a_start,
        "a_end": p.a_end,
        "b_start": p.b_start,
        "b_end": p.b_end,
        "a_text": p.a_text,
        "b_text": p.b_text,
        "kind": p.kind,
        "score": p.score,
    }


def relation_to_dict(r: Relation) -> JsonObject:
    return {
        "a": r.a,
        "b": r.b,
        "kind": r.kind,
        "similarity": r.similarity,
        "containment_a": r.containment_a,
        "containment_b": r.containment_b,
        "original": r.original,
        "reason": r.reason,
        "passages": [_passage(p) for p in r.passages],
    }


def _sections(digest: Digest, encoded: Encoded | None = None) -> dict[str, Iterator[object]]:
    """Each list of the digest, made item by item (see :func:`to_json`)."""
    return {
        "articles": (article_to_dict(a) for a in digest.articles),
        "stories": (_story_item(s, encoded) for s in digest.stories),
        "topics": (
            {
                "id": t.id,
                "title": t.title,
                "story_ids": list(t.story_ids),
                "keywords": list(t.keywords),
                "summary": [_claim(c) for c in t.summary],
            }
            for t in digest.topics
        ),
        "groups": (
            {"id": g.id, "representative": g.representative, "article_ids": list(g.article_ids)}
            for g in digest.groups
        ),
        "relations": (relation_to_dict(r) for r in digest.relations),
        "skipped": (_skipped(s) for s in digest.skipped),
        "notes": iter(digest.notes),
    }


def digest_to_dict(digest: Digest) -> JsonObject:
    """The digest as plain JSON-ready data (schema 1.x)."""
    lists: JsonObject = {key: list(items) for key, items in _sections(digest).items()}
    return {"version": digest.version, **lists}


def to_json(digest: Digest, encoded: Encoded | None = None) -> str:
    """The digest as deterministic JSON text (schema 1.x, article text omitted).

    The same bytes as ``json.dumps(digest_to_dict(digest), sort_keys=True, indent=2,
    ensure_ascii=False)``, but each list item is encoded as soon as it is made: the whole
    digest never exists as Python dicts at once (at 100k articles that is gigabytes).
    Story results found in ``encoded`` are copied, not encoded again.
    """
    sections = _sections(digest, encoded)
    out = ["{"]
    for position, key in enumerate(sorted([*sections, "version"])):
        out.append(f"{',' if position else ''}\n  {_dumps(key)}: ")
        if key == "version":
            out.append(_dumps(digest.version))
        else:
            _extend_list(out, sections[key])
    out.append("\n}")
    return "".join(out)  # one join: no partial copies of a text that can be gigabytes


def _extend_list(out: list[str], items: Iterator[object]) -> None:
    """Append a list as ``json.dumps(..., indent=2)`` writes it one level deep."""
    empty = True
    for item in items:
        out.append("[\n    " if empty else ",\n    ")
        out.append(_dumps(item, "    "))
        empty = False
    out.append("[]" if empty else "\n  ]")


def _dumps(value: object, pad: str = "") -> str:
    """``json.dumps(value, sort_keys=True, ensure_ascii=False, indent=2)``, every line after
    the first indented by ``pad``: the same text in about half the time (the standard
    library encodes in C only without indentation; with it, it yields token by token)."""
    kind = type(value)
    if kind is str:
        return encode_basestring(cast(str, value))
    if kind is dict:
        mapping = cast(dict[Any, object], value)
        if not mapping:
            return "{}"
        inner = pad + "  "
        try:
            fields = [
                encode_basestring(k) + ": " + _dumps(mapping[k], inner) for k in sorted(mapping)
            ]
        except TypeError:  # keys that are not all text: json's own rules for them
            return _standard(value, pad)
        return "{\n" + inner + (",\n" + inner).join(fields) + "\n" + pad + "}"
    if kind is list or kind is tuple:
        items = cast(list[object], value)
        if not items:
            return "[]"
        inner = pad + "  "
        encoded = [_dumps(item, inner) for item in items]
        return "[\n" + inner + (",\n" + inner).join(encoded) + "\n" + pad + "]"
    if kind is _Raw:
        return cast(str, value)
    if kind is int or (kind is float and math.isfinite(cast(float, value))):
        return repr(value)
    if value is None or kind is bool:
        return _CONSTANTS[cast("bool | None", value)]
    return _standard(value, pad)


_CONSTANTS = {None: "null", True: "true", False: "false"}


def _standard(value: object, pad: str) -> str:
    # Newlines inside strings are escaped by json, so every raw newline is indentation.
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + pad) if pad else text


def story_results_to_json(story: Story, kind: str) -> str:
    """One story's ``kind`` result ("summary" or "timeline", the latter with the undated
    entries) as JSON to keep between runs, laid out as the digest has it (see
    :class:`Encoded`): a summary is the very text of the story's "summary" in the digest; a
    timeline is a list of the texts of its "timeline" and "undated"."""
    if kind == "summary":
        return claims_to_json(story.summary)
    dated = _dumps([_entry(e) for e in story.timeline], _RESULT_PAD)
    undated = _dumps([_entry(e) for e in story.undated], _RESULT_PAD)
    return f"[\n{_RESULT_PAD}{dated},\n{_RESULT_PAD}{undated}\n{_RESULT_PAD[:-2]}]"


def claims_to_json(claims: tuple[Claim, ...]) -> str:
    """A summary's claims as JSON to keep between runs (a story's, laid out as the digest has
    it, see :func:`story_results_to_json`; a topic's the same way)."""
    return _dumps([_claim(c) for c in claims], _RESULT_PAD)


# The indentation of a story's fields in the digest (stories are items of a top-level list).
_RESULT_PAD = " " * 6
# Between the two lists of a timeline result: no line of the first list starts with "[" at
# this indentation (its items are deeper, its closing line is "]"), so this splits them.
_TIMELINE_SPLIT = f",\n{_RESULT_PAD}["


def in_digest_layout(kind: str, text: str) -> bool:
    """Whether a stored ``kind`` result is laid out as :func:`story_results_to_json` lays it
    out now (one stored by an earlier release is compact)."""
    return bool(_fragments(kind, text))


def _fragments(kind: str, text: str) -> dict[str, str]:
    """The digest texts in a :func:`story_results_to_json` ``text`` by story field; empty
    when ``text`` has another layout (written by an older release, or edited)."""
    if kind == "summary":
        return {"summary": text} if _is_list_at(text, _RESULT_PAD) else {}
    opening, closing = f"[\n{_RESULT_PAD}", f"\n{_RESULT_PAD[:-2]}]"
    if not (text.startswith(opening) and text.endswith(closing)):
        return {}
    dated, split, undated = text[len(opening) : -len(closing)].partition(_TIMELINE_SPLIT)
    undated = "[" + undated
    if not (split and _is_list_at(dated, _RESULT_PAD) and _is_list_at(undated, _RESULT_PAD)):
        return {}
    return {"timeline": dated, "undated": undated}


def _is_list_at(text: str, pad: str) -> bool:
    """Whether ``text`` is laid out as :func:`_dumps` writes a list at indentation ``pad``."""
    return text == "[]" or (text.startswith(f"[\n{pad}  ") and text.endswith(f"\n{pad}]"))


def relation_result_to_json(relation: Relation | None) -> str:
    """What a candidate pair was found to be (``null``: nothing) as compact JSON."""
    value = None if relation is None else relation_to_dict(relation)
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
