"""The story stage's state as a run reads it from the store and writes it back.

The state is kept by record (see :mod:`storyline.store.staterows`): a run reads it whole,
and writes only the records it changed, with the postings of the index keys they hold, which
the next run reads for the keys it asks about (see :mod:`storyline.stories.storedindex`).
A database written before keeps it as one JSON text under :data:`STORY_STATE` in
``state``: read as it is, and written by record, whole, by the next save, which drops it.
"""

from __future__ import annotations

from functools import partial

from .heap import no_cyclic_gc
from .store import StateRows, Store
from .store.staterows import POSTINGS
from .stories import StoryState
from .stories.storedindex import StoredKeys

__all__ = ["STORY_STATE", "load_story_state", "save_story_state"]

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
