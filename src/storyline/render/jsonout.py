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
    Variant,
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
        "variants": _variants(c.variants),
        "corroboration": [
            {"article_id": r.article_id, "text": r.text, "start": r.start, "end": r.end}
            for r in c.corroboration
        ],
    }


def _variants(variants: tuple[Variant, ...]) -> list[JsonObject]:
    return [{"text": v.text, "article_ids": list(v.article_ids)} for v in variants]


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
        "variants": _variants(e.variants),
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


def _sections(digest: Digest) -> dict[str, Iterator[object]]:
    """Each list of the digest, made item by item (see :func:`to_json`)."""
    return {
        "articles": (article_to_dict(a) for a in digest.articles),
        "stories": (story_to_dict(s) for s in digest.stories),
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
    sections = {
        key: (_dumps(item, _PAD) for item in items) for key, items in _sections(digest).items()
    }
    # the largest lists, written from their objects without making dicts of them first
    sections["articles"] = (_article_text(a) for a in digest.articles)
    sections["stories"] = (_story_text(s, encoded) for s in digest.stories)
    sections["relations"] = (_relation_text(r) for r in digest.relations)
    out = ["{"]
    for position, key in enumerate(sorted([*sections, "version"])):
        out.append(f"{',' if position else ''}\n  {_dumps(key)}: ")
        if key == "version":
            out.append(_dumps(digest.version))
        else:
            _extend_list(out, sections[key])
    out.append("\n}")
    return "".join(out)  # one join: no partial copies of a text that can be gigabytes


def _extend_list(out: list[str], items: Iterator[str]) -> None:
    """Append a list of item texts as ``json.dumps(..., indent=2)`` writes it one level deep."""
    empty = True
    for item in items:
        out.append("[\n    " if empty else ",\n    ")
        out.append(item)
        empty = False
    out.append("[]" if empty else "\n  ]")


# -- items written from their objects: the text _dumps writes of their dicts, at once --------
#
# A dict made per item, its keys sorted and each value dispatched by type took most of the
# digest's encoding (83k stories' fields, 100k articles, 21k relations at 100k generated
# articles). Each template holds an item's keys, sorted, as _dumps lays them out at the
# indentation of its list; tests check the text against _dumps of the dict.

_PAD = "    "  # the indentation of a top-level list's items
_PASSAGE_PAD = _PAD + "    "  # of a relation's passages


def _template(keys: str, pad: str) -> str:
    """A %-template of an object with ``keys`` (space-separated) as _dumps writes it at
    ``pad``: the values go in the order of the keys sorted."""
    inner = pad + "  "
    fields = (",\n" + inner).join(f"{encode_basestring(k)}: %s" for k in sorted(keys.split()))
    return "{\n" + inner + fields + "\n" + pad + "}"


_ARTICLE = _template(
    "id language path published published_origin record source title url words", _PAD
)
_STORY = _template(
    "article_ids first_date id keywords last_date outlets summary timeline title topic_id undated",
    _PAD,
)
_RELATION = _template(
    "a b containment_a containment_b kind original passages reason similarity", _PAD
)
_PASSAGE = _template("a_end a_start a_text b_end b_start b_text kind score", _PASSAGE_PAD)
_FIELD_PAD = _PAD + "  "  # the indentation of an item's fields


def _article_text(a: Article) -> str:
    values = (a.id, a.language, a.path, a.published, a.published_origin, a.record, a.source)
    return _ARTICLE % tuple(_dumps(v, _FIELD_PAD) for v in (*values, a.title, a.url, a.words))


def _story_text(s: Story, encoded: Encoded | None) -> str:
    pad = _FIELD_PAD
    results = []
    for name, make in (("summary", _claim), ("timeline", _entry), ("undated", _entry)):
        text = encoded.field(s, name) if encoded is not None else None
        values: tuple[Any, ...] = () if text is not None else getattr(s, name)
        results.append(text if text is not None else _dumps([make(v) for v in values], pad))
    return _STORY % (
        _strings(s.article_ids, pad),
        _dumps(s.first_date, pad),
        _dumps(s.id, pad),
        _strings(s.keywords, pad),
        _dumps(s.last_date, pad),
        _strings(s.outlets, pad),
        results[0],
        results[1],
        _dumps(s.title, pad),
        _dumps(s.topic_id, pad),
        results[2],
    )


def _relation_text(r: Relation) -> str:
    pad, inner = _FIELD_PAD, _FIELD_PAD + "  "
    passages = "[]"
    if r.passages:
        items = (",\n" + inner).join([_passage_text(p) for p in r.passages])
        passages = "[\n" + inner + items + "\n" + pad + "]"
    values = (r.a, r.b, r.containment_a, r.containment_b, r.kind, r.original)
    head = tuple(_dumps(v, pad) for v in values)
    return _RELATION % (*head, passages, _dumps(r.reason, pad), _dumps(r.similarity, pad))


def _passage_text(p: Passage) -> str:
    pad = _PASSAGE_PAD + "  "
    values = (p.a_end, p.a_start, p.a_text, p.b_end, p.b_start, p.b_text, p.kind, p.score)
    return _PASSAGE % tuple(_dumps(v, pad) for v in values)


def _strings(items: tuple[str, ...], pad: str) -> str:
    """A list of texts as _dumps writes it at ``pad`` (anything else: as _dumps writes it)."""
    if not items:
        return "[]"
    if all(type(item) is str for item in items):
        inner = pad + "  "
        return (
            "[\n" + inner + (",\n" + inner).join(map(encode_basestring, items)) + "\n" + pad + "]"
        )
    return _dumps(list(items), pad)


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
