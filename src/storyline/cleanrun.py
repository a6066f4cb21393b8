"""The clean stage as a run applies it to the store: what it may skip, what it remembers.

Cleaning is a pure function of the articles, its options and its code
(:func:`storyline.clean.clean_corpus`); this module decides how much of it a run needs.
With the memory of the last cleaning (:mod:`storyline.cleanmemory`), only new pages are
cleaned; a corpus that the last cleaning left as it was is not cleaned again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import fields

from .clean import CleanOptions, Furniture, clean_corpus
from .cleanmemory import CleanMemory, clean_new, remember
from .fingerprint import code_fingerprint
from .model import Article
from .steps import Steps
from .store import Store

__all__ = ["CLEAN_FIXED", "CLEAN_MEMORY", "clean_key", "clean_stored"]

# The key of the last stored corpus that the clean stage left as it was.
CLEAN_FIXED = "clean fixed point"
# What the clean stage learnt from the stored corpus (see storyline.cleanmemory).
CLEAN_MEMORY = "clean memory"
CLEAN_CODE = (clean_corpus.__module__, remember.__module__)

ALREADY_CLEAN = "stored texts already clean"


def clean_stored(
    store: Store, stored: list[Article], options: CleanOptions, steps: Steps
) -> tuple[list[Article], str]:
    """``stored`` cleaned, and the stage's note. With the memory of the last cleaning (see
    :mod:`storyline.cleanmemory`), only the pages it has not seen are cleaned, unless they
    decide something new; else all of them, cutting the furniture the memory knows. The
    memory is saved for the next run."""
    code = hashlib.sha256(code_fingerprint(CLEAN_CODE) + repr(options).encode()).hexdigest()
    saved = store.load_state(CLEAN_MEMORY) if options.repeated else None
    memory = CleanMemory.from_json(saved, code)
    if memory is not None:
        done = clean_new(stored, memory, options)
        if done is not None:
            cleaned, memory, fresh = done
            if not fresh:
                return cleaned, ALREADY_CLEAN
            store.save_state(CLEAN_MEMORY, memory.to_json())
            return cleaned, f"{fresh:,} new or updated of {len(stored):,} articles cleaned"
    # Cleaning is a pure function of the articles, the options and the code: when it left
    # this very corpus unchanged before, it would again (a run with nothing new).
    key = clean_key(stored, options)
    if store.load_state(CLEAN_FIXED) == key:
        return stored, ALREADY_CLEAN
    known = memory.furniture if memory else Furniture()
    cleaned, furniture = clean_corpus(stored, options, steps, known)
    if all(old is new for old, new in zip(stored, cleaned, strict=True)):
        store.save_state(CLEAN_FIXED, key)
    if options.repeated:
        store.save_state(CLEAN_MEMORY, remember(cleaned, furniture, options, code).to_json())
    # with a memory, a new page made a line recur enough to be decided over every page
    return cleaned, "every article cleaned: a new line recurs" if memory else ""


ARTICLE_FIELDS = tuple(f.name for f in fields(Article))


def clean_key(articles: Sequence[Article], options: CleanOptions) -> str:
    """A SHA-256 (as JSON text, for the state table) of the clean stage's code, its options and
    every field of every article, in order."""
    digest = hashlib.sha256(code_fingerprint(CLEAN_CODE))
    digest.update(repr(options).encode())
    update = digest.update
    for article in articles:
        for name in ARTICLE_FIELDS:
            value = getattr(article, name)
            if isinstance(value, str):
                encoded = value.encode("utf-8", "surrogatepass")
                update(b"s%d:" % len(encoded))
                update(encoded)
            else:
                update(b"r%s;" % repr(value).encode())
    return json.dumps(digest.hexdigest())
