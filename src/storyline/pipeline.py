"""The main job: wires the stages together and reports progress through a callback.

Each stage is called with its own options object; only :class:`~storyline.store.Store`
touches SQLite. ``ingest`` streams sources into the store; ``analyse`` reads the stored
articles and runs clean -> dedup -> stories -> timeline -> summary, saving what later runs
need (signatures, clustering state, kept stage results, the digest) back into the store.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TextIO

from .analysis import Analysis, Stages
from .clean import CleanOptions
from .cleanrun import clean_stored
from .current import digest_key, forget, remember, stored_analysis
from .dedup import DedupOptions, DedupResult, SignatureIndex, find_relations
from .errors import NotFoundError, NothingToDoError
from .fingerprint import DigestMemo, fingerprint
from .heap import no_cyclic_gc, run_heap
from .ids import stable_id
from .ingest import IngestOptions, UnmatchedField
from .ingest.dates import published_order
from .ingestrun import IngestRun
from .model import Article, Claim, Digest, DuplicateGroup, Relation, Skipped, Story, Topic
from .options import check_fields, check_range
from .render import to_json
from .render.jsonout import Encoded
from .results import Step, StoredFeatures, StoredPairs, held_only, per_story, per_topic
from .results import with_held as whole_story
from .runnotes import run_notes
from .store import AddReport, Store
from .stories import Lineage, StoryOptions, StoryResult, cluster_stories, ids_carried, reuse_links
from .stories.labels import believed_span
from .storyrun import load_story_state, replaced_articles, save_story_state, updates_seen
from .summary import SummaryOptions, summarize
from .summary.attribution import believed, copied_from
from .timeline import Timeline, TimelineOptions, build_timeline
from .timeline.variants import with_variants
from .versions import Superseded, find_superseded
from .workers import Call, Workers, default_jobs

# The code that computes each stored result (see storyline.fingerprint), so that a change
# elsewhere (the web app, the HTML renderer) does not make every result be computed again
# (a stored timeline holds its entries' variants, which _timeline_of adds: with_variants).
_TIMELINE_STEPS = (f"{__name__}:_timeline_step", f"{__name__}:_timeline_of")
_TIMELINE_CODE = (build_timeline.__module__, with_variants.__module__, *_TIMELINE_STEPS)
_SUMMARY_CODE = (summarize.__module__, f"{__name__}:_summary_step", f"{__name__}:_summary_of")
# What workers import on their first call (a second each: storyline.workers has the fork
# server import it once instead): scikit-learn's TF-IDF for timelines, the pair comparisons
# for the duplicates stage, trafilatura for pages.
_STORY_IMPORTS = ("sklearn.feature_extraction.text", "storyline.reuse")
_PAGE_IMPORTS = ("storyline.ingest.html", "storyline.ingest.warc")


@dataclass(frozen=True)
class Progress:
    """One progress event: ``done`` of ``total`` items of ``stage`` (total None when unknown),
    ``unit`` saying what is counted when a stage has phases ("articles read", "pairs verified").

    ``finished`` is set once per stage with the stage's wall time in ``seconds`` and, in
    ``note``, what it reused from the previous run ("8,250 of 8,280 stories reused from the
    last run"), or "interrupted" (Ctrl-C) or "failed" when the stage did not finish.
    """

    stage: str
    done: int = 0
    total: int | None = None
    finished: bool = False
    seconds: float = 0.0
    note: str = ""
    unit: str = ""


ProgressCallback = Callable[[Progress], None]


def _ignore(_: Progress) -> None:
    return None


@dataclass(frozen=True)
class RunOptions:
    """The options of every stage, gathered so one object travels through a run."""

    ingest: IngestOptions = field(default_factory=IngestOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)
    stories: StoryOptions = field(default_factory=StoryOptions)
    timeline: TimelineOptions = field(default_factory=TimelineOptions)
    summary: SummaryOptions = field(default_factory=SummaryOptions)
    strict: bool = False
    # Processes that read pages and compute stories' timelines and summaries side by side
    # (the output is the same bytes for any number); None: the usable cores, at most 8 (the
    # CLI's default). Few pages or stories are done in this process (see storyline.workers).
    # 1 here: workers import the main module again, so a script must guard its code with
    # ``if __name__ == "__main__":`` before it asks for more.
    jobs: int | None = 1

    def __post_init__(self) -> None:
        check_fields(self)
        check_range(self, "jobs", 1)


@dataclass(frozen=True)
class IngestReport:
    """What a reading added, and what it left out (``skipped``) or read with a remark
    (``notes``: a given date that could not be read; the article is kept, undated).
    ``warnings``: field mappings that no record of a file matched (a mistyped ``--field``)."""

    added: int
    updated: int
    unchanged: int
    skipped: tuple[Skipped, ...]
    notes: tuple[Skipped, ...] = ()
    warnings: tuple[UnmatchedField, ...] = ()

    @property
    def read(self) -> int:
        return self.added + self.updated + self.unchanged


class _Stage:
    """Times a stage and reports its start and end through the progress callback."""

    def __init__(self, name: str, progress: ProgressCallback) -> None:
        self.name = name
        self.progress = progress
        self.started = 0.0
        self.note = ""

    def __enter__(self) -> _Stage:
        self.started = time.perf_counter()
        self.progress(Progress(self.name))
        return self

    def step(self, done: int, total: int | None = None, unit: str = "") -> None:
        self.progress(Progress(self.name, done, total, unit=unit))

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        elapsed = time.perf_counter() - self.started
        if kind is not None:  # not finished: a timing line must not read as if it were
            self.note = "interrupted" if issubclass(kind, KeyboardInterrupt) else "failed"
        self.progress(Progress(self.name, finished=True, seconds=elapsed, note=self.note))


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    options: RunOptions | None = None,
    progress: ProgressCallback = _ignore,
    stdin: TextIO | None = None,
) -> IngestReport:
    """Read ``paths`` into ``store``; bad inputs are recorded as skipped and the rest goes on.

    Articles are normalised and stripped of furniture phrases before they are stored; the
    corpus-level boilerplate pass runs in :func:`analyse`, when the whole corpus is known.
    Raises NothingToDoError when no article could be read and none was stored before, and
    when none of ``paths`` exists (a mistyped folder), stored articles or not.
    """
    options = options or RunOptions()
    missing = [str(path) for path in paths if str(path) != "-" and not Path(path).exists()]
    if paths and len(missing) == len(paths):  # a mistyped folder in a scheduled job must fail
        raise NothingToDoError(f"no input exists: {', '.join(missing[:5])}")
    done = 0

    def count(batch: AddReport) -> None:  # the store reports each batch's own counts
        nonlocal done
        done += batch.added + batch.updated + batch.unchanged
        stage.step(done)

    workers = Workers(options.jobs or default_jobs(), _PAGE_IMPORTS)
    with workers, _Stage("ingest", progress) as stage:
        run = IngestRun(store, options.ingest, options.clean, options.strict, workers)
        report = store.add_articles(run.articles(paths, stdin), on_batch=count)
        run.save()
        # The skip list says what the latest reading of each input left out (or remarked).
        store.forget_skipped(sorted(run.read | {entry.path for entry in run.skipped}))
        notes = _stored_notes(store, run.notes)
        store.add_skipped([*run.skipped, *notes])
        if run.passed:
            stage.note = f"{run.passed:,} unchanged files not read again"
    counts = (report.added, report.updated, report.unchanged + run.unchanged)
    result = IngestReport(*counts, tuple(run.skipped), tuple(notes), tuple(run.warnings))
    if result.read == 0 and store.count_articles() == 0:
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in run.skipped[:5]) or "no input files"
        raise NothingToDoError(f"no article could be read ({reasons})", run.skipped)
    return result


def _stored_notes(store: Store, notes: Sequence[Skipped]) -> list[Skipped]:
    """The ``notes`` on records stored as they were read. A record whose article is stored
    from another one (the same feed item in an earlier hour's snapshot, or a copy in this
    run) is no article of the digest: its note would be listed, and counted, as an input
    skipped. The record stored has its own note. (A note names its article by id only
    here: Skipped.article_id is an earlier version's.)"""
    if not notes:
        return []
    try:
        stored = list(store.articles({note.article_id for note in notes}))
    except NotFoundError:  # a noted article not stored after all: every note is kept, as before
        return [replace(note, article_id="") for note in notes]
    where = {article.id: (article.path, article.record) for article in stored}
    return [
        replace(note, article_id="")
        for note in notes
        if where.get(note.article_id) == (note.path, note.record)
    ]


def analyse(
    store: Store,
    options: RunOptions | None = None,
    progress: ProgressCallback = _ignore,
    *,
    with_timeline: bool = True,
    with_summary: bool = True,
    digest_only: bool = False,
) -> Analysis:
    """Run every stage after ingest over the stored corpus; save the digest in the store when
    it is whole (a run without its timelines or summaries, as ``stories`` makes, would
    otherwise replace a full digest that the web app shows). ``digest_only``: the caller
    reads no stage's own results (``dedup``, ``stories``), so when nothing changed since
    the stored digest, the analysis is read back from it (:mod:`storyline.current`)."""
    options = options or RunOptions()
    with run_heap():  # what the stages read back is left out of collections: storyline.heap
        if digest_only:
            started = time.perf_counter()
            found = stored_analysis(
                store, options, with_timeline=with_timeline, with_summary=with_summary
            )
            if found is not None:
                note = "nothing changed since the stored digest: read back, not analysed"
                seconds = time.perf_counter() - started
                progress(Progress("stored digest", finished=True, seconds=seconds, note=note))
                return found
        return _analysed(store, options, progress, with_timeline, with_summary)


def _analysed(
    store: Store,
    options: RunOptions,
    progress: ProgressCallback,
    with_timeline: bool,
    with_summary: bool,
) -> Analysis:
    key = digest_key(store, options)  # what the digest is made from, before it is read
    articles, superseded = _clean_corpus(store, options, progress)
    with Workers(options.jobs or default_jobs(), _STORY_IMPORTS) as workers:
        dedup = _dedup(store, articles, options, progress, workers)
        stories = _cluster(store, articles, dedup, options, progress, superseded)
        corpus = _Corpus(articles, dedup)
        story_list = _believed_spans(stories.stories, articles, dedup.relations)
        encoded = Encoded()  # the digest text of each story's results, written once
        topics = stories.topics
        if with_timeline:
            step = _timeline_step(corpus, options.timeline)
            story_list = _per_story("timeline", story_list, store, step, progress, encoded, workers)
        if with_summary:
            step = _summary_step(corpus, options.summary)
            story_list = _per_story("summary", story_list, store, step, progress, encoded, workers)
            whole = partial(whole_story, encoded=encoded)  # a topic's stories' summaries
            topics = _topic_summaries(topics, story_list, corpus, options, store, whole)
    digest = Digest(
        articles=tuple(articles),
        stories=tuple(story_list),
        relations=dedup.relations,
        groups=dedup.groups,
        topics=topics,
        skipped=_with_remarks(store.skipped(), superseded),
        notes=run_notes(articles, options.timeline.max_article_chars if with_timeline else None),
    )
    text = to_json(digest, encoded)
    if with_timeline and with_summary:
        store.save_digest(text, check=False)  # to_json wrote it: it is JSON
        remember(store, key)
    return Analysis(digest, Stages(dedup, stories), text, held_only(encoded, story_list))


def _believed_spans(
    stories: Sequence[Story], articles: Sequence[Article], relations: Sequence[Relation]
) -> list[Story]:
    """The stories with their first days as their articles' believed dates give them: a
    copy that provenance finds dated before the text it copies does not open a story."""
    by_id = {article.id: article for article in articles}
    copied = copied_from(relations)
    days = {}
    for copy in copied.keys() & by_id.keys():
        stamp = believed(copy, by_id, copied)
        if stamp and stamp != by_id[copy].published and by_id[copy].day:
            days[copy] = stamp[:10]
    if not days:
        return list(stories)
    for story in stories:  # the other members' own days count too
        for article_id in story.article_ids:
            member = by_id.get(article_id)
            if article_id not in days and member is not None and member.day:
                days[article_id] = member.day
    return [believed_span(story, days) for story in stories]


def _clean_corpus(
    store: Store, options: RunOptions, progress: ProgressCallback
) -> tuple[list[Article], tuple[Superseded, ...]]:
    """The stored articles cleaned, in UTC order, but for earlier versions of a page (which
    the latest version supersedes, see :mod:`storyline.versions`), given apart."""
    with _Stage("clean", progress) as stage:
        # the store pages by the published text; the stages read in UTC order (stable, so
        # undated articles stay last in input order)
        with no_cyclic_gc():  # every stored article, kept to the end: see storyline.heap
            stored = sorted(store.articles(), key=lambda a: published_order(a.published))
        superseded = find_superseded(stored, store.stored_order)
        store.save_superseded({item.earlier.id: item.current.id for item in superseded})
        if superseded:
            earlier = {item.earlier.id for item in superseded}
            stored = [article for article in stored if article.id not in earlier]
            plural = "s" if len(earlier) != 1 else ""
            stage.note = f"{len(earlier):,} earlier version{plural} of updated pages left out"
        cleaned, note = clean_stored(store, stored, options.clean, stage.step)
        stage.note = ", ".join(filter(None, [stage.note, note]))
        changed = [(old, new) for old, new in zip(stored, cleaned, strict=True) if old is not new]
        if changed:
            forget(store)  # the stored digest was made of other texts: see storyline.current
            texts = [(new.id, new.text) for old, new in changed if old.text != new.text]
            store.update_texts(texts)
            store.update_titles(
                [(new.id, new.title) for old, new in changed if old.title != new.title]
            )
    return cleaned, superseded


def _with_remarks(
    skipped: Sequence[Skipped], superseded: Sequence[Superseded]
) -> tuple[Skipped, ...]:
    """The stored skip list and a remark for each superseded version, in the store's order."""
    entries = [*skipped, *(item.remark() for item in superseded)]
    return tuple(sorted(entries, key=lambda s: (s.path, s.record, s.reason)))


def _dedup(
    store: Store,
    articles: list[Article],
    options: RunOptions,
    progress: ProgressCallback,
    workers: Workers | None = None,
) -> DedupResult:
    with _Stage("dedup", progress) as stage:
        params = options.dedup.params()
        known = SignatureIndex.from_rows(params, store.load_signatures(params).items())
        pairs = StoredPairs(store)
        texts = StoredFeatures(store, options.dedup)
        read = texts.load(articles)
        result = find_relations(articles, options.dedup, known, pairs, stage.step, read, workers)
        pairs.close()
        texts.save(result.scanned, articles)
        stage.note = (
            f"{pairs.reused:,} of {len(pairs.seen):,} compared pairs reused from the last run"
        )
        # the stored rows are still right: a changed text's row was deleted with the change
        store.save_signatures(
            params, ((i, row) for i, row in result.index.rows() if i not in known)
        )
    return result


def _cluster(
    store: Store,
    articles: list[Article],
    dedup: DedupResult,
    options: RunOptions,
    progress: ProgressCallback,
    superseded: Sequence[Superseded] = (),
) -> StoryResult:
    with _Stage("stories", progress) as stage:
        state, old_layout = load_story_state(store, postings=True)  # the store stays open
        replaced, updates = replaced_articles(store, state.assignments if state else {}, articles)
        earlier = None
        if state is not None and any(s.earlier.id in state.assignments for s in superseded):
            # An earlier version is clustered: the state cannot take an article out (its
            # counts and centroids hold it), so it is made again, as one run over the
            # current versions makes it, and its stories take over the ids they continue.
            earlier, state = Lineage.of(state), None
            stage.note = "the story state was made again: a clustered page was updated"
        elif state is not None and replaced:  # the same, for an id given another report
            earlier, state = Lineage.of(state), None
            stage.note = f"the story state was made again: {replaced[0]} now holds another report"
        # Only the articles not placed yet read their links: those of the relations that
        # hold one (reading every relation's passages for templates took 0.3 s at 20k).
        placed = state.assignments if state is not None else {}
        links = reuse_links([r for r in dedup.relations if r.a not in placed or r.b not in placed])
        known = len(state.assignments) if state else -1
        result = cluster_stories(articles, dedup.groups, options.stories, state, links, stage.step)
        if earlier is not None:
            aliases = {item.earlier.id: item.current.id for item in superseded}
            result = ids_carried(result, earlier, aliases, options.stories)
        # Only new articles change the state (stored ones keep their place): with none, the
        # saved state is already this one (unless it is kept the old way: see storyrun).
        if old_layout or len(result.state.assignments) != known:
            forget(store)  # the stored digest was made from another state
            save_story_state(store, result.state)
        updates_seen(store, updates)
    return result


class _Corpus:
    """Articles, copy groups and relations indexed by article id, built once per analysis,
    so that each story finds its own without scanning them all."""

    def __init__(self, articles: Sequence[Article], dedup: DedupResult) -> None:
        self.by_id = {article.id: article for article in articles}
        self.digest_of = DigestMemo()  # each article is fingerprinted for several steps
        self.group_of = {m: group for group in dedup.voices for m in group.article_ids}
        self.relations_of: dict[str, list[Relation]] = {}
        for relation in dedup.relations:  # a < b: each relation is filed once, under a
            self.relations_of.setdefault(relation.a, []).append(relation)

    def members(self, ids: Sequence[str]) -> tuple[list[Article], list[DuplicateGroup]]:
        """The articles behind ``ids`` and their copy groups cut down to ``ids`` (sorted by id).

        A story's timeline and summary read only which of its own articles speak with one
        voice: a group cut to them changes only when they do, so a copy joining the group in
        another story does not make this story's results be computed again.
        """
        articles = [self.by_id[i] for i in ids if i in self.by_id]
        inside: dict[str, list[str]] = {}
        for i in sorted(set(ids)):
            if i in self.group_of:
                inside.setdefault(self.group_of[i].id, []).append(i)
        cut = [_cut(self.group_of[kept[0]], kept) for kept in inside.values() if len(kept) > 1]
        return articles, sorted(cut, key=lambda group: group.id)

    def summary_inputs(
        self, ids: Sequence[str]
    ) -> tuple[list[Article], list[Relation], list[DuplicateGroup]]:
        """What :func:`summarize` and :func:`build_timeline` read for the articles ``ids``:
        them, the reuse relations among them and their copy groups."""
        wanted = set(ids)
        related = [r for i in sorted(wanted) for r in self.relations_of.get(i, ()) if r.b in wanted]
        articles, groups = self.members(ids)
        return articles, related, groups


def _cut(group: DuplicateGroup, kept: list[str]) -> DuplicateGroup:
    """``group`` cut down to the sorted ids ``kept``; its representative when kept, else the
    first (as the summary's speaker rule takes)."""
    representative = group.representative if group.representative in kept else kept[0]
    return DuplicateGroup(stable_id(*kept, prefix="g"), representative, tuple(kept))


def _timeline_step(corpus: _Corpus, options: TimelineOptions) -> Step:
    def step(story: Story) -> tuple[str, Call]:
        articles, related, groups = corpus.summary_inputs(story.article_ids)
        inputs = (articles, related, groups)
        key = fingerprint(
            "timeline", options, *inputs, digest_of=corpus.digest_of, code=_TIMELINE_CODE
        )
        return key, partial(_timeline_of, story, articles, related, groups, options)

    return step


def _timeline_of(
    story: Story,
    articles: list[Article],
    related: list[Relation],
    groups: list[DuplicateGroup],
    options: TimelineOptions,
) -> Story:
    """``story`` with its timeline (module-level: it may run in a worker process)."""
    timeline = with_variants(build_timeline(articles, groups, options, related))
    return replace(story, timeline=timeline.entries, undated=timeline.undated)


def _per_story(
    kind: str,
    stories: list[Story],
    store: Store,
    step: Step,
    progress: ProgressCallback,
    encoded: Encoded | None = None,
    workers: Workers | None = None,
) -> list[Story]:
    with _Stage(kind, progress) as stage:

        def tick(done: int) -> None:
            stage.step(done, len(stories))

        damaged: list[str] = []
        updated, reused = per_story(kind, stories, store, step, tick, encoded, workers, damaged)
        stage.note = f"{reused:,} of {len(stories):,} stories reused from the last run"
        if damaged:  # found by its checksum, or unreadable: computed again, never copied
            named = ", ".join(damaged[:5]) + (", ..." if len(damaged) > 5 else "")
            stage.note += f"; stored {kind} damaged, computed again: {named}"
    return updated


def corpus_timeline(analysis: Analysis, options: TimelineOptions) -> Timeline:
    """One timeline over every analysed article (duplicate groups still count once, and so
    does a sentence and its copies and translations)."""
    articles, voices = analysis.digest.articles, analysis.dedup.voices
    return with_variants(build_timeline(articles, voices, options, analysis.dedup.relations))


def _summary_step(corpus: _Corpus, options: SummaryOptions) -> Step:
    def step(story: Story) -> tuple[str, Call]:
        articles, related, groups = corpus.summary_inputs(story.article_ids)
        inputs = (articles, related, groups)
        key = fingerprint(
            "summary", options, *inputs, digest_of=corpus.digest_of, code=_SUMMARY_CODE
        )
        return key, partial(_summary_of, story, articles, related, groups, options)

    return step


def _summary_of(
    story: Story,
    articles: list[Article],
    related: list[Relation],
    groups: list[DuplicateGroup],
    options: SummaryOptions,
) -> Story:
    """``story`` with its summary (module-level: it may run in a worker process)."""
    return replace(story, summary=summarize(articles, related, groups, options))


def _topic_summaries(
    topics: Sequence[Topic],
    stories: Sequence[Story],
    corpus: _Corpus,
    options: RunOptions,
    store: Store,
    whole: Callable[[Story], Story],
) -> tuple[Topic, ...]:
    """The zoomed-out view of each topic of two or more stories: the lead statement of each
    story, then the statements on which sources across the topic differ ("more than 100,000
    troops" against "100,000 troops"), found in a summary of the whole topic at twice the
    story length. Kept in the store like a story's summary, for the same inputs. ``whole``
    gives a story with its summary decoded."""
    by_story = {story.id: story for story in stories}
    wider = _doubled(options.summary)

    def step(topic: Topic) -> tuple[str, Callable[[], Topic]] | None:
        members = [by_story[sid] for sid in topic.story_ids if sid in by_story]
        if len(members) < 2:
            return None
        members = [whole(story) for story in members]
        leads = [story.summary[0] for story in members if story.summary]
        inputs = corpus.summary_inputs([i for story in members for i in story.article_ids])
        # the number of disputes kept is part of the kind: a module constant is no code root
        kind = f"topic summary {_TOPIC_DISPUTES}"
        key = fingerprint(kind, wider, *inputs, leads, digest_of=corpus.digest_of, code=_TOPIC_CODE)
        return key, partial(_topic_summary_of, topic, leads, *inputs, wider)

    return per_topic(topics, store, step)


def _topic_summary_of(
    topic: Topic,
    leads: list[Claim],
    articles: list[Article],
    related: list[Relation],
    groups: list[DuplicateGroup],
    wider: SummaryOptions,
) -> Topic:
    said = {lead.text for lead in leads}
    claims = summarize(articles, related, groups, wider)
    disputed = [c for c in claims if c.variants and c.text not in said]
    return replace(topic, summary=(*leads, *disputed[:_TOPIC_DISPUTES]))


_TOPIC_DISPUTES = 3
# _Corpus: which articles, relations and groups a topic's summary reads
_TOPIC_STEPS = (f"{__name__}:_Corpus", f"{__name__}:_topic_summaries")
_TOPIC_CODE = (summarize.__module__, *_TOPIC_STEPS, f"{__name__}:_topic_summary_of")


def _doubled(options: SummaryOptions) -> SummaryOptions:
    if options.max_words is not None:
        return replace(options, max_words=2 * options.max_words)
    return replace(options, max_bytes=2 * (options.max_bytes or 0))


__all__ = [
    "Analysis",
    "IngestReport",
    "Progress",
    "ProgressCallback",
    "RunOptions",
    "analyse",
    "corpus_timeline",
    "ingest",
]
