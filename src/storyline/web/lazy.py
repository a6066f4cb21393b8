"""The web app's index of the stored digest, decoded part by part as pages ask for it.

A 20,000-article digest is 72 MB of JSON; decoding all of it took 4-7 s, paid by the first
request after every run, although the stories list needs only each story's outline and a
story page only its own story. :func:`index_digest` reads the layout that
:func:`storyline.render.jsonout.to_json` writes (sorted keys, two-space indent, one list item
per four-space block; raw newlines never occur inside JSON strings, so a line's indent says
how deep it is), decodes the articles, groups and small sections, and only the outline of
each story (ids, title, dates, outlets, keywords) and the ends of each relation. A story's
summary and timeline, and a relation's passages, are decoded when a page asks for them. Text
in any other layout is decoded whole, as before.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property
from typing import Any, TypeVar, overload

from ..errors import StoreError
from ..model import Relation, Story
from ..render.jsonin import (
    article_from_dict,
    digest_from_json,
    relation_from_dict,
    story_from_dict,
)
from ..render.views import DigestIndex, ranked_stories

_T = TypeVar("_T")
_DECODER = json.JSONDecoder()
# the fields of a story the stories list shows or ranks by; the rest waits for its page
_OUTLINE = re.compile(
    r'\n      "(article_ids|first_date|id|keywords|last_date|outlets|title|topic_id)": '
)
_SMALL = ("groups", "notes", "skipped", "topics")
STORIES_KEPT = 256  # fully decoded stories kept per digest (a page view each)


class _Unrecognised(Exception):
    """The text is not in to_json's layout: decode it whole."""


Span = tuple[int, int]


def _sections(text: str) -> dict[str, Span]:
    """Top-level key -> (start, end) of its value text."""
    if not text.startswith('{\n  "') or not text.endswith("\n}"):
        raise _Unrecognised
    marks: list[tuple[str, int, int]] = []  # key, where its line starts, where its value does
    at = text.find('\n  "')
    while at >= 0:
        key, end = _DECODER.raw_decode(text, at + 3)
        if not isinstance(key, str) or not text.startswith(": ", end):
            raise _Unrecognised
        marks.append((key, at, end + 2))
        at = text.find('\n  "', end)
    spans: dict[str, Span] = {}
    for i, (key, _, start) in enumerate(marks):
        end = marks[i + 1][1] - 1 if i + 1 < len(marks) else len(text) - 2
        if i + 1 < len(marks) and text[end] != ",":
            raise _Unrecognised
        spans[key] = (start, end)
    return spans


def _items(text: str, span: Span) -> list[Span]:
    """(start, end) of each object of the list at ``span``, one per four-space block."""
    start, end = span
    if text[start:end] == "[]":
        return []
    if not text.startswith("[\n    {", start):
        raise _Unrecognised
    spans: list[Span] = []
    i = start + 6
    while True:
        close = text.find("\n    }", i, end)
        if close < 0:
            raise _Unrecognised
        stop = close + 6
        spans.append((i, stop))
        if text.startswith(",\n    {", stop):
            i = stop + 6
        elif stop + 4 == end and text.startswith("\n  ]", stop):
            return spans
        else:
            raise _Unrecognised


class WebIndex(DigestIndex):
    """A :class:`DigestIndex` whose ``digest.stories`` (and ``stories``, ``story_of``) are
    outlines: no summary, timeline or undated entries. :meth:`story` gives a whole story;
    ``relations_of`` decodes an article's relations when asked for them."""

    def __init__(self, index: DigestIndex, story: Callable[[str], Story], text: str) -> None:
        # the attributes of ``index``, not a second build of them
        self.__dict__.update(index.__dict__)
        self._text = text
        self._story = story
        self._ranked: list[Story] | None = None
        self._lock = threading.Lock()

    @cached_property
    def digest_id(self) -> str:
        """Names this digest to a client paging through it: worked out when first asked
        for (0.07 s at 72 MB), the same for the same text."""
        return hashlib.sha1(self._text.encode(), usedforsecurity=False).hexdigest()[:16]

    def story(self, story_id: str) -> Story | None:
        """The whole story (summary and timeline too), or None when the digest has none."""
        return self._story(story_id) if story_id in self.stories else None

    def ranked(self) -> list[Story]:
        """The stories most widely reported first, as :func:`ranked_stories` orders them;
        worked out once per digest, not at every visit of a page of the list."""
        with self._lock:
            if self._ranked is None:
                self._ranked = ranked_stories(self)
            return self._ranked


class _Relations(dict[str, list[Relation]]):
    """article id -> its relations, each relation decoded the first time it is asked for."""

    def __init__(self, text: str, spans: list[Span], ends: dict[str, list[int]]) -> None:
        super().__init__()
        self._text, self._spans, self._ends = text, spans, ends
        self._decoded: dict[int, Relation] = {}

    def _load(self, key: str) -> list[Relation] | None:
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        positions = self._ends.get(key)
        if positions is None:
            return None
        found = [self._relation(i) for i in positions]
        dict.__setitem__(self, key, found)
        return found

    def _relation(self, i: int) -> Relation:
        if i not in self._decoded:
            where = f"digest.relations[{i}]"
            self._decoded[i] = relation_from_dict(_decode(self._text, self._spans[i], where), where)
        return self._decoded[i]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._ends

    def __getitem__(self, key: str) -> list[Relation]:
        found = self._load(key)
        if found is None:
            raise KeyError(key)
        return found

    @overload
    def get(self, key: str, default: None = None, /) -> list[Relation] | None: ...
    @overload
    def get(self, key: str, default: list[Relation], /) -> list[Relation]: ...
    @overload
    def get(self, key: str, default: _T, /) -> list[Relation] | _T: ...
    def get(self, key: str, default: object = None, /) -> object:
        found = self._load(key)
        return default if found is None else found

    def __len__(self) -> int:
        return len(self._ends)


