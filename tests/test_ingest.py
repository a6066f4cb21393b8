"""Ingest: every reader, the dispatcher, decoding, skip reasons and stable ids."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from helpers_ingest import FIXTURES, articles, one, outcomes, read
from storyline.errors import OptionsError
from storyline.ids import stable_id
from storyline.ingest import IngestOptions, ingest_options, read_sources
from storyline.model import Article, Skipped
from storyline.text import fold, normalize

# --- plain text and Markdown ---------------------------------------------------------------


def test_txt_with_headline() -> None:
    path = FIXTURES / "headline.txt"
    article = one(path)
    assert article.title == "Harbour bridge in Port Alden reopens after six months of repairs"
    assert article.text.startswith("The harbour bridge in Port Alden reopened on Tuesday")
    assert article.title not in article.text
    assert article.raw_text == path.read_text(encoding="utf-8")
    assert article.text == normalize(article.raw_text.split("\n", 2)[2])
    assert (article.path, article.record) == (str(path), 0)
    assert (article.source, article.url, article.language) == ("unknown", "", "en")
    assert (article.published, article.published_origin) == (None, "")
    assert article.id == stable_id(fold(article.title), fold(article.text), "", "unknown")


def test_txt_without_headline_derives_title_and_keeps_lead() -> None:
    article = one(FIXTURES / "lead.txt")
    assert article.title == (
        "Fishermen in the village of Brennick landed a record catch of mackerel on Friday"
    )
    assert article.text.startswith("Fishermen in the village of Brennick landed a record catch")
    assert article.text.count("\n") == 2


def test_txt_front_matter() -> None:
    article = one(FIXTURES / "frontmatter.txt")
    assert article.id == "vc-1042"
    assert article.title == "Valley orchard growers report late frost damage"
    assert article.url == "https://www.valley-courier.example/farming/frost"
    assert article.source == "valley-courier.example"
    assert (article.published, article.published_origin) == ("2031-03-14", "metadata")
    assert article.language == "en"
    assert article.text.startswith("Growers in the Ostmark valley")  # repeated title line gone
    assert article.raw_text.startswith("---\ntitle:")


def test_front_matter_needs_key_value_lines(tmp_path: Path) -> None:
    path = tmp_path / "rule.md"
    path.write_text("---\nJust a rule above a paragraph of text.\n---\nMore text here.\n")
    article = one(path)
    assert article.text == "Just a rule above a paragraph of text.\n\nMore text here."


def test_markdown() -> None:
    article = one(FIXTURES / "story.md")
    assert article.title == "Observatory on Mount Kell spots a new comet"
    assert article.text == (
        "Astronomers at the Mount Kell Observatory said on Monday they had spotted a new comet,"
        " now named C/2031 K1.\n\nThe comet will be visible with binoculars in late May, the"
        " team said.\n\nIt is the third comet found at the site.\nThe last one was found in 2024."
    )
    assert "**Mount Kell Observatory**" in article.raw_text


# --- HTML ----------------------------------------------------------------------------------


def test_html_with_metadata() -> None:
    article = one(FIXTURES / "page.html")
    assert article.title == "Tram line to the airport opens in Velden"
    assert article.source == "The Velden Post"
    assert article.url == "https://www.velden-post.example/city/tram-airport"
    assert (article.published, article.published_origin) == (
        "2030-09-12T07:45:00+02:00",
        "metadata",
    )
    assert article.language == "en"
    assert article.text.startswith("The new tram line linking the centre of Velden")
    assert article.text.endswith("trams will run every seven minutes at peak hours.")
    assert article.text.count("\n") == 3
    assert article.raw_text.startswith("Tram line to the airport opens in Velden\n")


def test_html_scripts_and_navigation_never_reach_text() -> None:
    article = one(FIXTURES / "page.html")
    for hostile in ("alert", "cookie", "injected paragraph", "<script", "Privacy policy"):
        assert hostile not in article.text
        assert hostile not in article.raw_text


def test_html_without_main_text_is_skipped() -> None:
    path = FIXTURES / "nomain.html"
    assert read(path) == [Skipped(str(path), "no main text found in the HTML page")]


def test_html_latin1_declared_charset(tmp_path: Path) -> None:
    body = "".join(
        f"<p>Le café numéro {n} de la rue Hôtel-de-Ville a rouvert ses portes mardi matin.</p>"
        for n in range(4)
    )
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Café rouvert</title></head>'
        f"<body><article>{body}</article></body></html>"
    )
    path = tmp_path / "cafe.htm"
    path.write_bytes(page.encode("latin-1"))
    article = one(path)
    assert article.title == "Café rouvert"
    assert "Le café numéro 0 de la rue Hôtel-de-Ville" in article.text
    assert article.language == "fr"


# --- records: JSONL, JSON, CSV ---------------------------------------------------------------


def test_jsonl_with_bad_lines_goes_on() -> None:
    path = FIXTURES / "articles.jsonl"
    records = read(path)
    assert outcomes(records) == [
        ("article", 1, "Storm closes northern pass"),
        ("article", 2, "Pass reopens after storm"),
        ("skip", 3, "line 3: not valid JSON (the line ends before its record does: cut short?)"),
        ("skip", 4, "line 4: no 'text' field"),
        ("skip", 6, "line 6: empty text"),
        ("skip", 7, "line 7: not a JSON object"),
        ("article", 8, "Le col rouvert"),
    ]
    first, second, last = (r for r in records if isinstance(r, Article))
    assert first.id == "wire-1"
    assert (first.source, first.published, first.published_origin) == (
        "alpine-daily.example",
        "2031-04-06T09:15:00+00:00",
        "field",
    )
    assert (second.source, second.published) == ("news.example.org", "2031-04-07")
    assert (last.source, last.published, last.published_origin) == ("Le Courrier Alpin", None, "")
    assert last.language == "fr"
    assert all(r.path == str(path) for r in records)


def test_a_jsonl_line_cut_short_is_named_so(tmp_path: Path) -> None:
    # A scraper killed mid-write leaves its last line unfinished; the decoder called one
    # cut inside a string an "Invalid control character" (the line break it ran into).
    path = tmp_path / "night.jsonl"
    lines = (
        '{"id": "k-1", "title": "Kiln fire", "text": "A kiln caught fire in Abbotsford."}',
        '{"id": "k-2", "title": "Kiln fire", "text": "The fire at the Abbotsford kiln',
        '{"id": "k-3", "title": "Kiln fire", "text": "Crews left the kiln at noon."',
        '{"id": "k-4", "title": "Kiln fire" "text": "Two crews came."}',
    )
    path.write_text("".join(f"{line}\r\n" for line in lines), encoding="utf-8")
    cut = "not valid JSON (the line ends before its record does: cut short?)"
    assert outcomes(read(path)) == [
        ("article", 1, "Kiln fire"),
        ("skip", 2, f"line 2: {cut}"),
        ("skip", 3, f"line 3: {cut}"),
        ("skip", 4, "line 4: not valid JSON (Expecting ',' delimiter, column 36)"),
    ]


def test_json_array_with_common_field_names() -> None:
    first, second = articles(FIXTURES / "array.json")
    assert (first.id, first.title, first.record) == ("101", "Library extends opening hours", 1)
    assert first.text.startswith("The city library will open")
    assert (first.published, first.published_origin) == ("2031-02-01", "field")
    assert (second.url, second.source, second.record) == (
        "https://www.museum-news.example/roof",
        "museum-news.example",
        2,
    )


def test_json_one_object_per_line() -> None:
    found = articles(FIXTURES / "lines.json")
    assert [(a.record, a.title) for a in found] == [
        (1, "Ferry strike ends"),
        (2, "Ferry timetable restored"),
    ]


def test_json_pretty_printed_single_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(
        json.dumps({"title": "Dam inspected", "text": "Inspectors checked the dam."}, indent=2)
    )
    article = one(path)
    assert (article.title, article.text, article.record) == (
        "Dam inspected",
        "Inspectors checked the dam.",
        1,
    )


def test_json_export_wrapping_its_records(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    export = {
        "status": "ok",
        "totalResults": 2,
        "articles": [
            {
                "source": {"id": None, "name": "Fjord Times"},
                "title": "Tunnel opens",
                "content": "The fjord tunnel opened on Friday.",
                "publishedAt": "2031-06-06T08:00:00Z",
            },
            {
                "title": "Tunnel toll set",
                "content": "The toll will be ten crowns, the agency said.",
            },
        ],
    }
    # Pretty-printed, and on one line as `curl ... > export.json` saves it.
    for indent in (1, None):
        path.write_text(json.dumps(export, indent=indent))
        first, second = articles(path)
        assert (first.source, first.title, first.published, first.record) == (
            "Fjord Times",
            "Tunnel opens",
            "2031-06-06T08:00:00+00:00",
            1,
        )
        assert (second.title, second.record) == ("Tunnel toll set", 2)


def test_json_array_broken_midway(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"text": "First story is complete."}, {"text": "Second story is cut')
    assert outcomes(read(path)) == [
        ("article", 1, "First story is complete"),
        ("skip", 2, "item 2: not valid JSON (Unterminated string starting)"),
    ]


def test_json_array_missing_a_comma_names_the_break_not_the_item_read(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"text": "First story is complete."} {"text": "Second story."}]')
    assert outcomes(read(path)) == [
        ("article", 1, "First story is complete"),
        ("skip", 0, "after item 1: not valid JSON (expected ',' or ']', found '{')"),
    ]


def test_json_not_an_array_or_object(tmp_path: Path) -> None:
    path = tmp_path / "number.json"
    path.write_text("42\n")
    assert read(path) == [Skipped(str(path), "not JSON: expected an array or objects")]


def test_csv_rows_by_line() -> None:
    path = FIXTURES / "articles.csv"
    records = read(path)
    assert outcomes(records) == [
        ("article", 2, "Bakery wins regional prize"),
        ("article", 4, "Market moves indoors"),
        ("skip", 5, "line 5: empty text"),
    ]
    bakery = records[0]
    assert isinstance(bakery, Article)
    assert bakery.text == (
        "The Holm Street bakery won the regional bread prize on Saturday.\n"
        "Its rye loaf was praised by all five judges."
    )
    assert (bakery.id, bakery.source, bakery.published) == ("c1", "Town Gazette", "2031-05-10")


def test_csv_without_text_column_is_one_skip() -> None:
    path = FIXTURES / "notext.csv"
    assert read(path) == [
        Skipped(str(path), "no 'text' column (columns: title, summary, url)"),
    ]


def test_csv_field_override() -> None:
    options = ingest_options(["text=summary", "title = title"])
    article = one(FIXTURES / "notext.csv", options=options)
    assert article.title == "Bridge toll scrapped"
    assert article.text.startswith("The toll on the east bridge")
    assert article.source == "example.org"


def test_csv_semicolon_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "semi.csv"
    path.write_text(
        "title;text\nQuay widened;The quay was widened by four metres, the port said.\n"
    )
    article = one(path)
    assert (article.title, article.text) == (
        "Quay widened",
        "The quay was widened by four metres, the port said.",
    )


def test_field_override_applies_to_json(tmp_path: Path) -> None:
    path = tmp_path / "custom.jsonl"
    path.write_text('{"headline_en": "Canal frozen", "story": "The canal froze over on Monday."}\n')
    options = ingest_options(["text=story", "title=headline_en"])
    article = one(path, options=options)
    assert (article.title, article.text) == ("Canal frozen", "The canal froze over on Monday.")
    assert read(path) == [Skipped(str(path), "line 1: no 'text' field", 1)]


def test_a_record_without_the_mapped_name_is_read_by_the_fields_own_name(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.jsonl"
    feeds.write_text(
        '{"uid": "a-1", "text": "The canal froze over on Monday."}\n'
        '{"id": "b-7", "text": "The canal thawed on Friday."}\n'
        '{"uid": "c-2", "id": "x", "text": "The canal reopened to boats."}\n'
    )
    options = ingest_options(["id=uid"])
    ids = [a.id for a in read(feeds, options=options) if isinstance(a, Article)]
    assert ids == ["a-1", "b-7", "c-2"]  # the mapped name first, then the field's own


def test_a_dotted_field_name_reads_a_nested_value(tmp_path: Path) -> None:
    # A QA pass (session 13): --field language=meta.lang over an export that nests the
    # language was silently ignored, and 1,339 of 4,977 invented English articles were
    # detected as Shona, whose dates then went through dateparser (minutes).
    path = tmp_path / "export.jsonl"
    path.write_text(
        '{"body": "The canal froze over on Monday.", "meta": {"Lang": "fr", "desk": "x"}}\n'
        '{"body": "The canal thawed on Friday.", "meta.lang": "de", "meta": {"lang": "fr"}}\n'
        '{"body": "The canal reopened to boats.", "meta": "en"}\n'
    )
    found = articles(path, options=ingest_options(["language=meta.lang", "source=meta.desk"]))
    assert [(a.language, a.source) for a in found] == [
        ("fr", "x"),
        ("de", "unknown"),
        ("en", "unknown"),
    ]


def test_html_in_a_record_body_is_read_as_its_text(tmp_path: Path) -> None:
    # A QA pass (session 13): a CMS export's HTML bodies gave 12 titles and 1,236 summary
    # sentences starting '<div class="article-body"><p>' in a digest of 4,977 articles.
    body = (
        '<div class="article-body"><p>The ferry <b>Velden</b> ran\naground on Monday, '
        "the port said.</p><script>track()</script><p>Crews &amp; divers worked on.<br>"
        "It was refloated.</p></div>"
    )
    record = {"headline": "<em>Ferry</em> aground", "body": body}
    path = tmp_path / "cms.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps({"body": "Tags like <p> and AT&T."}))
    first, second = articles(path)
    assert first.text == (
        "The ferry Velden ran aground on Monday, the port said.\n\n"
        "Crews & divers worked on.\nIt was refloated."
    )
    assert (first.title, first.raw_text) == ("Ferry aground", body)
    assert second.text == "Tags like <p> and AT&T."  # prose about a tag: no element closes
    table = tmp_path / "cms.csv"
    table.write_text('title,text\nQuay,"<p>The quay\nwas widened.</p><p>Boats wait.</p>"\n')
    assert one(table).text == "The quay was widened.\n\nBoats wait."


def test_a_text_field_that_is_not_text_is_named_as_the_input_names_it(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text('{"body": null}\n{"Body": ["a"]}\n{"story": 3}\n')
    assert outcomes(read(path)) == [
        ("skip", 1, "line 1: 'body' is null, not text"),
        ("skip", 2, "line 2: 'body' is a JSON array, not text"),
        ("skip", 3, "line 3: no 'text' field"),
    ]
    assert outcomes(read(path, options=ingest_options(["text=story"]))) == [
        ("skip", 1, "line 1: no 'story' field"),
        ("skip", 2, "line 2: no 'story' field"),
        ("skip", 3, "line 3: 'story' is a JSON number, not text"),
    ]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (["body=text"], "unknown field 'body'"),
        (["text"], "expected FIELD=NAME"),
        (["text="], "mapped to an empty name"),
        (["text=a", "text=b"], "mapped twice"),
    ],
)
def test_ingest_options_rejects_bad_fields(given: list[str], message: str) -> None:
    with pytest.raises(OptionsError, match=message):
        ingest_options(given)


def test_ingest_options_take_a_dict_of_fields_and_refuse_other_shapes_clearly() -> None:
    # A QA pass (session 13): IngestOptions(fields={"text": "body"}), what a Python user
    # writes first, raised a bare "too many values to unpack".
    assert IngestOptions(fields={"text": "body"}).fields == (("text", "body"),)
    assert IngestOptions(fields=[["text", "body"]]).fields == (("text", "body"),)  # type: ignore[list-item]
    for wrong in ("text=body", ("text", "body"), [("text", 1)], 5):
        with pytest.raises(OptionsError, match=r"IngestOptions.fields maps field names .* \(got"):
            IngestOptions(fields=wrong)  # type: ignore[arg-type]


# --- gzip, directories, stdin --------------------------------------------------------------


def test_gzip_of_each_format(tmp_path: Path) -> None:
    for name in ("articles.jsonl", "array.json", "articles.csv", "headline.txt", "page.html"):
        source = FIXTURES / name
        packed = tmp_path / f"{name}.gz"
        packed.write_bytes(gzip.compress(source.read_bytes()))
        plain = [_without_path(r) for r in read(source)]
        assert [_without_path(r) for r in read(packed)] == plain
        assert {r.path for r in read(packed)} == {str(packed)}


def _without_path(record: Article | Skipped) -> object:
    return (type(record).__name__, getattr(record, "id", None), record.record)


def test_gzip_corrupt_and_truncated(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(b"not gzip at all")
    (skip,) = read(bad)
    assert isinstance(skip, Skipped)
    assert skip.reason.startswith("cannot decompress: ")
    lines = "".join(f'{{"text": "Story number {n} is here."}}\n' for n in range(2000))
    truncated = tmp_path / "cut.jsonl.gz"
    truncated.write_bytes(gzip.compress(lines.encode())[:-30])
    records = read(truncated)
    assert isinstance(records[-1], Skipped)
    assert records[-1].reason.startswith("cannot decompress: ")
    assert sum(isinstance(r, Article) for r in records) > 1000


def test_directory_recursion_order_and_hidden_files(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    for relative in ("b.txt", "a/z.txt", "a/b/c.md", "c.txt", ".hidden/x.txt", ".h.txt"):
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"Story in {relative}\n\nThe council met on Monday to discuss {relative}.\n"
        )
    (root / "notes.xyz").write_text("x")
    (root / "README").write_text("x")
    (root / "old.tar.gz").write_bytes(gzip.compress(b"x"))
    records = read(root)
    assert [(r.path, getattr(r, "reason", "")) for r in records] == [
        (f"{root}/README", "unsupported file type (no extension)"),
        (f"{root}/a/b/c.md", ""),
        (f"{root}/a/z.txt", ""),
        (f"{root}/b.txt", ""),
        (f"{root}/c.txt", ""),
        (f"{root}/notes.xyz", "unsupported file type .xyz"),
        (f"{root}/old.tar.gz", "unsupported file type .tar.gz"),
    ]


def test_directory_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    root = tmp_path / "loop"
    (root / "inner").mkdir(parents=True)
    (root / "inner" / "a.txt").write_text("A story about the dam inspection on Monday.\n")
    os.symlink(root, root / "inner" / "back")
    assert [a.path for a in articles(root)] == [f"{root}/inner/a.txt"]


def test_a_link_to_a_folder_outside_the_one_given_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "b.txt").write_text("A story about the harbour wall on Tuesday.\n")
    root = tmp_path / "corpus"
    (root / "inner").mkdir(parents=True)
    (root / "inner" / "a.txt").write_text("A story about the dam inspection on Monday.\n")
    os.symlink(outside, root / "out")
    os.symlink(root / "inner", root / "same")  # inside: followed, and read once
    records = read(root)
    assert [r.path for r in records if isinstance(r, Article)] == [f"{root}/inner/a.txt"]
    assert [(r.path, r.reason) for r in records if isinstance(r, Skipped)] == [
        (f"{root}/out", "a link to a folder outside the one given: not followed")
    ]


def test_stdin_jsonl() -> None:
    stdin = io.StringIO(
        '{"title": "Ice rink opens", "text": "The town ice rink opened on Saturday."}\noops\n'
    )
    records = list(read_sources(["-"], stdin=stdin))
    assert outcomes(records) == [
        ("article", 1, "Ice rink opens"),
        ("skip", 2, "line 2: not valid JSON (Expecting value, column 1)"),
    ]
    assert {r.path for r in records} == {"-"}


# --- decoding --------------------------------------------------------------------------------


def test_latin1_text_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    text = "Señor Núñez visitó la ciudad el martes y habló con el alcalde sobre el puerto."
    path.write_bytes(text.encode("latin-1"))
    article = one(path)
    assert article.text == text
    assert article.language == "es"


def test_utf8_bom_and_utf16(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbfDam repairs finish early\n\nThe dam repairs finished early.\n")
    assert one(bom).title == "Dam repairs finish early"
    wide = tmp_path / "wide.jsonl"
    line = '{"title": "Über die Brücke", "text": "Die Brücke wurde am Montag eröffnet."}\n'
    wide.write_bytes((line * 2).encode("utf-16"))
    assert [a.title for a in articles(wide)] == ["Über die Brücke", "Über die Brücke"]
    csv_bom = tmp_path / "bom.csv"
    csv_bom.write_bytes(b"\xef\xbb\xbftext,title\nThe pier was repainted.,Pier\n")
    assert one(csv_bom).title == "Pier"


def test_cp1252_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_bytes('{"text": "The café reopened – with new owners."}\n'.encode("cp1252"))
    assert one(path).text == "The café reopened - with new owners."


# --- skip reasons ----------------------------------------------------------------------------


def test_skip_reasons(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    big = tmp_path / "big.txt"
    big.write_text("A headline\n\nThe body is longer than the limit.\n")
    only_front = tmp_path / "front.md"
    only_front.write_text("---\ntitle: Nothing below\n---\n")
    empty_jsonl = tmp_path / "empty.jsonl"
    empty_jsonl.write_text("\n\n")
    found = read(missing, empty, binary, only_front, empty_jsonl)
    assert found == [
        Skipped(str(missing), "cannot read: No such file or directory"),
        Skipped(str(empty), "empty file"),
        Skipped(str(binary), "cannot decode: binary content"),
        Skipped(str(only_front), "empty text"),
        Skipped(str(empty_jsonl), "empty file"),
    ]
    assert read(big, options=IngestOptions(max_file_bytes=20)) == [
        Skipped(
            str(big),
            "file too large for one article (more than 20 bytes); give a corpus as JSON "
            "lines, CSV or a folder of files",
        ),
    ]


def test_os_reason_and_gz_of_unknown_type(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("A story.\n")
    below_file = plain / "inner.txt"
    unknown = tmp_path / "blob.gz"
    unknown.write_bytes(gzip.compress(b"x"))
    assert read(below_file, unknown) == [
        Skipped(str(below_file), "cannot read: Not a directory"),
        Skipped(str(unknown), "unsupported file type .gz"),
    ]


def test_hostile_title_loses_its_markup(tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    paragraph = "<p>The harbour board met on Monday and agreed to repaint the old lighthouse.</p>"
    path.write_text(
        "<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; Lighthouse repainted</title>"
        f"</head><body><article>{paragraph * 3}</article></body></html>"
    )
    article = one(path)
    # markup-like text in a title is dropped: it would otherwise be a story's keywords
    assert article.title == "Lighthouse repainted"
    assert "<" not in article.text


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("A story nobody may read.\n")
    path.chmod(0)
    try:
        assert read(path) == [Skipped(str(path), "cannot read: Permission denied")]
    finally:
        path.chmod(0o644)


def test_record_too_long_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    long_text = "word " * 100
    path.write_text(f'{{"text": "{long_text}"}}\n{{"text": "A short story about the harbour."}}\n')
    options = IngestOptions(max_record_bytes=200)
    assert outcomes(read(path, options=options)) == [
        ("skip", 1, "line 1: record larger than 200 bytes"),
        ("article", 2, "A short story about the harbour"),
    ]
