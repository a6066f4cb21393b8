"""Ingest: stable ids, dates, titles, languages, streaming of large inputs, and the seeds."""

from __future__ import annotations

import json
import shutil
import tracemalloc
from pathlib import Path

import pytest

from helpers_ingest import FIXTURES, SEEDS, articles, one
from storyline import language
from storyline.ids import stable_id
from storyline.ingest import IngestOptions, read_sources
from storyline.ingest.build import fold_large
from storyline.ingest.dates import parse_published, path_date
from storyline.ingest.records import JsonValues
from storyline.ingest.titles import (
    derive_title,
    is_byline,
    is_page_furniture,
    split_headline,
    tidy_title,
)
from storyline.language import checked_language, detect_language, language_code
from storyline.model import Skipped
from storyline.text import fold, normalize

# --- ids, dates, titles, languages -----------------------------------------------------------


def test_ids_are_stable_across_runs_and_copies(tmp_path: Path) -> None:
    first = [a.id for a in articles(FIXTURES / "headline.txt", FIXTURES / "lead.txt")]
    copy = tmp_path / "copy.txt"
    shutil.copy(FIXTURES / "headline.txt", copy)
    assert [a.id for a in articles(FIXTURES / "headline.txt", FIXTURES / "lead.txt")] == first
    assert one(copy).id == first[0]  # content-derived: the path is not part of the id
    assert first[0] == stable_id(
        fold("Harbour bridge in Port Alden reopens after six months of repairs"),
        fold(one(copy).text),
        "",
        "unknown",
    )


