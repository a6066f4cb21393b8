"""Headlines: telling a headline line from a lead sentence, and tidying titles.

A plain-text article often starts with its headline, but just as often with its first
sentence. A first line is taken as the headline when it is short (at most 20 words; CJK
text counts two characters a word), does not start in lower case, and does not end like a
sentence (full stop, colon, comma). A photo
caption glued to the headline ("... Photo: agency") is cut off, and such a line may end in a
full stop. When there is no headline the title is derived from the first sentence, cut at its
first clause boundary, so that every article has a readable title; the body keeps the
sentence.
"""

from __future__ import annotations

import re

from ..preamble import MONTH, WEEKDAY, glued_headline, is_header, preamble
from ..text import dateline, fold, has_cjk, normalize, split_sentences, words

MAX_HEADLINE_WORDS = 20
_SHORT_TITLE_WORDS = 14
_MIN_CUT_WORDS = 6
_CAPTION = re.compile(r"\s+(?:Photos?|Photograph|Image|Picture|Foto|Credit)\s*:\s*\S.*$")
_SUFFIX = re.compile(r"^(?P<head>.*\S)\s+[-|]\s+(?P<tail>[^-|]{1,40})$")
_CLAUSE = re.compile(
    r",\s|;\s|\s-\s|\s(?:as|amid|after|while|because|when|following|despite|before|since)\s"
)
_SENTENCE_END = re.compile(r"[.!?…:;,\u3002][\"')\]\u300d]*$")
_CJK_TITLE_CHARS = 40
_WEEKDAY = rf"{WEEKDAY}\.?"
_TIME = r"\d{1,2}[:.]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4}|\s+UK time)?"
_DAY_STAMP = (
    rf"(?:{_WEEKDAY}\s*,?\s*)?(?:{MONTH}\s+\d{{1,2}}\s*,?\s*\d{{4}}|\d{{1,2}}\s+{MONTH}\s+\d{{4}})"
    rf"(?:\s*[,:;]?\s*{_TIME})?"
)
# A line that only dates the page: "Thursday , January 6 , 2011", "6 January 2011 14:05 GMT",
# "Fergus Walsh | 18:17 UK time", "NEW YORK | Fri May 7" (a Reuters header cut short),
# "January 25 , 2011 | By Amir Ahmed" (a CNN byline cut short), "Page last updated at 07:43 GMT".
_STAMP = re.compile(
    rf"^{_DAY_STAMP}\s*$|^[^|]{{1,40}}\|\s*{_TIME}\s*$|^{_DAY_STAMP}\s*\|\s*By\s[^|]{{1,40}}$"
    rf"|^(?:Page\s)?[Ll]ast\supdated\sat\s{_TIME}\s*$"
    rf"|^[A-Z][A-Za-z .,'\\/-]*\|\s*{_WEEKDAY}(?:\s+{MONTH}(?:\s+\d{{1,2}})?)?\s*$"
)
# A stamp that opens a sentence: "Tuesday , September 16 , 2008 ; 4:30 PM Just a day after ...",
# a blog's "Fergus Walsh | 18:17 UK time , Friday , 1 May 2009 Experts are ...", a page's
# "6 January 2011 Last updated at 17:03 GMT Help A US report ...".
_LEADING_STAMP = re.compile(
    rf"^(?:(?:[^|]{{1,40}}\|\s*{_TIME}\s*,\s*)?{_DAY_STAMP}(?:\s+Last updated at {_TIME})?"
    rf"|(?:Page\s)?[Ll]ast\supdated\sat\s{_TIME})(?:\s+Help)?\s+(?=[A-Z\"'`])"
)
# What every kind of furniture below has: a digit, a bar, a bracket, a dash, a colon (a
# transcript's speaker) or a byline.
_FURNITURE_SIGNS = re.compile(r"[\d|(:-]|^B[yY] |^From |LRB")
# CNN glues its list of highlights to the first sentence: "Egypt is not stable NEW : ...".
_HIGHLIGHT = " NEW : "
# A host's greeting opens a transcript; it says nothing about the story.
_GREETING = re.compile(r"(?:Hello|Hi|Good (?:morning|afternoon|evening)|Welcome back)\b")
# "By Jane Doe", "BY JANE DOE AND JOHN ROE", "By Jane Doe, Reuters", "By Ed Husain | Special to
# CNN": a byline names the writer, not the story (and "By the numbers: ..." is a headline).
_NAME = r"[A-Z][\w.'\u2019-]*"
_BYLINE = re.compile(
    rf"^(?:By|BY)\s+{_NAME}(?:\s+(?:{_NAME}|and|AND|de|van|von|der|del|la|le|bin|al-\w+))*"
    r"(?:\s*[,|]\s*[^,|.!?]{1,40}){0,2}$"
)


