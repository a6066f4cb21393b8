"""JSON -> Digest, schema version 1.x: the reader of what :mod:`.jsonout` writes.

Every read names the offending key on bad input (a ``StoreError``), so a damaged stored digest
or result says where it is damaged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any, TypeVar, cast

from ..errors import IncompatibleParametersError, StoreError
from ..model import (
    SCHEMA_VERSION,
    Article,
    Claim,
    Digest,
    DuplicateGroup,
    Evidence,
    Passage,
    Relation,
    Restatement,
    Skipped,
    Story,
    TimelineEntry,
    Topic,
    Variant,
)

T = TypeVar("T")


class _Reader:
    """Typed access to one JSON object, naming the offending key on bad input."""

    def __init__(self, obj: object, where: str | tuple[_Reader, str, int]) -> None:
        # ``where`` is the parent's place plus a key and an index: a 100k digest holds
        # millions of items, and their names are spelled out only for an error message.
        self._where = where
        if not isinstance(obj, Mapping):
            raise StoreError(f"digest JSON: {self.where} should be an object")
        self.obj = cast(Mapping[str, Any], obj)

    @property
    def where(self) -> str:
        if isinstance(self._where, str):
            return self._where
        parent, key, index = self._where
        return f"{parent.where}.{key}[{index}]"

    def _get(self, key: str, kinds: tuple[type, ...], default: object, required: bool) -> Any:
        value = self.obj.get(key)
        if value is None:
            if required:
                raise StoreError(f"digest JSON: {self.where} has no {key!r}")
            return default
        if type(value) in kinds:  # what json.loads returns: one exact-type test
            return value
        # bool is an int subclass: never accept it where a number is meant.
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            raise StoreError(f"digest JSON: {self.where}.{key} has the wrong type")
        return value

    def text(self, key: str, default: str = "", *, required: bool = False) -> str:
        return cast(str, self._get(key, (str,), default, required))

    def opt_text(self, key: str) -> str | None:
        return cast("str | None", self._get(key, (str,), None, False))

    def integer(self, key: str, default: int = 0) -> int:
        return cast(int, self._get(key, (int,), default, False))

    def number(self, key: str, default: float = 0.0) -> float:
        return float(self._get(key, (int, float), default, False))

    def strs(self, key: str) -> tuple[str, ...]:
        items = cast(list[Any], self._get(key, (list,), [], False))
        if not all(isinstance(item, str) for item in items):
            raise StoreError(f"digest JSON: {self.where}.{key} should hold strings")
        return tuple(items)

    def each(self, key: str, build: Callable[[_Reader], T]) -> tuple[T, ...]:
        items = cast(list[Any], self._get(key, (list,), [], False))
        return tuple(build(_Reader(item, (self, key, i))) for i, item in enumerate(items))


def _read_article(r: _Reader) -> Article:
    return Article(
        id=r.text("id", required=True),
        title=r.text("title"),
        text="",
        raw_text="",
        source=r.text("source", "unknown"),
        url=r.text("url"),
        published=r.opt_text("published"),
        published_origin=cast(Any, r.text("published_origin")),
        language=r.text("language"),
        path=r.text("path"),
        record=r.integer("record"),
        word_count=r.integer("words"),
    )


def _read_claim(r: _Reader) -> Claim:
    return Claim(
        text=r.text("text"),
        article_id=r.text("article_id"),
        support=r.strs("support"),
        outlets=r.integer("outlets"),
        first_seen=r.text("first_seen"),
        start=r.integer("start"),
        end=r.integer("end"),
        variants=r.each("variants", _read_variant),
        corroboration=r.each("corroboration", _read_restatement),
    )


def _read_variant(r: _Reader) -> Variant:
    return Variant(r.text("text"), r.strs("article_ids"))


def _read_restatement(r: _Reader) -> Restatement:
    return Restatement(
        article_id=r.text("article_id"),
        text=r.text("text"),
        start=r.integer("start"),
        end=r.integer("end"),
    )


def _read_evidence(r: _Reader) -> Evidence:
    return Evidence(
        text=r.text("text"),
        article_id=r.text("article_id"),
        expression=r.text("expression"),
        start=r.integer("start"),
        end=r.integer("end"),
    )


def _read_entry(r: _Reader) -> TimelineEntry:
    return TimelineEntry(
        date=r.opt_text("date"),
        granularity=cast(Any, r.opt_text("granularity")),
        text=r.text("text"),
        evidence=r.each("evidence", _read_evidence),
        article_ids=r.strs("article_ids"),
        outlets=r.strs("outlets"),
        score=r.number("score"),
        note=r.text("note"),
        month_day=r.text("month_day"),
        variants=r.each("variants", _read_variant),
    )


def _read_story(r: _Reader) -> Story:
    return Story(
        id=r.text("id", required=True),
        title=r.text("title"),
        article_ids=r.strs("article_ids"),
        keywords=r.strs("keywords"),
        first_date=r.opt_text("first_date"),
        last_date=r.opt_text("last_date"),
        outlets=r.strs("outlets"),
        topic_id=r.opt_text("topic_id"),
        summary=r.each("summary", _read_claim),
        timeline=r.each("timeline", _read_entry),
        undated=r.each("undated", _read_entry),
    )


def _read_passage(r: _Reader) -> Passage:
    return Passage(
        a_start=r.integer("a_start"),
        a_end=r.integer("a_end"),
        b_start=r.integer("b_start"),
        b_end=r.integer("b_end"),
        a_text=r.text("a_text"),
        b_text=r.text("b_text"),
        kind=cast(Any, r.text("kind", "verbatim")),
        score=r.number("score", 1.0),
    )


def _read_relation(r: _Reader) -> Relation:
    return Relation(
        a=r.text("a", required=True),
        b=r.text("b", required=True),
        kind=cast(Any, r.text("kind", required=True)),
        similarity=r.number("similarity"),
        containment_a=r.number("containment_a"),
        containment_b=r.number("containment_b"),
        original=r.opt_text("original"),
        reason=r.text("reason"),
        passages=r.each("passages", _read_passage),
    )


def _read_topic(r: _Reader) -> Topic:
    return Topic(
        id=r.text("id", required=True),
        title=r.text("title"),
        story_ids=r.strs("story_ids"),
        keywords=r.strs("keywords"),
        summary=r.each("summary", _read_claim),
    )


def _check_version(version: str) -> None:
    major = version.split(".", 1)[0]
    if major != SCHEMA_VERSION.split(".", 1)[0]:
        raise IncompatibleParametersError(
            f"digest JSON has schema version {version!r}; this storyline reads "
            f"{SCHEMA_VERSION.split('.', 1)[0]}.x: run `storyline digest` again to rebuild it"
        )


def digest_from_json(text: str) -> Digest:
    """Decode JSON written by :func:`to_json` (any 1.x); unknown keys are ignored.

    Raises StoreError naming the bad key when the text is not a digest, and
    IncompatibleParametersError (a ValueError) for another major schema version.
    """
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, TypeError) as err:
        raise StoreError(f"digest JSON is not valid JSON: {err}") from err
    top = _Reader(data, "digest")
    _check_version(top.text("version", required=True))
    return Digest(
        articles=top.each("articles", _read_article),
        stories=top.each("stories", _read_story),
        relations=top.each("relations", _read_relation),
        groups=top.each(
            "groups",
            lambda g: DuplicateGroup(
                g.text("id", required=True), g.text("representative"), g.strs("article_ids")
            ),
        ),
        topics=top.each("topics", _read_topic),
        skipped=top.each(
            "skipped",
            lambda s: Skipped(
                s.text("path"),
                s.text("reason"),
                s.integer("record"),
                s.text("article_id"),
                s.text("superseded_by"),
            ),
        ),
        version=top.text("version"),
        notes=top.strs("notes"),
    )


def with_story_results(story: Story, kind: str, text: str) -> Story:
    """``story`` with its ``kind`` result read from :func:`.jsonout.story_results_to_json` text.

    Raises StoreError when the text is not such a result.
    """
    where = f"stored {kind} of story {story.id}"
    if kind == "summary":
        return replace(story, summary=claims_from_json(text, where))
    value = _loads(text, where)
    if not (isinstance(value, list) and len(value) == 2):
        raise StoreError(f"{where} should hold two lists")
    dated, undated = (
        _plain(_plain_entry, part) or _Reader({kind: part}, where).each(kind, _read_entry)
        for part in value
    )
    return replace(story, timeline=dated, undated=undated)


def claims_from_json(text: str, where: str) -> tuple[Claim, ...]:
    """Claims read from :func:`.jsonout.claims_to_json` text; StoreError naming ``where``
    when it is not such a list."""
    value = _loads(text, where)
    claims = _plain(_plain_claim, value)
    if claims is None:  # not as jsonout writes it: the reader names what is wrong
        claims = _Reader({"summary": value}, where).each("summary", _read_claim)
    return claims


def _loads(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise StoreError(f"{where} is not valid JSON: {err}") from err


# -- stored results as jsonout writes them, read without the checking reader ---------------
#
# A run reads back the stored results of every story it reuses (90k claims at 20k generated
# articles): through :class:`_Reader`, that was two thirds of the time the timeline and
# summary stages took. A result holding every field with the very JSON type jsonout writes
# is read here at once; any other (a missing field, a null, an int for a float) raises
# _Unusual, KeyError or TypeError, and is read again by the reader, which gives the same
# objects for such a result, or names what is wrong.


class _Unusual(Exception):
    """A stored result not laid out as jsonout writes it."""


def _plain(build: Callable[[Any], T], items: object) -> tuple[T, ...] | None:
    if type(items) is not list:
        return None
    try:
        return tuple(map(build, items))
    except (_Unusual, KeyError, TypeError):
        return None


def _texts(values: object) -> tuple[str, ...]:
    if type(values) is not list or not all(type(value) is str for value in values):
        raise _Unusual
    return tuple(values)


def _plain_claim(item: Any) -> Claim:
    text, article_id, first_seen = item["text"], item["article_id"], item["first_seen"]
    outlets, start, end = item["outlets"], item["start"], item["end"]
    if not (type(text) is type(article_id) is type(first_seen) is str):
        raise _Unusual
    if not (type(outlets) is type(start) is type(end) is int):
        raise _Unusual
    variants, corroboration = item["variants"], item["corroboration"]
    if not (type(variants) is type(corroboration) is list):
        raise _Unusual
    return Claim(
        text,
        article_id,
        _texts(item["support"]),
        outlets,
        first_seen,
        start,
        end,
        tuple(map(_plain_variant, variants)),
        tuple(map(_plain_restatement, corroboration)),
    )


def _plain_variant(item: Any) -> Variant:
    text = item["text"]
    if type(text) is not str:
        raise _Unusual
    return Variant(text, _texts(item["article_ids"]))


def _plain_restatement(item: Any) -> Restatement:
    article_id, text, start, end = item["article_id"], item["text"], item["start"], item["end"]
    if not (type(article_id) is type(text) is str and type(start) is type(end) is int):
        raise _Unusual
    return Restatement(article_id, text, start, end)


def _plain_entry(item: Any) -> TimelineEntry:
    date, granularity, text = item["date"], item["granularity"], item["text"]
    score, note, month_day = item["score"], item["note"], item["month_day"]
    if not (date is None or type(date) is str) or not (
        granularity is None or type(granularity) is str
    ):
        raise _Unusual
    if not (type(text) is type(note) is type(month_day) is str and type(score) is float):
        raise _Unusual
    evidence, variants = item["evidence"], item["variants"]
    if type(evidence) is not list or type(variants) is not list:
        raise _Unusual
    return TimelineEntry(
        date,
        cast(Any, granularity),
        text,
        tuple(map(_plain_evidence, evidence)),
        _texts(item["article_ids"]),
        _texts(item["outlets"]),
        score,
        note,
        month_day,
        tuple(map(_plain_variant, variants)),
    )


def _plain_evidence(item: Any) -> Evidence:
    text, article_id, expression = item["text"], item["article_id"], item["expression"]
    start, end = item["start"], item["end"]
    if not (type(text) is type(article_id) is type(expression) is str):
        raise _Unusual
    if not (type(start) is type(end) is int):
        raise _Unusual
    return Evidence(text, article_id, expression, start, end)


def relation_result_from_json(text: str) -> Relation | None:
    """Read :func:`.jsonout.relation_result_to_json` text. Raises StoreError when it is not one."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        raise StoreError(f"stored relation is not valid JSON: {err}") from err
    if value is None:
        return None
    try:
        return _plain_relation(value)
    except (_Unusual, KeyError, TypeError):  # the reader names what is wrong, if anything
        return _read_relation(_Reader(value, "stored relation"))


