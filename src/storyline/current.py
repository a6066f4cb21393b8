"""A run with nothing new reads its analysis back from the digest the store kept.

The hourly desk's second format of the same hour's digest, an analyst's ``--story``, a
``summarize`` of the stored corpus: each analysed the whole corpus again (12 s of CPU at
20k articles, 40-50 s at 100k) to find the digest the store already holds. The digest is a
function of the stored articles and skip list, the stage options and the code; when none of
them changed since it was saved, it is read back instead (the same bytes, far sooner).

"Changed" is decided from a key saved beside the digest (the meta table), never guessed:

- how far the store's articles, article updates and skip records go
  (:mod:`storyline.store.positions`: an added or updated article moves them), and a hash
  of the skip list (a file read again may be skipped for another reason at the same place);
- the fingerprint of each stage's options (``jobs`` and the reading options are not among
  them: they change no analysis of stored articles) and of the code
  (:mod:`storyline.fingerprint`), and the schema version;
- the SHA-256 of the digest saved with it: a digest saved after by a release without this
  module leaves the key naming another text.

The clean stage rewrites stored texts and titles in place, and the story stage its state,
without moving any position: a run that does either forgets the key (:func:`forget`), and a
run that saves its digest saves the key again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from typing import TYPE_CHECKING

from .analysis import Analysis, Stages
from .errors import StorylineError
from .fingerprint import package_fingerprint
from .heap import no_cyclic_gc
from .model import Article, Digest
from .render import to_json
from .render.jsonin import digest_from_json
from .render.jsonout import Encoded
from .runnotes import run_notes
from .store import Store
from .store.positions import END

if TYPE_CHECKING:
    from .pipeline import RunOptions

KEY = "stored digest key"


def digest_key(store: Store, options: RunOptions) -> dict[str, str]:
    """The key of what a digest of ``store`` with ``options`` is made from (see above)."""
    newest = store.stored_after(END).newest
    skips = hashlib.sha256()
    for entry in store.skipped():
        skips.update(f"{entry.path}\0{entry.record}\0{entry.reason}\1".encode(errors="replace"))
    key = {
        "schema": str(store.schema_version),
        "code": package_fingerprint().hex(),  # all of it: a digest is every stage's work
        "positions": f"{newest.articles} {newest.updates} {newest.skips}",
        "skips": skips.hexdigest(),
    }
    for stage in ("clean", "dedup", "stories", "timeline", "summary"):
        key[stage] = hashlib.sha256(repr(getattr(options, stage)).encode()).hexdigest()
    return key


def remember(store: Store, key: dict[str, str]) -> None:
    """Keep ``key`` (made before the run read the store) as that of the digest just saved."""
    store.set_meta({KEY: json.dumps({**key, "digest": store.digest_hash()}, sort_keys=True)})


def forget(store: Store) -> None:
    """The stored digest no longer follows from the store alone (see above)."""
    if store.meta(KEY) is not None:
        store.set_meta({KEY: None})


def _compared(with_timeline: bool, with_summary: bool) -> list[str]:
    """The parts of the key a run's analysis depends on: a run without timelines reads no
    timeline options (nor does its digest), one without summaries no summary options."""
    parts = ["schema", "code", "positions", "skips", "clean", "dedup", "stories"]
    return parts + ["timeline"] * with_timeline + ["summary"] * with_summary


def stored_analysis(
    store: Store, options: RunOptions, *, with_timeline: bool = True, with_summary: bool = True
) -> Analysis | None:
    """The analysis a run with ``options`` would compute, read back from the stored digest;
    None when the store changed since it was saved (or no key says it did not)."""
    saved = store.meta(KEY)
    if saved is None:
        return None
    try:
        kept = json.loads(saved)
    except ValueError:
        return None
    now = digest_key(store, options)
    parts = _compared(with_timeline, with_summary)
    if not isinstance(kept, dict) or any(kept.get(part) != now[part] for part in parts):
        return None
    if kept.get("digest") != store.digest_hash():
        return None
    text = store.load_digest()
    try:
        with no_cyclic_gc():  # every stored article and story, kept: see storyline.heap
            digest = _with_texts(store, digest_from_json(text or ""))
    except StorylineError:  # unreadable: the run analyses, and saves a new digest
        return None
    if digest is None:
        return None
    if not (with_timeline and with_summary):
        digest = _partial(digest, with_timeline, with_summary, options)
        text = to_json(digest)
    return Analysis(digest, Stages(), text or "", Encoded())


def _with_texts(store: Store, digest: Digest) -> Digest | None:
    """``digest`` with its articles as stored (the JSON leaves their texts out); None when
    an article is not as the digest has it (then the key was wrong: the run analyses)."""
    ids = [article.id for article in digest.articles]
    stored = {article.id: article for article in store.articles(ids)}
    articles: list[Article] = []
    for article in digest.articles:
        found = stored.get(article.id)
        if found is None or _as_in_json(found, article.word_count) != article:
            return None
        articles.append(found)
    return replace(digest, articles=tuple(articles))


def _as_in_json(article: Article, words: int | None) -> Article:
    """``article`` as the digest JSON reads back: without its texts, with the word count
    the JSON holds (counted from the text, which the key covers: not counted again here)."""
    return replace(article, text="", raw_text="", word_count=words)


def _partial(
    digest: Digest, with_timeline: bool, with_summary: bool, options: RunOptions
) -> Digest:
    """The digest of a run without timelines or without summaries, as the run makes it:
    its stories and topics without them, and its notes without the timeline's."""
    stories, topics = digest.stories, digest.topics
    if not with_timeline:
        stories = tuple(replace(story, timeline=(), undated=()) for story in stories)
    if not with_summary:
        stories = tuple(replace(story, summary=()) for story in stories)
        topics = tuple(replace(topic, summary=()) for topic in topics)
    timeline_chars = options.timeline.max_article_chars if with_timeline else None
    notes = run_notes(digest.articles, timeline_chars)
    return replace(digest, stories=stories, topics=topics, notes=notes)
