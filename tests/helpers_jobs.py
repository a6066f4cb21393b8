"""What the tests of worker processes share."""

from __future__ import annotations

import pytest

from storyline import workers


def count_pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of jobs of each pool started from now on: a test that meant to use
    workers must show it did (and one that did not, that it did not)."""
    started: list[int] = []
    real = workers.Workers._started

    def counted(self: workers.Workers) -> object:
        if self._pool is None:
            started.append(self.jobs)
        return real(self)

    monkeypatch.setattr(workers.Workers, "_started", counted)
    return started