def story_from_dict(obj: object, where: str) -> Story:
    """One story of a digest from its decoded JSON object (a reader that decodes a digest
    part by part); StoreError naming ``where`` when it is not one."""
    return _read_story(_Reader(obj, where))


def article_from_dict(obj: object, where: str) -> Article:
    """One article of a digest from its decoded JSON object; StoreError when it is not one."""
    return _read_article(_Reader(obj, where))


def relation_from_dict(obj: object, where: str) -> Relation:
    """One relation of a digest from its decoded JSON object; StoreError when it is not one."""
    return _read_relation(_Reader(obj, where))


def _plain_relation(item: Any) -> Relation:
    a, b, kind, reason = item["a"], item["b"], item["kind"], item["reason"]
    original = item["original"]
    similarity, one, other = item["similarity"], item["containment_a"], item["containment_b"]
    if not (type(a) is type(b) is type(kind) is type(reason) is str):
        raise _Unusual
    if not (original is None or type(original) is str):
        raise _Unusual
    if not (type(similarity) is type(one) is type(other) is float):
        raise _Unusual
    passages = item["passages"]
    if type(passages) is not list:
        raise _Unusual
    passed = tuple(map(_plain_passage, passages))
    return Relation(a, b, cast(Any, kind), similarity, one, other, original, reason, passed)


def _plain_passage(item: Any) -> Passage:
    a_start, a_end, b_start, b_end = item["a_start"], item["a_end"], item["b_start"], item["b_end"]
    a_text, b_text, kind, score = item["a_text"], item["b_text"], item["kind"], item["score"]
    if not (type(a_start) is type(a_end) is type(b_start) is type(b_end) is int):
        raise _Unusual
    if not (type(a_text) is type(b_text) is type(kind) is str and type(score) is float):
        raise _Unusual
    return Passage(a_start, a_end, b_start, b_end, a_text, b_text, cast(Any, kind), score)
