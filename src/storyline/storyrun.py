"""The story stage's state as a run reads it from the store and writes it back.

The state is kept by record (see :mod:`storyline.store.staterows`): a run reads it whole,
and writes only the records it changed, with the postings of the index keys they hold, which
the next run reads for the keys it asks about (see :mod:`storyline.stories.storedindex`).
A database written before keeps it as one JSON text under :data:`STORY_STATE` in
``state``: read as it is, and written by record, whole, by the next save, which drops it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial

from .heap import no_cyclic_gc
from .model import Article
from .store import Positions, StateRows, Store
from .store.positions import END
from .store.staterows import POSTINGS
from .stories import StoryState
from .stories.storedindex import StoredKeys
from .text import jaccard, words

__all__ = [
    "STORY_STATE",
    "load_story_state",
    "replaced_articles",
    "save_story_state",
    "updates_seen",
]

# The ``state`` row of a story state kept the old way, as one JSON text.
STORY_STATE = "stories"


def load_story_state(store: Store, postings: bool = False) -> tuple[StoryState | None, bool]:
    """The stored story state (None if there is none), and whether it is kept the old way
    (then the run should save it, to keep it by record). With ``postings``, its indexes
    read the stored postings of the keys they are asked about while ``store`` is open (the
    state may not be used once it is closed); else they are built whole when first read."""
    with no_cyclic_gc():  # see there: half of reading a large state
        stored = store.load_story_state()
        if stored is not None:
            state = StoryState.from_records(stored.head, stored.records, stored.df)
            state.stored_as(stored.generation)
            if postings and stored.keyed:
                story_postings = partial(store.index_postings, POSTINGS[0])
                topic_postings = partial(store.index_postings, POSTINGS[1])
                read = (list(state.stories), list(state.topics))
                state.stored_keys = StoredKeys(story_postings, topic_postings, read)
            return state, False
        text = store.load_state(STORY_STATE)
        return (StoryState.from_json(text), True) if text is not None else (None, False)


def save_story_state(store: Store, state: StoryState) -> None:
    """Write what changed in ``state`` since it was read (all of it, if it was never stored
    by record) in one transaction, dropping a state kept the old way."""
    postings = state.changed_postings()  # before changed_rows: the changes are still there
    stories, topics, assignments, df = state.changed_rows()
    rows = StateRows(state.head(), (stories, topics, assignments), df, state.generation, postings)
    state.stored_as(store.save_story_state(rows, replaces=STORY_STATE))
    state.saved_postings()


# The meta key of how far the article updates went when the story stage last looked.
_UPDATES_SEEN = "story state updates seen"
# A new text under a clustered article's id shares at most this share of its previous
# text's words (Jaccard, words of four letters or more): another report, not a correction.
# A correction changes a figure or a name (0.8 and more); a wire's later, longer version of
# one event keeps most of its words (0.4-0.7); a feed that reuses an id for another event
# shares little beyond a byline (a QA pass, session 25: a tram strike report that took over
# a museum theft report's id, 0.06).
REPLACED_BELOW = 0.3


def replaced_articles(
    store: Store, clustered: Mapping[str, object], articles: Sequence[Article]
) -> tuple[list[str], int]:
    """The ids among ``clustered`` (a story state's assignments) whose text was replaced by
    another report's (see :data:`REPLACED_BELOW`) since the story stage last looked, and how
    far the updates go now (for :func:`updates_seen`, once the state is saved). A database
    that never marked any takes every earlier update as seen: its state was made before."""
    seen = store.meta(_UPDATES_SEEN)
    after = END if seen is None else Positions(END.articles, int(seen), END.skips)
    stored = store.stored_after(after)
    looked = {article_id for article_id in stored.updated if article_id in clustered}
    if not looked:  # the usual run: no clustered article was updated since
        return [], stored.newest.updates
    replaced = []
    for now in sorted((a for a in articles if a.id in looked), key=lambda a: a.id):
        earlier = store.versions(now.id)
        if earlier and _shared(earlier[-1].text, now.text) < REPLACED_BELOW:
            replaced.append(now.id)
    return replaced, stored.newest.updates


def updates_seen(store: Store, upto: int) -> None:
    """Mark the article updates up to ``upto`` as looked at by the story stage."""
    if store.meta(_UPDATES_SEEN) != str(upto):
        store.set_meta({_UPDATES_SEEN: str(upto)})


def _shared(a: str, b: str) -> float:
    """The Jaccard share of the two texts' words of four letters or more, case folded."""
    left, right = ({w.lower() for w in words(text) if len(w) >= 4} for text in (a, b))
    return jaccard(left, right) if left | right else 1.0
