"""bench/rouge_perl.py: ROUGE-1.5.5 run as SumRepo ran it, and its per-topic output read back."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
pytest.importorskip("nltk")  # bench/rouge.py, imported by rouge_perl, stems with it

import rouge_perl  # type: ignore[import-not-found]
from rouge import score  # type: ignore[import-not-found]


def test_config_names_every_topic_its_peer_and_its_references(tmp_path: Path) -> None:
    refs = {"d1": [tmp_path / "d1.a", tmp_path / "d1.b"], "d2": [tmp_path / "d2.a"]}
    text = rouge_perl._config(Path("/peers"), ["d1", "d2"], refs)
    assert text.count("<EVAL ID=") == 2
    assert '<P ID="1">d1.txt</P>' in text and '<M ID="1">d1.b</M>' in text
    assert f"<MODEL-ROOT>{tmp_path}</MODEL-ROOT>" in text


def test_references_in_two_folders_are_refused(tmp_path: Path) -> None:
    refs = {"d1": [tmp_path / "a" / "d1.a", tmp_path / "b" / "d1.b"]}
    with pytest.raises(ValueError, match="d1"):
        rouge_perl._config(Path("/peers"), ["d1"], refs)


def test_per_topic_lines_are_read_for_each_metric() -> None:
    output = (
        "1 ROUGE-1 Average_R: 0.39030 (95%-conf.int. 0.37552 - 0.40522)\n"
        "1 ROUGE-1 Eval d30001.1 R:0.42752 P:0.43069 F:0.42910\n"
        "1 ROUGE-2 Eval d30001.1 R:0.14100 P:0.14000 F:0.14050\n"
        "1 ROUGE-L Eval d30001.1 R:0.38000 P:0.38000 F:0.38000\n"
    )
    found = rouge_perl._PER_TOPIC.findall(output)
    assert found == [
        ("1", "d30001", "0.42752"),
        ("2", "d30001", "0.14100"),
        ("L", "d30001", "0.38000"),
    ]


def test_a_missing_pyrouge_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(rouge_perl.PerlUnavailable, match="pyrouge is not installed"):
        rouge_perl.script_dir()


def _perl_ready() -> bool:
    if shutil.which("perl") is None:
        return False
    try:
        rouge_perl.script_dir()
    except rouge_perl.PerlUnavailable:
        return False
    probe = subprocess.run(["perl", "-MXML::Parser", "-e", "1"], capture_output=True, check=False)
    return probe.returncode == 0


PERL_READY = pytest.mark.skipif(
    not _perl_ready(), reason="ROUGE-1.5.5 needs pyrouge, perl and XML::Parser"
)


def _score_pair(tmp_path: Path, first_ref: str) -> tuple[float, float, float, float]:
    refs = {first_ref: "t1.a", "Crews worked on the dams.": "t1.b"}
    for text, name in refs.items():
        (tmp_path / name).write_text(text + "\n", encoding="latin-1")
    peer = "The dams were breaking.\nCrews worked all night"
    scored = rouge_perl.score_topics({"t1": peer}, {"t1": [tmp_path / n for n in refs.values()]})
    python = score(peer, list(refs))
    return scored["t1"].r1, python.r1, scored["t1"].r2, python.r2


@PERL_READY
def test_perl_agrees_with_the_python_scorer_on_regular_words(tmp_path: Path) -> None:
    perl_r1, python_r1, perl_r2, python_r2 = _score_pair(tmp_path, "The dam failed at night.")
    assert python_r1 == pytest.approx(0.7) and python_r2 == pytest.approx(3 / 8)
    assert perl_r1 == pytest.approx(python_r1, abs=1e-4)
    assert perl_r2 == pytest.approx(python_r2, abs=1e-4)


@PERL_READY
def test_perl_stems_irregular_forms_where_the_python_scorer_does_not(tmp_path: Path) -> None:
    # ROUGE-1.5.5 -m looks irregular forms up in WordNet's exception list ("broke" -> "break",
    # as "breaking"); bench/rouge.py stems with Porter alone: one of the differences behind
    # the calibration table's 0.35 points.
    perl_r1, python_r1, _, _ = _score_pair(tmp_path, "The dam broke at night.")
    assert perl_r1 == pytest.approx(0.8) and python_r1 == pytest.approx(0.7)
