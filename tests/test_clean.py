"""Cleaning: furniture phrases, corpus-level site furniture, and what must never be removed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from storyline.clean import (
    CleanOptions,
    clean_articles,
    clean_text,
    find_boilerplate,
    is_furniture_line,
)
from storyline.errors import OptionsError
from storyline.ingest import read_sources
from storyline.ingest.titles import derive_title
from storyline.model import Article
from storyline.text import fold, normalize

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
FIRST = "The harbour bridge reopened on Tuesday after six months of repairs."
LAST = "Mayor Ines Varga thanked residents for their patience."


def article(text: str, ident: str) -> Article:
    return Article(id=ident, title=f"Story {ident}", text=normalize(text), raw_text=text)


@pytest.mark.parametrize(
    "furniture",
    [
        "The story continues under the ad",
        "Story continues below advertisement",
        "Source link",
        "Comments are closed.",
        "Live updates as the story develops.",
        "This is a developing story, check back for updates.",
        "This story is developing .",
        "Posted on",
        "Posted on March 3, 2031 by Anna Berg",
        "Share this article",
        "Share this:",
        "Facebook Twitter WhatsApp Email",
        "Subscribe to our newsletter",
        "Sign up for our daily newsletter to get the latest news.",
        "© 2031 The Coastal Ledger, a division of Ledger Media Inc.",
        "Copyright © 2031 Coastal Ledger",
        "The Coastal Ledger 2031. All rights reserved.",
        "Click here to read the full report.",
        "Read the full story on our site.",
        "Read the full article here",
        "Continue reading on our website",
        "Advertisement",
        "ADVERTISEMENT",
        "Photo: Anna Berg / The Coastal Ledger",
        "Image credit: Port Authority",
        "- with files from the Coastal Ledger's Tom Ruelle",
        "Read more: Ferry fares to rise in spring",
        "Follow the Coastal Ledger on Twitter",
        "(Northwire)",
        "(Continental Press Agency).",
        "(Reporting by Anna Berg; Editing by Tom Ruelle)",
        "(Additional reporting by Ines Varga in Marlow Bay)",
        "That's all from us today.",
        "That's all from us for now, thanks for following.",
        "Our live coverage resumes tomorrow at 06:00 GMT.",
        "Thanks for joining us.",
        "This live blog is now closed.",
        "Good morning and welcome to our live coverage of the ferry strike, now in its third day.",
        "Welcome back to our live blog.",
        "That's all from us today. Our live coverage resumes tomorrow at 06:00 GMT.",
    ],
)
def test_each_furniture_phrase_leaves_text(furniture: str) -> None:
    text = f"{FIRST}\n\n{furniture}\n\n{LAST}"
    assert clean_text(text) == f"{FIRST}\n\n{LAST}"
    assert is_furniture_line(normalize(furniture))


@pytest.mark.parametrize(
    "content",
    [
        "Readers can read more about the plan on the council website.",
        "Posted on social media, the video of the bridge spread quickly.",
        "Posted by the ministry on Friday, the notice gave no reason.",
        "Copyright law reform was debated in parliament on Tuesday.",
        "The advertisement campaign for the bridge cost two million.",
        "Share prices of the builder rose by four percent.",
        "The council will subscribe to a new traffic data service.",
        "Comments from residents were mostly positive.",
        "Click-through rates on the council website doubled.",
        "(The ferry had been inspected in March.)",
        "(Northwire) - The ferry left Marlow Bay at noon.",
        "Live music returns to the harbour park on Saturday.",
        "This is a developing story for the region's fishermen.",
        "Welcome to the live music festival at the harbour, which opened on Friday.",
        "That's all from us, the strikers said, until the operator makes an offer.",
        "That's all from us today. The ferry sank on Monday.",
    ],
)
def test_sentences_with_furniture_words_stay(content: str) -> None:
    text = f"{FIRST}\n{content}\n{LAST}"
    assert clean_text(text) == text


def test_read_more_label_takes_its_headline_but_not_content() -> None:
    text = (
        f"{FIRST}\n\nRead more:\n\nFerry fares to rise in spring, operator says\n\n"
        f"{LAST}\n\nRead more:\n\nThe council will meet again on Friday."
    )
    assert clean_text(text) == f"{FIRST}\n\n{LAST}\n\nThe council will meet again on Friday."


def test_inline_story_continues_phrase() -> None:
    text = f"{FIRST} The story continues under the ad {LAST}"
    assert clean_text(text) == f"{FIRST} {LAST}"


def test_readers_comments_leave_from_the_first_comment_widget() -> None:
    thread = (
        "Does this mean you support him? I hope not! January 27, 2011 at 7:59 pm | Report abuse"
        " | I do not believe the social media played a big role.\n"
        "The same thing happened in 1789.\n"
        "February 7, 2011 at 7:57 am | REPORT ABUSE | Reply"
    )
    text = f"{FIRST}\n\n{LAST}\n\n{thread}"
    once = clean_text(text)
    assert once == f"{FIRST}\n\n{LAST}"
    assert clean_text(once) == once
    # A page that opens on a widget keeps it: the pass never empties an article, and a
    # story line that merely holds a pipe or the words stays.
    alone = "Posted at 7:59 pm | Report abuse | The bridge reopened on Monday."
    assert clean_text(alone) == alone
    kept = f"{FIRST}\nPolice said they would report abuse | fraud to the council.\n{LAST}"
    assert clean_text(kept) == kept


def test_normalisation_and_whitespace() -> None:
    text = (
        "\ufeffThe  bridge\u00a0reopened \u201ctoday\u201d."
        "\r\n\r\n\r\n\r\nTraffic\tresumed \u2014 slowly."
    )
    assert clean_text(text) == 'The bridge reopened "today".\n\nTraffic resumed - slowly.'


def test_clean_text_is_idempotent() -> None:
    text = f"{FIRST}\nRead more:\nFerry fares to rise\nAdvertisement\n{LAST}\nSource link"
    once = clean_text(text)
    assert once == f"{FIRST}\n{LAST}"
    assert clean_text(once) == once


def test_phrases_can_be_switched_off() -> None:
    text = f"{FIRST}\nAdvertisement\n{LAST}"
    assert clean_text(text, CleanOptions(phrases=False)) == text


# --- corpus level ---------------------------------------------------------------------------

STORIES = [
    "The regional council approved the budget for the new tram line on Monday evening after "
    "a long debate about the cost of the tunnel section.",
    "Fishermen in Brennick landed a record catch of mackerel on Friday as warm currents "
    "pushed the shoals closer to the coast than in any recent year.",
    "A late frost damaged up to half of the apple blossom in the Ostmark valley on Wednesday "
    "night, the regional farmers' union said in a statement.",
    "Astronomers at the Mount Kell observatory said they had spotted a new comet that will be "
    "visible with binoculars from the end of May onwards.",
]
SITE_LINE = "Follow the Valley Courier for live updates"


def test_site_furniture_found_and_removed_but_kept_in_raw_text() -> None:
    corpus = [article(f"{story}\n{SITE_LINE}", f"a{n}") for n, story in enumerate(STORIES)]
    assert find_boilerplate(a.text for a in corpus) == frozenset({fold(SITE_LINE)})
    cleaned = clean_articles(corpus)
    assert [a.text for a in cleaned] == STORIES
    assert all(SITE_LINE in a.raw_text for a in cleaned)
    assert [a.id for a in cleaned] == [a.id for a in corpus]


def test_short_line_in_fewer_than_min_repeat_articles_stays() -> None:
    corpus = [article(f"{story}\n{SITE_LINE}", f"a{n}") for n, story in enumerate(STORIES[:2])]
    assert find_boilerplate(a.text for a in corpus) == frozenset()
    options = CleanOptions(min_repeat=2)
    assert find_boilerplate((a.text for a in corpus), options) == frozenset({fold(SITE_LINE)})


def test_wire_copy_republished_by_five_outlets_keeps_its_body() -> None:
    wire = (
        "Storm closes the northern pass\n"
        "A spring storm closed the northern mountain pass on Sunday, stranding dozens of lorries "
        "and forcing the police to open an emergency shelter in the village school.\n"
        "No one was hurt.\n"
        "Snow ploughs will work through the night, the regional roads office said in a statement "
        "issued late on Sunday, and the pass could reopen on Monday afternoon.\n"
        "Drivers were told to wait."
    )
    corpus = [article(wire, f"w{n}") for n in range(5)]
    corpus.append(article(f"{STORIES[0]}\nNo one was hurt.", "other"))
    assert find_boilerplate(a.text for a in corpus) == frozenset()
    cleaned = clean_articles(corpus)
    assert all(a.text == normalize(wire) for a in cleaned[:5])
    assert cleaned[5].text.endswith("No one was hurt.")


def test_wire_copy_with_site_furniture_loses_only_the_furniture() -> None:
    wire = (
        "A spring storm closed the northern mountain pass on Sunday, stranding dozens of lorries "
        "and forcing the police to open an emergency shelter in the village school.\n"
        "Drivers were told to wait."
    )
    corpus = [article(f"{wire}\n{SITE_LINE}", f"w{n}") for n in range(2)]
    corpus += [article(f"{story}\n{SITE_LINE}", f"s{n}") for n, story in enumerate(STORIES)]
    cleaned = clean_articles(corpus)
    assert [a.text for a in cleaned[:2]] == [wire, wire]
    assert [a.text for a in cleaned[2:]] == STORIES


def test_shared_quote_stays() -> None:
    quote = '"We will rebuild the pier before summer," the mayor said.'
    corpus = [article(f"{story}\n{quote}", f"q{n}") for n, story in enumerate(STORIES)]
    assert find_boilerplate(a.text for a in corpus) == frozenset()
    assert all(a.text.endswith(quote) for a in clean_articles(corpus))


def test_long_recurring_paragraph_is_never_site_furniture() -> None:
    paragraph = (
        "The regional roads office said the pass would stay closed until the snow ploughs had "
        "cleared the road and engineers had checked the avalanche barriers."
    )
    corpus = [article(f"{story}\n{paragraph}", f"p{n}") for n, story in enumerate(STORIES)]
    assert find_boilerplate(a.text for a in corpus) == frozenset()


def test_site_furniture_never_empties_an_article() -> None:
    corpus = [article(f"{story}\n{SITE_LINE}", f"a{n}") for n, story in enumerate(STORIES)]
    corpus.append(article(SITE_LINE, "only"))
    cleaned = clean_articles(corpus)
    assert cleaned[-1].text == SITE_LINE


def test_repeated_pass_can_be_switched_off() -> None:
    corpus = [article(f"{story}\n{SITE_LINE}", f"a{n}") for n, story in enumerate(STORIES)]
    cleaned = clean_articles(corpus, CleanOptions(repeated=False))
    assert [a.text for a in cleaned] == [a.text for a in corpus]


def test_clean_articles_is_deterministic_and_idempotent() -> None:
    corpus = [
        article(f"{story}\n{SITE_LINE}\nAdvertisement", f"a{n}") for n, story in enumerate(STORIES)
    ]
    once = clean_articles(corpus)
    assert clean_articles(list(reversed(corpus))) == list(reversed(once))
    assert clean_articles(once) == once


def _unique_content(n: int, words: int) -> str:
    """A line of ``words`` words that no other article shares."""
    return " ".join(f"w{n}x{k}" for k in range(words)) + "."


def test_cleaning_is_a_fixed_point_across_runs() -> None:
    # Four furniture lines on five pages; a sixth short line on three of them, whose
    # pages look like copies of one text only while the furniture is there.
    furniture = [f"Menu item {k} of the Valley Courier site" for k in range(4)]
    teaser = "Ferry fares to rise in the spring"
    corpus = []
    for n in range(5):
        own = _unique_content(n, 20 if n < 3 else 100)
        lines = [own, *furniture, *([teaser] if n < 3 else [])]
        corpus.append(article("\n".join(lines), f"a{n}"))
    once = clean_articles(corpus)
    assert [a.text for a in once] == [_unique_content(n, 20 if n < 3 else 100) for n in range(5)]
    assert clean_articles(once) == once


PROMO = (
    "Get constant updates from our reporters in the field and read the stories that you will "
    "only ever see here on the Valley Courier site."
)
BACKGROUND = (
    "The regional roads office said the pass would stay closed until the snow ploughs had "
    "cleared the road and engineers had checked the avalanche barriers."
)


def _site_pages(count: int, extra: dict[int, str]) -> list[Article]:
    """``count`` pages of one site: a story, then ``extra`` lines, then the site's footer."""
    pages = []
    for n in range(count):
        story = _unique_content(n, 40)
        lines = [story, *([extra[n]] if n in extra else []), SITE_LINE]
        pages.append(article("\n".join(lines), f"p{n}"))
    return pages


