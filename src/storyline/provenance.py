"""Provenance: which of two related articles is the likely original, and why.

Evidence, strongest first:

1. **Attribution.** One text credits the other's outlet ("Global News reports", "according
   to Reuters", "with files from The Canadian Press", "(AP) -"). An outlet is known by its
   ``source`` field, its url's domain, and by how its own text names itself ("Global News has
   learned", "told Global News", a "(c) 2022 Global News" line). A credit names the outlet,
   not an article: the credited outlet's article published after the crediting text is
   not its original (it may update the report copied), unless the two are one text.
2. **Publication dates.** The earlier one, when both are known and differ, unless its text
   reports as past a day after its own publication (a backdated copy), or the two are one
   text that only the later one signs with its own outlet's name (the earlier took it out).
3. **Containment asymmetry** (excerpts only): the longer text that holds the shorter.

Articles that only share passages quote a common source; without attribution neither is
named. When nothing decides, ``original`` is None and the reason says what was missing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from .ingest.dates import in_utc, published_instant
from .model import Article, Relation, RelationKind, known_source
from .text import FORWARD, split_sentences
from .timeline.published import calendar_days, reported_after_publication

# Independent reports quote the same statement, and share names and set phrases; this many
# words of one's own telling, word for word and outside quotes, are copied.
NARRATIVE_WORDS = 25
# ... or, in a short text (a channel's post, a brief), this share of the shorter text's words,
# and at least the words of one verbatim passage (``DedupOptions.min_passage_words``): 25
# words are most of a post of 40, and a channel that keeps a statement's sentence word for
# word and adds a claim of its own copies it. Independent short reports of one event share
# names, places and figures, not a dozen words of their own telling in a row.
NARRATIVE_SHARE = 0.25
MIN_NARRATIVE_WORDS = 12

# The reason given when only containment decides an excerpt's original (the longer text):
# voice groups read it as no evidence that the longer text is not a compilation.
CONTAINMENT_REASON = "holds the other"

# How the reason of an original named for its date starts: other relations may overrule a
# date (a credit or a text holding the other is evidence about the pair itself).
DATE_REASON = "published earlier"

# Relations whose two texts are one text (word for word, or nearly): a credit between them
# names this very text, not an earlier report of the credited outlet that it updates.
SAME_TEXT_KINDS = frozenset({"duplicate", "near-duplicate"})

# A name does not run on past a sentence's full stop ("... at Highland Courier. Northgate"),
# though its words may hold dots ("U.S. News").
_NAME = r"((?:the\s+)?[A-Z][\w&.\-]*(?:'s?)?(?:(?<![a-z]{2}\.)\s+[A-Z][\w&.\-]*(?:'s?)?){0,3})"
# "<name> reports": found from the verb backwards, so the scan is one pass over the text
_CREDIT_VERBS = re.compile(
    r",?\s+(?:reports|reported|has reported|first reported"
    r"|has (?:more (?:on|details|here)|the full (?:story|report)))\b"
)
_SELF_VERBS = re.compile(r"\s+has (?:learned|confirmed|obtained)\b")
_NAME_BEFORE = re.compile(_NAME + r"$")
# Credits that name a source of facts as often as an outlet ("according to the Port
# Authority", "citing police"): they credit an outlet only when they name the other's.
_SAYS = (
    ("ccording to", re.compile(r"\b[Aa]ccording to\s+" + _NAME)),
    ("iting", re.compile(r"\b[Cc]iting\s+" + _NAME)),
)
# (cue, pattern): the pattern runs only on texts holding its cue, a fast substring test.
# These credit an outlet whatever they name.
_CREDITS = (
    ("eported by", re.compile(r"\b[Rr]eported by\s+" + _NAME)),
    ("ia ", re.compile(r"\b[Vv]ia\s+" + _NAME)),
    ("ource:", re.compile(r"\b[Ss]ource:\s+" + _NAME)),
    ("ith files from", re.compile(r"\b[Ww]ith files from\s+" + _NAME)),
    # "This story is based on reporting by Nordline Wire", "with reporting from Reuters" (not
    # a wire's own "Additional reporting by" line, which names its reporters).
    (
        "eporting ",
        re.compile(r"\b(?:[Bb]ased on|[Ww]ith)\s+reporting\s+(?:by|from)\s+" + _NAME),
    ),
    (
        "ead ",
        re.compile(r"\b[Rr]ead (?:more|the full (?:story|article|report))\s+(?:at|on)\s+" + _NAME),
    ),
    ("ublished by", re.compile(r"\b(?:[Oo]riginally|[Ff]irst) published by\s+" + _NAME)),
    (")", re.compile(r"\(" + _NAME + r"\)\s+[-\u2014]")),
    # A Telegram forward, as ingest writes it (any script: channels are named in Cyrillic).
    (FORWARD[1:], re.compile("^" + FORWARD + r" ([^\n:]{1,128}):", re.M)),
)
_SELF = (
    ("told", re.compile(r"\btold\s+" + _NAME)),
    ("ed by", re.compile(r"\b(?:contacted|reached) by\s+" + _NAME)),
    ("©", re.compile(r"©\s*(?:\d{4}\s+)?" + _NAME)),
    ("opyright", re.compile(r"(?:\(c\)|Copyright)\s*(?:\d{4}\s+)?" + _NAME)),
)


@dataclass(frozen=True)
class Outlet:
    """What one article says about outlets: whom it credits, and the names it goes by.
    ``copied`` are the credits that name an outlet whatever they name ("Harbor Herald
    reports", "with files from Reuters"), not a source of facts ("according to police")."""

    credits: tuple[str, ...]
    names: tuple[str, ...]
    copied: tuple[str, ...] = ()


def outlet(article: Article) -> Outlet:
    """The article's :class:`Outlet` (one scan of its text; reusable across its relations)."""
    text = article.text
    return Outlet(tuple(attributions(text)), tuple(names(article)), tuple(_credits(text, False)))


def _when(first: Article, second: Article) -> str:
    """ "A before B" as the articles give them, and in UTC when their offsets differ
    ("06:15+02:00 before 23:30-05:00 the day before" reads wrong, but is right)."""
    a, b = first.published or "", second.published or ""
    utc_a, utc_b = _utc(a), _utc(b)
    if utc_a is None or utc_b is None or a[-6:] == b[-6:]:
        return f"{a} before {b}"
    return f"{a} before {b}, in UTC {utc_a} before {utc_b}"


def _utc(published: str) -> str | None:
    """A timestamp with an offset, in UTC ("2026-03-10 04:15 UTC"); None for anything else."""
    moment = in_utc(published)
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else None


def direction(
    a: Article,
    b: Article,
    kind: RelationKind,
    containment_a: float,
    containment_b: float,
    outlets: tuple[Outlet, Outlet] | None = None,
    narrative: int = 0,
) -> tuple[str | None, str]:
    """(original id or None, reason) for a relation of ``kind`` between a and b.

    ``outlets`` are ``outlet(a)`` and ``outlet(b)`` when the caller has them already.
    ``narrative`` is how many words the shared passages hold word for word outside quotes:
    articles that share passages are taken to quote a common source unless that is at least
    :func:`narrative_needed` (a page stitched from other reports' paragraphs, a post that
    keeps a statement's sentence)."""
    outlets = outlets or (outlet(a), outlet(b))
    credited = credited_original(a, b, outlets)
    late = _late_credit(a, b, outlets)
    if credited and not late:
        return credited
    if late and kind in SAME_TEXT_KINDS:
        return _forged(a, b, outlets)
    if late:
        # The crediting text copies that outlet by its own word: its earlier date makes it
        # no original of the outlet's later article, which may update the report it copied.
        return _fallback(a, b, kind, (containment_a, containment_b), late)
    stitched = kind == "shares-passages" and narrative >= narrative_needed(a, b)
    if kind == "shares-passages" and not stitched:
        return None, "independent articles quoting a common source; neither credits the other"
    earlier = _published_earlier(a, b)
    if earlier and kind in SAME_TEXT_KINDS and (signed := _signed(a, *earlier, outlets)):
        return signed
    doubt = ""
    if earlier:
        decided, doubt = _by_date(*earlier, outlets, narrative if stitched else 0)
        if decided is not None:
            return decided
    if kind == "excerpt" and abs(containment_a - containment_b) >= 0.2:
        longer = b if containment_a > containment_b else a
        return longer.id, (
            f"{CONTAINMENT_REASON}: {max(containment_a, containment_b):.0%} of the shorter text is "
            f"inside it, {min(containment_a, containment_b):.0%} of it inside the shorter"
        )
    dates = "same publication date" if a.published and b.published else "publication date missing"
    return None, f"undecided: {doubt or dates}, no attribution, no containment asymmetry"


def _by_date(
    first: Article, second: Article, outlets: tuple[Outlet, Outlet], stitched: int
) -> tuple[tuple[str | None, str] | None, str]:
    """(decision, doubt): the earlier-dated ``first`` is the original, unless both credit one
    source (then a date says only which came first); no decision, and the doubt, when its
    text reports a day it could not have seen (a copy backdated in its metadata).
    ``stitched``: the words shared outside quotes, when that made passages a copy."""
    reported = contradicted(first, second)
    if reported is not None:
        return (
            None,
            f"{_who(first)} is dated {first.published} but its text reports {reported} as past",
        )
    reason = f"{DATE_REASON}: {_when(first, second)}"
    if stitched:  # read back by _STITCHED when a backdated copy's relation is decided again
        reason += f"; {stitched} words of it are in the other word for word, outside quotes"
    common = common_credit(outlets)
    if common:
        return (
            None,
            f"undecided: both credit {common!r}, neither credits the other ({reason})",
        ), ""
    return (first.id, reason), ""


def narrative_needed(a: Article, b: Article) -> int:
    """Words of narrative two texts that only share passages must share for one to copy the
    other: :data:`NARRATIVE_WORDS`, or :data:`NARRATIVE_SHARE` of a short text's words."""
    shorter = min(a.words, b.words)
    return min(NARRATIVE_WORDS, max(MIN_NARRATIVE_WORDS, math.ceil(NARRATIVE_SHARE * shorter)))


def contradicted(first: Article, second: Article) -> str | None:
    """A day after ``first``'s publication that its text reports as past, and that the
    text of ``second`` (published later) names too: the text they share tells of a day
    ``first`` could not have seen, so its date says nothing of who copied whom. A day that
    only ``first`` names (a reader's comment stamped later, a schedule) does not count."""
    reported = reported_after_publication(first.text, first.published, first.language or "en")
    if not reported:
        return None
    named = {
        day
        for span in split_sentences(second.text)
        for day in calendar_days(span.text, second.published, second.language or "en")
    }
    return next((day for day in reported if day in named), None)


def _published_earlier(a: Article, b: Article) -> tuple[Article, Article] | None:
    """(earlier, later) when one was published before the other as instants in UTC; None
    when either is undated, or they overlap (the same moment, or a day and a time on it)."""
    at_a, at_b = published_instant(a.published), published_instant(b.published)
    if at_a is None or at_b is None:
        return None
    if at_a.before(at_b):
        return a, b
    return (b, a) if at_b.before(at_a) else None


def credited_original(
    a: Article, b: Article, outlets: tuple[Outlet, Outlet]
) -> tuple[str, str] | None:
    """The credited article when exactly one of the two credits the other's outlet (whatever
    their dates: :func:`direction` checks those)."""
    credit = _credit(a, b, outlets)
    if credit is None:
        return None
    credited, crediting, name = credit
    return credited.id, f"{_who(crediting)} credits {name!r}"


def _credit(
    a: Article, b: Article, outlets: tuple[Outlet, Outlet]
) -> tuple[Article, Article, str] | None:
    """(credited, crediting, the name credited) when exactly one credits the other's outlet."""
    of_a, of_b = outlets
    a_credits_b = _match(of_a.credits, of_b.names)
    b_credits_a = _match(of_b.credits, of_a.names)
    if a_credits_b and not b_credits_a:
        return b, a, a_credits_b
    if b_credits_a and not a_credits_b:
        return a, b, b_credits_a
    return None


def _late_credit(a: Article, b: Article, outlets: tuple[Outlet, Outlet]) -> str | None:
    """Why a credit does not decide: the credited article was published after the one that
    credits its outlet. A credit names the outlet, not this article (a wire's 13:00 update
    is not the original of a rewrite at 09:20 of its earlier report)."""
    credit = _credit(a, b, outlets)
    if credit is None:
        return None
    credited, crediting, name = credit
    if _published_earlier(crediting, credited) != (crediting, credited):
        return None
    return (
        f"{_who(crediting)} credits {name!r}, but {_who(credited)} was"
        f" published later ({_when(crediting, credited)}): the credit names the outlet,"
        " not this article"
    )


def _forged(a: Article, b: Article, outlets: tuple[Outlet, Outlet]) -> tuple[str, str]:
    """The credited article of a late credit between two copies of one text: an update of
    the credited report would differ from the copy, while this is the very text the copy
    credits, so the copy's earlier date is not believed (a content farm's backdated page)."""
    credit = _credit(a, b, outlets)
    assert credit is not None  # only called on a late credit
    credited, crediting, name = credit
    return credited.id, (
        f"{_who(crediting)} credits {name!r} and is a copy of {_who(credited)}'s text;"
        f" its earlier date ({_when(crediting, credited)}) is not believed: a copy cannot"
        " predate the text it credits"
    )


def _signed(
    a: Article, first: Article, second: Article, outlets: tuple[Outlet, Outlet]
) -> tuple[str, str] | None:
    """The later of two copies of one text when only it names its own outlet as the text's
    source ("DUNMERE (Meridian Wire) -") and the earlier credits no outlet at all: the
    earlier is that outlet's text with the name taken out, so its date is not believed (a
    content farm's page stamped an hour before the wire's own article)."""
    of_first, of_second = outlets if first is a else outlets[::-1]
    name = _match(of_second.copied, of_second.names)
    if name is None or of_first.copied:
        return None
    return second.id, (
        f"{_who(second)} names {name!r}, its own outlet, as the source of the text, and"
        f" {_who(first)}, a copy of it that names none, is dated earlier"
        f" ({_when(first, second)}): a copy cannot predate the text it took the name from"
    )


def common_credit(outlets: tuple[Outlet, Outlet]) -> str | None:
    """A third outlet both texts credit (one that is neither's own) as an outlet ("Reuters
    reports", not "according to the Port Authority", which two reports of one statement
    both say): copies of one source, so neither is the other's original."""
    of_a, of_b = outlets
    for name in of_a.copied:
        same = _match([name], of_b.copied) or _match(of_b.copied, [name])
        if same and not _match([name], of_a.names + of_b.names):
            return name
    return None


def _fallback(
    a: Article, b: Article, kind: RelationKind, containment: tuple[float, float], late: str
) -> tuple[str | None, str]:
    """The direction when a late credit rules out the credited article and the crediting
    one's date: containment for an excerpt, else undecided; the reason says why."""
    if kind == "excerpt" and abs(containment[0] - containment[1]) >= 0.2:
        longer = b if containment[0] > containment[1] else a
        return longer.id, (
            f"{CONTAINMENT_REASON}: {max(containment):.0%} of the shorter text is inside it,"
            f" {min(containment):.0%} of it inside the shorter; {late}"
        )
    return None, f"undecided: {late}"


def _who(article: Article) -> str:
    """The outlet when known (readers know outlets, not article ids), else the article id."""
    if not known_source(article.source):
        return f"article {article.id}"
    return f"the {article.source} article"


def attributions(text: str) -> list[str]:
    """Outlet-like names that the text credits for its content, in order of appearance."""
    return _credits(text, True)


def _credits(text: str, says: bool) -> list[str]:
    """The names ``text`` credits, with those of ``_SAYS`` ("according to X") if ``says``."""
    patterns = (*_SAYS, *_CREDITS) if says else _CREDITS
    found = [
        (m.start(), m.group(1))
        for cue, pattern in patterns
        if cue in text
        for m in pattern.finditer(text)
    ]
    if "report" in text or " has " in text:
        found.extend(_names_before(text, _CREDIT_VERBS))
    return [_clean(name) for _, name in sorted(found)]


def names(article: Article) -> list[str]:
    """How an article's outlet is known: its source, its url's domain, how it names itself."""
    known = [article.source] if known_source(article.source) else []
    domain = re.match(r"(?:https?://)?(?:www\.)?([^/:]+)", article.url)
    if article.url and domain:
        known.append(domain.group(1).split(".")[0])
    text = article.text
    known.extend(
        m.group(1) for cue, pattern in _SELF if cue in text for m in pattern.finditer(text)
    )
    if " has " in text:
        known.extend(name for _, name in _names_before(text, _SELF_VERBS))
    return [_clean(name) for name in known]


def _names_before(text: str, verbs: re.Pattern[str]) -> list[tuple[int, str]]:
    """Capitalised names that end right before each match of ``verbs``."""
    found: list[tuple[int, str]] = []
    for verb in verbs.finditer(text):
        window = text[max(0, verb.start() - 60) : verb.start()]
        name = _NAME_BEFORE.search(window)
        if name:
            found.append((verb.start() - len(window) + name.start(), name.group(1)))
    return found


def _clean(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    return re.sub(r"'s?$", "", name).strip(" .,-")


def _match(credited: Sequence[str], known_as: Sequence[str]) -> str | None:
    """The first credited name that is, or starts with, or equals glued, one of the outlet's."""
    keys = {_key(n) for n in known_as if len(_key(n)) >= 3}
    for name in credited:
        parts = name.split()
        prefixes = {_key(" ".join(parts[:n])) for n in range(1, len(parts) + 1)}
        if prefixes & keys:
            return name
    return None


def _key(name: str) -> str:
    # Letters of any script: a Cyrillic channel's name is not reduced to nothing.
    return re.sub(r"[\W_]", "", name.lower())


def backdated(
    relations: Sequence[Relation], articles: Mapping[str, Article]
) -> tuple[Relation, ...]:
    """``relations`` with the date of a backdated copy disbelieved in all of them, not only
    in its relation with the text it copies. A copy of one text (``SAME_TEXT_KINDS``) that
    is named the copy of an article published after it (it credits it, or lacks the name
    it signs with: :func:`_forged`, :func:`_signed`) was published no earlier than that
    article; its relations decided by its date alone are decided again with that date (a
    reprint stamped the evening before the strike it reports was the original of the
    strike's first report, in Ukrainian, and of every translation of it)."""
    floors: dict[str, Article] = {}
    for relation in relations:
        if relation.kind not in SAME_TEXT_KINDS or relation.original is None:
            continue
        copy = articles.get(relation.b if relation.original == relation.a else relation.a)
        original = articles.get(relation.original)
        if copy is None or original is None:
            continue
        if _published_earlier(copy, original) != (copy, original):
            continue
        floor = floors.get(copy.id)
        if floor is None or _published_earlier(floor, original) == (floor, original):
            floors[copy.id] = original
    if not floors:
        return tuple(relations)
    return tuple(_redated(relation, floors, articles) for relation in relations)


_STITCHED = re.compile(r"; (\d+) words of it are in the other word for word")


def _redated(
    relation: Relation, floors: Mapping[str, Article], articles: Mapping[str, Article]
) -> Relation:
    dated = relation.original
    if dated is None or dated not in floors or not relation.reason.startswith(DATE_REASON):
        return relation
    copy, floor = articles[dated], floors[dated]
    other = articles.get(relation.b if relation.original == relation.a else relation.a)
    believed = replace(copy, published=floor.published)
    if other is None or _published_earlier(believed, other) == (believed, other):
        return relation
    a, b = (believed, other) if relation.a == copy.id else (other, believed)
    # Passages shared word for word made the pair a copy (see :func:`_by_date`): so still.
    stitched = _STITCHED.search(relation.reason)
    narrative = int(stitched.group(1)) if stitched else 0
    original, reason = direction(
        a, b, relation.kind, relation.containment_a, relation.containment_b, None, narrative
    )
    note = (
        f"{_who(copy)} is dated {copy.published}, but as a copy of {_who(floor)}'s text it"
        f" cannot predate it ({floor.published}), so it is taken as published then"
    )
    return replace(relation, original=original, reason=f"{reason}; {note}")


def siblings(
    relations: Sequence[Relation], articles: Mapping[str, Article]
) -> tuple[Relation, ...]:
    """``relations`` with no original between two copies of one article: when the relations
    of both with a third article name that one their original, a date between the two says
    only which copy came first. A credit between the two, or one holding the other, still
    decides. ``articles`` (by id) name the third article as readers know it, by its outlet."""
    originals: dict[str, set[str]] = {}
    for relation in relations:
        if relation.original is not None:
            copy = relation.b if relation.original == relation.a else relation.a
            originals.setdefault(copy, set()).add(relation.original)
    return tuple(_sibling(relation, originals, articles) for relation in relations)


def _sibling(
    relation: Relation, originals: dict[str, set[str]], articles: Mapping[str, Article]
) -> Relation:
    if relation.original is None or not relation.reason.startswith(DATE_REASON):
        return relation
    shared = originals.get(relation.a, set()) & originals.get(relation.b, set())
    shared -= {relation.a, relation.b}
    if not shared:
        return relation
    # Name the first of them: the one that copies none of the others.
    firsts = [s for s in shared if not originals.get(s, set()) & shared]
    source = min(firsts or shared)
    who = _who(articles[source]) if source in articles else f"article {source}"
    dates = relation.reason.removeprefix(f"{DATE_REASON}: ")
    return replace(
        relation,
        original=None,
        reason=f"undecided: both copy {who}, so neither is the other's original; their dates"
        f" ({dates}) say only which copy came first",
    )
