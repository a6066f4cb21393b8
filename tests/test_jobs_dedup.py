"""Candidate pairs classified in worker processes (``RunOptions.jobs``): the same relations,
in the same order, as in one process."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from helpers_cli import EXAMPLES, ROOT
from helpers_jobs import count_pools
from storyline import dedup, pipeline, workers
from storyline.dedup import find_relations
from storyline.store import Store

sys.path.insert(0, str(ROOT / "bench"))
from corpus_gen import generate


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Pairs go to the workers from two on, five at a time (the default waits for 1,000),
    and each pool started is counted: a test that meant to use workers must show it did."""
    monkeypatch.setattr(dedup, "POOL_PAIRS", 2)
    monkeypatch.setattr(dedup, "PAIRS_PER_TASK", 5)
    return count_pools(monkeypatch)


def test_pairs_classified_by_two_workers_give_the_same_relations(pools: list[int]) -> None:
    articles, planted = generate(300, 11)
    steps: list[tuple[int, int, str]] = []
    alone = find_relations(articles)
    with workers.Workers(2) as two:
        shared = find_relations(articles, workers=two, steps=lambda *e: steps.append(e))
    assert pools == [2]
    kinds = {relation.kind for relation in alone.relations}
    assert {"rewrite", "shares-passages", "excerpt", "near-duplicate"} <= kinds
    assert len(alone.relations) >= len(planted) // 2
    assert shared.relations == alone.relations
    assert shared.groups == alone.groups
    verified = [e for e in steps if e[2] == "pairs verified"]
    assert verified[-1][0] == verified[-1][1] > 0  # progress counts every pair, to the end
    assert dedup._worker_analyses == []  # nothing kept in this process


def test_a_digest_with_pairs_in_the_workers_is_the_same_bytes(
    tmp_path: Path, pools: list[int]
) -> None:
    digests = []
    for jobs in (1, 2):
        with Store(tmp_path / f"{jobs}.db") as store:
            pipeline.ingest([EXAMPLES], store)
            digests.append(pipeline.analyse(store, pipeline.RunOptions(jobs=jobs)).json)
            # what was stored of each pair is read back the same way by the next run
            assert pipeline.analyse(store, pipeline.RunOptions(jobs=jobs)).json == digests[-1]
    assert pools == [2]
    assert digests[1] == digests[0]
    assert '"kind": "rewrite"' in digests[0]


def _no_semaphores(*args: Any, **kwargs: Any) -> None:
    raise OSError(38, "Function not implemented")


def test_pairs_are_classified_here_when_no_pool_can_start(
    pools: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "ProcessPoolExecutor", _no_semaphores)
    articles, _ = generate(120, 5)
    alone = find_relations(articles)
    with workers.Workers(2) as two, pytest.warns(RuntimeWarning, match="could not be started"):
        shared = find_relations(articles, workers=two)
    assert shared.relations == alone.relations != ()
    assert dedup._worker_analyses == []  # the analyses made here are not kept after the run
