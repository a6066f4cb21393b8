"""Ingest reading hostile inputs: prefix sniffing, size caps, UTF-16 without BOM, stdin bytes."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers_ingest import articles, one, outcomes, read
from storyline.cli import cli
from storyline.errors import InputError
from storyline.ingest import IngestOptions, read_sources
from storyline.ingest.decode import SAMPLE_BYTES, read_document, sniff
from storyline.model import Article, Skipped
from storyline.store import Store

STORY = "Fête à Montréal\n\nFlood waters rose across the Tarn valley on Monday after rain.\n"
LINE = {"title": "Fête", "text": "Café society in Montréal is thriving, owners said on Monday."}


class Counting(io.RawIOBase):
    """``size`` bytes of ``fill`` made on demand, counting how many were read."""

    def __init__(self, head: bytes, fill: bytes, size: int) -> None:
        super().__init__()
        self.data = head
        self.fill = fill
        self.size = size
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        count = min(len(buffer), self.size - self.taken)
        start = self.taken
        chunk = self.data[start : start + count]
        chunk += (self.fill * count)[: count - len(chunk)]
        buffer[:count] = chunk
        self.taken += count
        return count


# --- sniffing a prefix, caps -----------------------------------------------------------------


def test_binary_content_is_refused_after_the_first_bytes() -> None:
    stream = Counting(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", b"\x00\xff", 512 * 1024**2)
    with pytest.raises(InputError, match="binary content"):
        read_document(io.BufferedReader(stream), 1024**3, "image.txt")
    assert stream.taken <= 2 * SAMPLE_BYTES


def test_unbounded_stream_stops_as_soon_as_it_passes_the_cap() -> None:
    stream = Counting(b"", b"a", 1024**3)
    with pytest.raises(
        InputError, match=r"file too large for one article \(more than 3,000,000 bytes\)"
    ):
        read_document(io.BufferedReader(stream), 3_000_000, "bomb.txt")
    assert stream.taken < 3_000_000 + 2 * 1024**2


def test_gzip_bomb_text_file_is_too_large(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 5_000_000))
    options = IngestOptions(max_file_bytes=1_000_000)
    assert read(bomb, options=options) == [
        Skipped(
            str(bomb),
            "file too large for one article (more than 1,000,000 bytes); give a corpus as JSON "
            "lines, CSV or a folder of files",
        )
    ]


def test_binary_reason_wins_over_size_and_text_under_cap_is_read(tmp_path: Path) -> None:
    binary = tmp_path / "sparse.txt"
    with binary.open("wb") as out:
        out.truncate(200_000)
    text = tmp_path / "long.txt"
    text.write_text("Dam opens\n\n" + "The dam opened on Monday. " * 8000)
    small = IngestOptions(max_file_bytes=100_000)
    assert read(binary, text, options=small) == [
        Skipped(str(binary), "cannot decode: binary content"),
        Skipped(
            str(text),
            "file too large for one article (more than 100,000 bytes); give a corpus as JSON "
            "lines, CSV or a folder of files",
        ),
    ]
    assert one(text, IngestOptions(max_file_bytes=300_000)).title == "Dam opens"


def test_default_cap_is_for_one_article_files_only(tmp_path: Path) -> None:
    assert IngestOptions().max_file_bytes == 32 * 1024**2
    feed = tmp_path / "feed.jsonl.gz"
    lines = "".join(
        json.dumps({"id": f"n{n}", "text": f"Story {n} about the harbour."}) + "\n"
        for n in range(300)
    )
    feed.write_bytes(gzip.compress(lines.encode()))
    tiny = IngestOptions(max_file_bytes=1000)
    assert len(lines) > 10 * tiny.max_file_bytes
    assert len(articles(feed, options=tiny)) == 300


# --- UTF-16 without a byte order mark --------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_encodings_without_bom_text_and_jsonl(tmp_path: Path, encoding: str) -> None:
    page = tmp_path / "story.txt"
    page.write_bytes(STORY.encode(encoding))
    article = one(page)
    assert article.title == "Fête à Montréal"
    assert article.text == "Flood waters rose across the Tarn valley on Monday after rain."
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes((json.dumps(LINE, ensure_ascii=False) + "\n").encode(encoding) * 2)
    assert [a.title for a in articles(feed)] == ["Fête", "Fête"]


def test_sniff_tells_utf16_from_binary() -> None:
    assert sniff(b"plain", "x") == ""
    assert sniff("Chinese 一二三".encode("utf-16-le"), "x") == "utf-16-le"
    assert sniff("Привет, мир".encode("utf-16-be"), "x") == "utf-16-be"
    assert sniff(b"\xff\xfe" + "Hi".encode("utf-16-le"), "x") == "utf-16"
    assert sniff("Fête, 一二三 😀".encode("utf-32-le"), "x") == "utf-32-le"
    assert sniff("Привет, мир".encode("utf-32-be"), "x") == "utf-32-be"
    for junk in (
        bytes(64),  # NULs on both sides of the pairs
        b"\x01\x00\x02\x00\x03\x00\x04\x00" * 16,  # one side, but control characters
        b"A\x00\x00\xd8B\x00",  # one side, but a lone surrogate
        b"A\x00\x00\x00\x00\xd8\x00\x00",  # UTF-32 shape, but a surrogate code point
        b"A\x00\x00\x00\x00\x00\x00\x00",  # UTF-32 shape, but a NUL character
        # one stray NUL in ASCII: read as UTF-16 the letter pairs are printable CJK
        b"StrayNULx\x00InASCIITextReadAsUTF16MakesPrintableCJKcharacters",
    ):
        with pytest.raises(InputError, match="binary content"):
            sniff(junk, "x")


# --- stdin -----------------------------------------------------------------------------------


def _stdin(data: bytes) -> io.TextIOWrapper:
    """stdin as the interpreter makes it: a UTF-8 text layer over the bytes."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="surrogateescape")


