"""Start-up cost: a command that needs no TF-IDF must not import scikit-learn (and SciPy)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as SKLEARN_STOP_WORDS

from storyline.stopwords import ENGLISH_STOP_WORDS


def test_stop_words_are_scikit_learns_list() -> None:
    assert ENGLISH_STOP_WORDS == SKLEARN_STOP_WORDS
    assert "the" in ENGLISH_STOP_WORDS and "troops" not in ENGLISH_STOP_WORDS


def test_cli_and_api_start_without_scikit_learn() -> None:
    code = (
        "import sys, storyline, storyline.cli, storyline.api, storyline.pipeline;"
        "print(sorted(m for m in ('sklearn', 'scipy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_stories_of_a_small_corpus_run_without_scikit_learn(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    text = "The Harwick dam broke. Forty homes flooded."
    line = '{"id": "%d", "title": "Dam breach", "text": "' + text + '"}'
    corpus.write_text("\n".join(line % i for i in range(3)) + "\n", encoding="utf-8")
    code = (
        "import sys, storyline;"
        f"r = storyline.stories([{str(corpus)!r}]);"
        "print(len(r.digest.stories), 'sklearn' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1", "False"]
