"""The tense of the clause around a date expression: which way a weekday or a date
without a year points ("will meet on Saturday" against "met on Saturday").

Cues only, no parser: a future marker (will, would, expected to, due by...) or a past one
(was, had, ago, an -ed verb) in the clause, the clause running between commas, semicolons
and conjunctions.
"""

from __future__ import annotations

import re

# "should have been done": a past counterfactual, not a future.
_PERFECT = r"have (?:been|[a-z]+ed|[a-z]+en)\b"
_HINDSIGHT = rf"(?:should|would|could|might|must) {_PERFECT}"
# What a rescheduling moves a date to: a time ("to December 3", "to next week", "until the
# end of March", "to Thursday").
_TIME_NEXT = (
    r"\s+(?:(?:on|the|a|an|early|late|mid-?)\s+)?(?:\d|next\b|tomorrow\b|later\b"
    r"|(?:end|start|beginning|middle)\s+of\b"
    r"|(?-i:[A-Z][a-z]+day\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b))"
)
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|wo n't|'ll|going to|expected to|(?:is|are|be) (?:not )?expected"
    r"|scheduled|set to|plans? to|due to|hop(?:e|es|ing) to|aims? to|intends? to|slated to"
    r"|expects? to|expecting to|(?:is|are) supposed to|(?:projected|forecast|predicted) to"
    r"|(?:set|slated|planned|scheduled) for"
    # a past decision about a later date: "the hearing was moved to December 3", not a move
    # to a place ("the embassy moved to Lviv in February")
    r"|(?:moved|postponed|delayed|pushed back|put off|rescheduled|brought forward)"
    rf" (?:to|until|till|for)(?={_TIME_NEXT})"
    # ... with its object between: "adjourned the case until March 24", "extended the
    # evacuation order until Thursday" (an extension runs ahead, "until" only: "extended aid
    # to ..." names no date)
    r"|(?:postponed|delayed|adjourned|deferred|suspended|extended|prolonged)"
    r"(?: (?-i:[a-z]+)){0,4} (?:until|till)"
    rf"|due (?:on|by|in|at|for|back)|upcoming|next|(?:would|should)(?! {_PERFECT})"
    # "with a decision expected by Friday" (a deadline, as "due by"); "was expected by" is past
    r"|(?<!was )(?<!were )(?<!been )expected by"
    r"|to be held|is to|are to)\b",
    re.I,
)
# Past tense: an auxiliary or a reporting verb, or (a weaker cue) an -ed word that is not a
# present passive ("are finished"): it is also an adjective ("chartered flights"). "Last"
# only before a time ("last week"): "will last until January 15" is in the future.
_LAST_TIME = (
    r"last(?=\s+(?:week|month|year|night|weekend|summer|winter|spring|autumn|fall|time|season"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july"
    r"|august|september|october|november|december)\b)"
)
# Irregular simple pasts whose participle differs ("rose", not "held": "will be held"), in
# lower case only ("Rose" is a name).
_IRREGULAR = (
    r"(?-i:rose|fell|began|took|came|went|saw|became|broke|flew|ran|wrote|spoke|chose|drove"
    r"|grew|knew|threw|shook|stole|sank|gave|rode|woke|swam|sang|rang|drank|froze|ate|forgot)"
)
_PAST = re.compile(
    rf"\b(?:was|were|had|did|ago|earlier|{_LAST_TIME}|said|told|{_IRREGULAR}|{_HINDSIGHT})\b",
    re.I,
)
# "since the April 20 explosion": what follows "since" closely is past, whatever the verb.
_SINCE = re.compile(r"\bsince\s+(?:\S+\s+){0,2}$", re.I)
# "The toll has risen to 40 since Monday": a present perfect counted from a start. What it
# states holds at publication; the start is only where the count begins.
_SINCE_HEAD = re.compile(r"\bsince\s+(?:(?:the|early|late|mid-?)\s+)?$", re.I)
_SINCE_ITSELF = re.compile(r"since\b", re.I)
_PERFECT_NOW = re.compile(
    r"\b(?:has|have|hasn't|haven't|has not|have not)\s+(?:(?:now|already|also|so far|just"
    r"|steadily|since|been|not)\s+)*(?-i:[a-z]+)\b",
    re.I,
)
# A tally: a figure, or a verb of change in amount. "Has been shut off since last night" is
# a state whose start is the event (the shutdown, last night); "has risen to 40 since
# Monday" is a total as of publication.
_TALLY = re.compile(
    r"\d|\b(?:ris(?:e|en|es)|rose|f[ae]ll(?:en|s)?|climb(?:ed|s)?|jump(?:ed|s)?|doubled|tripled"
    r"|increased|grown|plunged|dropp?ed|soared|gained|lost|totall?ed|mounted|swelled)\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds|thousands"
    r"|millions)\b",
    re.I,
)
_TALLY_WORDS = 6
_POSSESSIVE = re.compile(r"\s?'s\b")
# After an article an -ed word is an adjective: "from February at a recommended price"
# (a QA pass, session 22: it put a launch "will be available from February" a year back).
_PAST_ED = re.compile(
    r"(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bnot )\b[a-z]{3,}ed\b", re.I
)
# "had a plane standing by to fly to Haiti on Saturday", "agreed to meet on Saturday": an
# intention's infinitive after a past cue says what was to happen next. Only after words of
# intent: "tried to delay", "were forced to call it off", "came to visit" are done. The word
# after "to" is lower case and not a determiner, pronoun or number ("ordered to the", "to him").
_INTENT = (
    r"(?:plan(?:s|ned|ning)?|agree[sd]?|decide[sd]?|decision|want(?:s|ed)?|call(?:s|ed)? on"
    r"|order(?:s|ed)?|urge[sd]?|advised|prepar(?:e|es|ed|ing)|promise[sd]?|pledge[sd]?"
    r"|vow(?:s|ed)?|threaten(?:s|ed)?|offer(?:s|ed)?|arrange[sd]?|ready|poised|likely|vote[sd]?"
    r"|standing by|intend(?:s|ed)?|scared|afraid)"
)
_INFINITIVE = re.compile(
    rf"\b{_INTENT}\s+(?:\S+\s+){{0,3}}?to\s+"
    r"(?!(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your|me|him|them|us|it"
    r"|what|which|all|some|any|several|more|most|about|at|be|have|one|two|three|four|five|six"
    r"|seven|eight|nine|ten)\b)(?-i:[a-z]+)\b(?<!ing)",
    re.I,
)
_HAD = re.compile(
    r"\bhad\s+(?:(?:not|been|already|long|originally|previously|also|fully|just|first)\s+)*$",
    re.I,
)
# A date that heads its sentence before a dash, colon or bracket: a wire's dateline
# ("HOUSTON, April 29 (Reuters) --") or a chronology's entry ("April 30 - An aide says ...").
# It is not in the tense of what follows ("expected to hit", "says").
_DATELINE_CITY = re.compile(r"(?:[A-Z][A-Z.' -]+(?:, [A-Za-z. ]+)?\s*,\s*)?")
_HEAD_END = re.compile(r"\s*(?:-LRB-|\(|--|-|\u2013|\u2014|:)")
# A date that names an event ("the April 20 explosion", "his March 31 announcement") is told
# as a fact: a clause that looks ahead ("will study the April 20 blast") does not move it.
_NAMING = re.compile(r"\b(?:the|his|her|its|their|'s)\s+$", re.I)
_NAMED = re.compile(r"\s+(?-i:[a-z]{3,})\b(?<!\bto)(?<!\band)")
_STRONG_BREAK = re.compile(r"[;:]")
# "3 p.m. on Saturday": the stop of "a.m." and "p.m." ends no sentence; "all but certain"
# is one word.
_CLAUSE = re.compile(
    r"[;:]|(?<![ap]\.m)[.!?]\s|,\s"
    r"|\s(?:and|(?<!\ball )but|while|whereas|after|before|when|that)\s"
)


