"""A candidate pair classified before from the same two articles is neither classified nor
shingled again: a run that adds articles shingles only the texts of pairs it has not seen,
and what a pair was found to be is used only where it still holds."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from storyline import dedup, pipeline
from storyline.dedup import APART, RELATED, TEXTUAL, DedupOptions
from storyline.model import Article, Relation
from storyline.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "news"
BASE = (
    "The port authority said on Tuesday that the damaged pier of the Kestrel Bridge would "
    "need six weeks of repairs before traffic could cross again, and ferries would run "
    "every twenty minutes until then to carry commuters across Marlow Bay."
)


class _Memo:
    """A PairMemo that knows what it is given, and answers from a table."""

    def __init__(self, table: dict[tuple[str, str], tuple[str, Relation | None]]) -> None:
        self.table = table
        self.kept: list[tuple[str, str, str]] = []

    def recall(self, pairs: Sequence[tuple[str, str, str]]) -> list[tuple[str, Relation | None]]:
        return [self.table.get((a, b), ("", None)) for a, b, _ in pairs]

    def remember(self, a: str, b: str, key: str, found: str, relation: Relation | None) -> None:
        self.kept.append((a, b, found))


def _pair() -> list[Article]:
    copy = BASE.replace("Tuesday", "Wednesday")
    return [
        Article("a", "T", BASE, BASE, source="one"),
        Article("b", "T", copy, copy, source="two"),
    ]


def _verify(memo: _Memo, textual: bool, shingled: list[list[int]]) -> tuple[Relation, ...]:
    articles = _pair()
    pairs = np.asarray([[0, 1]], dtype=np.int64)
    passages = {1} if textual else set()
    exact = np.asarray([1, 2], dtype=np.uint64)
    real = dedup._shingle_sets

    def counted(arts: Any, needed: list[int], options: Any) -> Any:
        shingled.append(needed)
        return real(arts, needed, options)

    dedup._shingle_sets = counted  # type: ignore[assignment]
    try:
        return dedup._verify(articles, (pairs, passages), exact, DedupOptions(), (memo, None))
    finally:
        dedup._shingle_sets = real  # type: ignore[assignment]


def test_a_known_pair_is_not_shingled_and_keeps_its_relation() -> None:
    shingled: list[list[int]] = []
    fresh = _Memo({})
    found = _verify(fresh, False, shingled)
    assert len(found) == 1 and fresh.kept == [("a", "b", RELATED)]
    assert shingled == [[0, 1]]
    again = _verify(_Memo({("a", "b"): (RELATED, found[0])}), False, shingled)
    assert again == found
    assert shingled[-1] == []  # nothing to shingle


def test_what_a_pair_was_found_to_be_is_used_only_where_it_still_holds() -> None:
    shingled: list[list[int]] = []
    relation = _verify(_Memo({}), False, shingled)[0]
    # classified only because its passages were candidates, which they are no longer
    assert _verify(_Memo({("a", "b"): (TEXTUAL, relation)}), False, shingled) == ()
    assert shingled[-1] == []
    assert _verify(_Memo({("a", "b"): (TEXTUAL, relation)}), True, shingled) == (relation,)
    # not classified before (its scores relate nothing); its passages are candidates now
    memo = _Memo({("a", "b"): (APART, None)})
    assert _verify(memo, True, shingled) == (relation,)
    assert shingled[-1] == [0, 1] and memo.kept == [("a", "b", RELATED)]
    assert _verify(_Memo({("a", "b"): (APART, None)}), False, shingled) == ()


def test_a_run_with_nothing_new_shingles_no_text_for_its_pairs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shingled: list[list[int]] = []
    real = dedup._shingle_sets

    def counted(arts: Any, needed: list[int], options: Any) -> Any:
        shingled.append(list(needed))
        return real(arts, needed, options)

    monkeypatch.setattr(dedup, "_shingle_sets", counted)
    with Store(tmp_path / "s.db") as store:
        pipeline.ingest([EXAMPLES], store)
        first = pipeline.analyse(store, with_summary=False, with_timeline=False)
        assert shingled[0]  # the first run shingles the texts of every candidate pair
        second = pipeline.analyse(store, with_summary=False, with_timeline=False)
        assert shingled[1] == []
        assert second.dedup.relations == first.dedup.relations
        fingerprints = store.result_fingerprints("relation").values()
        assert all(value.rpartition(" ")[2] in (RELATED, TEXTUAL, APART) for value in fingerprints)
