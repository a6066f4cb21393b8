"""What an incremental run needs from earlier runs: IDF counts, stories, topics, assignments."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from ..errors import IncompatibleParametersError, InputError
from ..heap import no_cyclic_gc
from ..model import Story, Topic
from .index import Centroid, InvertedIndex, UnitCentroid, canonical, norm
from .options import StoryOptions
from .packing import pack, unpack
from .parsing import drain, dumps, parse_all
from .stored import PackedCentroid, StoredUnit, joined_keys
from .storedindex import Posting, StoredIndex, StoredKeys, changed_postings

STATE_FORMAT = "storyline.stories.state"
STATE_VERSION = 3
# Version 1 wrote vectors as [key, value] pairs; 2 packs them (see .packing); 3 writes a
# topic that is still its one story's unit centroid as a reference to that story. All load.
_READABLE_VERSIONS = (1, 2, 3)
# Records dumped per part of the state text (bounds the records alive as dicts at once).
_BATCH = 2000
# The state kept by record (see :meth:`StoryState.from_records`): the head's format.
RECORDS_FORMAT = "storyline.stories.records"
RECORDS_VERSION = 1


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one article went, and why: its score and the top shared terms and entities."""

    article_id: str
    story_id: str
    score: float
    new_story: bool
    shared_terms: tuple[str, ...]
    shared_entities: tuple[str, ...]
    note: str = ""


@dataclass(slots=True)
class StoryRecord:
    """A story as the clustering keeps it between runs."""

    id: str
    founder: str
    article_ids: list[str]
    centroid: Centroid
    language: str = ""
    first_day: str | None = None
    last_day: str | None = None
    outlets: list[str] = field(default_factory=list)
    title: str = ""
    keywords: list[str] = field(default_factory=list)
    topic: int | None = None
    seq: int = 0
    last_ordinal: int | None = None
    # The public Story last made from this record (not saved): reused while the record is
    # unchanged, which :meth:`StoryState.story` ensures by clearing it before any change.
    public: Story | None = field(default=None, repr=False, compare=False)


@dataclass(slots=True)
class TopicRecord:
    """A group of stories; its centroid sums the unit centroids of its stories (a topic of
    one story holds a :class:`UnitCentroid`, made a Centroid when a second story joins)."""

    id: str
    story_numbers: list[int]
    centroid: Centroid | UnitCentroid
    # The public Topic last made from this record (not saved), with what it was made from
    # besides the record: the keyword count and its stories' titles and sizes. Cleared by
    # :meth:`StoryState.topic` before any change, as :attr:`StoryRecord.public` is.
    public: tuple[int, tuple[tuple[str, int], ...], Topic] | None = field(
        default=None, repr=False, compare=False
    )


