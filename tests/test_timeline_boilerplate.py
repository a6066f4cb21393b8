"""Page furniture before a news sentence (headers, bylines, stamps, tokenised datelines)."""

from __future__ import annotations

import pytest

from storyline.model import Article
from storyline.preamble import is_header, preamble
from storyline.timeline import TimelineOptions, build_timeline


def make(id_: str, text: str, published: str, source: str) -> Article:
    return Article(id=id_, title=id_, text=text, raw_text=text, published=published, source=source)


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        (
            "VELMORA | Mon Apr 27 , 2009 12:43 am EDT VELMORA -LRB- Reuters -RRB- - A ferry sank.",
            "A ferry sank.",
        ),
        (
            "NORVALE , April 27 | Mon Apr 27 , 2009 4:19 am BST NORVALE , April 27 -LRB- Reuters "
            "-RRB- - The port closed.",
            "The port closed.",
        ),
        ("Mon Apr 27, 2009 9:17pm BST (Reuters) - The port closed.", "The port closed."),
        (
            "PORT ELLAND , Velmora | Thu Apr 29 , 2010 3:08 pm EDT PORT ELLAND , Velmora "
            "-LRB- Reuters -RRB- - The port closed.",
            "The port closed.",
        ),
        (
            "January 27 , 2011 | By Ann Lee , Special to CNN This week the port closed.",
            "This week the port closed.",
        ),
        (
            "-LRB- Updated 7:40 p.m. -LRB- 0240 in Velmora -RRB- -RRB- A ferry sank.",
            "A ferry sank.",
        ),
        (
            "-LRB- Update 3:09 a.m. Wednesday in Velmora , 8:09 p.m. ET Tuesday -RRB- "
            "A ferry sank.",
            "A ferry sank.",
        ),
        ("(Update on the ferry) A ferry sank.", "(Update on the ferry) A ferry sank."),
        (
            "Norvale , Elland -LRB- CNN -RRB- -- Bowing to protests, the mayor resigned.",
            "Bowing to protests, the mayor resigned.",
        ),
        ("YES | NO The mayor resigned on February 11.", "The mayor resigned on February 11."),
        ("By the CNN Wire Staff The mayor resigned.", "The mayor resigned."),
        ("By Ann Lee , Special to CNN The mayor resigned.", "The mayor resigned."),
        ("By Ann Lee February 7 , 2011 : 10:44 AM ET The mayor resigned.", "The mayor resigned."),
        ("By the way, the mayor resigned.", "By the way, the mayor resigned."),
        (
            "By Ann Lee and Bo Park , CNN Amid rain , the mayor resigned.",
            ("Amid rain , the mayor resigned."),
        ),
        ("By Ann Lee for CNN The mayor resigned.", "The mayor resigned."),
        ("From Bo Park , CNN Senior Correspondent The mayor resigned.", "The mayor resigned."),
        ("By Bo Park , CNN Is the port closed?", "Is the port closed?"),
        (
            "From Velden , CNN reporters said the mayor resigned.",
            ("From Velden , CNN reporters said the mayor resigned."),
        ),
        ("March 3 , 2031 | From Bo Park , CNN The mayor resigned.", "The mayor resigned."),
        ("BO PARK , VELDEN TV ANCHOR : The mayor resigned.", "The mayor resigned."),
        ("UNIDENTIFIED MALE : The mayor resigned.", "The mayor resigned."),
        ("NEW : The mayor resigned.", "The mayor resigned."),
        ("PARK : The mayor resigned.", "PARK : The mayor resigned."),  # or "NATO : ..."
        (
            "Velden port reopens NORVALE | Mon Apr 27 , 2031 7:16 am EDT NORVALE -LRB- Reuters "
            "-RRB- - The port reopened.",
            "The port reopened.",
        ),
        (
            "By Ann Lee , Ports Editor NORVALE\\/VELDEN | Mon Apr 27 , 2031 4:23 pm EST NORVALE "
            "-LRB- Reuters -RRB- - The port reopened.",
            "The port reopened.",
        ),
        (
            "SAN ELLAND , Puerto Velmora | Mon May 25 , 2031 9:19 pm EDT SAN ELLAND , Puerto "
            "Velmora -LRB- Reuters -RRB- - The port reopened.",
            "The port reopened.",
        ),
        (
            "By Ann Lee and Bo Park NORVALE , Elland -- The port reopened.",
            (
                "NORVALE , Elland -- The port reopened."  # the dateline is text.dateline's
            ),
        ),
        ("The mayor said NORVALE | was fine.", "The mayor said NORVALE | was fine."),
        (
            "as the mayor speaks Norvale , Elland -LRB- CNN -RRB- -- Crowds filled the square.",
            "Crowds filled the square.",
        ),
        (
            "Officials in Norvale , Elland -LRB- CNN -RRB- said nothing.",
            "Officials in Norvale , Elland -LRB- CNN -RRB- said nothing.",
        ),
        ("-- The mayor resigned.", "The mayor resigned."),
        (
            "-LRB- Repeats to more subscribers without changes in text -RRB- VELMORA -LRB- "
            "Reuters -RRB- - The mayor resigned.",
            "The mayor resigned.",
        ),
        ("-- -LRB- Update 4:18 a.m. Velmora -RRB- The mayor resigned.", "The mayor resigned."),
        ("-5 degrees was the low on Monday.", "-5 degrees was the low on Monday."),
        # Brackets that are not a wire's are the news.
        (
            "The port authority -LRB- NPA -RRB- said on Monday it would close.",
            "The port authority -LRB- NPA -RRB- said on Monday it would close.",
        ),
        (
            "The mayor told CNN on Monday that the port would close.",
            "The mayor told CNN on Monday that the port would close.",
        ),
        # British pages: a stamp, a blog's byline and stamp.
        ("Friday 11 June 2031 22.16 BST The port closed.", "The port closed."),
        ("9 November 2031 Last updated at 10:48 GMT Help The port closed.", "The port closed."),
        ("Ann Lee | 07:37 UK time , Friday , 29 May 2031 The port closed.", "The port closed."),
        (
            "The talks resume on Friday 16 July 2031 at 10.00 BST in Velden.",
            "The talks resume on Friday 16 July 2031 at 10.00 BST in Velden.",
        ),
        (
            "Page last updated at 08:14 GMT , Tuesday , 8 November 2031 The port closed.",
            "The port closed.",
        ),
        ("Page last updated at 08:14 GMT, Tuesday, 14 October 2031.", ""),
        # A photo's credit before the caption it belongs to; a wire's credit alone stays.
        (
            "(AP Photo/Ann Lee) The harbour master speaks to reporters.",
            "The harbour master speaks to reporters.",
        ),
        (
            "-LRB- AP Photo\\/Ann Lee -RRB- -LRB- Ann Lee - AP -RRB- Crowds fill the square .",
            "Crowds fill the square .",
        ),
        ("(Pool Photo By Bo Park) Senators vote.", "Senators vote."),
        ("(Getty Images) Crowds fill the square.", "Crowds fill the square."),
        ("(AP) The port closed.", "(AP) The port closed."),
        ("The photo (AP Photo/Ann Lee) went viral.", "The photo (AP Photo/Ann Lee) went viral."),
    ],
)
def test_preamble_is_the_page_furniture_before_the_news(text: str, printed: str) -> None:
    assert text[preamble(text) :] == printed


