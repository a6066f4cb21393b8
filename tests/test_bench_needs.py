"""A bench run without its extra, tilse or the shared data says what is missing in one line.

Found in session 26 by running the documented commands from a fresh clone: each of these
stopped with a traceback (bench_dedup only after building its corpus).
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
SRC = Path(__file__).resolve().parents[1] / "src"

# Runs a bench script as `python bench/X.py ARGS` does, with the named modules made
# unimportable (None in sys.modules makes `import` raise ModuleNotFoundError).
_WRAPPER = """
import os, runpy, sys
for name in filter(None, sys.argv[1].split(",")):
    sys.modules[name] = None
script = sys.argv[2]
sys.argv = sys.argv[2:]
sys.path.insert(0, os.path.dirname(script))
runpy.run_path(script, run_name="__main__")
"""


def _run(script: Path, *args: str, blocked: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    command = [sys.executable, "-c", _WRAPPER, blocked, str(script), *args]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=120, check=False, env=env
    )


def test_the_timeline_bench_without_tilse_names_it_and_how_to_install_it(tmp_path: Path) -> None:
    shown = _run(BENCH / "bench_timeline.py", "--data", str(tmp_path), blocked="tilse")
    assert shown.returncode == 1
    assert "Traceback" not in shown.stderr
    assert "needs tilse (pip install --no-deps tilse)" in shown.stderr


def test_the_summary_bench_without_the_bench_extra_names_it() -> None:
    shown = _run(BENCH / "bench_summary.py", blocked="nltk")
    assert shown.returncode == 1
    assert "Traceback" not in shown.stderr
    assert "bench_summary.py needs nltk (pip install -e '.[bench]')" in shown.stderr


def test_the_dedup_bench_without_rensa_stops_before_building_its_corpus() -> None:
    shown = _run(BENCH / "bench_dedup.py", "--sizes", "200", blocked="rensa")
    assert shown.returncode == 1
    assert "Traceback" not in shown.stderr
    assert "bench_dedup.py needs rensa (pip install -e '.[bench]')" in shown.stderr
    assert "generated" not in shown.stdout


def test_the_stories_bench_in_a_clone_without_shared_data_says_where_it_looked(
    tmp_path: Path,
) -> None:
    clone = tmp_path / "clone"
    shutil.copytree(BENCH, clone / "bench", ignore=shutil.ignore_patterns("data", "__pycache__"))
    shown = _run(clone / "bench" / "bench_stories.py", "--skip-speed")
    assert shown.returncode == 1
    assert "Traceback" not in shown.stderr
    looked = tmp_path / "shared" / "data" / "clustering"
    assert f"bench_stories.py: no evaluation data at {looked}" in shown.stderr


def test_the_summary_bench_without_pyrouge_says_so_before_summarising(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--rouge perl` without pyrouge stopped only after the 3 minutes of summarising."""
    pytest.importorskip("nltk")  # bench/rouge.py, imported by the bench, stems with it
    monkeypatch.syspath_prepend(str(BENCH))
    bench = importlib.import_module("bench_summary")
    rouge_perl = importlib.import_module("rouge_perl")

    def absent() -> Path:
        raise rouge_perl.PerlUnavailable("pyrouge is not installed (test)")

    def summarised(*_: object) -> None:
        raise AssertionError("the systems ran before the scorer was checked")

    monkeypatch.setattr(rouge_perl, "script_dir", absent)
    monkeypatch.setattr(bench, "run_systems", summarised)
    assert bench.main(["--rouge", "perl"]) == 1
    assert "--rouge perl: pyrouge is not installed (test)" in capsys.readouterr().err
