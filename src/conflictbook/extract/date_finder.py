"""Find date expressions in a sentence and parse them into ``DateExpr`` values (no resolution).

One compiled alternation of atom patterns (ISO and numeric dates, day-month, month-day,
months, years after a cue, parts of periods, seasons, relative days, weekdays, "N units
ago", windows like "the previous ten days", calendar periods like "last week", clock times
and parts of day) is scanned left to right; a second pass joins neighbouring atoms into
one expression: a time with its day ("12 o'clock on July 31st", "the afternoon of August
1st"), spans ("from 3 to 7 May", "between June and August"), "since X" and "until X".
Every word list comes from ``lexicon/dates.yml``; the regexes are built once, at import.
Four-digit numbers are read as years only after a cue word ("in 2011", "since 2011") or
inside a date, so counts ("2000 troops", "1,000 houses") are never dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from conflictbook.lexicon import alternation, load

LEX = load("dates")
MONTHS: dict[str, int] = {**LEX["months"], **LEX["month_abbreviations"]}
WEEKDAYS: dict[str, int] = {**LEX["weekdays"], **LEX["weekday_abbreviations"]}
ORDINALS: dict[str, int] = LEX["ordinals"]
NUMBER_WORDS: dict[str, int] = LEX["number_words"]
UNITS: dict[str, str] = LEX["units"]
DAY_PARTS: dict[str, str] = LEX["day_parts"]
PERIOD_PARTS: dict = LEX["period_parts"]
RELATIVE_WORDS: dict[str, int] = LEX["relative_words"]
RELATIVE_DAYS: dict[str, list] = LEX["relative_days"]
NIGHT_SPANS = frozenset(" ".join(w.lower().split()) for w in LEX["night_spans"])
SEASONS: dict[str, list[int]] = LEX["seasons"]


@dataclass(frozen=True)
class DateExpr:
    """What a date expression says, before it is resolved against an anchor day.

    kind: date, month, year, decade, part, season, relday, weekday, ago, window, period,
    span, since, until, story (days from the story's latest day), storyp (a year, month or
    season from the story's latest dated period), time (a time of day without a day: it
    takes the day the story is on). Fields not used by a kind stay None.
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    rel: int | None = None          # -1 last/past, 0 this, 1 next; months: year offset
    rel_word: str = ""              # the relative word as written (last, past, this...)
    n: int | None = None            # count of units (ago, window)
    unit: str = ""                  # day, week, weekend, month, year, hour
    part: str = ""                  # early, mid, late, ..., earlier, later; seasons: name
    daypart: str = ""               # dawn, morning, ..., or "clock"
    hour: int | None = None
    base: DateExpr | None = None    # part/since/until: the period it refines; span: first
    other: DateExpr | None = None   # span: second end
    event: str = ""                 # story: words naming the event counted from ("before the exchange")


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text: offsets relative to the text searched."""

    start: int
    end: int
    text: str
    expr: DateExpr


def _ci(words) -> str:
    return f"(?i:{alternation(words, lower=False)})"


MON = (f"(?:{alternation(LEX['months'], lower=False)}"
       f"|(?:{alternation(LEX['month_abbreviations'], lower=False)})\\.?)(?![A-Za-z])")
MON_FULL = f"(?:{alternation(LEX['months'], lower=False)})(?![A-Za-z])"
WD = f"(?:{alternation(LEX['weekdays'], lower=False)})(?![A-Za-z])"
DAYNUM = r"(?<![\w.,/:$£€-])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[.,:]\d)"
DAYNUM2 = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[.,:]\d)"
DAY = f"(?:{DAYNUM}|{_ci(ORDINALS)})"
DAY2 = f"(?:{DAYNUM2}|{_ci(ORDINALS)})"
YEAR = r"(?<![\w.,/$£€])(?:1[89]\d\d|20\d\d)(?![\w%]|[.,:/-]\d)"
YEAR_A = r"(?<![\w.,/$£€])(?:1[89]\d\d|20\d\d)"
NUM = rf"(?:\d{{1,3}}(?![\d,])|{_ci(NUMBER_WORDS)})"
UNIT = r"(?i:days?|weeks?|fortnights?|months?|years?|hours)"
AGO_UNIT = r"(?i:days?|weeks?|fortnights?|months?|years?|decades?|hours)"
STORY_UNIT = r"(?i:days?|weeks?|months?|years?|decades?)"
STORY_SEASON = _ci([*SEASONS, "year"])
REL = _ci(RELATIVE_WORDS)
DPART = _ci(LEX["day_part_suffixes"])
YEAR_CUE = _ci(LEX["year_cues"])
TIME_PRE = _ci(LEX["time_prefixes"])
TIME_WORD = _ci([w for w in DAY_PARTS if w not in LEX["day_part_suffixes"]])
SEASON = _ci(SEASONS)
NOT_WEEK_OF = r"(?!(?i:(?:in|over|within|during|for)\s+)?(?i:the\s+\w+\s+week\s+of)\b)"  # "the last week of May"
ZONE = r"(?:GMT|UTC|(?i:local\s+time))(?!\w)"
SPAN_LINK = r"(?:-|–|—|(?i:to|and|until|till|through))"
# Words the atoms spell out themselves (not in the lexicon); ATOM_KEYS reads them too.
HOLIDAYS = {" ".join(str(name).lower().split()): tuple(day) for name, day in LEX["fixed_holidays"].items()}
# A holiday is a date only after a preposition ("since Christmas", "on New Year's Day"), never as a
# modifier ("a Christmas market").
HOLIDAY_AFTER = "|".join(rf"(?<=(?i:{p})\s)" for p in ("on", "since", "over", "before", "after", "until", "by",
                                                        "during", "around", "from", "at", "till", "and", "to"))
PART_THIRDS = ("early", "mid", "late")
PART_EDGES = ("beginning", "start", "end", "middle")
PART_SHARES = ("first", "second", "third", "fourth", "last")
EARLIER_LATER = ("earlier", "later")
WEEKEND, THIS, AGO = "weekend", "this", "ago"
TIME_OF_PARTS = ("early hours", "small hours", "wee hours", "morning", "afternoon", "evening", "night")


def _any(words) -> str:
    """Case-insensitive alternation of WORDS in the order given."""
    body = "|".join(word.replace(" ", r"\s+") for word in words)
    return f"(?i:{body})"


ATOMS = [
    ("iso", r"(?<![\d-])(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})(?![\d-])"),
    ("num", r"(?<![\d/.])(?P<num_a>\d{1,2})/(?P<num_b>\d{1,2})/(?P<num_y>\d{4})(?![\d/])"),
    ("dr", rf"(?:(?i:from|between)\s+(?:the\s+)?)?(?P<dr_d1>{DAY})\s*{SPAN_LINK}\s*(?:the\s+)?(?P<dr_d2>{DAY2})"
           rf"(?:\s+of)?\s+(?P<dr_m>{MON})"
           rf"(?:,?\s+(?P<dr_y>{YEAR}))?"),
    ("mr", rf"(?:(?i:from|between)\s+)?(?P<mr_m>{MON})\s+(?P<mr_d1>{DAYNUM})\s*{SPAN_LINK}\s*(?P<mr_d2>{DAYNUM2})"
           rf"(?:,?\s+(?P<mr_y>{YEAR}))?"),
    ("dm", rf"(?:(?P<dm_w>{WD}),?\s+(?:the\s+)?)?(?:the\s+)?(?P<dm_d>{DAY})(?:\s+of)?\s+(?P<dm_m>{MON})"
           rf"(?:,?\s+(?P<dm_y>{YEAR}))?"),
    ("md", rf"(?:(?P<md_w>{WD}),?\s+)?(?P<md_m>{MON})\s+(?:the\s+)?(?P<md_d>{DAY})(?:,?\s+(?P<md_y>{YEAR}))?"),
    ("yr", rf"(?:(?i:between|from)\s+)?(?P<yr_a>{YEAR_A})\s*{SPAN_LINK}\s*(?P<yr_b>{YEAR}|(?<=[-–])\d\d(?![\w]))"),
    ("pt", rf"(?:(?:the\s+)?(?P<pt_p1>{_any(PART_THIRDS)})(?:-|\s+(?:in\s+)?)|(?i:the\s+)?"
           rf"(?P<pt_p2>{_any(PART_EDGES)})\s+(?i:of)\s+|(?i:the\s+)?(?P<pt_k>{_any(PART_SHARES)})"
           rf"\s+(?P<pt_n>(?i:half|quarter|week))\s+(?i:of)\s+)"
           rf"(?:(?P<pt_m>{MON_FULL})(?:,?\s+(?P<pt_my>{YEAR}))?|(?P<pt_y>{YEAR})"
           rf"|(?P<pt_r>(?i:this|last|next|the\s+past))\s+(?P<pt_u>(?i:year|month|week))"
           rf"|(?i:the\s+)(?P<pt_the>(?i:year|month|week))|(?i:that\s+)(?P<pt_that>(?i:year)))(?!\w)"),
    ("we", rf"(?:(?i:over|at|during|on)\s+)?(?i:the)\s+{_any([WEEKEND])}(?!\w)"),
    ("el", rf"(?P<el_p>{_any(EARLIER_LATER)})\s+(?i:this|in\s+the)\s+(?P<el_u>(?i:year|month|week))(?!\w)"),
    ("se", rf"(?:(?i:the\s+)?(?P<se_s>{SEASON})\s+(?:(?i:of)\s+)?(?P<se_y>{YEAR})"
           rf"|(?P<se_r>(?i:this|last|next|past))\s+(?P<se_s2>{SEASON}))(?!\w)"),
    ("mo", rf"(?:(?P<mo_r>(?i:last|this|next|past))\s+)?(?P<mo_m>{MON_FULL})"
           rf"(?:,?\s+(?:(?i:of)\s+)?(?P<mo_y>{YEAR})|\s+(?P<mo_ry>(?i:last|this|next))\s+(?i:year))?"),
    ("moa", rf"(?P<moa_m>{MON})\s+(?P<moa_y>{YEAR})"),
    ("dc", r"(?:(?i:the)\s+)?(?P<dc_y>1[89]\d0|20\d0)['’]?s(?!\w)"),
    ("yc", rf"(?<![\w-])(?P<yc_c>{YEAR_CUE})\s+(?P<yc_y>{YEAR})(?!['’]s)"),
    ("rd", rf"(?<![\w-])(?P<rd_w>{_ci(RELATIVE_DAYS)})(?:\s+(?P<rd_p>{DPART}))?(?!\w)"),
    ("sd", rf"(?<![\w-])(?P<sd_w>{_ci(LEX['story_days'])})(?!\w)(?!\s+(?i:yesterday|tomorrow|of)\b)"),
    ("sp", rf"(?<![\w-])(?:(?i:in|during|over)\s+)?(?i:the)\s+(?P<sp_r>{_ci(LEX['story_periods'])})\s+"
           rf"(?P<sp_u>(?i:week|month))(?!\w)"),
    ("sn", rf"(?<![\w-])(?P<sn_n>{NUM})\s+(?P<sn_u>{STORY_UNIT})\s+"
           rf"(?P<sn_d>{_ci(LEX['story_day_shifts'])})(?!\w)"),
    ("sh", rf"(?<![\w-])(?:(?P<sh_n>{NUM})\s+)?(?i:hours)\s+(?P<sh_d>(?i:later|earlier))(?!\w)"),
    ("sy", rf"(?<![\w-])(?:(?P<sy_l>(?i:later|earlier))\s+)?(?:(?i:in\s+)?(?P<sy_t>(?i:that|the\s+same))"
           rf"|(?i:the)\s+(?P<sy_r>{_ci(LEX['story_year_words'])}))\s+(?P<sy_u>{STORY_SEASON})(?![\w'’-])"),
    ("tp", rf"(?<![\w-]){_any([THIS])}\s+(?P<tp_p>(?i:morning|afternoon|evening))(?!\w)"),
    ("wd", rf"(?:(?P<wd_e>(?i:early|late))\s+(?:(?i:on)\s+)?)?(?:(?P<wd_r>(?i:this\s+past|this\s+coming|last|this|next"
           rf"|past|coming))\s+)?(?P<wd_w>{WD})(?:\s*\((?P<wd_dn>{DAYNUM2})\))?(?:\s+(?P<wd_p>{DPART})(?!['’]))?"),
    ("ago", rf"(?<![\w-])(?P<ago_n>{NUM})\s+(?P<ago_u>{AGO_UNIT})\s+{_any([AGO])}(?!\w)"),
    ("wi", rf"(?<![\w-]){NOT_WEEK_OF}(?P<wi_the>(?i:the|in\s+the|over\s+the|within\s+the|during\s+the|for\s+the)\s+)?"
           rf"(?P<wi_r>{REL})\s+(?:(?P<wi_n>{NUM})\s+)?(?P<wi_u>{UNIT}|(?i:weekend))(?!\w)"),
    ("tof", rf"(?<![\w-])(?:(?i:on|in|during)\s+)?(?i:the)\s+(?P<tof_p>{_any(TIME_OF_PARTS)})"
            r"\s+(?i:of)(?=\s)"),
    ("tm", rf"(?<![\w-])(?:{TIME_PRE}\s+)?(?:(?i:about|around|approximately|roughly|some)\s+)?"
           rf"(?:(?P<tm_h>\d{{1,2}})(?:[:.](?P<tm_min>\d{{2}}))?\s*(?P<tm_s>(?i:a\.m\.|p\.m\.|am|pm|o['’]clock|hrs)(?!\w)"
           rf"|{ZONE})|(?P<tm_eu>[01]?\d|2[0-3])h[0-5]\d(?!\w)|(?P<tm_hm>\d{{1,2}}:\d{{2}})(?![\d:])|(?P<tm_mil>[01]\d|2[0-3])[0-5]\d\s*(?:(?i:hrs|hours)|{ZONE}))"),
    ("tw", rf"(?<![\w-])(?P<tw_pre>{TIME_PRE})\s+(?P<tw_w>{TIME_WORD})(?!\w)"),
    ("tin", rf"(?<![\w-])(?i:in|during)\s+(?i:the)\s+(?:(?i:early|late)\s+)?(?P<tin_p>{_any(TIME_OF_PARTS)})"
            r"(?!\w)(?!\s+(?i:of)\b)"),
    ("hol", rf"(?:{HOLIDAY_AFTER})(?P<hol_h>{_ci(HOLIDAYS)})(?:,?\s+(?P<hol_y>{YEAR}))?(?![\w-])"),
]
# The words or phrases one of which every match of an atom holds, each word a whole run of
# letters (patterns end their words at a non-letter); ``date_gate`` tries an atom only in a
# sentence that holds one of its keys. Atoms that need a digit: NEEDS_DIGIT (a word opening
# with four digits, a year) and "tm" (a clock time). A time of day alone (TIME_ONLY) gives no
# row, only joined to a day that has its own keys.
ATOM_KEYS: dict[str, tuple[str, ...]] = {
    "dr": (*MONTHS,), "mr": (*MONTHS,), "dm": (*MONTHS,), "md": (*MONTHS,), "mo": (*LEX["months"],),
    "pt": PART_THIRDS + PART_EDGES + PART_SHARES, "we": (WEEKEND,), "el": EARLIER_LATER, "se": (*SEASONS,),
    "rd": (*RELATIVE_DAYS,), "sd": (*LEX["story_days"],), "sp": (*LEX["story_periods"],),
    "sn": (*LEX["story_day_shifts"],),
    "sh": ("hours later", "hours earlier"),
    "sy": tuple(f"{w} {u}" for w in ("that", "same", *LEX["story_year_words"]) for u in ("year", *SEASONS)),
    "tp": (THIS,), "wd": (*LEX["weekdays"],), "ago": (AGO,),
    "wi": (*RELATIVE_WORDS,), "tof": TIME_OF_PARTS, "tw": (*DAY_PARTS,),
    "tin": tuple(f"the {part}" for part in TIME_OF_PARTS),
    "hol": tuple(h.split()[0] for h in HOLIDAYS),
}
NEEDS_DIGIT = frozenset({"iso", "num", "yr", "moa", "dc", "yc"})
TIME_ONLY = frozenset({"tof", "tm", "tw", "tin"})
if set(ATOM_KEYS) | NEEDS_DIGIT | {"tm"} != {name for name, _ in ATOMS}:
    raise RuntimeError("date_finder: every atom needs its keys (ATOM_KEYS) or a digit (NEEDS_DIGIT, tm)")
ATOM_RE = re.compile("|".join(f"(?P<{name}>(?<!\\w){body})" for name, body in ATOMS))
WORD_RE = re.compile(r"(?<![\w'’])\w+")
# Words that can open an atom: every word the patterns and the date lexicon spell out.
FIRST_WORDS = frozenset(re.findall(r"[a-z]+", (" ".join(body for _, body in ATOMS) + " " + str(LEX)).lower()))
# Every atom holds a core word (a digit, month, weekday, unit, part of day, season...) within
# CORE_REACH characters of its start: words far from any core word are not tried.
CORE_WORDS = frozenset(phrase.split()[-1].lower() for phrase in [*MONTHS, *LEX["weekdays"], *RELATIVE_DAYS,
                                                                 *DAY_PARTS, *UNITS, *SEASONS, "weekend", "hours",
                                                                 *HOLIDAYS])
CORE_REACH = 60
LOOK_BACK = 24  # characters before an atom searched for since/until/from/in/on
BARE_MONTH_VERBS = set(LEX["bare_month_verbs"])
MONTH_GOVERNOR_RE = re.compile(rf"(?<![\w-]){_ci(LEX['month_governors'])}\s+$")
LEAD_RE = re.compile(rf"(?<![\w-])(?:{_ci(LEX['lead_prepositions'])})\s+$")
SINCE_RE = re.compile(rf"(?<![\w-])(?:(?i:ever)\s+)?{_ci(LEX['since_words'])}\s+$")
UNTIL_RE = re.compile(rf"(?<![\w-]){_ci(LEX['until_words'])}\s+$")
SPAN_START_RE = re.compile(r"(?<![\w-])(?i:from|between)\s+$")
SPAN_GAP_RE = re.compile(rf"^\s*{SPAN_LINK}\s*$")
TIME_DAY_GAP_RE = re.compile(r"^\s*,?\s*(?:(?i:on|of)\s+)?$")
DAY_TIME_GAP_RE = re.compile(r"^\s*,?\s*$")
DAYLIKE = {"date", "relday", "weekday"}
TIME_DAYS = DAYLIKE | {"story"}  # days a time of day joins ("at dawn, the following morning")
NEXT_WORD_RE = re.compile(r"\s+\w")
CAPITAL_NEXT_RE = re.compile(r" ([A-Z][a-z]+)")
NOT_SPAN_ENDS = {"time", "since", "until", "span"}
TIME_BOUNDS = ("from", "until", "till", "by", "between")
PAST_AUX_RE = re.compile(r"(?<![\w-])(?i:had|was|were)(?![\w-])")
HABITUAL_RE = re.compile(rf"(?<![\w-]){_ci(LEX['habitual_words'])}(?![\w-])")
EVENT_NP_RE = re.compile(r"\s+(?i:the|this|that)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)")
TIME_SPAN_NEXT_RE = re.compile(rf"\s*{SPAN_LINK}\s*\d")
TIME_SPAN_PREV_RE = re.compile(rf"[\d.]\s*{SPAN_LINK}\s*$")
NARRATIVE_WORDS = set(LEX["narrative_words"])
NIGHT_WORDS = set(LEX["night_words"])


def _int(text: str) -> int:
    """A day or count written as digits, an ordinal word or a number word."""
    low = " ".join(text.lower().split())
    if low in ORDINALS:
        return ORDINALS[low]
    if low in NUMBER_WORDS:
        return NUMBER_WORDS[low]
    return int(re.sub(r"\D", "", text))


def _month(text: str) -> int:
    return MONTHS[text.rstrip(".")]


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _rel(text: str | None) -> int | None:
    return RELATIVE_WORDS[text.split()[-1].lower()] if text else None


def _parse_atom(m: re.Match) -> DateExpr | None:
    """The DateExpr of one atom match (None for a match that is not a date after all)."""
    kind, g = m.lastgroup, m.group
    if kind == "iso":
        return DateExpr("date", int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
    if kind == "num":
        a, b = int(g("num_a")), int(g("num_b"))
        day, month = (a, b) if LEX["numeric_order"] == "dmy" else (b, a)
        if month > 12 and day <= 12:
            day, month = month, day
        return DateExpr("date", int(g("num_y")), month, day)
    if kind in ("dr", "mr"):
        month, year = _month(g(f"{kind}_m")), _year(g(f"{kind}_y"))
        first, last = _int(g(f"{kind}_d1")), _int(g(f"{kind}_d2"))
        if last <= first:
            return None
        return DateExpr("span", base=DateExpr("date", year, month, first), other=DateExpr("date", year, month, last))
    if kind == "hol":
        month, day = HOLIDAYS[" ".join(g("hol_h").lower().split())]
        return DateExpr("date", _year(g("hol_y")), month, day)
    if kind in ("dm", "md"):
        wd = g(f"{kind}_w")
        return DateExpr("date", _year(g(f"{kind}_y")), _month(g(f"{kind}_m")), _int(g(f"{kind}_d")),
                        weekday=WEEKDAYS[wd] if wd else None)
    if kind == "yr":
        first, last = int(g("yr_a")), g("yr_b")
        last = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if not first < last <= first + 50:
            return None
        return DateExpr("span", base=DateExpr("year", first), other=DateExpr("year", last))
    if kind == "we":
        return DateExpr("period", unit="weekend", rel_word="the")
    if kind == "pt":
        part = (g("pt_p1") or g("pt_p2") or "").lower()
        if g("pt_k"):  # "the first half of", "the last quarter of": k/n
            unit = g("pt_n").lower()
            n = {"half": 2, "quarter": 4, "week": 5}[unit]
            k = n if g("pt_k").lower() == "last" else ORDINALS[g("pt_k").lower()]
            if k > n:
                return None
            part = f"{k}/w" if unit == "week" else f"{k}/{n}"
        if g("pt_m"):
            base = DateExpr("month", _year(g("pt_my")), _month(g("pt_m")))
        elif g("pt_y"):
            base = DateExpr("year", int(g("pt_y")))
        elif g("pt_that"):  # "the end of that year": a part of the story's year
            base = DateExpr("storyp", unit="year", rel=0)
        else:
            unit = (g("pt_u") or g("pt_the")).lower()
            rel = _rel(g("pt_r")) if g("pt_r") else 0
            base = DateExpr("period", unit=unit, rel=rel)
        return DateExpr("part", part=part, base=base)
    if kind == "el":
        return DateExpr("part", part=g("el_p").lower(), base=DateExpr("period", unit=g("el_u").lower(), rel=0))
    if kind == "se":
        if g("se_y"):
            return DateExpr("season", year=int(g("se_y")), part=g("se_s").lower())
        return DateExpr("season", rel=_rel(g("se_r")), rel_word=g("se_r").lower(), part=g("se_s2").lower())
    if kind == "mo":
        month = _month(g("mo_m"))
        if g("mo_y"):
            return DateExpr("month", int(g("mo_y")), month)
        if g("mo_ry"):
            return DateExpr("month", month=month, rel=_rel(g("mo_ry")), rel_word="year")
        if g("mo_r"):
            return DateExpr("month", month=month, rel=_rel(g("mo_r")), rel_word=g("mo_r").lower())
        return DateExpr("month", month=month)
    if kind == "moa":
        return DateExpr("month", int(g("moa_y")), _month(g("moa_m")))
    if kind == "dc":
        return DateExpr("decade", int(g("dc_y")))
    if kind == "yc":
        year = DateExpr("year", int(g("yc_y")))
        cue = g("yc_c").lower()
        return DateExpr("since", base=year) if cue == "since" else (
            DateExpr("until", base=year) if cue in ("until", "till") else year)
    if kind == "rd":
        word = " ".join(g("rd_w").lower().split())
        offset, part = RELATIVE_DAYS[word]
        spans = word in NIGHT_SPANS and not g("rd_p")
        return DateExpr("relday", rel=offset, daypart=(g("rd_p") or part or "").lower(), unit="night" if spans else "")
    if kind == "sp":
        return DateExpr("story", rel=LEX["story_periods"][g("sp_r").lower()], unit=g("sp_u").lower())
    if kind == "sd":
        phrase = " ".join(g("sd_w").lower().split())
        offset, part = LEX["story_days"][phrase]
        if phrase.endswith(("before", "after")) and NEXT_WORD_RE.match(m.string, m.end()):
            # "the day before the election": counted from an event, dated only when the article dated it
            event = _event_words(m.string, m.end())
            return DateExpr("story", rel=offset, rel_word="event", event=event) if event else None
        return DateExpr("story", rel=offset, daypart=part or "")
    if kind == "sn":
        unit, shift = g("sn_u").lower().rstrip("s"), g("sn_d").lower()
        n = _int(g("sn_n")) * LEX["story_day_shifts"][shift]
        if unit in ("month", "year", "decade"):  # "two years later": the calendar year two on from the story's
            if shift in LEX["same_sentence_shifts"]:
                return None  # "two years after the war": counted from an event, not a date
            years = 10 if unit == "decade" else 1
            return DateExpr("storyp", unit="month" if unit == "month" else "year", rel=n * years)
        days = 7 if unit == "week" else 1  # "a week later" is seven days on
        if shift not in LEX["same_sentence_shifts"]:
            return DateExpr("story", rel=days * n)
        return DateExpr("story", rel=days * n, rel_word="same-sentence", event=_event_words(m.string, m.end()))
    if kind == "sh":  # "hours later": the story's day, or whole days on ("48 hours later")
        hours = _int(g("sh_n")) if g("sh_n") else 0
        return DateExpr("story", rel=hours // 24 * LEX["story_day_shifts"][g("sh_d").lower()])
    if kind == "sy":  # "the following spring", "later that year": the story's year or season
        unit = g("sy_u").lower()
        rel = LEX["story_year_words"][" ".join(g("sy_r").lower().split())] if g("sy_r") else 0
        return DateExpr("storyp", unit="year" if unit == "year" else "season", rel=rel,
                        part="" if unit == "year" else unit, rel_word=(g("sy_l") or "").lower())
    if kind == "tp":
        return DateExpr("relday", rel=0, daypart=g("tp_p").lower())
    if kind == "wd":
        rel_word = " ".join((g("wd_r") or "").lower().split())
        rel = None if not rel_word else (1 if rel_word.endswith("coming") or rel_word == "next"
                                         else 0 if rel_word == "this" else -1)
        daypart = (g("wd_p") or g("wd_e") or "").lower()
        day = int(g("wd_dn").rstrip("stndrh")) if g("wd_dn") else None  # "this Thursday (22)": its day of month
        return DateExpr("weekday", weekday=WEEKDAYS[g("wd_w")], rel=rel, rel_word=rel_word, daypart=daypart, day=day)
    if kind == "ago":
        if g("ago_u").lower() == "hours":        # "36 hours ago": hours, never days
            return DateExpr("ago", n=_int(g("ago_n")), unit="hour")
        n, unit = _count_unit(_int(g("ago_n")), g("ago_u"))
        return DateExpr("ago", n=n, unit=unit)
    if kind == "wi":
        return _window(g("wi_the"), g("wi_r"), g("wi_n"), g("wi_u"))
    if kind == "tof":
        return DateExpr("time", daypart=g("tof_p").split()[-1].lower().replace("hours", "night"))
    if kind == "tm":
        hour = int(g("tm_h") or g("tm_mil") or g("tm_eu") or g("tm_hm").split(":")[0])
        suffix = (g("tm_s") or "").lower()
        if suffix.startswith("p") and hour < 12:
            hour += 12
        return DateExpr("time", daypart="clock", hour=hour) if hour <= 24 else None
    if kind == "tw":
        return DateExpr("time", daypart=DAY_PARTS.get(g("tw_w").lower(), "clock"))
    if kind == "tin":  # "in the afternoon": a part of the day the story is on
        return DateExpr("time", daypart=g("tin_p").split()[-1].lower().replace("hours", "night"))
    return None


def _event_words(text: str, end: int) -> str:
    """The lower-case words of the noun phrase after "before"/"after" ("before the prisoner exchange")."""
    m = EVENT_NP_RE.match(text, end)
    return " ".join(m.group(1).split()) if m else ""


def _count_unit(n: int, unit_text: str) -> tuple[int, str]:
    """N and the unit it counts; a fortnight is two weeks."""
    unit = UNITS.get(unit_text.lower(), "day")
    if unit == "decade":
        return 10 * n, "year"
    return (2 * n, "week") if unit == "fortnight" else (n, unit)


def _window(the: str | None, rel_word: str, count: str | None, unit: str) -> DateExpr | None:
    """'last week' is a calendar period; 'the past week', 'the previous ten days' a window to the anchor."""
    rel_word = rel_word.lower()
    unit = unit.lower()
    rel = RELATIVE_WORDS[rel_word]
    if unit == "weekend":
        return DateExpr("period", unit="weekend", rel=rel, rel_word=rel_word)
    base_unit = "hour" if unit == "hours" else UNITS.get(unit, "")
    if count is None and rel_word in NARRATIVE_WORDS and (the or rel_word in ("following", "preceding")):
        return None  # "the next day", "the following week": relative to the story, not to the anchor
    if count is None and not the and rel_word in ("last", "this", "next") and not unit.endswith("s"):
        return DateExpr("period", unit=base_unit, rel=rel, rel_word=rel_word)
    if count is None and unit.endswith("s"):
        return None  # "the past days": no bound
    if rel == 0:
        return DateExpr("period", unit=base_unit, rel=0, rel_word=rel_word)
    n, base_unit = _count_unit(_int(count) if count else 1, unit) if base_unit != "hour" else (_int(count), "hour")
    return DateExpr("window", n=n, unit=base_unit, rel=rel, rel_word=rel_word)


@cache
def _matchers(atoms: frozenset[str] | None) -> tuple[re.Pattern, ...]:
    """ATOM_RE, or for a sentence that can only hold ATOMS, their own patterns in ATOM_RE's order
    (the first that matches at a position is the branch ATOM_RE would take there)."""
    if atoms is None:
        return (ATOM_RE,)
    return tuple(_atom_pattern(name) for name, _ in ATOMS if name in atoms)


@cache
def _atom_pattern(name: str) -> re.Pattern:
    return re.compile(f"(?P<{name}>(?<!\\w){dict(ATOMS)[name]})")


def _atoms(text: str, atoms: frozenset[str] | None = None) -> list[DateMention]:
    """Atom matches, tried only at the start of words that can open one (much faster than a full scan);
    ATOMS, when given, are the only atoms that can match in TEXT (``date_gate.date_atoms``)."""
    matchers = _matchers(atoms)
    words = [(w.start(), w.group(0)) for w in WORD_RE.finditer(text)]
    cores = [start for start, word in words if word[0].isdigit() or word.lower() in CORE_WORDS]
    out: list[DateMention] = []
    if not cores:
        return out
    resume, j = 0, 0
    for start, word in words:
        while j < len(cores) and cores[j] < start:
            j += 1
        if j == len(cores):
            break
        if start < resume or cores[j] - start > CORE_REACH or (
                word.lower() not in FIRST_WORDS and not word[0].isdigit()):
            continue
        for matcher in matchers:
            m = matcher.match(text, start)
            if m is not None:
                break
        else:
            continue
        resume = m.end()
        expr = _parse_atom(m)
        if expr is None:
            continue
        if m.lastgroup == "mo" and expr.rel is None and expr.year is None and m.group("mo_m") in BARE_MONTH_VERBS \
                and not MONTH_GOVERNOR_RE.search(text, max(0, m.start() - LOOK_BACK), m.start()):
            continue  # "May" alone is a verb unless a preposition governs it
        if expr.kind == "weekday" and _names_something(text, m, expr):
            continue
        out.append(DateMention(m.start(), m.end(), m.group(0), expr))
    return out


def _names_something(text: str, m: re.Match, expr: DateExpr) -> bool:
    """A bare weekday that starts a name ("the Tuesday Group"): followed by a capitalised word."""
    if expr.rel is not None or expr.daypart or LEAD_RE.search(text[:m.start()]):
        return False
    after = CAPITAL_NEXT_RE.match(text, m.end())
    return bool(after and after.group(1) not in MONTHS)


def _merge(a: DateMention, b: DateMention, text: str, expr: DateExpr, start: int | None = None) -> DateMention:
    s = a.start if start is None else start
    return DateMention(s, b.end, text[s:b.end], expr)


def _with_time(day: DateExpr, time: DateExpr) -> DateExpr:
    return replace(day, daypart=time.daypart, hour=time.hour)


def find_dates(text: str, atoms: frozenset[str] | None = None) -> list[DateMention]:
    """All date expressions in TEXT (one sentence), joined into events' spans, in text order.

    ATOMS, when given, names the only atoms that can match in TEXT (``date_gate.date_atoms``)."""
    atoms = _atoms(text, atoms)
    out: list[DateMention] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        gap = text[a.end:b.start] if b else ""
        if b and a.expr.kind == "relday" and a.text.lower() in NIGHT_WORDS and b.expr.kind in DAYLIKE \
                and TIME_DAY_GAP_RE.match(gap):  # "overnight on 30 May"
            out.append(_merge(a, b, text, replace(b.expr, daypart="night")))
            i += 2
            continue
        if b and a.expr.kind == "time" and b.expr.kind in TIME_DAYS and (
                TIME_DAY_GAP_RE.match(gap) or (a.expr.daypart != "clock" and not gap.strip())):
            out.append(_merge(a, b, text, _with_time(b.expr, a.expr)))
            i += 2
            continue
        if b and a.expr.kind in TIME_DAYS and b.expr.kind == "time" and DAY_TIME_GAP_RE.match(gap) \
                and not text[b.start:b.end].lower().startswith(("until", "till", "from", "by")):
            out.append(_merge(a, b, text, _with_time(a.expr, b.expr)))
            i += 2
            continue
        if b and a.expr.kind not in NOT_SPAN_ENDS and b.expr.kind not in NOT_SPAN_ENDS and SPAN_GAP_RE.match(gap) \
                and (SPAN_START_RE.search(text, max(0, a.start - LOOK_BACK), a.start)
                     or gap.strip().lower() != "and"):
            first, last = _inherit(a.expr, b.expr)
            lead = SPAN_START_RE.search(text, max(0, a.start - LOOK_BACK), a.start)
            out.append(_merge(a, b, text, DateExpr("span", base=first, other=last),
                              start=lead.start() if lead else a.start))
            i += 2
            continue
        out.append(a)
        i += 1
    return [m if m.expr.kind == "time" else _framed(text, m) for m in out
            if m.expr.kind != "time" or _event_time(text, m)]


def _event_time(text: str, m: DateMention) -> bool:
    """A time of day standing alone that can time an event ("at about 4 a.m.", "shortly before midnight");
    not a bound of a period ("from 6 p.m.", "until dawn", "by 5 p.m.", "6 p.m. to 6 a.m.") and not a
    dangling "the night of" (its day is an event, not a date)."""
    low = m.text.lower()
    if low.startswith("by") and PAST_AUX_RE.search(text):
        low = low[2:]  # "had been brought in by midday": by then it had happened, an event's time
    if low.startswith(TIME_BOUNDS) or low.rstrip().endswith(" of"):
        return False
    window = max(0, m.start - LOOK_BACK)
    if SPAN_START_RE.search(text, window, m.start) or TIME_SPAN_PREV_RE.search(text, window, m.start):
        return False
    if HABITUAL_RE.search(text, window, m.start):
        return False  # "every night at 10 p.m.": a habit, not an event
    return not TIME_SPAN_NEXT_RE.match(text, m.end)


def _inherit(first: DateExpr, last: DateExpr) -> tuple[DateExpr, DateExpr]:
    """'from 3 May to 7 June 2018': the first end takes the year of the second."""
    if first.kind in ("date", "month") and first.year is None and last.year is not None and first.rel is None:
        year = last.year if (first.month or 0) <= (last.month or 0) else last.year - 1
        first = replace(first, year=year)
    return first, last


def _framed(text: str, m: DateMention) -> DateMention:
    """Put since/until around an expression and keep a leading 'on'/'in' in its span."""
    window = max(0, m.start - LOOK_BACK)
    if m.expr.kind not in ("since", "until", "span"):
        since, until = SINCE_RE.search(text, window, m.start), UNTIL_RE.search(text, window, m.start)
        possessive = text[m.end:m.end + 2] in ("'s", "’s")
        if since and not possessive:
            return DateMention(since.start(), m.end, text[since.start():m.end], DateExpr("since", base=m.expr))
        if until and not possessive:
            return DateMention(until.start(), m.end, text[until.start():m.end], DateExpr("until", base=m.expr))
    lead = LEAD_RE.search(text, window, m.start)
    if lead and text[m.end:m.end + 2] not in ("'s", "’s"):
        return DateMention(lead.start(), m.end, text[lead.start():m.end], m.expr)
    return m
