"""Stage results kept in the store between runs: each story's timeline and summary, and
what each candidate pair of the dedup stage was found to be.

A digest over a growing corpus runs every stage again, but most stories and most pairs have
not changed since the last run. Each result is stored with the fingerprint of what it was
computed from (for a story: its articles, their copy groups and reuse relations; for a pair:
both articles; always the stage's options and the code itself, see
:mod:`storyline.fingerprint`). A result whose fingerprint matches is read back instead of
being recomputed: the output is the same bytes either way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial

import xxhash

from .dedup import DedupOptions, TextFeatures
from .errors import StoreError
from .fingerprint import code_fingerprint
from .heap import no_cyclic_gc
from .model import Article, Relation, Story, Topic
from .render.jsonin import claims_from_json, relation_result_from_json, with_story_results
from .render.jsonout import (
    Encoded,
    claims_to_json,
    in_digest_layout,
    relation_result_to_json,
    story_results_to_json,
)
from .store import Store
from .workers import Call, Workers, in_order

# How many new results are written per transaction: an interrupted run keeps what it
# computed, and a large first run does not hold every encoded result until the end.
BATCH = 2000
# How many stories' stored results are read per step (a few queries of CHUNK keys each).
READ_BATCH = 1000
# Progress is told after each computed story, and after every TICK stories read back (each
# event cost about 4 us: 0.7 s of an update of 10 into 100k, for a bar that moves no faster).
TICK = 256

# For one story: the fingerprint of its inputs, and how to compute its result (a picklable
# call, see storyline.workers: it may run in a worker process).
Step = Callable[[Story], tuple[str, Call]]


def per_story(
    kind: str,
    stories: Sequence[Story],
    store: Store,
    step: Step,
    tick: Callable[[int], None],
    encoded: Encoded | None = None,
    workers: Workers | None = None,
    damaged: list[str] | None = None,
) -> tuple[list[Story], int]:
    """``stories`` with their ``kind`` result, reused where stored for the same inputs and
    computed otherwise; returns them and how many were reused. ``tick(done)`` reports
    progress (after each computed story, every :data:`TICK` read back, and the last).
    Results of stories that no longer exist are forgotten. ``encoded`` hears the
    digest text of each result, stored or new (see :class:`~storyline.render.jsonout.Encoded`).
    ``workers`` may compute the results in other processes; they are taken, encoded and
    stored here in the order of ``stories`` all the same. ``damaged`` hears the id of
    each story whose stored result (for the same inputs) was damaged: computed again.

    With ``encoded``, a stored result that its checksum shows intact is not decoded: the
    story is returned as it came, and ``encoded`` holds the text (:func:`with_held` reads it
    when the story's result is wanted). Decoding every story's stored results took a third of
    the timeline and summary stages of an update of 10 articles into 100k."""
    known = store.result_fingerprints(kind)
    # Fingerprints and stored results are millions of objects kept to the end and none in
    # a cycle: made with the collector paused (storyline.heap), before any is computed.
    with no_cyclic_gc():
        keyed = [(story, *step(story)) for story in stories]
        looked = _looked_up(kind, keyed, store, known, encoded is not None)
    if damaged is not None:
        damaged.extend(found.story.id for found, _ in looked if found.damaged)
    fresh = sum(1 for _, compute in looked if compute is not None)
    run = workers.runner(fresh) if workers is not None else in_order
    updated: list[Story] = []
    changed: list[tuple[str, str, str]] = []
    reused = 0
    for done, (found, computed) in enumerate(run(looked), start=1):
        story = found.story
        kept, text, save = _result(kind, found, computed)
        updated.append(kept)
        reused += found.kept is not None
        if save:
            changed.append((story.id, stored_fingerprint(found.key, text), text))
        if len(changed) >= BATCH:  # computed, or laid out again: written a batch at a time
            store.save_results(kind, changed)
            changed = []
        if encoded is not None and found.held:
            encoded.hold(story.id, kind, text)
        elif encoded is not None:
            encoded.add(kept, kind, text)
        if computed is not None or done % TICK == 0 or done == len(looked):
            tick(done)
    store.save_results(kind, changed)
    store.forget_results(kind, {story.id for story in stories})
    return updated, reused


def _result(kind: str, found: _Found, computed: Story | None) -> tuple[Story, str, bool]:
    """The story with its ``kind`` result, the result's digest text, and whether to store
    it: a computed result is, and a kept one stored by an earlier release (no checksum, or
    another layout) is stored again."""
    if found.kept is not None and found.text is not None:
        if found.checked:
            return found.kept, found.text, False
        if in_digest_layout(kind, found.text):
            return found.kept, found.text, True
        return found.kept, story_results_to_json(found.kept, kind), True
    if computed is None:  # _looked_up gives a call for every story it has no result for
        raise AssertionError(f"no {kind} for story {found.story.id}")
    return computed, story_results_to_json(computed, kind), True


def stored_fingerprint(key: str, text: str) -> str:
    """What is stored as a story result's fingerprint: the key of its inputs and, after a
    space, the checksum of its text, which shows a damaged text without decoding it."""
    return f"{key} {_checksum(text)}"


def _checksum(text: str) -> str:
    return xxhash.xxh64_hexdigest(text.encode("utf-8", "surrogatepass"))


def with_held(story: Story, encoded: Encoded) -> Story:
    """``story`` with the stored results that ``encoded`` holds for it decoded (see
    :func:`per_story`); StoreError names the story if one cannot be read."""
    for kind, text in encoded.held(story.id).items():
        story = with_story_results(story, kind, text)
    return story


def held_only(encoded: Encoded, stories: Sequence[Story]) -> Encoded:
    """The texts ``encoded`` holds undecoded for ``stories`` (what :func:`with_held` reads),
    without the texts it wrote of computed results: a first digest's every story, at 100k
    hundreds of megabytes that an analysis would keep while its digest is rendered."""
    held = Encoded()
    for story in stories:
        for kind, text in encoded.held(story.id).items():
            held.hold(story.id, kind, text)
    return held


@dataclass(frozen=True)
class _Found:
    """A story, the key of its inputs, and its stored result: decoded (``kept``), or held
    as the text alone (``held``: ``kept`` is the story as it came); ``kept`` and ``text``
    None when there is none to use. ``checked``: the text's stored checksum matched;
    ``damaged``: a text stored for the same inputs could not be used."""

    story: Story
    key: str
    kept: Story | None = None
    text: str | None = None
    checked: bool = False
    held: bool = False
    damaged: bool = False


def _looked_up(
    kind: str,
    keyed: list[tuple[Story, str, Call]],
    store: Store,
    known: Mapping[str, str],
    hold: bool,
) -> list[tuple[_Found, Call | None]]:
    """Each story with its key and stored result, and the call that computes its result
    when none could be used (None otherwise). With ``hold``, a result whose checksum
    matches is not decoded."""
    looked: list[tuple[_Found, Call | None]] = []
    for start in range(0, len(keyed), READ_BATCH):
        part = keyed[start : start + READ_BATCH]
        checks = {}
        for story, key, _ in part:
            stored_key, _, check = known.get(story.id, "").partition(" ")
            if stored_key == key:
                checks[story.id] = check
        stored = store.stored_results(kind, checks)
        for story, key, compute in part:
            found = _usable(kind, story, key, stored.get(story.id), checks.get(story.id), hold)
            missing = found.kept is None
            looked.append((found, partial(named, kind, story.id, compute) if missing else None))
    return looked


def _usable(
    kind: str, story: Story, key: str, text: str | None, check: str | None, hold: bool
) -> _Found:
    """The stored ``text`` as a :class:`_Found`: kept when intact, not when damaged (then it
    is recomputed and overwritten: a damaged row never stops a run, nor is copied)."""
    if text is None or check is None:
        return _Found(story, key)
    if not check:  # stored by an earlier release, without a checksum: decoding checks it
        kept = _stored(kind, story, text)
        if kept is None:
            return _Found(story, key, damaged=True)
        return _Found(story, key, kept, text)
    if check != _checksum(text) or not in_digest_layout(kind, text):
        return _Found(story, key, damaged=True)
    if hold:
        return _Found(story, key, story, text, checked=True, held=True)
    kept = _stored(kind, story, text)
    if kept is None:
        return _Found(story, key, damaged=True)
    return _Found(story, key, kept, text, checked=True)


def named(kind: str, story_id: str, compute: Call) -> Story:
    """``compute()``; an exception it raises names the story (as a note), wherever it ran."""
    try:
        result: Story = compute()
    except Exception as error:
        error.add_note(f"while computing the {kind} of story {story_id}")
        raise
    return result


def _stored(kind: str, story: Story, text: str | None) -> Story | None:
    """``story`` with the stored result ``text``, or None when it is missing or unreadable
    (then it is recomputed and overwritten: a damaged row never stops a run)."""
    if text is None:
        return None
    try:
        return with_story_results(story, kind, text)
    except StoreError:
        return None


# For one topic: None when it keeps its summary as it is (a topic of one story), else the
# fingerprint of its inputs and how to compute the topic with its summary.
TopicStep = Callable[[Topic], tuple[str, Callable[[], Topic]] | None]

TOPIC_KIND = "topic summary"


def per_topic(topics: Sequence[Topic], store: Store, step: TopicStep) -> tuple[Topic, ...]:
    """``topics`` with their summaries, read back where stored for the same inputs and
    computed (and stored) otherwise; those of topics no longer there are forgotten. A topic's
    summary reads every article of its stories: made again on every run, they took 4.9 s of
    an update of 10 articles into 100k."""
    known = store.result_fingerprints(TOPIC_KIND)
    keyed = [(topic, step(topic)) for topic in topics]
    wanted = [t.id for t, found in keyed if found is not None and known.get(t.id) == found[0]]
    stored = store.stored_results(TOPIC_KIND, wanted)
    result: list[Topic] = []
    changed: list[tuple[str, str, str]] = []
    for topic, found in keyed:
        if found is None:
            result.append(topic)
            continue
        key, compute = found
        kept = _stored_claims(topic, stored.get(topic.id))
        if kept is None:
            kept = compute()
            changed.append((topic.id, key, claims_to_json(kept.summary)))
        result.append(kept)
    store.save_results(TOPIC_KIND, changed)
    store.forget_results(TOPIC_KIND, {t.id for t, found in keyed if found is not None})
    return tuple(result)


def _stored_claims(topic: Topic, text: str | None) -> Topic | None:
    """``topic`` with the stored summary ``text``; None when missing or unreadable."""
    if text is None:
        return None
    try:
        return replace(topic, summary=claims_from_json(text, f"stored summary of {topic.id}"))
    except StoreError:
        return None


class StoredPairs:
    """A :class:`storyline.dedup.PairMemo` over the store: pairs are read in batches, new
    classifications written in batches; :meth:`close` forgets the pairs not seen this run.
    A pair's stored fingerprint is its key and, after a space, what it was found to be
    (``related``, ``textual`` or ``apart``, see :mod:`storyline.dedup`)."""

    KIND = "relation"

    def __init__(self, store: Store) -> None:
        self.store = store
        self.known = store.result_fingerprints(self.KIND)
        self.seen: set[str] = set()
        self.pending: list[tuple[str, str, str]] = []
        self.reused = 0

    def recall(self, pairs: Sequence[tuple[str, str, str]]) -> list[tuple[str, Relation | None]]:
        found: dict[str, str] = {}  # pair -> what it was found to be, for the keys that match
        for a, b, key in pairs:
            pair = f"{a}\t{b}"
            self.seen.add(pair)
            stored_key, _, outcome = self.known.get(pair, "").partition(" ")
            if stored_key == key and outcome:
                found[pair] = outcome
        texts = self.store.stored_results(self.KIND, found)
        answers: list[tuple[str, Relation | None]] = []
        for a, b, _ in pairs:
            pair = f"{a}\t{b}"
            answers.append(self._read(found.get(pair, ""), texts.get(pair)))
        return answers

    def _read(self, outcome: str, text: str | None) -> tuple[str, Relation | None]:
        if not outcome or text is None:
            return "", None
        try:
            relation = relation_result_from_json(text)
        except StoreError:
            return "", None  # damaged: classified again and overwritten
        self.reused += 1
        return outcome, relation

    def remember(self, a: str, b: str, key: str, found: str, relation: Relation | None) -> None:
        self.pending.append((f"{a}\t{b}", f"{key} {found}", relation_result_to_json(relation)))
        if len(self.pending) >= BATCH:
            self.store.save_results(self.KIND, self.pending)
            self.pending = []

    def close(self) -> None:
        self.store.save_results(self.KIND, self.pending)
        self.pending = []
        self.store.forget_results(self.KIND, self.seen)


class StoredFeatures:
    """The :class:`~storyline.dedup.TextFeatures` of stored texts, kept so that a run reads
    only new and changed texts for candidate pairs. A row's fingerprint is a digest of the
    dedup options and the code that reads a text, and a hash of the text it was read from:
    a changed text, other options or other code make it unused (and replaced). The payload
    is the JSON string of :meth:`TextFeatures.encode`."""

    KIND = "text features"

    def __init__(self, store: Store, options: DedupOptions) -> None:
        self.store = store
        code = code_fingerprint(_FEATURES_CODE) + repr(options).encode()
        self.prefix = hashlib.sha256(code).hexdigest()[:32]

    def _key(self, article: Article) -> str:
        text = article.text.encode("utf-8", "surrogatepass")
        return f"{self.prefix}:{xxhash.xxh64_hexdigest(text)}"

    def load(self, articles: Sequence[Article]) -> dict[str, TextFeatures]:
        """The stored features of ``articles`` that were read from their current text."""
        stored = self.store.result_fingerprints(self.KIND)
        wanted = [a.id for a in articles if stored.get(a.id) == self._key(a)]
        found: dict[str, TextFeatures] = {}
        with no_cyclic_gc():  # the features of every stored text: see storyline.heap
            for article_id, text in self.store.stored_results(self.KIND, wanted).items():
                try:
                    found[article_id] = TextFeatures.decode(json.loads(text))
                except (ValueError, TypeError):
                    continue  # damaged: read from the text again, and replaced
        if set(stored) - {a.id for a in articles}:  # articles gone, or superseded
            self.store.forget_results(self.KIND, {a.id for a in articles})
        return found

    def save(self, scanned: Mapping[str, TextFeatures], articles: Sequence[Article]) -> None:
        """Keep the features read this run, each with the fingerprint of its text."""
        rows = (
            (a.id, self._key(a), json.dumps(scanned[a.id].encode()))
            for a in articles
            if a.id in scanned
        )
        for batch in _batches(rows):
            self.store.save_results(self.KIND, batch)


def _batches(rows: Iterable[tuple[str, str, str]]) -> Iterator[list[tuple[str, str, str]]]:
    batch: list[tuple[str, str, str]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


# The code that reads a text for candidate pairs (storyline.fingerprint)
_FEATURES_CODE = (
    "storyline.dedup.shingles",
    "storyline.dedup.candidates",
    "storyline.dedup.features",
)