def index_digest(text: str) -> WebIndex:
    """The index of digest JSON ``text``: outlines only when it is in to_json's layout, the
    whole digest otherwise. StoreError (or IncompatibleParametersError) as
    :func:`digest_from_json` raises them, naming the bad part."""
    try:
        return _outlined(text)
    except (_Unrecognised, json.JSONDecodeError):
        whole = DigestIndex(digest_from_json(text))
        return WebIndex(whole, whole.stories.__getitem__, text)


def _outlined(text: str) -> WebIndex:
    spans = _sections(text)
    if "version" not in spans:
        raise _Unrecognised  # digest_from_json names what is missing
    small = ", ".join(f'"{key}": {_value(text, spans, key)}' for key in ("version", *_SMALL))
    light = digest_from_json("{" + small + "}")
    listed = json.loads(_value(text, spans, "articles"))
    if not isinstance(listed, list):
        raise _Unrecognised  # digest_from_json names what is wrong
    articles = tuple(article_from_dict(a, f"digest.articles[{i}]") for i, a in enumerate(listed))
    story_spans = _items(text, spans.get("stories", _EMPTY))
    outlines = tuple(_outline(text, span, i) for i, span in enumerate(story_spans))
    index = DigestIndex(replace(light, articles=articles, stories=outlines))
    where = {story.id: i for i, story in enumerate(outlines)}
    web = WebIndex(index, _StoryCache(text, story_spans, where).story, text)
    relation_spans = _items(text, spans.get("relations", _EMPTY))
    web.relations_of = _Relations(text, relation_spans, _relation_ends(text, relation_spans))
    return web


_EMPTY: Span = (0, 0)


def _value(text: str, spans: dict[str, Span], key: str) -> str:
    start, end = spans.get(key, _EMPTY)
    return text[start:end] if end > start else "null"


def _outline(text: str, span: Span, i: int) -> Story:
    fields = _outline_fields(text, span)
    if fields is None:  # not every field written (an older 1.x): look for each
        fields = {}
        for found in _OUTLINE.finditer(text, *span):
            fields[found.group(1)], _ = _DECODER.raw_decode(text, found.end())
    return story_from_dict(fields, f"digest.stories[{i}]")


def _outline_fields(text: str, span: Span) -> dict[str, Any] | None:
    """The outline's fields read in their order: the first six, then, past the summary and
    timeline (most of a story's text, never scanned), the title and topic; None when a field
    is not where to_json puts it."""
    start, end = span
    fields: dict[str, Any] = {}
    at = start + 1
    for key in _HEAD:
        mark = f'\n      "{key}": '
        if not text.startswith(mark, at):
            return None
        fields[key], at = _DECODER.raw_decode(text, at + len(mark))
        at += 1  # the comma
    at = text.rfind(_TITLE, at, end)
    if at < 0:
        return None
    fields["title"], at = _DECODER.raw_decode(text, at + len(_TITLE))
    if not text.startswith(_TOPIC, at):
        return None
    fields["topic_id"], _ = _DECODER.raw_decode(text, at + len(_TOPIC))
    return fields


_HEAD = ("article_ids", "first_date", "id", "keywords", "last_date", "outlets")
_TITLE = '\n      "title": '
_TOPIC = ',\n      "topic_id": '


def _relation_ends(text: str, spans: list[Span]) -> dict[str, list[int]]:
    """article id -> positions of the relations it is an end of (a relation's first fields
    are "a" then "b")."""
    ends: dict[str, list[int]] = {}
    for i, (start, _) in enumerate(spans):
        if not text.startswith('{\n      "a": ', start):
            raise _Unrecognised
        a, at = _DECODER.raw_decode(text, start + 13)
        if not text.startswith(',\n      "b": ', at):
            raise _Unrecognised
        b, _ = _DECODER.raw_decode(text, at + 13)
        if not isinstance(a, str) or not isinstance(b, str):
            raise StoreError(f"digest JSON: digest.relations[{i}] has ends that are not ids")
        ends.setdefault(a, []).append(i)
        if b != a:
            ends.setdefault(b, []).append(i)
    return ends


class _StoryCache:
    """Whole stories decoded from their part of the text, the last STORIES_KEPT kept."""

    def __init__(self, text: str, spans: list[Span], where: dict[str, int]) -> None:
        self._text, self._spans, self._where = text, spans, where
        self._kept: dict[str, Story] = {}
        self._lock = threading.Lock()

    def story(self, story_id: str) -> Story:
        with self._lock:
            found = self._kept.pop(story_id, None)
            if found is None:
                i = self._where[story_id]
                where = f"digest.stories[{i}]"
                found = story_from_dict(_decode(self._text, self._spans[i], where), where)
            self._kept[story_id] = found  # last used last: the first one is the oldest
            if len(self._kept) > STORIES_KEPT:
                del self._kept[next(iter(self._kept))]
            return found


def _decode(text: str, span: Span, where: str) -> object:
    try:
        return json.loads(text[span[0] : span[1]])
    except json.JSONDecodeError as err:
        raise StoreError(f"digest JSON: {where} is not valid JSON: {err}") from err
