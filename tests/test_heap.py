"""What a run reads back is frozen out of the cyclic collector's scans until the run ends."""

from __future__ import annotations

import gc
from pathlib import Path

from storyline import pipeline
from storyline.heap import no_cyclic_gc, run_heap
from storyline.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "news"


def test_a_pause_inside_a_run_freezes_what_is_alive_until_the_run_ends() -> None:
    assert gc.get_freeze_count() == 0
    with run_heap():
        kept = [[n] for n in range(1000)]
        with no_cyclic_gc():
            assert not gc.isenabled()
        assert gc.isenabled() and gc.get_freeze_count() >= len(kept)
        with run_heap():  # a run inside another's callback: thawed by the outer one
            pass
        assert gc.get_freeze_count() >= len(kept)
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_a_pause_outside_a_run_freezes_nothing_and_a_callers_freeze_is_left_alone() -> None:
    with no_cyclic_gc():
        pass
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    gc.freeze()  # the caller's own
    try:
        frozen = gc.get_freeze_count()
        with run_heap(), no_cyclic_gc():
            _ = [[n] for n in range(1000)]
        assert gc.get_freeze_count() == frozen  # neither more frozen nor thawed
    finally:
        gc.unfreeze()


def test_an_analysis_freezes_what_it_read_back_and_thaws_it_at_its_end(tmp_path: Path) -> None:
    frozen_at: dict[str, int] = {}

    def progress(event: pipeline.Progress) -> None:
        if not event.finished:
            frozen_at.setdefault(event.stage, gc.get_freeze_count())

    with Store(tmp_path / "h.db") as store:
        pipeline.ingest([EXAMPLES], store)
        pipeline.analyse(store)
        pipeline.analyse(store, progress=progress)  # reads the stored results back
    assert frozen_at["clean"] == 0  # nothing read yet
    assert 0 < frozen_at["dedup"] <= frozen_at["summary"]  # the articles, then more
    assert gc.get_freeze_count() == 0 and gc.isenabled()