def _news(sentence: str) -> str:
    """``sentence`` without the page furniture that opens it ("" when it is all furniture)."""
    if is_header(sentence):  # "Chaos in Egypt Aired February 13 , 2011 - 11:00 ET ..."
        # The show's first segment names it: "Chaos in Egypt ; AOL Buys HuffPo Aired ..."
        show = sentence.split(" Aired ")[0].split(" ; ")[0] if " Aired " in sentence else ""
        return show if len(show.split()) >= 3 and not is_header(show) else ""
    if is_byline(sentence) or _STAMP.match(sentence):
        return ""
    headline = glued_headline(sentence)
    if len(headline.split()) >= 3 and headline[0].isupper():
        return headline
    rest = sentence[preamble(sentence) :]
    stamp = _LEADING_STAMP.match(rest)
    rest = rest[stamp.end() :] if stamp else rest
    for _ in range(2):  # "NEW ORLEANS -- NEW ORLEANS -- The ..."
        rest = rest[dateline(rest, opens_article=True) :]
    rest = rest.split(_HIGHLIGHT)[0]
    return rest if len(rest.split()) >= 3 and not _GREETING.match(rest) else ""


def one_line(text: str) -> str:
    """``text`` normalised onto a single line."""
    return " ".join(normalize(text).split())


def split_headline(first: str, followed_by_blank: bool) -> str:
    """The headline in ``first`` (a normalised first line), or "" when it is body text.

    A question or exclamation counts as a headline only when a blank line follows it.
    """
    line = first.strip().lstrip("#").strip()
    head, had_caption = strip_caption(line)
    count = _size(head)
    initial = head.lstrip("\"'([\u300c")[:1]
    if count < 2 or count > MAX_HEADLINE_WORDS or initial.islower() or not initial.isalnum():
        return ""
    if _SENTENCE_END.search(head):
        ends = head.rstrip("\"')]")[-1]
        allowed = (had_caption and ends == ".") or (followed_by_blank and ends in "?!")
        if not allowed:
            return ""
    return tidy_title(head)


def opening_headline(text: str) -> tuple[str, str]:
    """The headline that opens ``text`` (normalised) and the body after it, read as a ``.txt``
    file's first line is (:func:`split_headline`); ``("", text)`` when the first line is body
    text or the whole text. A record or a post with no title of its own that opens with its
    headline (a Telegram channel's bold first line, a JSON export's ``text`` holding the whole
    page) then gives the digest a plain-text file of the same words gives: the headline is
    not a summary sentence, and a wire dateline after it still opens the body."""
    first, _, rest = text.partition("\n")
    if first.lstrip().startswith("#"):  # a post's hashtags ("#Kyiv #news"), not a heading
        return "", text
    title = split_headline(first, followed_by_blank=rest.startswith("\n"))
    return (title, rest.strip()) if title and rest.strip() else ("", text)


def without_title_line(text: str, title: str) -> str:
    """``text`` without an opening line that repeats ``title`` (a scraped page's text saved
    with its headline, a feed's content that opens with an ``<h1>``), as a ``.txt`` file with
    front matter and an HTML page are read; ``text`` as given when that line is all it holds."""
    first, _, rest = text.lstrip().partition("\n")
    near = len(first) <= 2 * len(title) + 20  # else no fold can make them equal: not folded
    repeats = near and bool(title.strip()) and bool(rest.strip()) and fold(first) == fold(title)
    return rest.strip() if repeats else text


def _size(text: str) -> int:
    """Words in ``text``; CJK text counts one word per two characters."""
    tokens = len(words(text))
    return (tokens + 1) // 2 if has_cjk(text) else tokens


def strip_caption(line: str) -> tuple[str, bool]:
    """``line`` without a trailing photo caption, and whether one was cut."""
    match = _CAPTION.search(line)
    if match and len(words(line[: match.start()])) >= 3:
        return line[: match.start()].rstrip(), True
    return line, False


# Pictographs that channels put around a headline ("⚡️", "🔴", "❗️", "🇺🇦", "‼️"): emoji
# and dingbats (from U+2300; "№", "©" and "®" come before), with their variation selectors,
# joiners and keycaps, and the double marks emoji presentation gives.
_DECORATION = re.compile(
    r"[\u2300-\u23ff\u2460-\u27bf\u2900-\u2bff\U0001f000-\U0001faff\ufe0f\u200d\u20e3\u203c\u2049]+"
)


