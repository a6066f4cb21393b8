"""English stop words: scikit-learn's list, read without importing scikit-learn.

Importing any scikit-learn module imports the whole package, and SciPy with it: 0.7 s of the
1.2 s every command took to start, although most commands need only this one set. The list
sits in a module of its own with no imports, so it is executed from its file. Should a future
scikit-learn move or change that file, the public import is used instead.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def _from_file() -> frozenset[str] | None:
    package = importlib.util.find_spec("sklearn")  # finds the package without running it
    folders = package.submodule_search_locations if package else None
    if not folders:
        return None
    path = Path(next(iter(folders)), "feature_extraction", "_stop_words.py")
    spec = importlib.util.spec_from_file_location("_storyline_stop_words", path)
    if not path.is_file() or spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    words = getattr(module, "ENGLISH_STOP_WORDS", None)
    return words if isinstance(words, frozenset) and words else None


def _load() -> frozenset[str]:
    words = _from_file()
    if words is not None:
        return words
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


ENGLISH_STOP_WORDS: frozenset[str] = _load()
