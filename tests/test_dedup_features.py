"""The duplicate finder reads a text for candidate pairs once: its passage anchors and key
terms are kept (storyline.dedup.features, StoredFeatures), and a later run tokenises only
new and changed texts, with the same result as reading them all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from storyline import dedup, pipeline
from storyline.dedup import DedupOptions, TextFeatures, find_relations
from storyline.store import Store
from test_dedup import EXPECTED, corpus

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "news"


def _kinds(result: dedup.DedupResult) -> list[tuple[str, str, str]]:
    return [(r.a, r.b, r.kind) for r in result.relations]


def test_features_round_trip_and_a_damaged_string_is_refused() -> None:
    features = TextFeatures(42, np.asarray([1, 2, 3], np.uint32), np.asarray([9], np.uint32))
    again = TextFeatures.decode(features.encode())
    assert again.size == 42
    assert again.anchors.tolist() == [1, 2, 3] and again.terms.tolist() == [9]
    for damaged in ("not base64!", features.encode()[:-4], ""):
        with pytest.raises(ValueError):
            TextFeatures.decode(damaged)


def test_stored_features_give_the_result_of_reading_every_text() -> None:
    articles = corpus()
    whole = find_relations(articles)
    assert _kinds(whole) == EXPECTED
    assert set(whole.scanned) == {a.id for a in articles}
    first = find_relations(articles[:6])
    later = find_relations(articles, DedupOptions(), first.index, stored_features=first.scanned)
    assert set(later.scanned) == {a.id for a in articles[6:]}  # only the new texts are read
    assert later.relations == whole.relations and later.groups == whole.groups
    assert [r[0] for r in later.index.rows()] == [r[0] for r in whole.index.rows()]
    for article_id, row in later.index.rows():
        assert row == dict(whole.index.rows())[article_id]


def test_a_run_reads_only_new_and_changed_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[list[str]] = []
    real = dedup._scan_chunk

    def counted(chunk: Any, *rest: Any) -> Any:
        read.append(sorted(a.id for a in chunk))
        return real(chunk, *rest)

    monkeypatch.setattr(dedup, "_scan_chunk", counted)
    with Store(tmp_path / "s.db") as store:
        pipeline.ingest([EXAMPLES], store)
        first = pipeline.analyse(store, with_summary=False, with_timeline=False)
        ids = sorted(a.id for a in first.digest.articles)
        assert sorted(i for chunk in read for i in chunk) == ids
        read.clear()
        second = pipeline.analyse(store, with_summary=False, with_timeline=False)
        assert read == []
        assert second.dedup.relations == first.dedup.relations
        changed = ids[0]
        text = store.article(changed).text
        store.update_texts([(changed, f"{text}\n\nThe council will meet again on Friday.")])
        third = pipeline.analyse(store, with_summary=False, with_timeline=False)
        assert read == [[changed]]
        fresh = dedup.find_relations(third.digest.articles, pipeline.RunOptions().dedup)
        assert third.dedup.relations == fresh.relations
        # other options: no stored features are used
        read.clear()
        other = pipeline.RunOptions(dedup=DedupOptions(window=5))
        pipeline.analyse(store, other, with_summary=False, with_timeline=False)
        assert sorted(i for chunk in read for i in chunk) == ids