def test_a_transcript_header_is_recognised() -> None:
    assert is_header(
        "Port Strike in Velmora ; Storm Warning Aired January 25 , 2011 - 16:00:00 ET THIS IS A "
        "RUSH TRANSCRIPT ."
    )
    assert not is_header("The show aired on January 25, 2011, to a record audience.")


def test_an_entry_prints_its_sentence_without_the_page_header() -> None:
    text = (
        "VELMORA | Tue Mar 4 , 2031 7:31 pm EDT VELMORA -LRB- Reuters -RRB- - The harbour bridge "
        "in Velmora reopened to traffic on Tuesday after three weeks of repairs ."
    )
    article = make("a", text, "2031-03-04", "Northwire")
    (entry,) = build_timeline([article], options=TimelineOptions(per_date=1)).entries
    assert entry.date == "2031-03-04"
    assert entry.text.startswith("The harbour bridge in Velmora reopened")
    # The evidence keeps the sentence as the article has it (after the wire dateline cut).
    (evidence,) = entry.evidence
    assert text[evidence.start : evidence.end] == evidence.text
    assert evidence.text.endswith(entry.text)


def test_a_transcript_header_is_printed_only_when_the_date_has_nothing_else() -> None:
    header = (
        "Velmora Bridge Reopens ; Ferry Crews Relieved Aired March 3 , 2031 - 16:00:00 ET THIS "
        "IS A RUSH TRANSCRIPT ."
    )
    news = "The Velmora bridge reopened on Monday, and ferry crews were relieved."
    articles = [
        make("a", header, "2031-03-03", "Northwire"),
        make("b", news, "2031-03-05", "Coast"),
    ]
    options = TimelineOptions(per_date=1, granularities=("day",))
    (entry,) = build_timeline(articles, options=options).entries
    assert entry.date == "2031-03-03"
    assert entry.text == news
    (alone,) = build_timeline(articles[:1], options=options).entries
    assert alone.text == header


def test_a_page_stamp_alone_is_no_event() -> None:
    text = (
        "Page last updated at 08:14 GMT, Tuesday, 14 October 2031. "
        "The harbour reopened on Monday after the storm."
    )
    timeline = build_timeline(
        [make("a", text, "2031-10-14", "Coast Times")], options=TimelineOptions()
    )
    assert [(entry.date, entry.text) for entry in timeline.entries] == [
        ("2031-10-13", "The harbour reopened on Monday after the storm.")
    ]