def undecorated(title: str) -> str:
    """``title`` without the pictographs that open or close it ("⚡️Лісопіль: серія вибухів"
    is "Лісопіль: серія вибухів"): a story is labelled by its words; the text keeps them. A
    title of pictographs alone is kept."""
    head = _DECORATION.match(title)
    start = head.end() if head else 0
    end = len(title)
    for tail in _DECORATION.finditer(title, start):
        if title[tail.end() :].strip() == "":
            end = tail.start()
            break
    trimmed = title[start:end].strip()
    return trimmed if any(c.isalnum() for c in trimmed) else title


def tidy_title(title: str, sitename: str = "") -> str:
    """A headline without its site or section suffix ("... - National", "... | Site")."""
    title = one_line(title)
    site = one_line(sitename).lower()
    match = _SUFFIX.match(title)
    if match:
        tail = match.group("tail").strip()
        head = match.group("head")
        is_site = bool(site) and tail.lower() == site
        is_section = len(tail.split()) <= 3 and all(w[:1].isupper() for w in tail.split())
        if (is_site and len(words(head)) >= 2) or (is_section and len(words(head)) >= 4):
            title = head
    if site and title.lower().startswith(site + " | "):
        title = title[len(site) + 3 :]
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1]
    return title.strip()


# A list's bullet: "* ", "• ", "- ", and T17's escaped "\\* ". Reuters opens a page with its
# highlights as a bulleted line ("* Mexico announces outbreak * New virus never seen ...").
_BULLET = re.compile(r"^(?:\\?\*|[•·‣▪◦-])\s+")
_NEXT_BULLET = re.compile(r"\s(?:\\?\*|[•·‣▪◦])\s")


def without_bullets(title: str) -> str:
    """``title`` without the list bullet that opens it, and cut before the next bullet when
    it holds a list of highlights ("* A * B" is "A"; "A * B * C" is "A"); "" when nothing
    but bullets is left."""
    opened = _BULLET.match(title)
    rest = title[opened.end() :] if opened else title
    if opened and opened.group().startswith("-"):
        cut = rest.find(" - ")  # a dash list's next item; "- " elsewhere is a dash
        rest = rest if cut < 0 else rest[:cut]
    found = _NEXT_BULLET.search(rest)
    if found and (opened or len(rest[: found.start()].split()) >= 3):
        rest = rest[: found.start()]
    return rest.strip()


def is_byline(line: str) -> bool:
    """Whether ``line`` (one normalised line) is a byline ("By Jane Doe, Reuters")."""
    return line[:3] in ("By ", "BY ") and line.count(" ") < 12 and bool(_BYLINE.match(line))


def is_page_furniture(title: str) -> bool:
    """Whether a title is page furniture rather than news: a byline, a line that only dates
    the page, a transcript's header, one that opens with a page header, a wire dateline, an
    update stamp or a speaker's name, or one with a list of highlights glued to it."""
    if not _FURNITURE_SIGNS.search(title):  # every title of a corpus goes through here
        return False
    return (
        is_byline(title)
        or bool(_STAMP.match(title) or _LEADING_STAMP.match(title))
        or preamble(title) > 0
        or dateline(title) > 0
        or _HIGHLIGHT in title
        or is_header(title)
    )


def derive_title(body: str, skip_furniture: bool = False) -> str:
    """A title from the first sentence of ``body``: short sentences whole, long ones cut.

    With ``skip_furniture``, from the first sentence that is news: bylines, lines that only
    date the page, transcript headers and a host's greeting are passed over; page headers,
    wire datelines, update stamps and speakers' names are cut from its start, and a list of
    highlights from its end. Ingest does not skip furniture, so that article ids, which hash the
    title, stay what they were; the clean stage does (a title is shown, an id only kept).
    """
    sentences = [span.text for span in split_sentences(body[:4000])]
    if skip_furniture:
        sentences = [news for news in map(_news, sentences) if news]
    if not sentences:
        return ""
    sentence = sentences[0].rstrip(".!?…:;, \u3002")
    if has_cjk(sentence):
        short = len(sentence) <= _CJK_TITLE_CHARS
        return sentence if short else sentence[:_CJK_TITLE_CHARS] + "…"
    tokens = sentence.split()
    if len(tokens) <= _SHORT_TITLE_WORDS:
        return sentence
    for match in _CLAUSE.finditer(sentence):
        head = sentence[: match.start()]
        if len(head.split()) >= _MIN_CUT_WORDS:
            if len(head.split()) <= MAX_HEADLINE_WORDS:
                return head.rstrip(",;: ")
            break
    return " ".join(tokens[:MAX_HEADLINE_WORDS]) + "…"