# "would extend the recall to units built in September": a date that a participle of making
# or selling governs dates things already made, whatever the clause's tense (a QA pass,
# session 22: read as ahead, it was the September after publication).
_MADE = re.compile(
    r"(?<!\bbe )(?<!\bbeing )\b(?-i:built|made|sold|bought|manufactured|produced|assembled|shipped"
    r"|delivered|installed|imported)\s+$",
    re.I,
)


def tense(sentence: str, start: int, end: int) -> tuple[bool, bool]:
    """(future, past) of the clause around a mention.

    A future marker and a past auxiliary in one clause: the nearer one governs ("On Monday,
    he said he would..." is past). An -ed word counts only when neither is there. A clause
    with no marker of its own is in the future when the nearest marker to its left, up to a
    ; or :, is a future one: in "he said he would meet Bush and Clinton on Saturday" the
    date's clause starts at "and", and "would" governs it. (Only the future is inherited:
    the -ed cue is too loose to carry across clauses.)"""
    if _SINCE.search(sentence, max(0, start - 40), start):
        return False, True
    if _MADE.search(sentence, max(0, start - 20), start):
        return False, True
    if _DATELINE_CITY.fullmatch(sentence, 0, start) and _HEAD_END.match(sentence, end):
        return False, False
    clause = _clause(sentence, start, end)
    future = _nearest(_FUTURE, sentence, clause, start, end)
    past = _nearest(_PAST, sentence, clause, start, end)
    if future is not None and past is not None:  # "On Monday, he said he would...": nearest
        return future <= past, past < future
    if future is not None or past is not None:
        return future is not None, past is not None
    if _nearest(_PAST_ED, sentence, clause, start, end) is not None:
        return False, True
    left = max((m.end() for m in _STRONG_BREAK.finditer(sentence, 0, start)), default=0)
    last_future = max((m.end() for m in _FUTURE.finditer(sentence, left, start)), default=-1)
    last_past = max(
        (m.end() for cue in (_PAST, _PAST_ED) for m in cue.finditer(sentence, left, start)),
        default=-1,
    )
    return last_future > last_past, False


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around a mention: between separators (, ; : and, but,
    while...); a clause that is little more than the expression itself ("On Monday,")
    borrows the following clause."""
    left = max((m.end() for m in _CLAUSE.finditer(sentence, 0, start)), default=0)
    right_match = _CLAUSE.search(sentence, end)
    right = right_match.start() if right_match else len(sentence)
    if len((sentence[left:start] + sentence[end:right]).split()) < 3 and right_match:
        following = _CLAUSE.search(sentence, right_match.end())
        right = following.start() if following else len(sentence)
    return left, right


def _nearest(
    cue: re.Pattern[str], sentence: str, clause: tuple[int, int], start: int, end: int
) -> int | None:
    """How far ``cue`` (a tense marker) is from the mention at ``start:end`` within
    ``clause``, in characters; None when the clause has none."""
    gaps = [
        start - m.end() if m.end() <= start else max(0, m.start() - end)
        for m in cue.finditer(sentence, *clause)
    ]
    return min(gaps, default=None)


def intended(sentence: str, start: int, end: int) -> bool:
    """Whether an intention's infinitive comes between the last past cue before the mention
    and the mention, in its clause ("said it agreed to meet on Saturday"; the cue may be the
    intention itself). Such a mention points ahead of the past cue."""
    clause = _clause(sentence, start, end)
    cues = [
        m.start() for cue in (_PAST, _PAST_ED) for m in cue.finditer(sentence, clause[0], start)
    ]
    intent = _INFINITIVE.search(sentence, max(cues), start) if cues else None
    # "had planned to fish in May": a plan overtaken, told in the past.
    return intent is not None and not _HAD.search(sentence, clause[0], intent.start())


def counted_since(sentence: str, start: int, end: int) -> bool:
    """Whether the mention at ``start:end`` starts a count that stands at publication ("has
    risen to 40 since Monday", "1,600 have been evacuated since Monday"): "since" opens it, a
    present perfect governs it, and a tally (a figure, or a verb of change in amount) is
    within a few words of that perfect, between the last ; or : and the mention. Without a
    tally the start is the event ("has been shut off since last night"); so it is when the
    start names it ("since Tuesday's earthquake")."""
    opened = _SINCE_ITSELF.match(sentence, start) or _SINCE_HEAD.search(
        sentence, max(0, start - 20), start
    )
    # "since Tuesday's earthquake": the start is told as an event of its own day.
    if opened is None or _POSSESSIVE.match(sentence, end):
        return False
    left = max((m.end() for m in _STRONG_BREAK.finditer(sentence, 0, start)), default=0)
    for perfect in _PERFECT_NOW.finditer(sentence, left, start):
        # the tally is the perfect's subject or object, a few words either side of it
        before = sentence[left : perfect.start()].split()[-_TALLY_WORDS:]
        after = sentence[perfect.end() : start].split()[:_TALLY_WORDS]
        if _TALLY.search(" ".join([*before, perfect.group(), *after])):
            return True
    return False


# A present tense that states a schedule: "the first game is at Kilbride on Saturday", "the
# talks begin on Monday". Only a copula not followed by a participle ("is accused of killing
# her on Sunday" is past) and verbs of a start or an end ("open" and "close" only with an -s:
# they are adjectives too): a headline's present ("Quake kills 12 on Sunday") tells a past
# event. On T17 a cue further back than a few words was often another clause's.
_SCHEDULE = re.compile(
    r"\b(?:(?:is|are)\b(?!\s+(?:not\s+|n't\s+)?(?:[a-z]+ed|[a-z]+en|been|thought|believed|said"
    r"|feared|known|reported)\b)|(?:begins?|starts|opens|reopens?|resumes?|kicks? off"
    r"|takes? place|expires?|ends|closes|takes? effect|(?:goes|go|comes?) into (?:force|effect)"
    r"|kicks? in"
    r"|meets|holds|go(?:es)? to the polls)\b)",
    re.I,
)
_SCHEDULE_WORDS = 8
_ARTICLE = re.compile(r"\b(?:a|an|the|each|every)\s+(?:[a-z]+\s+)?$", re.I)
_TITLE = re.compile(r"\s+[A-Z][a-z]")
_OPENER = re.compile(r"(?<=\S )(?:On|At|By|In|Until)\b")
_NAMED_PART = re.compile(r"(?:\s+(?:night|morning|afternoon|evening))?\s?'s\b", re.I)


def scheduled(sentence: str, start: int, end: int) -> bool:
    """Whether the clause before a mention with no tense cue states a schedule in the present
    ("is at Kilbride on Saturday", "begins on Monday"), a few words before it: such a weekday
    points ahead."""
    if _NAMED_PART.match(sentence, end):  # "Tuesday night's explosion": an event named
        return False
    # "a quiet Saturday morning", "the Friday of each week", "The Sunday Times": no one day
    if _ARTICLE.search(sentence, max(0, start - 12), start) or _TITLE.match(sentence, end):
        return False
    left = _clause(sentence, start, end)[0]
    # "... with their lives On Friday one man ...": a capital opens a sentence the split missed
    left = max([left, *(m.start() for m in _OPENER.finditer(sentence, 0, start))])
    return any(
        len(sentence[cue.end() : start].split()) <= _SCHEDULE_WORDS
        for cue in _SCHEDULE.finditer(sentence, left, start)
    )


# "must respond by Monday", "could reach the coast by Thursday": a deadline that a modal or
# a condition looks ahead to. Without one, "by" is as often when something was done ("By
# Thursday, Facebook and Twitter were silenced"; "stand by Friday in Cairo", on T17).
_BE_BEFORE = re.compile(r"\b(?:be|being)\s+(?:[a-z]+ly\s+)?$", re.I)
_DEADLINE = re.compile(r"\b(?:by|until|till|no later than|in time for)\s+$", re.I)
_LOOKS_AHEAD = re.compile(
    r"\b(?:could|can|may|might|must|should|would|needs? to|ha(?:s|ve) to|hop(?:e|es|ing)"
    r"|wants?|if|unless|possibly|promise[sd]?|pledge[sd]?)\b",
    re.I,
)


def deadline(sentence: str, start: int, end: int) -> bool:
    """Whether the mention at ``start:end`` is a deadline ahead: "by" or "until" opens it,
    and its clause holds a modal or a condition and no past cue."""
    # "killed by Tuesday's earthquake": "by" names who or what did it; "claimants who filed
    # by Tuesday": a past verb before "by" says when it was done ("could be permanently
    # sealed by Sunday", a passive after "be", is ahead)
    opened = _DEADLINE.search(sentence, max(0, start - 16), start)
    if opened is None or _NAMED_PART.match(sentence, end):
        return False
    verbs = _PAST_ED.finditer(sentence, max(0, opened.start() - 20), opened.start())
    if any(
        not sentence[verb.end() : opened.start()].strip()
        and not _BE_BEFORE.search(sentence, max(0, verb.start() - 24), verb.start())
        for verb in verbs
    ):
        return False
    clause = _clause(sentence, start, end)
    return _LOOKS_AHEAD.search(sentence, *clause) is not None and not _PAST.search(
        sentence, *clause
    )


# What a clause waits for: "ahead of Friday's deadline", "bracing for Thursday's decision",
# "analysts expect BP to report on Tuesday" (the cue before the date, with no past cue
# between); "with Sunday's election looming", "Thursday's strike all but certain" (after).
_AWAITING = re.compile(
    r"\b(?:ahead of|in the (?:run|lead)-up to|on the eve of|(?:bracing|gearing up|preparing)"
    r" for|expects?|expecting)\b(?P<gap>(?:\s+\S+){0,10}?\s+)$",
    re.I,
)
_AWAITED_AFTER = re.compile(
    r"(?:\s?'s)?(?:\s+\S+){0,4}?\s+(?:looming|all but certain"
    r"|(?:is|are)\s+(?:now\s+|still\s+|very\s+|highly\s+)?likely)\b",
    re.I,
)


def awaited(sentence: str, start: int, end: int) -> bool:
    """Whether the mention at ``start:end`` is what its clause waits for (see ``_AWAITING``)."""
    before = _AWAITING.search(sentence, max(0, start - 120), start)
    if before is not None and not _PAST.search(sentence, before.start("gap"), start):
        return True
    after = _AWAITED_AFTER.match(sentence, end)
    return after is not None and not _PAST.search(sentence, end, after.end())


def names_an_event(sentence: str, start: int, end: int) -> bool:
    """Whether the mention at ``start:end`` names an event ("the April 20 explosion")."""
    before = _NAMING.search(sentence, max(0, start - 8), start)
    return before is not None and _NAMED.match(sentence, end) is not None


# "have been closed until 6 May", "are suspended until Monday", "remain shut until March":
# a state that holds now and ends ahead. "stayed closed until Monday", "was shut until
# May 6" are over.
_UNTIL = re.compile(r"\b(?:until|till)\s+(?:at\s+least\s+|the\s+end\s+of\s+)?$", re.I)
# "The exhibition runs until September 30": a present of lasting is one too.
_LASTING = re.compile(r"\b(?:has|have|is|are|remains?|stays?|runs?|lasts?|continues?)\b", re.I)
_ENDED = re.compile(r"\b(?:was|were|had|remained|stayed|did|ran|lasted|continued)\b", re.I)
# "The weather service has issued a red warning for the Oss valley until Tuesday": the
# present perfect comes 9 words before (6 read it as the Tuesday before: a QA pass, session
# 25). On T17, 22 of 435 readings of "until" change with 10, ahead, all but a few of them to
# a plan or a lasting state ("are allowing customers to change tickets for free until
# Monday", "a blizzard warning remains in effect ... until 3 p.m.").
_UNTIL_WORDS = 10


def lasts_until(sentence: str, start: int) -> bool:
    """Whether the mention at ``start`` ends a state that holds at publication: "until"
    opens it and a present or present perfect, with no past one, comes a few words before."""
    opened = _UNTIL.search(sentence, max(0, start - 30), start)
    if opened is None:
        return False
    before = " ".join(sentence[: opened.start()].split()[-_UNTIL_WORDS:])
    return _LASTING.search(before) is not None and _ENDED.search(before) is None


# "Correction, 16 November: an earlier version of this article said ...", "Clarification
# (16 November):", "Update on 16 November:": an editor's note that opens a sentence dates
# when the page was corrected, which is never before it was first published. A page updated
# in place keeps its first publication date, so read as the past the note's day went a year
# back (a QA pass as a fact-checker, session 22).
_STAMP = re.compile(
    r"\W*(?:correction|clarification|update[ds]?|editor['\u2019]?s\s+note)"
    r"[\s,:(\u2013\u2014-]*(?:(?:made|posted|added|issued)\s+)?(?:on\s+)?",
    re.I,
)


# "The tour was to begin in Tokyo on April 3", "the vote was due to take place on 12 May":
# a plan told as it stood (the future in the past). Its past tense dates the plan, not the
# day planned, which news mostly names because it is still ahead (the tour called off before
# it began) and sometimes because it went by (the vote held, or not, last spring): the day
# has no tense to go by. "had been due to" is the same plan.
_PLANNED_THEN = re.compile(
    r"\b(?:was|were|had been)\s+(?:(?:originally|initially|first|also|still|once|then|not)\s+)?"
    r"(?:(?:due|set|scheduled|slated|supposed|expected|planned|meant|going)\s+)?"
    r"to\s+(?!(?:the|a|an|his|her|its|their|blame)\b)(?-i:[a-z]+)\b",  # "was to blame": no plan
    re.I,
)


def planned_then(sentence: str, start: int, end: int) -> bool:
    """Whether the mention at ``start:end`` is the day of a plan told in the past ("was to
    begin ... on April 3"): the plan's words come before it in its clause, and no past cue
    after them ("was to begin on Monday and began on April 3" is told as done)."""
    clause = _clause(sentence, start, end)
    plans = list(_PLANNED_THEN.finditer(sentence, clause[0], start))
    if not plans:
        return False
    after = plans[-1].end()
    return not any(cue.search(sentence, after, start) for cue in (_PAST, _PAST_ED))


def stamped(sentence: str, start: int) -> bool:
    """Whether the mention at ``start`` is the date of an editor's note that opens the
    sentence ("Correction, 16 November: ...")."""
    opened = _STAMP.match(sentence)
    return opened is not None and opened.end() == start
