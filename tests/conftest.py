"""Fixtures shared by test modules."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import storyline.ingest
from helpers_cli import EXAMPLES, Run
from storyline import cleanrun
from storyline.clean import clean_corpus
from storyline.cli import cli


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


@pytest.fixture()
def run() -> Run:
    """The CLI, invoked in-process with exceptions raised."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the digest of the bundled example corpus (one per test module)."""
    db = tmp_path_factory.mktemp("examples") / "examples.db"
    result = CliRunner().invoke(cli, ["digest", str(EXAMPLES), "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def example_digest(example_db: Path) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["digest", "--db", str(example_db), "--format", "json"])
    assert result.exit_code == 0, result.output
    digest: dict[str, Any] = json.loads(result.stdout)
    return digest


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The labels of the files that the reader opens (every input passes read_file)."""
    opened: list[str] = []
    real = storyline.ingest.read_file

    def spy(path: Path, label: str, *args: object, **kwargs: object) -> Iterator[object]:
        opened.append(label)
        return real(path, label, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(storyline.ingest, "read_file", spy)
    return opened