class StoryState:
    """Everything incremental runs share. Plain data plus two inverted indexes (rebuilt on load).

    Mutated only by :func:`storyline.stories.cluster_stories`, which works on a copy.
    """

    def __init__(self, options: StoryOptions | None = None) -> None:
        self.params = (options or StoryOptions()).feature_params()
        self.n_docs = 0
        self.df: Counter[str] = Counter()
        self.stories: list[StoryRecord] = []
        self.topics: list[TopicRecord] = []
        self.assignments: dict[str, Assignment] = {}
        self.seq = 0
        self.posting_cap = (options or StoryOptions()).posting_cap
        self.index_terms = (options or StoryOptions()).index_terms
        self._story_index: InvertedIndex | None = InvertedIndex(self.posting_cap)
        self._topic_index: InvertedIndex | None = InvertedIndex(self.posting_cap)
        # Records to index when an index is first read (see :meth:`_defer_index`).
        self._unindexed: tuple[list[StoryRecord], list[TopicRecord]] = ([], [])
        self.story_by_id: dict[str, int] = {}
        # Records created or copied by this state (the rest may be shared with its source).
        self._own_stories: set[int] = set()
        self._own_topics: set[int] = set()
        # The generation this state was last stored (or read) as, and what changed since:
        # stories, topics and terms, and how many assignments it held then (they are only
        # ever added). A save writes only these (see :meth:`changed_rows`).
        self.generation: int | None = None
        self._changed: tuple[set[int], set[int], set[str]] = (set(), set(), set())
        self._assigned = 0
        # Where the postings of a state read by record are (see .storedindex); None: its
        # indexes are built whole, and a save writes every posting.
        self.stored_keys: StoredKeys | None = None

    def check_compatible(self, options: StoryOptions) -> None:
        """Refuse to extend a state whose vectors were built with other feature options."""
        wanted = options.feature_params()
        if wanted != self.params:
            raise IncompatibleParametersError(
                f"story state was built with {self.params}, options ask for {wanted}"
            )

    def observe(self, keys: Iterable[str]) -> None:
        """Count one more document holding ``keys`` (for the IDF)."""
        self.n_docs += 1
        keys = list(keys)
        self.df.update(keys)
        self._changed[2].update(keys)

    @property
    def story_index(self) -> InvertedIndex:
        if self._story_index is None:
            self._index_now()
        assert self._story_index is not None
        return self._story_index

    @property
    def topic_index(self) -> InvertedIndex:
        if self._topic_index is None:
            self._index_now()
        assert self._topic_index is not None
        return self._topic_index

    def reindex(self, options: StoryOptions) -> None:
        """Rebuild both inverted indexes, stories in order of their last update."""
        self.posting_cap = options.posting_cap
        self.index_terms = options.index_terms
        self.stored_keys = None  # the stored postings are for other options
        self._unindexed = (self.stories, self.topics)
        self._index_now()
        self.story_by_id = {story.id: number for number, story in enumerate(self.stories)}

    def _defer_index(self) -> None:
        """Index the records as they are now, but only when an index is first read: a run
        with no new article never reads one (building them was a third of loading a state).
        The records are kept as they are: a change makes a record this state's own copy
        first (see :meth:`story`), so the lists taken here still hold what they held."""
        self._unindexed = (list(self.stories), list(self.topics))
        self._story_index = self._topic_index = None
        self.story_by_id = {story.id: number for number, story in enumerate(self.stories)}

    def _index_now(self) -> None:
        with no_cyclic_gc():
            self._build_indexes()

    def _build_indexes(self) -> None:
        (stories, topics), k = self._unindexed, self.index_terms
        if self.stored_keys is not None:
            keys = self.stored_keys
            self._story_index = StoredIndex(self.posting_cap, k, keys.stories, keys.read[0])
            self._topic_index = StoredIndex(self.posting_cap, k, keys.topics, keys.read[1])
            self._unindexed = ([], [])
            return
        order = sorted(range(len(stories)), key=lambda n: (stories[n].seq, n))
        self._story_index = InvertedIndex.built(
            self.posting_cap, ((n, stories[n].centroid.keys(k)) for n in order)
        )
        # A topic was last updated when its newest story joined it (stories join in order).
        last = sorted(range(len(topics)), key=lambda n: max(topics[n].story_numbers, default=-1))
        self._topic_index = InvertedIndex.built(
            self.posting_cap, ((n, topics[n].centroid.keys(k)) for n in last)
        )
        self._unindexed = ([], [])

    def copy(self) -> StoryState:
        """An independent copy, copy-on-write: records and postings are shared until
        :meth:`story`, :meth:`topic` or an index update first changes them, so extending a
        large state costs what the new articles touch, not the size of the state."""
        twin = StoryState()
        twin.params = dict(self.params)
        twin.n_docs, twin.seq, twin.df = self.n_docs, self.seq, Counter(self.df)
        twin.stories, twin.topics = list(self.stories), list(self.topics)
        twin.assignments = dict(self.assignments)
        twin.posting_cap, twin.index_terms = self.posting_cap, self.index_terms
        if self._story_index is None or self._topic_index is None:  # still to be built
            twin._story_index = twin._topic_index = None
            twin._unindexed = self._unindexed
        else:
            twin._story_index = self._story_index.copy()
            twin._topic_index = self._topic_index.copy()
        twin.story_by_id = dict(self.story_by_id)
        twin.generation, twin._assigned = self.generation, self._assigned
        twin.stored_keys = self.stored_keys
        twin._changed = (set(self._changed[0]), set(self._changed[1]), set(self._changed[2]))
        return twin

    def story(self, number: int) -> StoryRecord:
        """Story ``number``, made this state's own before it is changed."""
        if number not in self._own_stories:
            self.stories[number] = _own_copy(self.stories[number])
            self._own_stories.add(number)
        self._changed[0].add(number)
        story = self.stories[number]
        story.public = None
        return story

    def own_new_story(self, number: int) -> None:
        self._own_stories.add(number)
        self._changed[0].add(number)

    def own_new_topic(self, number: int) -> None:
        self._own_topics.add(number)
        self._changed[1].add(number)

    def topic(self, number: int) -> TopicRecord:
        """Topic ``number``, made this state's own before it is changed."""
        if number not in self._own_topics:
            old = self.topics[number]
            self.topics[number] = TopicRecord(old.id, list(old.story_numbers), old.centroid.copy())
            self._own_topics.add(number)
        self._changed[1].add(number)
        topic = self.topics[number]
        topic.public = None
        return topic

    def to_json(self) -> str:
        """Deterministic JSON: the same state always gives the same bytes.

        Written record by record, the bytes ``json.dumps`` gives for the whole payload (it
        joins the parts of a list or object with the same separators), a batch of records
        at a time: no second copy of the state as lists and tuples is ever built (at 10k
        generated articles: 148 MB above the state at the peak, was 232 MB). The parts are
        joined once at the end: appending each to a growing text copied it every time
        (at 100k generated articles, a 364 MB state took 32 s to write, 8 s of it encoding).
        """
        head = {
            "format": STATE_FORMAT,
            "version": STATE_VERSION,
            "params": self.params,
            "posting_cap": self.posting_cap,
            "index_terms": self.index_terms,
            "n_docs": self.n_docs,
            "seq": self.seq,
            "df": dict(sorted(self.df.items())),
        }
        parts = [dumps(head)[:-1]]
        del head
        stories = self.stories
        for name, records in (
            ("stories", map(_story_json, stories)),
            ("topics", (_topic_json(topic, stories) for topic in self.topics)),
            ("assignments", map(_assignment_json, self.assignments.values())),
        ):
            parts.append(f',"{name}":[')
            separator = ""
            while batch := [dumps(record) for record in islice(records, _BATCH)]:
                parts.append(separator + ",".join(batch))
                separator = ","
            parts.append("]")
        parts.append("}")
        return "".join(parts)

    @classmethod
    def from_json(cls, text: str) -> StoryState:
        """Load a state written by :meth:`to_json`; raise InputError if it is not one."""
        try:
            payload = json.loads(text)
            if (
                payload.get("format") != STATE_FORMAT
                or payload.get("version") not in _READABLE_VERSIONS
            ):
                raise ValueError("not a storyline story state of a known version")
            state = cls._headed(payload)
            state.df = Counter({str(k): int(v) for k, v in payload["df"].items()})
            state.stories = [_story_from(item) for item in drain(payload["stories"])]
            state.topics = [_topic_from(item, state.stories) for item in drain(payload["topics"])]
            assignments = (_assignment_from(item) for item in drain(payload["assignments"]))
            state.assignments = {item.article_id: item for item in assignments}
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise InputError("<story state>", f"unreadable story state: {error}") from error
        state._defer_index()
        return state

    @classmethod
    def _headed(cls, head: dict[str, Any]) -> StoryState:
        """An empty state with the options, parameters and counts of ``head``."""
        options = StoryOptions(
            posting_cap=int(head["posting_cap"]), index_terms=int(head["index_terms"])
        )
        state = cls(options)
        state.params = {str(k): v for k, v in head["params"].items()}
        state.n_docs = int(head["n_docs"])
        state.seq = int(head["seq"])
        return state

    # -- the state kept by record: a save writes what changed -----------------------------

    @classmethod
    def from_records(
        cls,
        head: Mapping[str, str],
        records: tuple[Payloads, Payloads, Payloads],
        df: Iterable[tuple[str, int]],
    ) -> StoryState:
        """Load a state kept by record (:meth:`head`, :meth:`changed_rows`): the JSON texts
        of its stories, topics and assignments in order, and their vectors kept apart (None:
        none) and its document counts by term. Raise InputError if it is not one.

        The payloads of a table are parsed by one call (one per row cost a third more), and
        each list of texts is emptied once parsed; story vectors are parsed when first read.
        """
        try:
            values = {key: json.loads(value) for key, value in head.items()}
            if values.get("format") != RECORDS_FORMAT or values.get("version") != RECORDS_VERSION:
                raise ValueError("not a storyline story state of a known version")
            state = cls._headed(values)
            state.df = Counter({str(term): int(count) for term, count in df})
            (stories, vectors), topics, assignments = records
            parsed = zip(parse_all(stories), drain(vectors), strict=True)
            state.stories = [_stored_story(item, packed) for item, packed in parsed]
            state.topics = [_stored_topic(item, state.stories) for item in parse_all(topics[0])]
            assigned = map(_assignment_from, parse_all(assignments[0]))
            state.assignments = {item.article_id: item for item in assigned}
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise InputError("<story state>", f"unreadable story state: {error}") from error
        state._defer_index()
        return state

    def stored_as(self, generation: int) -> None:
        """Mark this state as stored (or read) as ``generation``: the next save writes what
        changes from now on (see :meth:`changed_rows`)."""
        self.generation = generation
        for changed in self._changed:
            changed.clear()
        self._assigned = len(self.assignments)

    def head(self) -> dict[str, str]:
        """The state's options, parameters and counts, each value as JSON text."""
        values = {
            "format": RECORDS_FORMAT,
            "version": RECORDS_VERSION,
            "params": self.params,
            "posting_cap": self.posting_cap,
            "index_terms": self.index_terms,
            "n_docs": self.n_docs,
            "seq": self.seq,
        }
        return {key: dumps(value) for key, value in values.items()}

    def changed_postings(self) -> tuple[Iterator[Posting], Iterator[Posting], bool]:
        """The postings of the index keys to save with :meth:`changed_rows` (see
        .storedindex), of stories and topics, and whether they are all of them."""
        stories, topics, k = self.stories, self.topics, self.index_terms
        whole = self.generation is None or self.stored_keys is None
        keys = self.stored_keys
        numbers = (None, None) if whole else self._changed_numbers()
        return (
            changed_postings(
                stories,
                numbers[0],
                lambda n: (stories[n].seq, n),
                k,
                None if keys is None else (keys.stories, keys.read[0]),
            ),
            changed_postings(
                topics,
                numbers[1],
                lambda n: (max(topics[n].story_numbers, default=-1), n),
                k,
                None if keys is None else (keys.topics, keys.read[1]),
            ),
            whole,
        )

    def saved_postings(self) -> None:
        """After a save: the indexes are made whole when next read (the stored postings
        are those of the state as saved, not as read), and a save writes every posting."""
        if self.stored_keys is not None:
            self.stored_keys = None
            self._defer_index()

    def _changed_numbers(self) -> tuple[set[int], set[int]]:
        """The stories and topics changed since :attr:`generation` (a topic of one story
        that reads its centroid, see _topic_json, changes with that story)."""
        stories, topics = self._changed[0], self._changed[1]
        return stories, topics.union(
            t for t in (self.stories[n].topic for n in stories) if t is not None
        )

    def changed_rows(self) -> tuple[Rows, Rows, Rows, Iterator[tuple[str, int]]]:
        """The (number, JSON text, vectors) rows of the stories, topics and assignments (a
        story's vectors apart, in JSON: a run reads those of few stories), and the
        (term, count) rows of the document counts, that changed since :attr:`generation`;
        all of them when the state was never stored. Encoded as they are read."""
        changed_stories, changed_topics, terms = self._changed
        if self.generation is None:
            changed_stories, changed_topics = set(range(len(self.stories))), set()
            changed_topics.update(range(len(self.topics)))
            terms, first = set(self.df), 0
        else:
            first = self._assigned
            changed_stories, changed_topics = self._changed_numbers()
        stories, topics, df, k = self.stories, self.topics, self.df, self.index_terms
        return (
            ((n, *_story_row(stories[n], k)) for n in sorted(changed_stories)),
            ((n, dumps(_topic_json(topics[n], stories)), None) for n in sorted(changed_topics)),
            (
                (first + n, dumps(_assignment_json(item)), None)
                for n, item in enumerate(islice(self.assignments.values(), first, None))
            ),
            ((term, df[term]) for term in sorted(terms)),
        )


