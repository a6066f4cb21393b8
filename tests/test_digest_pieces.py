"""The stored digest is kept in pieces: a save writes the pieces that changed, a digest kept
whole by an older schema is moved into them, and an interrupted save keeps the last one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storyline.errors import StoreError
from storyline.model import Article, Digest
from storyline.render import to_json
from storyline.store import SCHEMA_VERSION, Store, digestrows, schema


def _digest(count: int, changed: int | None = None) -> str:
    articles = [
        Article(
            f"a{n:05d}",
            f"Flood at the dam, report {n}" + (" (updated)" if n == changed else ""),
            "",
            "",
            f"Outlet {n % 7}",
            published=f"2031-01-{1 + n % 28:02d}",
        )
        for n in range(count)
    ]
    return to_json(Digest(tuple(articles), ()))


def _pieces(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT hash, rowid FROM digest_pieces").fetchall()
    conn.close()
    return {str(h): int(rowid) for h, rowid in rows}


def test_pieces_join_to_the_text_and_a_change_moves_no_other_cut() -> None:
    before, after = _digest(3000), _digest(3000, changed=1500)
    old, new = digestrows.pieces(before), digestrows.pieces(after)
    assert "".join(old) == before and "".join(new) == after
    assert len(old) > 40  # about one item in SPREAD starts a piece
    assert len(set(new) - set(old)) == 1 and len(old) == len(new)
    assert digestrows.pieces("{}") == ["{}"]


def test_a_save_writes_only_the_changed_pieces(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    before, after = _digest(3000), _digest(3000, changed=1500)
    with Store(path) as store:
        store.save_digest(before)
        kept = _pieces(path)
        store.save_digest(after)
        assert store.load_digest() == after
    now = _pieces(path)
    assert len(now) == len(kept)
    assert len(set(now.items()) - set(kept.items())) == 1  # one piece written, one dropped


def test_the_same_digest_is_not_written_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path / "d.db") as store:
        store.save_digest(_digest(100))

        def refuse(*_: object) -> int:
            raise AssertionError("written again")

        monkeypatch.setattr(digestrows, "write", refuse)
        store.save_digest(_digest(100))
        assert store.load_digest() == _digest(100)


def test_an_interrupted_save_keeps_the_last_digest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "d.db"
    before, after = _digest(2000), _digest(2000, changed=7)
    with Store(path) as store:
        store.save_digest(before)
        kept = _pieces(path)
        # the order is written last: fail there, after the new pieces went in
        monkeypatch.setattr(digestrows.json, "dumps", _interrupt)
        with pytest.raises(KeyboardInterrupt):
            store.save_digest(after)
        monkeypatch.undo()
        assert store.load_digest() == before
        assert _pieces(path) == kept
        store.save_digest(after)
        assert store.load_digest() == after


def _interrupt(*_: object, **__: object) -> str:
    raise KeyboardInterrupt


def test_a_digest_kept_whole_by_an_older_schema_is_moved_into_pieces(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    text = _digest(500)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for migration in schema.MIGRATIONS[:3]:
        migration.apply(conn)
        conn.execute("INSERT INTO migrations VALUES (?, ?)", (migration.version, migration.name))
    conn.execute("INSERT INTO digest (slot, payload) VALUES (1, ?)", (text,))
    conn.execute("COMMIT")
    conn.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.load_digest() == text
        store.save_digest(_digest(500, changed=3))
        assert store.load_digest() == _digest(500, changed=3)
    with sqlite3.connect(path) as check:
        assert check.execute("SELECT count(*) FROM digest").fetchone() == (0,)
    check.close()


def test_a_missing_piece_is_reported_as_damage(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    with Store(path) as store:
        store.save_digest(_digest(1000))
    with sqlite3.connect(path) as conn:
        first = "(SELECT min(rowid) FROM digest_pieces)"
        conn.execute(f"DELETE FROM digest_pieces WHERE rowid = {first}")
    conn.close()
    with Store(path) as store, pytest.raises(StoreError, match="digest is damaged: 1 piece"):
        store.load_digest()


def test_a_save_still_checks_a_text_it_was_given(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store, pytest.raises(StoreError, match="not JSON"):
        store.save_digest("{not json")
