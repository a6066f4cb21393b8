"""Web and wire boilerplate that opens a news sentence, which no entry or title should show.

Crawled pages prefix the first sentence with page furniture that ``text.dateline`` does not
cut: a Reuters page header with a timestamp ("HONG KONG | Mon Apr 27, 2009 12:43am EDT HONG
KONG (Reuters) - "), a CNN byline ("January 27, 2011 | By Tarek Osman, Special to CNN "), a
live-update stamp ("(Updated 7:40 p.m. (0240 in Egypt)) "), a poll widget ("YES | NO "), a
transcript's speaker ("DON LEMON, CNN ANCHOR: "), a headline glued to the page header that
follows it, and wire datelines in their tokenised form ("Cairo , Egypt -LRB- CNN -RRB- -- ").
``glued_headline`` gives that headline (a title, not an entry). ``preamble``
measures it, so that the printed text starts after it and stays an exact slice of the
article. A broadcast transcript's header ("... Aired January 25, 2011 - 16:00:00 ET THIS IS A
RUSH TRANSCRIPT.") names its date but reports nothing: ``is_header`` tells it apart.
"""

from __future__ import annotations

import re

__all__ = ["AGENCY", "MONTH", "WEEKDAY", "glued_headline", "is_header", "preamble"]

_OPEN = r"(?:-LRB-|\()"
_CLOSE = r"(?:-RRB-|\))"
_COMMA = r"\s?,\s?"
# Month and weekday names, full or short (shared with the title rules of ingest).
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*"
_STAMP = (
    rf"(?:{WEEKDAY} )?{MONTH} \d{{1,2}}{_COMMA}\d{{4}}"
    r"(?: ?:| at)? \d{1,2}:\d{2}(?::\d{2})? ?(?:[AaPp]\.?[Mm]\.?)?(?: [A-Z]{2,4})?"
)
# Wires and outlets that datelines credit (ingest reads an outlet from them too).
AGENCY = r"(?:Reuters|CNN|AP|AFP|UPI|Xinhua|Bloomberg)"
_PLACE = rf"[A-Z][\w.'\\/-]*(?: [\w.'\\/-]+){{0,4}}?(?:{_COMMA}[A-Z][\w.'-]*(?: [\w.'-]+){{0,2}}?)?"
_PLACED = rf"{_PLACE}(?:{_COMMA}\w+ \d{{1,2}})?"
_CREDIT = rf"{_OPEN} ?{AGENCY} ?{_CLOSE} (?:-{{1,2}}|:) "
_DATELINE = rf"(?:{_PLACED} )?{_CREDIT}"

_NAMES = r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}(?: and [A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})?"
_DAY = rf"{MONTH} \d{{1,2}}{_COMMA}\d{{4}}"
_POSTED = rf"{MONTH} ?\d{{1,2}}{_COMMA}\d{{4}} ?: \d{{1,2}}:\d{{2}} [AP]M ET"
# A correspondent's title after "CNN": "Senior International Correspondent", "Producer".
_ROLE = r"(?: (?:[A-Z][a-z]+ ){0,3}(?:Correspondent|Producer|Writer|Analyst|Contributor|Editor)s?)?"
_CAPS = r"[A-Z][A-Z'.-]+"