Rows = Iterator[tuple[int, str, str | None]]
# The JSON texts of the rows of a record table, and their vectors (or None) kept apart.
Payloads = tuple[list[str], list[str | None]]


def _own_copy(old: StoryRecord) -> StoryRecord:
    """``old`` with its own lists and centroid (what ``dataclasses.replace`` gave, without
    looking up the fields on every call)."""
    return StoryRecord(
        id=old.id,
        founder=old.founder,
        article_ids=list(old.article_ids),
        centroid=old.centroid.copy(),
        language=old.language,
        first_day=old.first_day,
        last_day=old.last_day,
        outlets=list(old.outlets),
        title=old.title,
        keywords=old.keywords,
        topic=old.topic,
        seq=old.seq,
        last_ordinal=old.last_ordinal,
    )


def _shared_unit(topic: TopicRecord, stories: list[StoryRecord]) -> TopicRecord:
    """A loaded topic of one story whose centroid is still that story's unit centroid reads
    it from the story (:class:`UnitCentroid`, as when it was founded): half the memory."""
    if len(topic.story_numbers) != 1 or not 0 <= topic.story_numbers[0] < len(stories):
        return topic
    unit = UnitCentroid.of(stories[topic.story_numbers[0]].centroid)
    same = all(
        list(mine.items()) == list(theirs.items())
        for mine, theirs in zip(topic.centroid.channels(), unit.channels(), strict=True)
    )
    return TopicRecord(topic.id, topic.story_numbers, unit) if same else topic