def test_fold_large_equals_fold() -> None:
    text = normalize("Ça va? The harbour's 2,000 boats.\n港口大桥 reopened " * 60_000)
    assert len(text) > 2 * (1 << 20)
    assert fold_large(text) == fold(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2031-04-07", "2031-04-07"),
        ("2031-04-07T10:05:00Z", "2031-04-07T10:05:00+00:00"),
        ("2031-04-07 10:05:30.123", "2031-04-07T10:05:30"),
        ("7 April 2031", "2031-04-07"),
        ("April 7, 2031 10:05", "2031-04-07T10:05:00"),
        ("2031-04", "2031-04"),
        ("2031", "2031"),
        (1700000000, "2023-11-14T22:13:20+00:00"),
        ("1700000000000", "2023-11-14T22:13:20+00:00"),
        ("yesterday", None),
        ("3 hours ago", None),
        ("April 2031", None),
        ("2031-13", None),
        ("not a date", None),
        ("7 avril 2031", "2031-04-07"),
        ("Tue, 07 Apr 2031 10:00:00 GMT", "2031-04-07T10:00:00+00:00"),
        ("07.04.2031", None),
        ("17.04.2031", "2031-04-17"),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_parse_published(value: object, expected: str | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("first", "blank", "expected"),
    [
        ("Ferry fares to rise in spring", False, "Ferry fares to rise in spring"),
        ("Dam opens - National", False, ""),  # too short to drop the section: kept whole below
        ("Storm closes pass as snow falls - National", False, "Storm closes pass as snow falls"),
        ("Old pier rebuilt. Photo: Port Authority / Handout", False, "Old pier rebuilt"),
        ("The pier was rebuilt on Monday.", False, ""),
        ("Will the pier be rebuilt?", True, "Will the pier be rebuilt?"),
        ("Will the pier be rebuilt?", False, ""),
        ("the pier was rebuilt", False, ""),
        ('"We will rebuild", mayor says', False, '"We will rebuild", mayor says'),
        ("Summary:", False, ""),
        ("港口大桥维修后重新开放", True, "港口大桥维修后重新开放"),
        ("港口大桥在维修六个月后于周二重新开放。", False, ""),
        (" ".join(["word"] * 21).capitalize(), False, ""),
    ],
)
def test_split_headline(first: str, blank: bool, expected: str) -> None:
    result = split_headline(first, followed_by_blank=blank)
    if first == "Dam opens - National":
        assert result == "Dam opens - National"
    else:
        assert result == expected


def test_tidy_title_and_derive_title() -> None:
    assert tidy_title("Tram opens | The Velden Post", "The Velden Post") == "Tram opens"
    assert tidy_title("Tram opens in Velden today - City News") == "Tram opens in Velden today"
    assert tidy_title("Apple sues over design - the full story") == (
        "Apple sues over design - the full story"
    )
    assert derive_title("Short lead here. Second sentence.") == "Short lead here"
    long_lead = (
        "The regional council approved a plan to rebuild the old harbour wall on Monday "
        "after months of debate over the cost of the works and their effect on fishing."
    )
    assert derive_title(long_lead) == (
        "The regional council approved a plan to rebuild the old harbour wall on Monday"
    )
    no_break = " ".join(f"w{n}" for n in range(40)) + "."
    assert derive_title(no_break) == " ".join(f"w{n}" for n in range(20)) + "…"
    assert derive_title("") == ""
    cjk = "港口大桥在维修六个月后于周二重新开放" * 3 + "。"
    assert derive_title(cjk) == cjk[:40] + "…"


def test_language() -> None:
    assert detect_language("The harbour bridge reopened on Tuesday after repairs.") == "en"
    assert detect_language("Le pont du port a rouvert mardi après six mois de travaux.") == "fr"
    assert detect_language("港口大桥在维修六个月后于周二重新开放。") == "zh"
    assert detect_language("Hello") == ""
    assert detect_language("12345 6789 0000") == ""
    assert detect_language("") == ""
    assert language_code("EN") == "en"
    assert language_code("pt_BR") == "pt"
    assert language_code("english") == ""


_ENGLISH = (
    "The two ministers agreed to meet again on 24 March in Lissa, officials said on Monday, "
    "as thousands of people fled the villages along the border and the talks stalled."
)


@pytest.mark.parametrize(
    ("given", "text", "expected"),
    [
        # the language given is kept when common English words agree with it ...
        ("en", _ENGLISH, "en"),
        ("EN-us", _ENGLISH, "en"),
        # ... and when a text of names is too thin to doubt it
        (
            "en",
            "Petro Kovalenko met Hanna Sorel and Aurel Dancu in Lissa on Monday with "
            "Iryna Melnyk, Sorel said; Dancu and Melnyk left Velgrad for Dorvisk.",
            "en",
        ),
        (
            "pt",
            "Presidente da China almoça com Lula em Brasília, e os dois governos assinaram "
            "acordos de comércio e de investimento durante a visita oficial ao país.",
            "pt",
        ),
        ("en", "Short.", "en"),
        # ... and when the other language shows its names but not its grammar: an English
        # menu of French dishes, an English report that opens with a German quote
        (
            "en",
            "Tonight's menu\nSoupe à l'oignon, coq au vin, bœuf bourguignon, crème brûlée, "
            "tarte tatin, croque monsieur, ratatouille, salade niçoise, pain au chocolat, "
            "mousse au chocolat, gratin dauphinois, quiche lorraine.",
            "en",
        ),
        (
            "en",
            'Scholz speech\n"Wir schaffen das, wir stehen zusammen und wir werden diese Krise '
            'gemeinsam überwinden, ganz sicher", Scholz told the Bundestag on Thursday in Berlin.',
            "en",
        ),
        # ... but not when the text plainly reads as another language
        (
            "en",
            "Norvanien und Estrelien verhandeln am Samstag in Lissa über den Abzug der "
            "Truppen, teilte das Außenministerium am Montag mit; die Gespräche beginnen um zehn.",
            "de",
        ),
        (
            "en-US",
            "El ministro de Defensa dijo el lunes que cien mil soldados se concentran en "
            "la frontera, mientras las conversaciones de Lissa siguen suspendidas.",
            "es",
        ),
        # a short report (12 words) given "en" is read too
        (
            "en",
            "Grève à Paris\nLa grève des transports continue à Paris pour le troisième jour, "
            "selon les syndicats.",
            "fr",
        ),
        ("fr", _ENGLISH, "en"),
        (
            "fr",
            "Der Verteidigungsminister hat am Montag erklärt, dass die Truppen an der Grenze "
            "bleiben werden; die Gespräche in Lissa sind nicht abgesagt worden, sagte er.",
            "de",
        ),
        ("en", "港口大桥在维修六个月后于周二重新开放，市政府表示交通将恢复正常。", "zh"),
        # no usable tag: detected, as before
        ("english", _ENGLISH, "en"),
        ("", "Le pont du port a rouvert mardi après six mois de travaux.", "fr"),
    ],
)
def test_a_given_language_is_checked_against_its_text(given: str, text: str, expected: str) -> None:
    language, note = checked_language(given, text)
    assert language == expected
    overruled = bool(language_code(given)) and language != language_code(given)
    assert note == (
        f"language given as {given!r}, but the text reads as {expected!r}" if overruled else ""
    )


def test_another_language_is_read_from_its_words_in_lower_case() -> None:
    # capitalised, its commonest words are parts of names, which an English text is full of
    assert not language._reads_as("fr", "Le Pen, Des Moines and Du Bois met Les Halles staff")
    assert language._reads_as("fr", "le maire a parlé des travaux et du pont avec les élus")
    assert not language._reads_as("fr", "coq au vin, pain au chocolat, mousse au chocolat")
    assert language._reads_as("zh", "港口大桥")  # no list of its words: the detector decides


def test_given_language_wins_over_detection(tmp_path: Path) -> None:
    path = tmp_path / "given.jsonl"
    path.write_text('{"text": "The harbour bridge reopened on Tuesday.", "language": "de-AT"}\n')
    assert one(path).language == "de"


# --- streaming -------------------------------------------------------------------------------


def test_json_array_streams_item_by_item() -> None:
    """The parser holds one item plus one chunk, never the whole array."""
    item = json.dumps({"text": "x" * 1000})
    count = 3000
    chunks = iter(["[", *([item + ","] * (count - 1)), item, "]"])
    biggest = 0

    def reader(size: int) -> str:
        nonlocal biggest
        parts = []
        total = 0
        for chunk in chunks:
            parts.append(chunk)
            total += len(chunk)
            if total >= size:
                break
        text = "".join(parts)
        biggest = max(biggest, len(text))
        return text

    values = JsonValues(reader, limit=10_000_000, path="stream.json")
    assert sum(1 for _ in values) == count
    assert biggest < 200_000  # a fraction of the ~3 MB input


def test_big_item_in_json_array(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    text = "The committee met again. " * 40_000  # about 1 MB in one item
    path.write_text(json.dumps([{"text": "Small one."}, {"text": text}, {"text": "Last one."}]))
    found = articles(path)
    assert [len(a.text.split()) for a in found] == [2, 160_000, 2]


@pytest.mark.slow
def test_jsonl_memory_does_not_grow_with_file_size(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    line = json.dumps(
        {"title": "Routine council meeting", "text": ("y" * 49 + " ") * 200, "language": "en"}
    )
    with path.open("w") as out:
        for _ in range(1_000):  # about 10 MB
            out.write(line + "\n")
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_sources([path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 1_000
    assert peak < 2_000_000  # a fifth of the file


# --- the seeds (evaluation material, read in place) ----------------------------------------------


@pytest.mark.shared
def test_seed_titles_are_what_a_reader_would_say() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    found = {Path(a.path).name[:3]: a for a in articles(SEEDS)}
    assert sorted(found) == ["000", "001", "002", "003", "004"]
    first_lines = {
        key: normalize(Path(a.path).read_text(encoding="utf-8")).split("\n", 1)[0]
        for key, a in found.items()
    }
    # 000, 001: no headline; the title is the lead's main clause and the lead stays in the body.
    for key in ("000", "001"):
        title, first = found[key].title, first_lines[key]
        assert first.startswith(title + " as ")
        assert 8 <= len(title.split()) <= 20
        assert found[key].text.startswith(first)
    # 002: the first line is the headline, and it leaves the body.
    assert found["002"].title == first_lines["002"]
    assert not found["002"].text.startswith(first_lines["002"])
    # 003: the headline without its " - National" section suffix.
    assert found["003"].title == first_lines["003"].rsplit(" - ", 1)[0]
    assert first_lines["003"].endswith(" - National")
    # 004: the headline without the photo credit glued after it, nor its full stop.
    assert found["004"].title == first_lines["004"].split(". Photo:", 1)[0]
    assert all(a.language == "en" and a.source == "unknown" for a in found.values())


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("crawl/2011-01-25/175.htm.txt", "2011-01-25"),
        ("crawl/2011/01/25/cairo.txt", "2011-01-25"),
        ("2011-01-25-cairo.txt", "2011-01-25"),
        ("20110125_cairo.txt", "2011-01-25"),
        ("C:\\crawl\\2011-01-25\\cairo.txt", "2011-01-25"),
        ("crawl/2011-02-30/2011-02-03/cairo.txt", "2011-02-03"),  # the deepest valid date
        ("crawl/2011-01-25/2011-01-24-cairo.txt", "2011-01-24"),  # the file's own date first
        ("report-2011-01-25-v2.txt", None),  # a date inside a name is not the article's
        ("crawl/2011-02-30/cairo.txt", None),  # impossible
        ("crawl/2011-01-25x/cairo.txt", None),
        ("crawl/201101250/cairo.txt", None),
        ("news/cairo.txt", None),
    ],
)
def test_path_date(path: str, expected: str | None) -> None:
    assert path_date(path) == expected


def test_path_dates_only_when_asked_and_only_for_undated_articles(tmp_path: Path) -> None:
    day = tmp_path / "2031-03-04"
    day.mkdir()
    (day / "plain.txt").write_text("Ferry strike ends\n\nThe ferries sail again.\n", "utf-8")
    dated = "---\npublished: 2031-03-02\n---\nTram line opens\n\nThe tram runs.\n"
    (day / "dated.md").write_text(dated, "utf-8")
    by_title = {a.title: a for a in articles(tmp_path, options=IngestOptions(path_dates=True))}
    assert by_title["Ferry strike ends"].published == "2031-03-04"
    assert by_title["Ferry strike ends"].published_origin == "path"
    assert by_title["Tram line opens"].published == "2031-03-02"
    assert by_title["Tram line opens"].published_origin == "metadata"
    plain = {a.title: a for a in articles(tmp_path)}
    assert plain["Ferry strike ends"].published is None
    assert plain["Ferry strike ends"].published_origin == ""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe", True),
        ("BY JANE DOE AND JOHN ROE", True),
        ("By Jane Doe, Reuters", True),
        ("By Ed Husain | Special to CNN", True),
        ("By the numbers: the budget in five charts", False),
        ("Bystanders pull a dog from the river", False),
        ("By Jane Doe. The council voted.", False),
    ],
)
def test_is_byline(line: str, expected: bool) -> None:
    assert is_byline(line) is expected
    if expected:  # ingest keeps it (ids hash the title); the clean stage skips it
        body = f"{line}\nThe council voted to close the pool."
        assert derive_title(body) == line
        assert derive_title(body, skip_furniture=True) == "The council voted to close the pool"


@pytest.mark.parametrize(
    ("title", "furniture"),
    [
        ("VELMORA | Thu Jan 6 , 2031 4:17 pm EST VELMORA -LRB- Reuters -RRB-", True),
        ("Thursday , January 6 , 2031", True),
        ("6 January 2031 14:05 GMT", True),
        ("Ann Lee | 18:17 UK time", True),
        ("PORT ELLAND , Velmora | Thu Apr 29", True),  # a page header cut at its comma
        ("6 January 2031 Last updated at 17:03 GMT Help A report into the ferry strike", True),
        ("January 25 , 2031 | By Ann Lee", True),  # a CNN byline cut short
        ("Page last updated at 07:43 GMT", True),
        ("-LRB- Repeats to more subscribers without changes in text -RRB- VELMORA", True),
        ("VELMORA (Reuters) - Ferry strike ends", True),
        ("By Jane Doe", True),
        ("ANN LEE , VELDEN TV ANCHOR : Good evening , everyone", True),  # a transcript
        ("Ferry strike ends NEW : Crews return on Monday", True),  # highlights glued on
        ("Ferry Strike Ends ; Velden Votes Aired March 4 , 2031 - 10:00 ET", True),
        ("NATO : Ferries will sail", False),  # one capitalised word may be the subject
        ("Ferry strike ends after six weeks", False),
        ("Ukraine - Russia talks collapse", False),  # a title-case "dateline" in a headline
        ("January 6: the day the ferries stopped", False),
    ],
)
def test_is_page_furniture(title: str, furniture: bool) -> None:
    assert is_page_furniture(title) is furniture


@pytest.mark.parametrize(
    ("body", "title"),
    [
        (
            "By Ann Lee and Bo Park , CNN Amid rain and wind , the ferries stayed in port .",
            "Amid rain and wind , the ferries stayed in port",
        ),
        (
            "By Ann Lee for CNN Ferry crews voted to strike on Monday .",
            ("Ferry crews voted to strike on Monday"),
        ),
        (
            "From Bo Park , CNN Senior International Correspondent Ferry crews voted to strike .",
            "Ferry crews voted to strike",
        ),
        (
            "By Ann Lee , reporterMarch 7 , 2031 : 5:46 AM ET Crews voted to strike on Monday .",
            "Crews voted to strike on Monday",
        ),
        (
            "Ferry Strike Ends ; Velden Votes Aired March 4 , 2031 - 10:00 ET THIS IS A RUSH "
            "TRANSCRIPT . ANN LEE , VELDEN TV ANCHOR : Good evening .",
            "Ferry Strike Ends",
        ),
        (
            "Velden Daily - 3\\/4\\/31 Download maps : THIS IS A RUSH TRANSCRIPT . ANN LEE , "
            "VELDEN TV ANCHOR : Hello , everyone . The ferry strike is over .",
            "The ferry strike is over",
        ),
        ("NEW : Crews return on Monday NEW : Fares stay the same .", "Crews return on Monday"),
        ("Ferry strike ends NEW : Crews return on Monday .", "Ferry strike ends"),
        ("NATO : Ferries will sail again .", "NATO : Ferries will sail again"),
        (
            "Velden port reopens after strike NORVALE | Mon Apr 27 , 2031 7:16 am EDT NORVALE "
            "-LRB- Reuters -RRB- - The port reopened on Monday .",
            "Velden port reopens after strike",
        ),
        (
            "By Ann Lee , Ports Editor NORVALE\\/VELDEN | Mon Apr 27 , 2031 4:23 pm EST "
            "NORVALE\\/VELDEN -LRB- Reuters -RRB- - The port reopened on Monday .",
            "The port reopened on Monday",
        ),
        (
            "By Ann Lee NORVALE , Elland -- The port reopened on Monday .",
            ("The port reopened on Monday"),
        ),
        ("NORVALE -- NORVALE -- The port reopened on Monday .", "The port reopened on Monday"),
    ],
)
def test_titles_skip_bylines_speakers_and_highlights(body: str, title: str) -> None:
    assert derive_title(body, skip_furniture=True) == title


def test_derive_title_skips_page_furniture_when_asked() -> None:
    body = (
        "Thursday , January 6 , 2031\n"
        "VELMORA | Thu Jan 6 , 2031 4:17 pm EST VELMORA -LRB- Reuters -RRB- - The ferry "
        "strike ended on Thursday, the union said."
    )
    assert derive_title(body) == "Thursday , January 6 , 2031"
    blog = "Ann Lee | 18:17 UK time , Friday , 1 May 2031 Ferries sail again after the strike."
    assert derive_title(blog, skip_furniture=True) == "Ferries sail again after the strike"
    page = "6 January 2031 Last updated at 17:03 GMT Help Ferries sail again after the strike."
    assert derive_title(page, skip_furniture=True) == "Ferries sail again after the strike"
    bbc = "Page last updated at 07:43 GMT Help Ferries sail again after the strike."
    assert derive_title(bbc, skip_furniture=True) == "Ferries sail again after the strike"
    cnn = "January 25 , 2031 | By Ann Lee , CNN Velmora -LRB- CNN -RRB- -- Ferries sail again."
    assert derive_title(cnn, skip_furniture=True) == "Ferries sail again"
    post = "Tuesday , September 16 , 2031 ; 4:30 PM Ferries sail again after the strike."
    assert derive_title(post, skip_furniture=True) == "Ferries sail again after the strike"
    assert derive_title(body, skip_furniture=True) == (
        "The ferry strike ended on Thursday, the union said"
    )


@pytest.mark.parametrize(
    "page",
    [
        "The page you requested cannot be found. It might have been removed or renamed.",
        "Unable to find requested news story. Try our archives.",
        "If the story is not showing, please refresh your browser. The story id may be invalid.",
        "Unfortunately, we are unable to process your request at this time.",
        "Error 404\nSorry, this page does not exist.",
        "Please enable JavaScript to view this site.",
    ],
)
def test_error_pages_are_skipped_with_the_reason(tmp_path: Path, page: str) -> None:
    assert _skip_reason(tmp_path, page).startswith("not an article: an error page (")


def _skip_reason(tmp_path: Path, page: str) -> str:
    """The reason a saved page of this text is skipped (the test fails if it is read)."""
    path = tmp_path / "saved.txt"
    path.write_text(page, encoding="utf-8")
    (skipped,) = list(read_sources([path]))
    assert isinstance(skipped, Skipped)
    return skipped.reason


def test_news_that_mentions_errors_is_an_article(tmp_path: Path) -> None:
    brief = (
        "Ferry site goes dark\n\nThe ferry company's booking page could not be found for "
        "most of Tuesday, and the company said the error 404 messages were fixed by evening."
    )
    (tmp_path / "brief.txt").write_text(brief, encoding="utf-8")
    assert one(tmp_path / "brief.txt").title == "Ferry site goes dark"
    evacuated = (
        "Floods close the valley road\n\n403 residents were moved to the school on Monday.\n"
        "Unable to find the missing hiker, rescuers stopped the search at dusk."
    )
    (tmp_path / "floods.txt").write_text(evacuated, encoding="utf-8")
    assert one(tmp_path / "floods.txt").title == "Floods close the valley road"
    long_page = "Page not found, the headline said. " + "The ferry sailed on. " * 40
    (tmp_path / "long.txt").write_text(long_page, encoding="utf-8")
    assert one(tmp_path / "long.txt").words > 150


@pytest.mark.parametrize(
    "page",
    [
        "Ferry talks stall again\n\nSubscribe to continue reading. This article is for "
        "subscribers only. Already a subscriber? Log in.",
        "Before you continue to the Velden Post\n\nWe use cookies and data to deliver our "
        "services. If you choose to accept all, we will also show personalised ads.\nMore options",
    ],
)
def test_paywall_and_consent_notices_are_skipped_with_the_reason(tmp_path: Path, page: str) -> None:
    reason = _skip_reason(tmp_path, page)
    assert reason.startswith("not an article: a paywall or consent notice (")


def test_a_teaser_above_a_paywall_and_news_about_paywalls_are_articles(tmp_path: Path) -> None:
    teaser = (
        "Ferry talks stall again\n\nNegotiators for the Velden ferry crews and the operator "
        "left the talks on Monday without a deal, and the union said a strike over pay could "
        "begin as early as next week if no new offer is made.\nSubscribe to continue reading. "
        "Already a subscriber? Log in."
    )
    (tmp_path / "teaser.txt").write_text(teaser, encoding="utf-8")
    assert one(tmp_path / "teaser.txt").title == "Ferry talks stall again"
    news = (
        "Velden Post adds a paywall\n\nThe Velden Post will ask readers to subscribe to "
        "continue reading after three free articles, and subscribers get unlimited access."
    )
    (tmp_path / "news.txt").write_text(news, encoding="utf-8")
    assert one(tmp_path / "news.txt").title == "Velden Post adds a paywall"


def test_a_dateline_credit_names_the_outlet_but_not_the_id(tmp_path: Path) -> None:
    text = "CAIRO, Velmora -LRB- CNN -RRB- -- The ferries sail again on Monday."
    (tmp_path / "wire.txt").write_text(text, encoding="utf-8")
    wire = one(tmp_path / "wire.txt")
    assert wire.source == "CNN"
    title = derive_title(normalize(text))
    assert wire.id == stable_id(fold(title), fold(normalize(text)), "", "unknown")
    quoted = "The minister told CNN (CNN) on Monday that the ferries would sail."
    (tmp_path / "quoted.txt").write_text(quoted, encoding="utf-8")
    assert one(tmp_path / "quoted.txt").source == "unknown"  # no dateline: a dash must follow