def test_stdin_is_decoded_from_its_bytes_like_a_file(tmp_path: Path) -> None:
    latin = (json.dumps(LINE, ensure_ascii=False) + "\n").encode("latin-1")
    (article,) = read_sources(["-"], stdin=_stdin(latin))
    assert isinstance(article, Article)
    assert (article.title, article.text) == (LINE["title"], LINE["text"])
    feed = tmp_path / "same.jsonl"
    feed.write_bytes(latin)
    assert article.id == one(feed).id
    wide = (json.dumps(LINE) + "\n").encode("utf-16") + b"\n\x00"
    assert outcomes(list(read_sources(["-"], stdin=_stdin(wide)))) == [("article", 1, "Fête")]


def test_stdin_longer_than_the_sniffed_prefix_is_read_whole() -> None:
    lines = [json.dumps({"id": f"s{n}", "text": f"Story {n} " + "x" * 300}) for n in range(600)]
    data = ("\n".join(lines) + "\n").encode()
    assert len(data) > 3 * SAMPLE_BYTES
    found = list(read_sources(["-"], stdin=_stdin(data)))
    assert [r.id for r in found if isinstance(r, Article)] == [f"s{n}" for n in range(600)]


def test_stdin_problems_are_skips() -> None:
    binary = list(read_sources(["-"], stdin=_stdin(b"\x00\x01\x02\x03" * 100)))
    assert binary == [Skipped("-", "cannot decode: binary content")]
    # The first bytes decide the encoding, as for a file; a later line that breaks it is
    # reported, not turned into replacement characters.
    utf8 = (json.dumps(LINE, ensure_ascii=False) + "\n").encode() * 1000
    assert len(utf8) > SAMPLE_BYTES
    found = list(read_sources(["-"], stdin=_stdin(utf8 + b'{"text": "Caf\xe9 r\xe9opened."}\n')))
    assert sum(isinstance(r, Article) and r.title == "Fête" for r in found) == 1000
    assert found[-1] == Skipped(
        "-", "line 1001: cannot decode as utf-8 (invalid continuation byte)", 1001
    )


def test_cli_reads_latin1_stdin(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    record = dict(LINE, id="latin-1")
    piped = (json.dumps(record, ensure_ascii=False) + "\n").encode("latin-1")
    result = CliRunner().invoke(cli, ["ingest", "-", "--db", str(db)], input=piped)
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert store.article("latin-1").title == "Fête"


def test_a_csv_quote_never_closed_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text('title,text\n"Ferry,Crews of the Velden ferry voted.\nx,y\n')
    (skip,) = list(read_sources([path]))
    assert skip == Skipped(str(path), "lines 2-3: a quoted cell is never closed", 2)


def test_a_csv_quote_never_closed_in_the_last_column_is_named(tmp_path: Path) -> None:
    # The open quote takes every later row into its cell: two reports would vanish into the
    # first one's text.
    path = tmp_path / "last.csv"
    path.write_text(
        "id,title,text\n"
        'a1,Pier,"The Velden pier closed on Friday after a storm.\n'
        "a2,Ferry,The Velden ferry resumed on Monday after repairs.\n"
        "a3,Budget,The council approved the harbour budget on Tuesday.\n"
    )
    (skip,) = list(read_sources([path]))
    assert skip == Skipped(str(path), "lines 2-4: a quoted cell is never closed", 2)


def test_a_csv_cell_over_several_lines_with_quotes_inside_is_read(tmp_path: Path) -> None:
    path = tmp_path / "multi.csv"
    path.write_text(
        "id,title,text\n"
        'a1,Pier,"The pier closed.\nThe harbour master said: ""It is not safe."""\n'
        "a2,Ferry,The ferry resumed on Monday.\n"
    )
    articles = list(read_sources([path]))
    assert [a.id for a in articles if isinstance(a, Article)] == ["a1", "a2"]
    assert 'said: "It is not safe."' in articles[0].text


def test_a_csv_without_a_header_row_is_named(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    line = "Crews of the Velden ferry voted to end their strike on Monday, the union said"
    path.write_text(f"{line},2031-03-03\n{line},2031-03-04\n")
    (skip,) = list(read_sources([path]))
    assert isinstance(skip, Skipped)
    assert skip.reason == (
        "no 'text' column (columns: Crews of the Velden ferry vot…, the union said, 2031-03-03;"
        " the first line looks like data: is the header row missing?)"
    )