def _centroid_json(centroid: Centroid | UnitCentroid) -> dict[str, Any]:
    terms, entities, numbers = centroid.channels()
    return {"terms": pack(terms), "entities": pack(entities), "numbers": pack(numbers)}


def _centroid_from(item: dict[str, Any]) -> Centroid:
    """The centroid, its channels in canonical order (as written, unless edited since)."""
    terms, entities, numbers = (
        canonical(unpack(item[name])) for name in ("terms", "entities", "numbers")
    )
    return Centroid(terms, entities, numbers, (norm(terms), norm(entities), norm(numbers)))


def _story_json(story: StoryRecord) -> dict[str, Any]:
    """The fields in declaration order (what ``asdict`` gave, without its deep copies)."""
    return {
        "id": story.id,
        "founder": story.founder,
        "article_ids": story.article_ids,
        "centroid": _centroid_json(story.centroid),
        "language": story.language,
        "first_day": story.first_day,
        "last_day": story.last_day,
        "outlets": story.outlets,
        "title": story.title,
        "keywords": story.keywords,
        "topic": story.topic,
        "seq": story.seq,
        "last_ordinal": story.last_ordinal,
    }


def _assignment_json(item: Assignment) -> dict[str, Any]:
    return {
        "article_id": item.article_id,
        "story_id": item.story_id,
        "score": item.score,
        "new_story": item.new_story,
        "shared_terms": item.shared_terms,
        "shared_entities": item.shared_entities,
        "note": item.note,
    }


