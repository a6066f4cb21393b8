"""Stories' timelines and summaries computed in worker processes (``RunOptions.jobs``,
``--jobs``): the same bytes, the same stored rows and the same errors as in one process."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from helpers_cli import EXAMPLES, ROOT, Run
from helpers_jobs import count_pools
from storyline import pipeline, results, workers
from storyline.errors import OptionsError, StorylineError
from storyline.model import Story
from storyline.store import Store

sys.path.insert(0, str(ROOT / "bench"))
from corpus_gen import generate


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Workers are started for any number of stories (the default waits for 500), and each
    start of a pool is counted: a test that meant to use workers must show it did."""
    monkeypatch.setattr(workers, "POOL_FROM", 2)
    return count_pools(monkeypatch)


def _jsonl(path: Path, count: int, seed: int = 3, skip: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for article in generate(count, seed)[0][skip:]:
            record = {
                "id": article.id,
                "title": article.title,
                "text": article.text,
                "source": article.source,
                "published": article.published,
            }
            out.write(json.dumps(record) + "\n")
    return path


def _rows(db: Path) -> list[tuple[str, str, str, str]]:
    conn = sqlite3.connect(db)
    try:
        query = (
            "SELECT kind, key, fingerprint, payload FROM results "
            "WHERE kind IN ('timeline', 'summary') ORDER BY kind, key"
        )
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def _analysed(
    inputs: list[Path], db: Path, jobs: int
) -> tuple[str, list[tuple[str, int, int | None]]]:
    """The digest JSON of ``inputs`` read into ``db`` and analysed with ``jobs``, and the
    progress events of the per-story stages (stage, done, total)."""
    events: list[tuple[str, int, int | None]] = []

    def progress(event: pipeline.Progress) -> None:
        if event.stage in ("timeline", "summary") and not event.finished:
            events.append((event.stage, event.done, event.total))

    with Store(db) as store:
        pipeline.ingest(inputs, store)
        analysis = pipeline.analyse(store, pipeline.RunOptions(jobs=jobs), progress)
    return analysis.json, events


def test_the_examples_digest_is_the_same_bytes_with_two_jobs(
    tmp_path: Path, pools: list[int]
) -> None:
    one, one_events = _analysed([EXAMPLES], tmp_path / "one.db", 1)
    assert pools == []
    two, two_events = _analysed([EXAMPLES], tmp_path / "two.db", 2)
    assert pools == [2]  # one pool for both stages
    assert two == one
    assert _rows(tmp_path / "two.db") == _rows(tmp_path / "one.db") != []
    assert two_events == one_events  # progress: every story counted, in order
    assert ("summary", 3, 3) in one_events


@pytest.mark.slow
def test_many_stories_give_the_same_digest_and_rows_with_two_jobs(
    tmp_path: Path, pools: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small batches, so that the stored rows are written in many transactions, read back in
    # many steps, and the stories are sent to the workers in many tasks.
    monkeypatch.setattr(results, "BATCH", 40)
    monkeypatch.setattr(results, "READ_BATCH", 70)
    monkeypatch.setattr(workers, "TASK_CALLS", 7)
    corpus = _jsonl(tmp_path / "corpus.jsonl", 400)
    one, _ = _analysed([corpus], tmp_path / "one.db", 1)
    two, _ = _analysed([corpus], tmp_path / "two.db", 2)
    assert pools == [2]
    assert len(json.loads(one)["stories"]) > 250
    assert two == one
    assert _rows(tmp_path / "two.db") == _rows(tmp_path / "one.db")
    # A later run reuses what is stored, and computes the new stories, with either number.
    later = _jsonl(tmp_path / "later.jsonl", 460, skip=400)
    shutil.copy(tmp_path / "one.db", tmp_path / "two-again.db")
    again_one, _ = _analysed([later], tmp_path / "one.db", 1)
    again_two, _ = _analysed([later], tmp_path / "two-again.db", 2)
    assert again_two == again_one != one
    assert _rows(tmp_path / "two-again.db") == _rows(tmp_path / "one.db")
    assert pools == [2, 2]


def test_a_second_run_reuses_every_result_with_two_jobs(tmp_path: Path, pools: list[int]) -> None:
    notes: dict[int, list[str]] = {1: [], 2: []}
    for jobs in (1, 2):
        db = tmp_path / f"{jobs}.db"
        with Store(db) as store:
            pipeline.ingest([EXAMPLES], store)
            first = pipeline.analyse(store, pipeline.RunOptions(jobs=jobs))

            def note(event: pipeline.Progress, jobs: int = jobs) -> None:
                if event.finished and event.stage in ("timeline", "summary"):
                    notes[jobs].append(f"{event.stage}: {event.note}")

            again = pipeline.analyse(store, pipeline.RunOptions(jobs=jobs), note)
        assert again.json == first.json
    assert (
        notes[2]
        == notes[1]
        == [
            "timeline: 3 of 3 stories reused from the last run",
            "summary: 3 of 3 stories reused from the last run",
        ]
    )
    assert pools == [2]  # the second run had nothing to compute: no workers


def _failing(story: Story) -> tuple[str, workers.Call]:
    return f"key-{story.id}", partial(int, f"not a number in {story.id}")


def _stories(count: int) -> list[Story]:
    return [Story(id=f"s{n}", title=f"Story {n}", article_ids=(f"a{n}",)) for n in range(count)]


def _raised(tmp_path: Path, jobs: int) -> BaseException:
    with (
        Store(tmp_path / f"fail-{jobs}.db") as store,
        workers.Workers(jobs) as pool,
        pytest.raises(ValueError) as raised,
    ):
        results.per_story("timeline", _stories(5), store, _failing, lambda _: None, None, pool)
    return raised.value


def test_an_error_in_a_worker_is_the_error_of_one_process(tmp_path: Path, pools: list[int]) -> None:
    here, there = _raised(tmp_path, 1), _raised(tmp_path, 2)
    assert pools == [2]
    assert type(there) is type(here) is ValueError
    assert str(there) == str(here) == "invalid literal for int() with base 10: 'not a number in s0'"
    assert there.__notes__ == here.__notes__ == ["while computing the timeline of story s0"]


def test_a_worker_that_dies_is_named_not_waited_for(pools: list[int]) -> None:
    calls: list[tuple[int, workers.Call | None]] = [(n, partial(os._exit, 3)) for n in range(3)]
    with workers.Workers(2) as pool:
        run = pool.runner(len(calls))
        with pytest.raises(StorylineError, match="a worker process ended abruptly"):
            list(run(iter(calls)))
    assert pools == [2]


def test_the_workers_give_results_in_the_order_of_the_calls(
    pools: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "TASK_CALLS", 3)
    monkeypatch.setattr(workers, "BLOCK_ITEMS", 5)

    def calls() -> Iterator[tuple[int, workers.Call | None]]:
        for n in range(200):  # every third item has no call (its result was stored)
            yield n, (partial(pow, n, 2) if n % 3 else None)

    with workers.Workers(2) as pool:
        got = list(pool.runner(200)(calls()))
    assert got == [(n, n * n if n % 3 else None) for n in range(200)]
    assert pools == [2]


def test_few_calls_or_one_job_run_here(monkeypatch: pytest.MonkeyPatch) -> None:
    with workers.Workers(2) as pool:
        assert pool.runner(workers.POOL_FROM - 1) is workers.in_order
        assert pool.runner(workers.POOL_FROM) is not workers.in_order
    with workers.Workers(1) as pool:
        assert pool.runner(10**6) is workers.in_order
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: set(range(64)), raising=False)
    monkeypatch.delattr(os, "process_cpu_count", raising=False)
    assert workers.default_jobs() == workers.MAX_DEFAULT_JOBS


@pytest.mark.parametrize("jobs", [0, -2, "2", 1.5, True])
def test_run_options_refuse_a_number_of_jobs_that_is_not_a_positive_integer(
    jobs: object,
) -> None:
    with pytest.raises(OptionsError, match=r"RunOptions\.jobs must be"):
        pipeline.RunOptions(jobs=jobs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "command", ["digest", "timeline", "summarize", "stories", "duplicates", "ingest"]
)
@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_the_cli_refuses_jobs_that_are_not_a_positive_integer(
    run: Run, command: str, value: str
) -> None:
    result = run(command, str(EXAMPLES), "--jobs", value)
    assert result.exit_code == 2
    assert "Invalid value for '-j' / '--jobs'" in result.output


def test_the_cli_runs_with_jobs(run: Run, tmp_path: Path, pools: list[int]) -> None:
    one = run("digest", str(EXAMPLES), "--format", "json", "-j", "1")
    two = run("digest", str(EXAMPLES), "--format", "json", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout
    summaries = run("summarize", str(EXAMPLES), "--format", "json", "--jobs", "2")
    assert summaries.exit_code == 0
    assert pools == [2, 2]


def test_the_cli_default_is_the_usable_cores(
    run: Run, monkeypatch: pytest.MonkeyPatch, pools: list[int]
) -> None:
    monkeypatch.setattr(workers, "default_jobs", lambda: 3)
    monkeypatch.setattr(pipeline, "default_jobs", lambda: 3)
    assert run("timeline", str(EXAMPLES), "--format", "json").exit_code == 0
    assert pools == [3]
    with Store(None) as store:  # the library's default is one process
        pipeline.ingest([EXAMPLES], store)
        pipeline.analyse(store)
    assert pools == [3]


# The CLI in a child process, with small batches and workers for any number of stories; the
# progress callback stops at the 30th story of the timeline stage, stored by then, until the
# test sends Ctrl-C. The child installs Python's SIGINT handler itself: started with SIGINT
# ignored (a test run launched in the background without job control), it would not stop.
CTRL_C_SCRIPT = """
import signal
import sys
import time
from contextlib import contextmanager

signal.signal(signal.SIGINT, signal.default_int_handler)
from storyline import cli, results, workers

results.BATCH = 10
workers.POOL_FROM = 2


@contextmanager
def reporter(quiet=False, verbose=False):
    def report(event):
        if event.stage == "timeline" and event.done == 30 and not event.finished:
            print("computing", flush=True)
            time.sleep(120)

    yield report


cli.progress_reporter = reporter
if __name__ == "__main__":
    cli.main()
"""


def _running(session: int) -> list[int]:
    """The processes of ``session`` that have not ended (zombies are ended)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # ended meanwhile
        state, _, _, sid = stat.rsplit(")", 1)[1].split()[:4]
        if int(sid) == session and state != "Z":
            found.append(int(entry.name))
    return found


def interrupted(script: str, args: list[str]) -> str:
    """Run ``script`` with ``args`` in a child Python of its own session, send Ctrl-C to
    every process of it once the child prints a line, check that it exits as the CLI does
    on Ctrl-C and that no process of it is left; return its standard error."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,  # its own process group and session, as a terminal's job
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "computing"
        assert len(_running(child.pid)) >= 3  # the run, the fork server, the workers
        os.killpg(child.pid, signal.SIGINT)  # Ctrl-C: to every process of the job
        _, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
    assert child.returncode == 130, err
    assert err.splitlines()[-1] == "interrupted: every committed batch is kept in the database"
    assert "Traceback" not in err  # no worker stopped by the signal with its own traceback
    deadline = time.monotonic() + 20
    while _running(child.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _running(child.pid) == []
    return err


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_ctrl_c_in_a_parallel_stage_ends_the_workers_and_keeps_what_was_stored(
    tmp_path: Path,
) -> None:
    corpus = _jsonl(tmp_path / "corpus.jsonl", 100)
    db = tmp_path / "stopped.db"
    args = ["digest", str(corpus), "--db", str(db), "--jobs", "2", "-o", str(tmp_path / "d.json")]
    interrupted(CTRL_C_SCRIPT, args)
    kept = [row for row in _rows(db) if row[0] == "timeline"]
    assert len(kept) >= 30
    # Run again, the rest is computed, the stored rows reused: as one uninterrupted run.
    again, _ = _analysed([], db, 2)
    whole, _ = _analysed([corpus], tmp_path / "whole.db", 1)
    assert again == whole
