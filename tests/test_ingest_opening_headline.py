"""A text with no title of its own that opens with its headline line is read as a .txt file
of the same words is, whichever reader it comes through (JSON lines, CSV, a Telegram post):
the headline is the title and not a sentence of the body, so a wire dateline after it still
opens the body and the headline is never summarised as a statement (helper I, session 17:
the five seeds given as ``{"text": <the file>}`` records gave another digest than the files)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from storyline.ingest import read_sources
from storyline.model import Article

HEADLINE = "Ferry workers walk out over rota changes - National"
BODY = (
    "PORT ELLIS (Harbor Wire) - Crews on the Port Ellis ferries stopped work on Tuesday "
    "after the operator changed their rotas without notice, the union said.\n\n"
    "About 300 workers joined the walkout, which halted all six routes across the sound."
)
PAGE = f"{HEADLINE}\n\n{BODY}\n"


def articles(*paths: Path) -> list[Article]:
    return [item for item in read_sources(paths) if isinstance(item, Article)]


def test_a_record_with_no_title_reads_its_headline_line_as_a_txt_file_does(
    tmp_path: Path,
) -> None:
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.jsonl").write_text(json.dumps({"text": PAGE}) + "\n", encoding="utf-8")
    with (tmp_path / "page.csv").open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows([["text"], [PAGE]])
    plain, line, row = (
        articles(tmp_path / name)[0] for name in ("page.txt", "page.jsonl", "page.csv")
    )
    assert plain.title == "Ferry workers walk out over rota changes"  # tidied: no section
    assert plain.text.startswith("PORT ELLIS (Harbor Wire)")
    for article in (line, row):
        assert (article.title, article.text) == (plain.title, plain.text)
        assert article.raw_text == PAGE  # the record as given


def test_a_record_whose_text_opens_with_a_sentence_or_is_one_line_is_kept_whole(
    tmp_path: Path,
) -> None:
    records = [
        {"text": BODY},  # a lead sentence, not a headline: the title is made from it
        {"text": HEADLINE},  # a headline alone is the whole text
        {"title": "Given title", "text": PAGE},  # a given title: the text is as given
        {"text": f"#PortEllis #ferries\n\n{BODY}"},  # a post's hashtags are no headline
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    lead, alone, titled, tagged = articles(path)
    assert tagged.text.startswith("#PortEllis #ferries\n\nPORT ELLIS")
    assert lead.text.startswith("PORT ELLIS") and lead.title.startswith("PORT ELLIS")
    assert alone.text == HEADLINE
    assert titled.title == "Given title" and titled.text.startswith(HEADLINE)


def _export(path: Path, messages: list[dict[str, object]]) -> Path:
    chat = {"name": "Harbor Watch", "type": "public_channel", "id": 77, "messages": messages}
    path.write_text(json.dumps(chat), encoding="utf-8")
    return path


def test_a_telegram_post_that_opens_with_a_bold_headline_reads_as_the_txt_file(
    tmp_path: Path,
) -> None:
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    parts = [{"type": "bold", "text": HEADLINE}, "\n\n" + BODY]
    export = _export(
        tmp_path / "result.json",
        [
            {"id": 1, "type": "message", "date_unixtime": "1772528400", "text": parts},
            {
                "id": 2,
                "type": "message",
                "date_unixtime": "1772532000",
                "text": parts,
                "forwarded_from": "Port Ellis News",
            },
        ],
    )
    plain = articles(tmp_path / "page.txt")[0]
    post, forward = articles(export)
    assert (post.title, post.text) == (plain.title, plain.text)
    # a forward keeps its opening credit in its title and its text
    assert forward.title == f"Forwarded from Port Ellis News: {plain.title}"
    assert forward.text == f"Forwarded from Port Ellis News: {plain.text}"


TITLE = "Ferry workers walk out over rota changes"


def test_a_text_that_repeats_its_given_title_on_its_first_line_starts_after_it(
    tmp_path: Path,
) -> None:
    """As a Markdown file's front-matter title and an HTML page's headline are read: a
    scraped dataset's text saved with its headline, a feed whose content opens with an
    ``<h1>``, give the digest the same article gives without it."""
    meta = "url: https://ferries.example/walkout\nsource: Sound News"
    (tmp_path / "page.md").write_text(
        f'---\ntitle: "{TITLE}"\n{meta}\n---\n\n{TITLE}\n\n{BODY}\n', encoding="utf-8"
    )
    record = {"title": TITLE, "text": f"{TITLE}\n\n{BODY}", "url": "https://ferries.example/w"}
    (tmp_path / "page.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with (tmp_path / "page.csv").open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows([list(record), list(record.values())])
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    (tmp_path / "feed.rss").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>Sound News</title><link>https://ferries.example/</link>"
        f"<item><title>{TITLE}</title><link>https://ferries.example/walkout</link>"
        f"<content:encoded><![CDATA[<h1>{TITLE}</h1>{paragraphs}]]></content:encoded></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    plain = articles(tmp_path / "page.md")[0]
    assert plain.text.startswith("PORT ELLIS")
    for name in ("page.jsonl", "page.csv", "feed.rss"):
        article = articles(tmp_path / name)[0]
        assert (article.title, article.text) == (plain.title, plain.text), name