def _story_from(item: dict[str, Any]) -> StoryRecord:
    fields = dict(item)
    fields["centroid"] = _centroid_from(item["centroid"])
    fields["article_ids"] = [str(x) for x in item["article_ids"]]
    fields["outlets"] = [str(x) for x in item["outlets"]]
    fields["keywords"] = [str(x) for x in item["keywords"]]
    return StoryRecord(**fields)


def _story_row(story: StoryRecord, k: int) -> tuple[str, str]:
    """A story as its record row keeps it: as :func:`_story_json`, but for the vectors of
    its centroid, apart; its norms, sizes and index keys stay (read without the vectors:
    see .stored)."""
    row = _story_json(story)
    vectors = row["centroid"]
    centroid = story.centroid
    sizes = [len(channel) for channel in centroid.channels()]
    keys = [k, joined_keys(centroid.keys(k))]
    row["centroid"] = {"norms": centroid.norms, "sizes": sizes, "keys": keys}
    return dumps(row), dumps(vectors)


def _stored_story(item: dict[str, Any], vectors: str | None) -> StoryRecord:
    """The story of a record row (:func:`_story_row`), its centroid still packed."""
    if vectors is None:
        raise ValueError(f"story {item.get('id')!r} has no vectors")
    fields = dict(item)
    centroid = item["centroid"]
    t, e, n = (float(x) for x in centroid["norms"])
    fields["centroid"] = PackedCentroid(vectors, (t, e, n), centroid["sizes"], centroid["keys"])
    fields["article_ids"] = [str(x) for x in item["article_ids"]]
    fields["outlets"] = [str(x) for x in item["outlets"]]
    fields["keywords"] = [str(x) for x in item["keywords"]]
    return StoryRecord(**fields)