def test_a_long_line_of_a_furniture_block_goes() -> None:
    pages = _site_pages(8, {n: PROMO for n in range(8)})
    cleaned = clean_articles(pages)
    assert [a.text for a in cleaned] == [_unique_content(n, 40) for n in range(8)]
    assert all(PROMO in a.raw_text for a in cleaned)


def test_a_long_line_stays_when_few_pages_or_not_with_the_furniture() -> None:
    few = _site_pages(5, {n: PROMO for n in range(5)})  # under min_block_repeat
    assert all(PROMO in a.text for a in clean_articles(few))
    # A paragraph six stories share, next to a footer that forty pages carry.
    shared = _site_pages(40, {n: BACKGROUND for n in range(6)})
    assert all(BACKGROUND in a.text for a in clean_articles(shared)[:6])
    # Copies of one text keep their lines, next to furniture or not.
    copies = [article(f"{STORIES[0]}\n{PROMO}\n{SITE_LINE}", f"c{n}") for n in range(8)]
    assert all(PROMO in a.text for a in clean_articles(copies + _site_pages(4, {}))[:8])


def test_a_title_made_from_a_cut_first_line_is_made_again() -> None:
    teaser = "Two men charged in the death of a teenager"
    titled = [
        Article(id=f"a{n}", title=teaser, text=f"{teaser}\n{story}", raw_text=story)
        for n, story in enumerate(STORIES)
    ]
    headline = replace(titled[0], id="b0", title="Tram line approved")
    cleaned = clean_articles([*titled, headline])
    assert [a.title for a in cleaned[:4]] == [derive_title(story) for story in STORIES]
    assert cleaned[4].title == "Tram line approved" and cleaned[4].text == STORIES[0]


