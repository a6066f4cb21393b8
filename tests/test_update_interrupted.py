"""An update stopped between any two of its writes (Ctrl-C, a crash) leaves a store whose
next run gives the digest of a run that was never stopped."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers_batches import batches, digests
from storyline import pipeline
from storyline.store import Store, digestrows, staterows

# Where to stop: the n-th call of a write of the store (or of what it writes with).
WRITES = [
    (Store, "save_results", 1),  # the first batch of kept pair classifications
    (Store, "save_signatures", 1),
    (staterows, "_write_postings", 1),  # the story state, inside its transaction
    (Store, "save_results", 4),  # a later batch: timelines or summaries
    (digestrows, "write", 1),  # the digest, inside its transaction
]


def _stopping(owner: Any, name: str, at: int) -> Callable[..., Any]:
    real = getattr(owner, name)
    calls = 0

    def stop(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == at:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    return stop


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[str], Path]:
    """The batches, the digest after each, and a database after the first two."""
    files = batches(tmp_path_factory.mktemp("stream"))
    clean = list(digests(files[0].parent / "clean.db", files))
    early = files[0].parent / "early.db"
    assert list(digests(early, files[:2])) == clean[:2]
    return files, clean, early


@pytest.mark.parametrize(("owner", "name", "at"), WRITES)
def test_a_run_after_a_stopped_update_gives_the_digest_of_one_never_stopped(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    expected: tuple[list[Path], list[str], Path],
    owner: Any,
    name: str,
    at: int,
) -> None:
    files, clean, early = expected
    db = tmp_path / "stopped.db"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{early}{suffix}").exists():
            shutil.copy(f"{early}{suffix}", f"{db}{suffix}")
    with monkeypatch.context() as patch:
        patch.setattr(owner, name, _stopping(owner, name, at))
        with pytest.raises(KeyboardInterrupt), Store(db) as store:
            pipeline.ingest([files[2]], store)
            pipeline.analyse(store)
    assert list(digests(db, files[2:])) == clean[2:]
    with Store(db) as store:  # and the stored digest is the last run's
        stored = store.load_digest()
    assert stored is not None and stored.replace(str(files[0].parent), "DIR") == clean[-1]