# A page header's place: "HONG KONG", "NORVALE , April 27", "SAN JUAN , Puerto Rico",
# "HOUSTON\\/GALLIANO , Louisiana" (Reuters pages, slash escaped or not).
_HEADER_PLACE = (
    rf"[A-Z][A-Z .'\\/-]*?(?:{_COMMA}\w+ \d{{1,2}}|{_COMMA}[A-Z][A-Za-z.'\\/-]*(?: [A-Z]\w*)?)?"
)
_PAGE_HEADER = rf"(?:{_HEADER_PLACE} \| )?{_STAMP} (?:\| )?"
# A British page's stamp: the Guardian's "Thursday 24 June 2010 07.23 BST ", the BBC's "9
# November 2011 Last updated at 10:48 GMT Help " ("Help" is a link of its page header).
# Only where it opens the text: the Guardian's headline and standfirst glued before it are
# left (cutting them moved T17's printed entries and titles for the worse, session 15).
_UK_STAMP = (
    rf"(?:{WEEKDAY} )?\d{{1,2}} {MONTH} \d{{4}}"
    r" (?:Last updated at )?\d{1,2}[.:]\d{2} (?:BST|GMT)(?: Help)? "
)
# A headline glued to the page header or wire dateline that follows it: "Asia wary of new
# virus HONG KONG | Mon Apr 27 , 2009 7:16 am EDT HONG KONG (Reuters) - ...", "Protests
# turn deadly Cairo , Egypt -LRB- CNN -RRB- -- ..."
_GLUED = rf"[^|]{{10,160}}? (?=[A-Z]{{2}}{_HEADER_PLACE} \| {_STAMP} "
_HEADLINE = re.compile(rf"{_GLUED}|{_PLACED} {_CREDIT}(?=[\"'`A-Z]|-LRB-))")
# Without datelines cut here, only a page header may follow a headline: the caller's cut
# must see a dateline whole.
_HEADLINE_BEFORE_HEADER = re.compile(rf"{_GLUED})")

# The BBC's older stamp, which may be all a sentence holds: "Page last updated at 08:14 GMT ,
# Tuesday , 14 October 2008 ".
_BBC_STAMP = (
    rf"Page last updated at \d{{1,2}}:\d{{2}} GMT{_COMMA}{WEEKDAY}{_COMMA}\d{{1,2}} {MONTH} \d{{4}}"
    r"(?: ?\.)?(?: |$)"
)
# A photo's credit left before the text it captions: "(AP Photo/Evan Vucci) ", "-LRB- Pool Photo
# By Chip Somodevilla -RRB- ", "(Evan Vucci - AP) ", "(Getty Images) "; not a wire's credit
# alone ("(AP) "), which is a dateline's.
_PHOTO_CREDIT = (
    rf"{_OPEN} ?(?:[^()]{{0,40}}?\bPhoto(?:graph)?s?\b[^()]{{0,60}}?"
    rf"|[A-Z][\w.' -]{{1,40}}? ?[-/] ?(?:{AGENCY}|Getty Images|EPA)|Getty Images) ?{_CLOSE} "
)