@pytest.mark.parametrize(
    "options",
    [
        {"min_repeat": 1},
        {"max_furniture_words": 0},
        {"link_headline_words": 0},
        {"sample_articles": 0},
        {"max_block_words": 10},
        {"min_block_repeat": 1},
    ],
)
def test_clean_options_are_validated(options: dict[str, int]) -> None:
    with pytest.raises(OptionsError):
        CleanOptions(**options)  # type: ignore[arg-type]


def test_empty_and_tiny_texts() -> None:
    assert clean_text("") == ""
    assert clean_text("Advertisement") == ""
    assert clean_text("Word") == "Word"
    assert find_boilerplate([]) == frozenset()
    assert clean_articles([]) == []
    assert clean_articles([replace(article("x", "e"), text="")])[0].text == ""


# --- the seeds -------------------------------------------------------------------------------


@pytest.mark.shared
def test_seed_003_furniture_leaves_text_but_stays_in_raw_text() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    read = [r for r in read_sources([SEEDS]) if isinstance(r, Article)]
    cleaned = {Path(a.path).name[:3]: a for a in clean_articles(read)}
    seed = cleaned["003"]
    raw_lines = [line.strip() for line in seed.raw_text.split("\n")]
    text_lines = seed.text.split("\n")
    for furniture in ("Read more:", "The story continues under the ad", "Source link"):
        assert furniture in raw_lines
        assert furniture not in text_lines
    assert "Comments are closed." in raw_lines
    assert "Comments are closed." not in seed.text
    assert any(line.startswith("© 2022 ") for line in raw_lines)
    assert "©" not in seed.text
    # each "Read more:" took the linked headline after it, and nothing else
    linked = [raw_lines[i + 2] for i, line in enumerate(raw_lines) if line == "Read more:"]
    assert len(linked) == 4
    assert all(normalize(headline) not in seed.text for headline in linked)
    body = [normalize(line) for line in raw_lines if len(line.split()) > 25]
    assert body and all(paragraph in seed.text for paragraph in body)
    assert "Posted on" not in cleaned["002"].text
    assert "Posted on" in cleaned["002"].raw_text
    # no other seed lost a long paragraph
    for key, other in cleaned.items():
        for line in other.raw_text.split("\n"):
            if len(line.split()) > 25:
                assert normalize(line) in other.text, (key, line)


