"""The benchmark helper scripts answer --help and refuse a bad argument with a usage line."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS_GEN = Path(__file__).resolve().parents[1] / "bench" / "corpus_gen.py"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(CORPUS_GEN), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_corpus_gen_answers_help_and_refuses_a_count_that_is_not_a_number() -> None:
    shown = _run("--help")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("usage: corpus_gen.py") and "--seed" in shown.stdout
    wrong = _run("five")
    assert wrong.returncode == 2 and "invalid int value: 'five'" in wrong.stderr
    assert "Traceback" not in wrong.stderr


def test_corpus_gen_prints_the_sample_and_its_planted_pairs() -> None:
    sample = _run("3", "--seed", "7")
    assert sample.returncode == 0, sample.stderr
    assert sample.stdout.count("\n== ") + sample.stdout.startswith("== ") == 3
    assert sample.stdout.rstrip().endswith("]")


def test_the_reuse_bench_scores_translations_with_the_dedup_stage_of_today(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bench called a private function of the dedup stage whose arguments had changed,
    and stopped with a TypeError at its translations table (found in session 16)."""
    monkeypatch.syspath_prepend(str(CORPUS_GEN.parent))
    bench = importlib.import_module("bench_reuse_quality")
    bench.translations()
    shown = capsys.readouterr().out
    assert shown.lstrip().startswith("### translations, test half")
    assert "| storyline | all |" in shown


def test_the_stories_speed_bench_splits_the_run_at_its_own_feature_extraction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The speed table's assignment column is the run without the extraction it did itself
    (clocked inside the run, session 28), and the stage's own extract is put back after."""
    monkeypatch.syspath_prepend(str(CORPUS_GEN.parent))
    bench = importlib.import_module("bench_stories")
    from storyline.stories import cluster
    from storyline.stories.features import extract

    numbers = bench.speed(300, 60)
    assert cluster.extract is extract
    assert numbers["new"] == 60 and numbers["stories"] > 0
    run = 1 / numbers["cpu_per_s"]  # seconds an article: the run is extraction plus the rest
    parts = 1 / numbers["features_in_run_per_s"] + 1 / numbers["assign_cpu_per_s"]
    assert parts == pytest.approx(run, rel=1e-6)
    assert numbers["features_in_run_per_s"] < 1e9  # the clock saw the run's extraction