def _stored_topic(item: dict[str, Any], stories: list[StoryRecord]) -> TopicRecord:
    """The topic of a record row; one that is its story's unit centroid reads it packed."""
    numbers = item["story_numbers"]
    if item.get("unit") is True and len(numbers) == 1 and 0 <= numbers[0] < len(stories):
        centroid = stories[numbers[0]].centroid
        if isinstance(centroid, PackedCentroid):
            return TopicRecord(str(item["id"]), [int(numbers[0])], StoredUnit(centroid))
    return _topic_from(item, stories)


def _topic_json(topic: TopicRecord, stories: list[StoryRecord]) -> dict[str, Any]:
    """A topic; one that still reads its story's unit centroid names that story instead of
    repeating its vectors (most topics: at 100k generated articles, 81k of 82k)."""
    if _is_unit_of_its_story(topic, stories):
        return {"id": topic.id, "story_numbers": topic.story_numbers, "unit": True}
    return {
        "id": topic.id,
        "story_numbers": topic.story_numbers,
        "centroid": _centroid_json(topic.centroid),
    }


def _is_unit_of_its_story(topic: TopicRecord, stories: list[StoryRecord]) -> bool:
    """True when the topic's centroid reads the very dicts of its one story's centroid (so
    :meth:`UnitCentroid.of` that story, on load, gives every float back)."""
    centroid = topic.centroid
    if not isinstance(centroid, UnitCentroid) or len(topic.story_numbers) != 1:
        return False
    story = stories[topic.story_numbers[0]].centroid
    return centroid.scales == story.norms and all(
        mine is theirs for mine, theirs in zip(centroid.source, story.channels(), strict=True)
    )


def _topic_from(item: dict[str, Any], stories: list[StoryRecord]) -> TopicRecord:
    numbers = [int(x) for x in item["story_numbers"]]
    if item.get("unit") is True:
        if len(numbers) != 1 or not 0 <= numbers[0] < len(stories):
            raise ValueError(f"topic {item['id']!r} refers to a story that is not there")
        return TopicRecord(str(item["id"]), numbers, UnitCentroid.of(stories[numbers[0]].centroid))
    topic = TopicRecord(str(item["id"]), numbers, _centroid_from(item["centroid"]))
    return _shared_unit(topic, stories)


def _assignment_from(item: dict[str, Any]) -> Assignment:
    return Assignment(
        article_id=str(item["article_id"]),
        story_id=str(item["story_id"]),
        score=float(item["score"]),
        new_story=bool(item["new_story"]),
        shared_terms=tuple(str(x) for x in item["shared_terms"]),
        shared_entities=tuple(str(x) for x in item["shared_entities"]),
        note=str(item.get("note", "")),
    )