def test_a_byline_is_never_a_title() -> None:
    text = "By Jane Doe, Valley Courier\nThe council voted to close the old pool on Monday."
    bylined = Article(id="b", title="By Jane Doe, Valley Courier", text=text, raw_text=text)
    headline = replace(bylined, id="h", title="Council closes the old pool")
    cleaned = clean_articles([bylined, headline])
    assert cleaned[0].title == "The council voted to close the old pool on Monday"
    assert cleaned[1] is headline
    assert clean_articles(cleaned) == cleaned


FOOTER = "The Harwick Courier is an independent newsroom funded by its readers in the valley."


def _outlet_article(ident: str, body: str, source: str = "Harwick Courier") -> Article:
    text = f"{body}\n\n{FOOTER}"
    return Article(id=ident, title=ident, text=text, raw_text=text, source=source)


def test_a_footer_two_unrelated_articles_of_one_outlet_end_with_is_furniture() -> None:
    fire = _outlet_article("fire", "A warehouse burned in Dunmore on Monday night.")
    final = _outlet_article("final", "Harwick Grammar won the county schools final.")
    cleaned = clean_articles([fire, final])
    assert [FOOTER in a.text for a in cleaned] == [False, False]
    assert cleaned[0].text == "A warehouse burned in Dunmore on Monday night."