_PREAMBLES = (
    # page header with a timestamp: "[PLACE[, Apr 27 or , State] | ]Mon Apr 27, 2009 12:43am EDT "
    re.compile(_PAGE_HEADER),
    re.compile(_UK_STAMP),
    re.compile(_BBC_STAMP),
    re.compile(_PHOTO_CREDIT),
    # a BBC blog's byline and stamp: "James Reynolds | 07:37 UK time , Friday , 29 May 2009 "
    re.compile(
        rf"{_NAMES} \| \d{{1,2}}:\d{{2}} UK time{_COMMA}{WEEKDAY}{_COMMA}\d{{1,2}} {MONTH} \d{{4}} "
    ),
    # byline: "January 27, 2011 | By Tarek Osman, Special to CNN "
    re.compile(rf"[^|]{{1,40}} \| By [^|]{{1,80}}?{_COMMA}(?:Special to |for )?CNN(?:\.com)? "),
    # glued byline: "By the CNN Wire Staff ", "By Ed Husain , Special to CNN ", "By Seth
    # Weintraub February 7 , 2011 : 10:44 AM ET ", "From Ben Wedeman , CNN Senior International
    # Correspondent ", "By Ann Lee for CNN ", "By Jo Doe , Writer February 1 , 2011 : 3:19 AM ET "
    re.compile(
        rf"(?:{_DAY} \| )?(?:By|From) (?:the CNN Wires? [Ss]taff"
        rf"|{_NAMES}(?:{_COMMA}(?:Special to |For |for )?CNN(?:\.com)?{_ROLE}| for CNN)"
        rf"|{_NAMES}(?:{_COMMA}(?:Writer|[Rr]eporter))? ?{_POSTED}) (?=[\"'`A-Z]|-LRB-)"
    ),
    # a byline before a page header or a dateline: "By Jo Doe , Health Editor WASHINGTON | ",
    # "By Jo Doe and Al Roe TOLEDO , Ohio -- ", "By Jo Doe , Al Roe , Bo Park MOSCOW | "
    re.compile(
        rf"By {_NAMES}(?:{_COMMA}{_NAMES}){{0,3}}(?:{_COMMA}[A-Z][A-Za-z ]{{1,40}}?)? "
        rf"(?=[A-Z]{{2}}[A-Z .'\\/-]*(?:{_COMMA}[A-Z][\w.' ]*?)? (?:\| |--? ))"
    ),
    # a transcript's speaker: "DON LEMON , CNN ANCHOR : ", "UNIDENTIFIED MALE : ", and CNN's
    # highlight marker "NEW : " (one capitalised word alone may be a subject: "NATO : ...")
    re.compile(
        rf"(?:NEW|{_CAPS}(?: {_CAPS}){{1,3}}|{_CAPS}{_COMMA}{_CAPS}(?: {_CAPS}){{0,5}})"
        rf"(?:{_COMMA}{_CAPS}(?: {_CAPS}){{0,5}})? ?: (?=[\"'`A-Z]|-LRB-)"
    ),
    # live-update stamp: "(Updated 7:40 p.m. (0240 in Egypt)) ", "(Update 3:09 a.m. Wednesday
    # in Cairo, 8:09 p.m. ET Tuesday) "
    re.compile(rf"{_OPEN} ?Updated? \d[^()]{{0,60}}?(?:{_OPEN}[^()]{{0,30}}?{_CLOSE} ?)?{_CLOSE} "),
    re.compile(r"YES \| NO "),
    # a wire's service note: "(Repeats to more subscribers without changes in text) "
    re.compile(
        rf"{_OPEN} ?(?:Repeats|Updates|Adds|Corrects|Recasts|Fixes) [^()]{{0,80}}?{_CLOSE} "
    ),
    # a live blog's bullet: "-- National Security Adviser ...", "- Following the speech ..."
    re.compile(r"[-\u2013\u2014]{1,2} (?=[\"'`A-Z(]|-LRB-)"),
    # wire dateline (last: see ``preamble``): "Cairo , Egypt -LRB- CNN -RRB- -- "
    re.compile(_DATELINE),
)
# Which patterns to try, by (whether a glued headline may open the text, whether datelines
# are cut); a headline is tried last, when nothing else opens the text.
_PATTERNS = {
    (True, True): (*_PREAMBLES, _HEADLINE),
    (True, False): (*_PREAMBLES[:-1], _HEADLINE_BEFORE_HEADER),
    (False, True): _PREAMBLES,
    (False, False): _PREAMBLES[:-1],
}
_HEADER = re.compile(rf"\bAired {MONTH} \d{{1,2}}{_COMMA}\d{{4}} - \d|\bRUSH TRANSCRIPT\b")


def glued_headline(text: str) -> str:
    """The headline that opens ``text`` when a page header follows it ("" if none, or when
    ``text`` opens with other furniture: a byline, a header)."""
    if any(pattern.match(text) for pattern in _PREAMBLES):
        return ""
    match = _HEADLINE.match(text)
    return match.group() if match else ""


def preamble(text: str, datelines: bool = True) -> int:
    """Length of the boilerplate that opens ``text`` (0 if none); a headline or byline, a
    header and a dateline can follow one another, so up to four pieces are cut. Without
    ``datelines``, a wire dateline is left for the caller (which may cut it by its own
    rules)."""
    head = text[:200]  # a glued headline needs a header's bar or a dateline's bracket
    patterns = _PATTERNS["|" in head or "(" in head or "-LRB-" in head, datelines]
    cut = 0
    for _ in range(4):
        found = (pattern.match(text, cut) for pattern in patterns)
        end = next((match.end() for match in found if match and match.end() > cut), cut)
        if end == cut:
            break
        cut = end
    return cut


def is_header(text: str) -> bool:
    """Whether ``text`` is a broadcast transcript's header (show title, air time)."""
    # Most sentences have neither word: skip the regular expression for them.
    return ("Aired" in text or "TRANSCRIPT" in text) and bool(_HEADER.search(text))
