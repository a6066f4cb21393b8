"""Fixtures shared by test modules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from storyline import cleanrun
from storyline.clean import clean_corpus


@pytest.fixture
def cleanings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many articles each whole-corpus pass of the clean stage read (a run's calls of
    ``clean_corpus``, in order)."""
    calls: list[int] = []
    real: Callable[..., Any] = clean_corpus

    def counted(articles: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(len(articles))
        return real(articles, *args, **kwargs)

    monkeypatch.setattr(cleanrun, "clean_corpus", counted)
    return calls