def test_a_shared_ending_stays_when_the_articles_are_related_or_of_two_outlets() -> None:
    update = "Fire crews from three towns fought the blaze at the timber yard for six hours."
    first = _outlet_article("first", f"A warehouse burned in Dunmore.\n\n{update}")
    second = _outlet_article("second", f"The warehouse fire is out.\n\n{update}")
    assert all(FOOTER in a.text for a in clean_articles([first, second]))
    other = _outlet_article("other", "Harwick Grammar won the final.", source="Valley Post")
    assert all(FOOTER in a.text for a in clean_articles([first, other]))


def test_a_writers_bio_closing_the_article_leaves_text() -> None:
    bio = (
        "Anna Berg is the Coastal Ledger's harbour correspondent. "
        "She has covered the port since 2019."
    )
    assert clean_text(f"{FIRST}\n\n{LAST}\n\n{bio}") == f"{FIRST}\n\n{LAST}"
    # the same words inside the story, or as the whole text, stay
    assert clean_text(f"{FIRST}\n\n{bio}\n\n{LAST}\n\n{LAST}") == (
        f"{FIRST}\n\n{bio}\n\n{LAST}\n\n{LAST}"
    )
    assert clean_text(bio) == bio
    news = "Ines Varga was the harbour's chief engineer until 2019, and she said the ramp was safe."
    assert clean_text(f"{FIRST}\n\n{news}") == f"{FIRST}\n\n{news}"


def test_a_title_loses_the_list_bullets_that_open_it(tmp_path: Path) -> None:
    # A wire page opens with its highlights on one line; the title is the first of them.
    page = tmp_path / "wire.txt"
    page.write_text(
        "\\* Ferry strike halts crossings to Marlow Bay \\* Unions want a pay rise \\* Talks "
        "resume on Monday with the port authority and the city council in the town hall\n"
        "The ferry strike that began on Friday halted every crossing to Marlow Bay.\n",
        encoding="utf-8",
    )
    (read,) = read_sources([page])
    assert isinstance(read, Article) and read.title.startswith("\\* Ferry strike")
    headlines = [
        replace(read, id="h1", title="* Tram line approved"),
        replace(read, id="h2", title="• Tram line approved * Works start in May"),
        replace(read, id="h3", title="- Tram line approved"),
        replace(read, id="h4", title="Tram line approved * Works start in May"),
    ]
    cleaned = clean_articles([read, *headlines])
    assert cleaned[0].title == "Ferry strike halts crossings to Marlow Bay"
    assert [a.title for a in cleaned[1:]] == ["Tram line approved"] * 4
    # A dash or a star inside a headline is not a bullet.
    kept = ["Prices up 2 - 3 percent", "Kyiv * Lviv", "-5C in Kharkiv overnight"]
    again = clean_articles([replace(read, id=f"k{n}", title=t) for n, t in enumerate(kept)])
    assert [a.title for a in again] == kept
