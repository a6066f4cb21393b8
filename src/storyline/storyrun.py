"""The story stage's state as a run reads it from the store and writes it back.

The state is kept by record (see :mod:`storyline.store.staterows`): a run reads it whole,
and writes only the records it changed. A database written before keeps it as one JSON text
under :data:`STORY_STATE` in ``state``: read as it is, and written by record, whole, by the
next save, which drops the text.
"""

from __future__ import annotations

from .store import StateRows, Store
from .stories import StoryState
from .stories.state import no_cyclic_gc

__all__ = ["STORY_STATE", "load_story_state", "save_story_state"]

# The ``state`` row of a story state kept the old way, as one JSON text.
STORY_STATE = "stories"


def load_story_state(store: Store) -> tuple[StoryState | None, bool]:
    """The stored story state (None if there is none), and whether it is kept the old way
    (then the run should save it, to keep it by record)."""
    with no_cyclic_gc():  # see there: half of reading a large state
        stored = store.load_story_state()
        if stored is not None:
            state = StoryState.from_records(stored.head, stored.records, stored.df)
            state.stored_as(stored.generation)
            return state, False
        text = store.load_state(STORY_STATE)
        return (StoryState.from_json(text), True) if text is not None else (None, False)


def save_story_state(store: Store, state: StoryState) -> None:
    """Write what changed in ``state`` since it was read (all of it, if it was never stored
    by record) in one transaction, dropping a state kept the old way."""
    stories, topics, assignments, df = state.changed_rows()
    rows = StateRows(state.head(), (stories, topics, assignments), df, state.generation)
    state.stored_as(store.save_story_state(rows, replaces=STORY_STATE))
