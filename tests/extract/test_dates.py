"""Date finding and resolution: (sentence, publication date) -> when_text, start, end, precision."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictbook.article import Article
from conflictbook.extract.date_resolver import add_months
from conflictbook.extract.dates import article_dates, find_dates, resolve_text

D = date
FRI = D(2024, 3, 15)   # a Friday
WED = D(2024, 3, 13)   # a Wednesday


def one(sentence: str, published: date | None):
    found = resolve_text(sentence, published)
    assert len(found) == 1, found
    return found[0]


CASES = [
    # absolute days
    ("Troops entered the town on 30th July.", D(2018, 8, 3), D(2018, 7, 30), D(2018, 7, 30), "day"),
    ("The convoy left on July 31st.", D(2018, 8, 3), D(2018, 7, 31), D(2018, 7, 31), "day"),
    ("Talks resumed on August 2nd.", D(2018, 8, 3), D(2018, 8, 2), D(2018, 8, 2), "day"),
    ("The ceasefire collapsed on 3 Aug 2018.", D(2019, 1, 5), D(2018, 8, 3), D(2018, 8, 3), "day"),
    ("The report is dated 2018-07-30.", D(2019, 1, 5), D(2018, 7, 30), D(2018, 7, 30), "day"),
    ("Militants attacked the base on Monday 5 March.", D(2018, 3, 9), D(2018, 3, 5), D(2018, 3, 5), "day"),
    ("Shelling resumed on Monday, March 5, 2018, after a lull.", D(2018, 4, 1), D(2018, 3, 5), D(2018, 3, 5), "day"),
    ("Rebels took the airport on the fifth of May.", D(2020, 6, 1), D(2020, 5, 5), D(2020, 5, 5), "day"),
    ("The siege ended on Sept. 12, 2016.", D(2016, 9, 20), D(2016, 9, 12), D(2016, 9, 12), "day"),
    ("A bomb exploded on 14/06/2021 near the market.", D(2021, 6, 20), D(2021, 6, 14), D(2021, 6, 14), "day"),
    ("Fighting broke out on 1 January.", D(2023, 1, 3), D(2023, 1, 1), D(2023, 1, 1), "day"),
    # a weekday that contradicts its date: a month slipped when the report's own week has that weekday on
    # that day of the month (Sunday 7 July 2024; Friday was 5 July); otherwise the written date stands
    ("Gunmen stormed the depot on Friday, June 5.", D(2024, 7, 7), D(2024, 7, 5), D(2024, 7, 5), "day"),
    ("Gunmen stormed the depot on Friday, June 7.", D(2024, 7, 7), D(2024, 6, 7), D(2024, 6, 7), "day"),
    ("Gunmen stormed the depot on Tuesday, June 5.", D(2024, 7, 7), D(2024, 6, 5), D(2024, 6, 5), "day"),
    ("Gunmen stormed the depot on Friday, July 5.", D(2024, 7, 7), D(2024, 7, 5), D(2024, 7, 5), "day"),
    ("The attack happened in the wee hours of Monday.", D(2025, 3, 14), D(2025, 3, 10), D(2025, 3, 10), "hour"),
    # year boundaries
    ("The offensive began on December 28th.", D(2024, 1, 4), D(2023, 12, 28), D(2023, 12, 28), "day"),
    ("Aid stopped arriving on 30 November.", D(2024, 2, 1), D(2023, 11, 30), D(2023, 11, 30), "day"),
    ("In December the army withdrew.", D(2024, 1, 10), D(2023, 12, 1), D(2023, 12, 31), "month"),
    ("Elections will be held on 10 January.", D(2023, 12, 20), D(2024, 1, 10), D(2024, 1, 10), "day"),
    ("The talks will resume in February.", D(2023, 11, 2), D(2024, 2, 1), D(2024, 2, 29), "month"),
    ("Last December the talks broke down.", D(2024, 1, 10), D(2023, 12, 1), D(2023, 12, 31), "month"),
    # leap days
    ("The strike happened on 29 February.", D(2024, 3, 10), D(2024, 2, 29), D(2024, 2, 29), "day"),
    ("The strike happened on 29 February 2024.", D(2024, 3, 10), D(2024, 2, 29), D(2024, 2, 29), "day"),
    ("Protests began on February 29, 2020.", D(2020, 5, 1), D(2020, 2, 29), D(2020, 2, 29), "day"),
    # years
    ("The revolution began in 2011.", D(2018, 8, 3), D(2011, 1, 1), D(2011, 12, 31), "year"),
    ("On 2015, a group declared allegiance.", D(2018, 8, 3), D(2015, 1, 1), D(2015, 12, 31), "year"),
    ("Refugees have lived there since 2017.", D(2022, 10, 16), D(2017, 1, 1), D(2022, 10, 16), "range"),
    ("The war lasted from 2014 to 2016.", D(2020, 1, 1), D(2014, 1, 1), D(2016, 12, 31), "range"),
    ("Clashes continued between 2014 and 2016.", D(2020, 1, 1), D(2014, 1, 1), D(2016, 12, 31), "range"),
    ("The town changed hands during 2019.", D(2022, 1, 1), D(2019, 1, 1), D(2019, 12, 31), "year"),
    ("Violence surged in 2024, officials said.", D(2024, 5, 10), D(2024, 1, 1), D(2024, 5, 10), "year"),
    ("Militias were formed in the 1990s.", D(2022, 1, 1), D(1990, 1, 1), D(1999, 12, 31), "range"),
    # months
    ("The operation started in June.", D(2018, 8, 3), D(2018, 6, 1), D(2018, 6, 30), "month"),
    ("The town fell last May.", D(2018, 8, 3), D(2018, 5, 1), D(2018, 5, 31), "month"),
    ("The town fell last May.", D(2018, 3, 3), D(2017, 5, 1), D(2017, 5, 31), "month"),
    ("He was killed in September last year.", D(2022, 10, 16), D(2021, 9, 1), D(2021, 9, 30), "month"),
    ("The militia was founded in March 2019.", D(2022, 10, 16), D(2019, 3, 1), D(2019, 3, 31), "month"),
    ("Since May, 300 people have died.", D(2021, 8, 1), D(2021, 5, 1), D(2021, 8, 1), "range"),
    ("Troops held the town between June and August.", D(2019, 10, 1), D(2019, 6, 1), D(2019, 8, 31), "range"),
    ("From March to May the town was besieged.", D(2019, 10, 1), D(2019, 3, 1), D(2019, 5, 31), "range"),
    ("Shelling continued from December to February.", D(2020, 3, 10), D(2019, 12, 1), D(2020, 2, 29), "range"),
    ("The curfew was lifted this month.", D(2019, 10, 15), D(2019, 10, 1), D(2019, 10, 15), "month"),
    # parts of periods
    ("The town was captured in early 2012.", D(2018, 8, 3), D(2012, 1, 1), D(2012, 4, 30), "part-of-year"),
    ("The front stabilised in mid-2017.", D(2018, 8, 3), D(2017, 5, 1), D(2017, 8, 31), "part-of-year"),
    ("The group split in late 2015.", D(2018, 8, 3), D(2015, 9, 1), D(2015, 12, 31), "part-of-year"),
    ("The group split late last year.", D(2018, 8, 3), D(2017, 9, 1), D(2017, 12, 31), "part-of-year"),
    ("The siege was lifted at the end of March.", D(2018, 8, 3), D(2018, 3, 21), D(2018, 3, 31), "range"),
    ("Fighting resumed in early March.", D(2018, 8, 3), D(2018, 3, 1), D(2018, 3, 10), "range"),
    ("The convoy was attacked in mid-April.", D(2018, 8, 3), D(2018, 4, 11), D(2018, 4, 20), "range"),
    ("Members were charged earlier this year.", D(2022, 10, 16), D(2022, 1, 1), D(2022, 10, 16), "part-of-year"),
    ("The vote is expected later this year.", D(2022, 10, 16), D(2022, 10, 16), D(2022, 12, 31), "part-of-year"),
    ("The militia has grown since the start of the year.", D(2022, 10, 16), D(2022, 1, 1), D(2022, 10, 16),
     "range"),
    ("Aid deliveries fell at the beginning of 2020.", D(2021, 1, 1), D(2020, 1, 1), D(2020, 4, 30),
     "part-of-year"),
    ("Fighting eased at the end of the year.", D(2021, 12, 20), D(2021, 9, 1), D(2021, 12, 20), "part-of-year"),
    ("Looting spread in the summer of 2019.", D(2021, 1, 1), D(2019, 6, 1), D(2019, 8, 31), "part-of-year"),
    ("Clashes erupted last summer.", D(2021, 3, 1), D(2020, 6, 1), D(2020, 8, 31), "part-of-year"),
    # relative days
    ("Seven houses were torched yesterday.", D(2022, 9, 27), D(2022, 9, 26), D(2022, 9, 26), "day"),
    ("Five more were torched today.", D(2022, 9, 27), D(2022, 9, 27), D(2022, 9, 27), "day"),
    ("The convoy was hit last night.", D(2022, 9, 27), D(2022, 9, 26), D(2022, 9, 27), "hour"),
    ("Looters ransacked the depot overnight.", D(2023, 1, 1), D(2022, 12, 31), D(2023, 1, 1), "hour"),
    ("Sirens sounded last night at 11 p.m.", D(2022, 9, 27), D(2022, 9, 26), D(2022, 9, 26), "hour"),
    ("They blocked the road this morning.", D(2022, 9, 27), D(2022, 9, 27), D(2022, 9, 27), "hour"),
    ("Drones struck the camp yesterday afternoon.", D(2022, 9, 27), D(2022, 9, 26), D(2022, 9, 26), "hour"),
    ("The market was shelled the day before yesterday.", D(2022, 9, 27), D(2022, 9, 25), D(2022, 9, 25), "day"),
    ("A curfew starts tonight.", D(2022, 9, 27), D(2022, 9, 27), D(2022, 9, 27), "hour"),
    ("The envoy arrives tomorrow.", D(2022, 9, 27), D(2022, 9, 28), D(2022, 9, 28), "day"),
    # weekdays
    ("Five villagers were killed on Sunday.", D(2022, 9, 27), D(2022, 9, 25), D(2022, 9, 25), "day"),
    ("Police made arrests on Tuesday.", FRI, D(2024, 3, 12), D(2024, 3, 12), "day"),
    ("The minister resigned on Friday.", FRI, FRI, FRI, "day"),
    ("The minister resigned last Friday.", FRI, D(2024, 3, 8), D(2024, 3, 8), "day"),
    ("The minister resigned last Thursday.", FRI, D(2024, 3, 14), D(2024, 3, 14), "day"),
    ("Talks will resume on Monday.", FRI, D(2024, 3, 18), D(2024, 3, 18), "day"),
    ("Talks resume next Wednesday.", WED, D(2024, 3, 20), D(2024, 3, 20), "day"),
    ("Sunday's raid was the fourth in a month.", WED, D(2024, 3, 10), D(2024, 3, 10), "day"),
    ("The leaders were killed late on Saturday.", D(2022, 10, 16), D(2022, 10, 15), D(2022, 10, 15), "hour"),
    ("Gunmen stormed the village on Thursday night.", FRI, D(2024, 3, 14), D(2024, 3, 14), "hour"),
    ("Troops moved in at dawn on Friday.", D(2024, 3, 16), FRI, FRI, "hour"),
    ("The raid began early Tuesday.", FRI, D(2024, 3, 12), D(2024, 3, 12), "hour"),
    ("Rockets hit the city on Saturday.", D(2024, 1, 1), D(2023, 12, 30), D(2023, 12, 30), "day"),
    # relative periods
    ("Dozens were detained last week.", FRI, D(2024, 3, 4), D(2024, 3, 10), "week"),
    ("Dozens were detained this week.", FRI, D(2024, 3, 11), FRI, "week"),
    ("A summit will take place next week.", FRI, D(2024, 3, 18), D(2024, 3, 24), "week"),
    ("The town fell last month.", FRI, D(2024, 2, 1), D(2024, 2, 29), "month"),
    ("The coup happened last year.", D(2022, 9, 27), D(2021, 1, 1), D(2021, 12, 31), "year"),
    ("Violence has risen this year.", D(2022, 9, 27), D(2022, 1, 1), D(2022, 9, 27), "year"),
    ("Two days ago the bridge was blown up.", FRI, D(2024, 3, 13), D(2024, 3, 13), "day"),
    ("The clinic was looted a week ago.", FRI, D(2024, 3, 4), D(2024, 3, 10), "week"),
    ("Three months ago the rebels retreated.", FRI, D(2023, 12, 1), D(2023, 12, 31), "month"),
    ("Two years ago the town was rebuilt.", FRI, D(2022, 1, 1), D(2022, 12, 31), "year"),
    # hours back from an unknown time of the publication day: today or yesterday, unless whole days
    ("The blast happened three hours ago.", FRI, D(2024, 3, 14), D(2024, 3, 15), "range"),
    ("Two soldiers were killed 48 hours ago.", FRI, D(2024, 3, 13), D(2024, 3, 13), "day"),
    # a future cue further back in the clause still makes a day-month ahead of publication this year's
    ("The next update will be issued on or around 19 March.", FRI, D(2024, 3, 19), D(2024, 3, 19), "day"),
    # a deadline ahead: "before/by the end of" a later month is this year's
    ("Yes, before the end of May, if the bridge opens.", FRI, D(2024, 5, 21), D(2024, 5, 31), "range"),
    ("The shelling stopped 36 hours ago.", FRI, D(2024, 3, 13), D(2024, 3, 14), "range"),
    ("Bombing intensified in the previous ten days.", D(2018, 8, 3), D(2018, 7, 24), D(2018, 8, 3), "range"),
    ("In the last three months at least 14 were murdered.", D(2022, 10, 16), D(2022, 7, 16), D(2022, 10, 16),
     "range"),
    ("Over the past 24 hours, 30 strikes were recorded.", FRI, D(2024, 3, 14), FRI, "range"),
    ("Prices doubled over the past week.", FRI, D(2024, 3, 8), FRI, "range"),
    ("Aid convoys were blocked last weekend.", FRI, D(2024, 3, 9), D(2024, 3, 10), "range"),
    # times of day
    ("At about 12 o'clock on July 31st, fighters approached.", D(2018, 8, 3), D(2018, 7, 31), D(2018, 7, 31),
     "hour"),
    ("Clearance continued until the afternoon of August 1st.", D(2018, 8, 3), D(2018, 8, 1), D(2018, 8, 1),
     "hour"),
    ("The blast happened on the morning of 4 June.", D(2019, 6, 10), D(2019, 6, 4), D(2019, 6, 4), "hour"),
    ("Shots were heard at 3 p.m. on Tuesday.", FRI, D(2024, 3, 12), D(2024, 3, 12), "hour"),
    ("Sirens sounded on Wednesday at 22:30.", FRI, WED, WED, "hour"),
    ("Troops attacked in the early hours of Sunday.", D(2024, 3, 18), D(2024, 3, 17), D(2024, 3, 17), "hour"),
    ("The missiles struck at 0300 GMT on Tuesday.", FRI, D(2024, 3, 12), D(2024, 3, 12), "hour"),
    ("The blast was heard at 14:00 local time on 9 March.", FRI, D(2024, 3, 9), D(2024, 3, 9), "hour"),
    ("Fighting began at 2130 hrs on Monday.", FRI, D(2024, 3, 11), D(2024, 3, 11), "hour"),
    # spans
    ("Talks were held from 3 to 7 May.", D(2019, 6, 1), D(2019, 5, 3), D(2019, 5, 7), "range"),
    ("A truce held May 5-7, 2019, in the north.", D(2019, 6, 1), D(2019, 5, 5), D(2019, 5, 7), "range"),
    ("The camp was sealed from 3 May to 7 June 2019.", D(2019, 7, 1), D(2019, 5, 3), D(2019, 6, 7), "range"),
    ("The curfew ran from Monday to Wednesday.", FRI, D(2024, 3, 11), WED, "range"),
    ("The blockade lasted until 2015.", D(2018, 1, 1), D(2015, 1, 1), D(2015, 12, 31), "year"),
    ("The highway was blocked from Monday to Thursday.", WED, D(2024, 3, 4), D(2024, 3, 7), "range"),
    # weekends, nights, halves, quarters, fortnights
    ("Planes bombed the market over the weekend.", FRI, D(2024, 3, 9), D(2024, 3, 10), "range"),
    ("Planes bombed the market over the weekend.", D(2024, 3, 17), D(2024, 3, 16), D(2024, 3, 17), "range"),
    ("Talks will be held at the weekend.", FRI, D(2024, 3, 16), D(2024, 3, 17), "range"),
    ("Drones struck the port overnight.", FRI, D(2024, 3, 14), D(2024, 3, 15), "hour"),
    ("Medics reported 12 deaths overnight on 30 May.", D(2016, 6, 1), D(2016, 5, 30), D(2016, 5, 30), "hour"),
    ("Deaths doubled in the first half of 2015.", FRI, D(2015, 1, 1), D(2015, 6, 30), "part-of-year"),
    ("Prices rose in the last quarter of last year.", FRI, D(2023, 10, 1), D(2023, 12, 31), "part-of-year"),
    ("Exports fell in the second quarter of 2019.", FRI, D(2019, 4, 1), D(2019, 6, 30), "part-of-year"),
    ("Raids spread in the first week of March.", FRI, D(2024, 3, 1), D(2024, 3, 7), "week"),
    ("Raids spread in the last week of February.", FRI, D(2024, 2, 23), D(2024, 2, 29), "week"),
    ("Talks were held in the second week of January 2023.", FRI, D(2023, 1, 8), D(2023, 1, 14), "week"),
    ("The rebels were pushed back a fortnight ago.", FRI, D(2024, 2, 26), D(2024, 3, 3), "week"),
]


@pytest.mark.parametrize(("sentence", "published", "start", "end", "precision"), CASES)
def test_resolves(sentence, published, start, end, precision):
    _, got_start, got_end, got_precision = one(sentence, published)
    assert (got_start, got_end, got_precision) == (start, end, precision)


SPANS = [
    ("Troops entered the town on 30th July.", "on 30th July"),
    ("The offensive began in 2011 and ended later.", "in 2011"),
    ("On 2015, a group declared allegiance.", "On 2015"),
    ("Five villagers were killed on Sunday.", "on Sunday"),
    ("Sunday's raid was the fourth in a month.", "Sunday"),
    ("In the last three months alone at least 14 were murdered.", "In the last three months"),
    ("At about 12 o'clock on July 31st, fighters approached.", "At about 12 o'clock on July 31st"),
    ("Clearance continued until the afternoon of August 1st.", "until the afternoon of August 1st"),
    ("The leaders were killed late on Saturday at the camp.", "late on Saturday"),
    ("Talks were held from 3 to 7 May.", "from 3 to 7 May"),
    ("Troops held the town between June and August.", "between June and August"),
    ("The militia has grown since the start of the year.", "since the start of the year"),
    ("He was killed in September last year.", "in September last year"),
    ("ARSA has not commented on Saturday's killings.", "Saturday"),
]


@pytest.mark.parametrize(("sentence", "when_text"), SPANS)
def test_span_is_exact_text(sentence, when_text):
    assert one(sentence, D(2022, 10, 16))[0] == when_text


NOT_DATES = [
    "Some 50 troops from No. 42 Infantry Battalion arrived.",
    "The village has around 1,000 houses.",
    "Yunus, 38, was the head of Camp 13.",
    "They stole 30 million kyats and $2,018 in cash.",
    "At least 2000 troops were deployed.",
    "May God protect us, she said.",
    "The march was peaceful.",
    "Only 4 of the 12 wounded survived.",
    "The unit lost 1,500 men and 2018 rifles.",
    "The attackers fled in recent months, police said.",
    "Attacks have escalated in recent weeks.",
    "He scored 15 points.",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_numbers_that_are_not_dates(sentence):
    assert resolve_text(sentence, D(2022, 10, 16)) == []


INVALID = [
    "The attack took place on 31 February.",
    "The attack took place on 29 February 2023.",
    "The attack took place on 2023-02-30.",
    "The attack took place on 31 April 2022.",
]


@pytest.mark.parametrize("sentence", INVALID)
def test_impossible_days_give_no_row(sentence):
    assert resolve_text(sentence, D(2023, 5, 1)) == []


def test_leap_day_without_year_in_non_leap_publication_year_is_not_invented():
    # 29 February 2023 does not exist; 2022 would lie more than a year back: left unresolved
    found = resolve_text("The attack took place on 29 February.", D(2023, 5, 1))
    assert found == [("on 29 February", None, None, "day")]


UNDATED = [
    ("Five villagers were killed on Sunday.", None, None, "day"),
    ("Seven houses were torched yesterday.", None, None, "day"),
    ("Dozens were detained last week.", None, None, "week"),
    ("The operation started in June.", None, None, "month"),
    ("The town fell on 30th July.", None, None, "day"),
    ("The revolution began in 2011.", D(2011, 1, 1), D(2011, 12, 31), "year"),
    ("The ceasefire collapsed on 3 Aug 2018.", D(2018, 8, 3), D(2018, 8, 3), "day"),
    ("The town was captured in early 2012.", D(2012, 1, 1), D(2012, 4, 30), "part-of-year"),
    ("Bombing intensified in the previous ten days.", None, None, "range"),
    ("Refugees have lived there since 2017.", None, None, "range"),
]


@pytest.mark.parametrize(("sentence", "start", "end", "precision"), UNDATED)
def test_undated_article(sentence, start, end, precision):
    assert one(sentence, None)[1:] == (start, end, precision)


SPEECH = [
    # quote closed by "told ... on Monday": yesterday = Sunday, today = Monday (published Wednesday)
    ("“Seven houses burned yesterday and five more today,” a resident told the Courier on Monday.",
     {"yesterday": D(2024, 3, 10), "today": D(2024, 3, 11), "on Monday": D(2024, 3, 11)}),
    ("A medic said on Tuesday: “We buried them this morning.”",
     {"this morning": D(2024, 3, 12), "on Tuesday": D(2024, 3, 12)}),
    ("“They came last night,” said another resident on Monday.",
     {"last night": D(2024, 3, 10), "on Monday": D(2024, 3, 11)}),
    # no speech date: the quote's "yesterday" is the day before publication
    ("“They came yesterday,” a resident said.", {"yesterday": D(2024, 3, 12)}),
    # a date outside the quote that is not a speech time does not re-anchor it
    ("“They came yesterday,” a resident said, adding that schools closed on Monday.",
     {"yesterday": D(2024, 3, 12), "on Monday": D(2024, 3, 11)}),
]


@pytest.mark.parametrize(("paragraph", "expected"), SPEECH)
def test_speech_time_anchors_quotes(paragraph, expected):
    article = Article.build("a", paragraph, published=WED)
    got = {d.text: d.start for d in article_dates(article)}
    assert got == expected


def test_quote_over_two_sentences_keeps_its_anchor():
    body = "“The army came yesterday. They burned the school today,” a teacher told reporters on Monday."
    article = Article.build("a", body, published=WED)
    got = {d.text: d.start for d in article_dates(article)}
    assert got == {"yesterday": D(2024, 3, 10), "today": D(2024, 3, 11), "on Monday": D(2024, 3, 11)}


def test_claim_span_anchors_quote_without_quotation_marks():
    from conflictbook.records import Claim
    body = "A commander told the Courier on Monday that fighters attacked yesterday."
    article = Article.build("a", body, published=WED)
    start = body.index("fighters")
    cue = body.index("told")
    claim = Claim("a", "a-c1", "A commander", "", "unnamed-person", "", "told", "indirect", body[start:], body,
                  span_start=start, span_end=len(body), sentence=0, cue_start=cue, cue_end=cue + 4)
    got = {d.text: d.start for d in article_dates(article, [claim])}
    assert got["yesterday"] == D(2024, 3, 10)


def test_no_past_date_after_publication():
    body = ("Troops entered on Friday. The town fell in June and the siege ended on 28 December. "
            "It was the worst attack this week, this month and this year.")
    for published in (D(2024, 1, 2), D(2024, 3, 15), D(2024, 12, 31)):
        for _, start, end, _ in resolve_text(body, published):
            assert start <= published and end <= published


def test_find_dates_offsets_point_into_text():
    text = "Troops entered on 30th July and left on 2 August."
    for m in find_dates(text):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(("day", "months", "expected"), [
    (D(2024, 3, 31), -1, D(2024, 2, 29)),
    (D(2024, 1, 15), -2, D(2023, 11, 15)),
    (D(2023, 12, 31), 2, D(2024, 2, 29)),
])
def test_add_months_clamps(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize("sentence", [
    "Monday, May 9, 2022",
    "PARIS, Sept 24, 2022 (AFP) - Fifty people were killed, an NGO said.",
    "The next day, the militia withdrew.",
    "The following week the army returned.",
    "On the previous day, two soldiers died.",
    "A bomb exploded the day before the election.",
])
def test_stamps_and_story_relative_days_give_no_row(sentence):
    assert resolve_text(sentence, D(2022, 9, 25)) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("FEYRIN, Lusmar, July 16 (Wire Service) - Gunmen killed 17 people late on Monday.", ["late on Monday"]),
    ("KORA, May 7 (Agency) – The last buses left on Wednesday.", ["on Wednesday"]),
    ("The swap had been due to take place by the end of March.", ["the end of March"]),
])
def test_datelines_skipped_and_past_perfect_is_past(sentence, expected):
    found = resolve_text(sentence, D(2025, 4, 3))
    assert [f[0] for f in found] == expected
    assert all(f[1] is None or f[1] <= D(2025, 4, 3) for f in found)


def test_claim_said_when_anchors_its_content():
    from conflictbook.records import Claim
    body = "A commander, speaking on Monday, said fighters attacked yesterday."
    article = Article.build("a", body, published=WED)
    start = body.index("fighters")
    claim = Claim("a", "a-c1", "A commander", "", "unnamed-person", "", "said", "indirect", body[start:], body,
                  span_start=start, span_end=len(body), sentence=0, cue_start=body.index("said"),
                  cue_end=body.index("said") + 4)
    claim.said_when_start = body.index("on Monday")  # set by the claims extractor when it knows
    got = {d.text: d.start for d in article_dates(article, [claim])}
    assert got == {"on Monday": D(2024, 3, 11), "yesterday": D(2024, 3, 10)}


STORY = [
    ("Troops entered the town on 3 May. The next day, they burned the market.",
     [("on 3 May", D(2024, 5, 3)), ("The next day", D(2024, 5, 4))]),
    ("Rebels attacked on Monday. That night gunmen looted shops. Two days later the army left.",
     [("on Monday", D(2024, 5, 6)), ("That night", D(2024, 5, 6)), ("Two days later", D(2024, 5, 8))]),
    ("Police raided the camp on 2 May.\n\nThe same day, six men were arrested.",
     [("on 2 May", D(2024, 5, 2)), ("The same day", D(2024, 5, 2))]),
    ("The talks failed in March. The following day the militia withdrew.", [("in March", D(2024, 3, 1))]),
    ("Gunmen struck on 1 May.\n\nA.\n\nB.\n\nC.\n\nThe next day the army arrived.", [("on 1 May", D(2024, 5, 1))]),
]


@pytest.mark.parametrize(("body", "expected"), STORY)
def test_story_relative_days_count_from_the_latest_day(body, expected):
    article = Article.build("a", body, published=D(2024, 5, 10))
    assert [(d.text, d.start) for d in article_dates(article)] == expected


WORDS = ["on", "in", "the", "since", "until", "from", "to", "between", "and", "last", "next", "this", "early", "mid-",
         "late", "end", "of", "Monday", "Sunday's", "May", "March", "29", "31", "February", "2023", "2024", "1,000",
         "days", "ago", "two", "week", "year", "month", "yesterday", "night", "at", "dawn", "12", "o'clock", "-", ",",
         "“", "”", "said", "told", "The", "next", "day", "that", "half", "first", "quarter", "weekend", "2014-2016"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25), st.one_of(st.none(), st.dates(D(1990, 1, 1), D(2030, 12, 31))))
def test_any_word_salad_resolves_consistently(words, published):
    text = " ".join(words)
    article = Article.build("a", text, published=published)
    for found in article_dates(article):
        assert article.text[found.start_offset:found.end_offset] == found.text
        assert found.precision in {"hour", "day", "week", "month", "part-of-year", "year", "range"}
        if found.start is not None and found.end is not None:
            assert found.start <= found.end


# Story-relative weeks and months: the calendar period after (before) the one holding the story's latest day.
STORY_PERIODS = [
    ("Militias burned the market on 14 August. Dozens were arrested in the following week.",
     [("on 14 August", D(2024, 8, 14), D(2024, 8, 14)), ("in the following week", D(2024, 8, 19), D(2024, 8, 25))]),
    ("Talks collapsed on 3 May. In the preceding month, the army had shelled the port.",
     [("on 3 May", D(2024, 5, 3), D(2024, 5, 3)), ("In the preceding month", D(2024, 4, 1), D(2024, 4, 30))]),
    ("Aid resumed on 2 January. The following month saw new fighting.",
     [("on 2 January", D(2024, 1, 2), D(2024, 1, 2)), ("The following month", D(2024, 2, 1), D(2024, 2, 29))]),
    # nothing to count from: no row
    ("Dozens were arrested in the following week.", []),
]


@pytest.mark.parametrize(("body", "expected"), STORY_PERIODS)
def test_story_relative_periods(body, expected):
    article = Article.build("a", body, published=D(2024, 9, 30))
    assert [(d.text, d.start, d.end) for d in article_dates(article)] == expected


# Indirect speech "said on Tuesday that ...": the reported clause counts from the day it was said.
REPORTED = [
    ("The agency said on Tuesday that 40 lorries had crossed in the past week.",
     {"on Tuesday": D(2024, 3, 12), "in the past week": D(2024, 3, 5)}),
    ("A farmer told the radio on Monday that raiders came yesterday.",
     {"on Monday": D(2024, 3, 11), "yesterday": D(2024, 3, 10)}),
    # the date after "that" is not when the words were said
    ("The agency said that 40 lorries crossed on Tuesday and more came yesterday.",
     {"on Tuesday": D(2024, 3, 12), "yesterday": D(2024, 3, 12)}),
]


@pytest.mark.parametrize(("body", "expected"), REPORTED)
def test_reported_speech_anchors_its_clause(body, expected):
    article = Article.build("a", body, published=WED)
    assert {d.text: d.start for d in article_dates(article)} == expected


@pytest.mark.parametrize(("sentence", "start"), [
    ("The next convoy is expected on Sunday.", D(2024, 3, 17)),
    ("Further talks are planned for Friday.", D(2024, 3, 15)),
    ("The convoy was expected on Sunday but never came.", D(2024, 3, 10)),
])
def test_expected_and_planned_point_forward(sentence, start):
    article = Article.build("a", sentence, published=WED)
    assert [d.start for d in article_dates(article)] == [start]


@pytest.mark.parametrize(("body", "expected"), [
    ("The town fell on 2 March. Two weeks later the army returned.",
     [("on 2 March", D(2024, 3, 2)), ("Two weeks later", D(2024, 3, 16))]),
    ("Voting ended on 3 March. A week earlier, rebels had attacked a polling station.",
     [("on 3 March", D(2024, 3, 3)), ("A week earlier", D(2024, 2, 25))]),
    # a story day after publication in a past-tense sentence is not given
    ("Rebels took the town on 28 March. A week later the army returned.", [("on 28 March", D(2024, 3, 28))]),
])
def test_story_weeks(body, expected):
    article = Article.build("a", body, published=D(2024, 3, 30))
    assert [(d.text, d.start) for d in article_dates(article)] == expected


def test_a_claims_speech_day_does_not_anchor_another_claims_content():
    """ "According to X, ... between 6 and 11 March" keeps the publication day as anchor even when the
    paragraph's next claim was made "on Tuesday" (12 March): 11 March is this year's."""
    body = ("According to the health office, 23 civilians were killed between 6 and 11 March. "
            "The army said on Tuesday that it had detained 40 people.")
    article = Article.build("t", body, published=D(2024, 3, 15))
    from conflictbook.extract.claims import extract_claims
    found = article_dates(article, extract_claims(article))
    between = next(d for d in found if d.text.startswith("between"))
    assert (between.start, between.end) == (D(2024, 3, 6), D(2024, 3, 11))



@pytest.mark.parametrize(("body", "when", "expected"), [
    # "N days after X" counts back from a day named earlier in the same sentence
    ("We met her on Tuesday, three days after her fighters claimed the pass.", "three days after", D(2024, 3, 9)),
    ("Radio Selvo reached him on Wednesday, a week after the exchange at the ford.", "a week after", D(2024, 3, 6)),
    ("The offensive opened on 2 March, two days before the talks.", "two days before", D(2024, 3, 4)),
])
def test_days_after_an_event_count_from_the_day_of_their_sentence(body, when, expected):
    found = [d for d in article_dates(Article.build("t", body, published=FRI)) if d.text == when]
    assert found and (found[0].start, found[0].end) == (expected, expected)


@pytest.mark.parametrize("body", [
    "The ceasefire began on Monday. Two days after the election, fighting resumed.",
    "The attack came a day after the two sides had agreed to a pause.",
])
def test_days_after_without_a_day_in_their_sentence_give_no_row(body):
    assert not [d for d in article_dates(Article.build("t", body, published=FRI)) if "after" in d.text]



@pytest.mark.parametrize(("body", "when", "start", "end"), [
    ("People have eaten nothing but bread since Christmas.", "since Christmas", D(2023, 12, 25), D(2024, 3, 15)),
    ("The truce held over Christmas 2022.", "Christmas 2022", D(2022, 12, 25), D(2022, 12, 25)),
    ("Shelling resumed on New Year's Day.", "on New Year's Day", D(2024, 1, 1), D(2024, 1, 1)),
])
def test_fixed_holidays_are_dates(body, when, start, end):
    found = [d for d in article_dates(Article.build("t", body, published=FRI)) if d.text == when]
    assert found and (found[0].start, found[0].end) == (start, end)


def test_a_holiday_as_a_modifier_is_no_date():
    assert not article_dates(Article.build("t", "A Christmas market opened in the square.", published=FRI))


# Story-relative expressions count from the day the narrative is on: not a heading's date, not the day
# words were said ("claimed the next day that ..."); "hours later" is the story's day.
STORY_ANCHORS = [
    # a reporting day does not move the story: "Four days later" counts from the raid
    ("Militiamen raided the depot on 3 May. The group claimed the next day that it had seized rifles.\n\n"
     "Four days later, the army retook the depot.",
     {"on 3 May": D(2024, 5, 3), "the next day": D(2024, 5, 4), "Four days later": D(2024, 5, 7)}),
    # a one-line section heading summarises what follows; its date is a row but not the story's day
    ("Rebels shelled the port on 6 May.\n\nThe counter-attack (8 May)\n\n"
     "Two days later, marines landed north of the port.",
     {"on 6 May": D(2024, 5, 6), "8 May": D(2024, 5, 8), "Two days later": D(2024, 5, 8)}),
    # a date before ", officials said" dates the event of its own clause, not the saying
    ("Gunmen killed four herders late on Monday, officials said. Two days later, troops arrived.",
     {"late on Monday": D(2024, 5, 6), "Two days later": D(2024, 5, 8)}),
    # a short quoted paragraph is no heading: its day moves the story
    ("The clinic was looted on 1 May.\n\n“They came back on 4 May.”\n\nThe next day, nurses fled.",
     {"on 1 May": D(2024, 5, 1), "on 4 May": D(2024, 5, 4), "The next day": D(2024, 5, 5)}),
    ("The council on Tuesday said troops had left the valley. Hours later the first families went home.",
     {"on Tuesday": D(2024, 5, 7), "Hours later": D(2024, 5, 7)}),
    ("Gunmen burned the clinic on 2 May. Some 48 hours later they returned.",
     {"on 2 May": D(2024, 5, 2), "48 hours later": D(2024, 5, 4)}),
    ("Police detained six traders on Monday. Two of them were freed the next morning.",
     {"on Monday": D(2024, 5, 6), "the next morning": D(2024, 5, 7)}),
    # "N units before/after the <event>": from the day the article gave that event
    ("The handover on 3 May went smoothly. Two guards had deserted a week before the handover.",
     {"on 3 May": D(2024, 5, 3), "a week before": D(2024, 4, 26)}),
    ("Monday's airport raid was the first in months. Pilots had been warned two days before the raid.",
     {"Monday": D(2024, 5, 6), "two days before": D(2024, 5, 4)}),
    ("The vote on 5 May was calm. Riots broke out the day after the vote.",
     {"on 5 May": D(2024, 5, 5), "the day after": D(2024, 5, 6)}),
    # "The <event> came N days after ...": the story's event day, N days on from what follows
    ("A mortar hit the school on Thursday. The shelling came two days after the truce talks collapsed.",
     {"on Thursday": D(2024, 5, 9), "two days after": D(2024, 5, 7)}),
    # ... unless what follows names its own day: that day dates it, no count from the story
    ("A mortar hit the school on Thursday. The shelling came a week after talks collapsed on 1 May.",
     {"on Thursday": D(2024, 5, 9), "on 1 May": D(2024, 5, 1)}),
]


@pytest.mark.parametrize(("body", "expected"), STORY_ANCHORS)
def test_story_relative_days_count_from_the_narratives_event_day(body, expected):
    article = Article.build("a", body, published=D(2024, 5, 10))
    assert {d.text: d.start for d in article_dates(article)} == expected


# Past or future for a month without a year: a deadline or a fragment takes the tense of its clause.
TENSES = [
    ("By the end of March, engineers had cleared the pass.", D(2025, 4, 20), D(2025, 3, 21), D(2025, 3, 31)),
    ("By the end of March, the engineers must clear the pass.", D(2025, 4, 20), D(2026, 3, 21), D(2026, 3, 31)),
    ("The engineers will clear the pass by the end of March.", D(2025, 4, 20), D(2026, 3, 21), D(2026, 3, 31)),
    ("The inquiry is expected to report after the harvest, probably in October.", D(2025, 4, 20),
     D(2025, 10, 1), D(2025, 10, 31)),
    ("The pass was closed for a week, probably in October.", D(2025, 4, 20), D(2024, 10, 1), D(2024, 10, 31)),
    # a modal before a plain verb looks ahead; a perfect or a past inability does not; May is a month
    ("Mediators say the talks could resume in January.", D(2025, 4, 20), D(2026, 1, 1), D(2026, 1, 31)),
    ("The convoy may reach the valley in March.", D(2025, 4, 20), D(2026, 3, 1), D(2026, 3, 31)),
    ("The hostages may have been moved in March.", D(2025, 4, 20), D(2025, 3, 1), D(2025, 3, 31)),
    ("Aid workers could not reach the valley in January.", D(2025, 4, 20), D(2025, 1, 1), D(2025, 1, 31)),
    ("Shelling in May destroyed the bridge.", D(2025, 4, 20), D(2024, 5, 1), D(2024, 5, 31)),
]


@pytest.mark.parametrize(("sentence", "published", "start", "end"), TENSES)
def test_deadlines_and_appended_dates_take_their_clauses_tense(sentence, published, start, end):
    (_, got_start, got_end, _), = resolve_text(sentence, published)
    assert (got_start, got_end) == (start, end)


# A time of day without a day is on the day the narrative is on (hour precision); without such a day, no row.
CLOCKS = [
    ("Raiders hit the village on Friday night. They came shortly before midnight on motorbikes.",
     "shortly before midnight", D(2024, 5, 10)),
    ("The market was shelled on 4 May.\n\nA.\n\nB.\n\nC.\n\nWitnesses said the first shell fell at about 7 a.m.",
     "at about 7 a.m.", D(2024, 5, 4)),
    ("Two men were shot on Wednesday in the port district. They were attacked at around 21h15 near a bar.",
     "at around 21h15", D(2024, 5, 8)),
    # a reporting day is not where the story is: the shooting's day is
    ("A bus was ambushed late on Monday. The army told reporters on Tuesday that it had sent troops.\n\n"
     "Survivors said the shooting began shortly after 8 p.m.", "shortly after 8 p.m.", D(2024, 5, 6)),
    # background in another paragraph does not take the story off its day
    ("A bus was ambushed late on Monday.\n\nThe group has attacked buses since 2021 and kidnapped 40 people "
     "last year.\n\nPolice arrested two men in the afternoon.", "in the afternoon", D(2024, 5, 6)),
    ("Rebels attacked on Monday. By midday the toll had risen to nine.", "By midday", D(2024, 5, 6)),
]


@pytest.mark.parametrize(("body", "when", "day"), CLOCKS)
def test_clock_times_take_the_day_the_story_is_on(body, when, day):
    found = [d for d in article_dates(Article.build("a", body, published=D(2024, 5, 10))) if d.text == when]
    assert [(d.start, d.end, d.precision) for d in found] == [(day, day, "hour")]


@pytest.mark.parametrize("body", [
    "Witnesses said the first shell fell at about 7 a.m.",                 # no day to be on
    "A curfew runs from 6 p.m. to 6 a.m. in the old town since 2 May.",   # bounds of a period, not events
    "Shops must close by 5 p.m. on market days, the council said on Monday.",
    "16:40 GMT: Toll rises to 12\n\nRescuers found two more bodies on Monday.",  # a live page's stamp
    "Rescuers found two more bodies on Monday.\n\n09:15 GMT — The governor says the search goes on.",
    "Rescuers found two more bodies on Monday. A curfew is enforced every night at 10 p.m.",  # a habit
    # the story left its day for a longer period: a bare time has no day to be on
    "Rescuers found two more bodies on Monday. In 2019 the same block was shelled at about 3 a.m.",
    "Rescuers found two more bodies on Monday. The search will resume at 6 a.m.",  # a day ahead, unnamed
    "Rescuers found two more bodies on Monday. Shops close by 5 p.m.",  # "by" a time: a bound, unless past
])
def test_times_that_date_nothing_give_no_row(body):
    found = article_dates(Article.build("a", body, published=D(2024, 5, 10)))
    assert not [d for d in found if d.expr.kind == "time"]


# Long-range story-relative periods: from the story's latest dated period; "ago" from publication.
LONG_RANGE = [
    ("Rebels took the dam in July 2009. The following winter, the army besieged it.",
     "The following winter", D(2009, 12, 1), D(2010, 2, 28), "part-of-year"),
    ("Rebels took the dam in July 2009. The following spring, the army retook it.",
     "The following spring", D(2010, 3, 1), D(2010, 5, 31), "part-of-year"),
    ("The militia formed in 2011. Three years later, it split in two.",
     "Three years later", D(2014, 1, 1), D(2014, 12, 31), "year"),
    ("The militia formed in March 2011. Two months later, it seized the airport.",
     "Two months later", D(2011, 5, 1), D(2011, 5, 31), "month"),
    # from a longer period, the period's months moved on: a range
    ("The truce collapsed in the winter of 2012. Five months later, talks resumed.",
     "Five months later", D(2012, 5, 1), D(2012, 7, 31), "range"),
    ("The treaty was signed in 2016. Later that year the border reopened.",
     "Later that year", D(2016, 1, 1), D(2016, 12, 31), "part-of-year"),
    ("The siege began on 10 May 2016. Later that year the border reopened.",
     "Later that year", D(2016, 5, 10), D(2016, 12, 31), "part-of-year"),
    ("The war began in the spring of 2019. By the end of that year 4,000 people had died.",
     "the end of that year", D(2019, 9, 1), D(2019, 12, 31), "part-of-year"),
    ("A decade ago, the valley had no road.", "A decade ago", D(2014, 1, 1), D(2014, 12, 31), "year"),
    ("Two decades ago the mine closed.", "Two decades ago", D(2004, 1, 1), D(2004, 12, 31), "year"),
]


@pytest.mark.parametrize(("body", "when", "start", "end", "precision"), LONG_RANGE)
def test_long_range_story_periods(body, when, start, end, precision):
    found = [d for d in article_dates(Article.build("a", body, published=D(2024, 5, 10))) if d.text == when]
    assert [(d.start, d.end, d.precision) for d in found] == [(start, end, precision)]


@pytest.mark.parametrize("body", [
    "Three years later, it split in two.",                       # nothing to count from
    "That year's harvest failed.",
])
def test_long_range_story_periods_without_a_period_give_no_row(body):
    assert not [d for d in article_dates(Article.build("a", body, published=D(2024, 5, 10)))
                if d.expr.kind == "storyp"]


# A weekday with its day of the month in brackets (translated style) is one date.
WEEKDAY_DAYS = [
    ("A guard was shot this Tuesday (7) outside the depot.", "this Tuesday (7)", D(2024, 5, 7), "day"),
    ("The funeral is set for this Saturday (11).", "this Saturday (11)", D(2024, 5, 11), "day"),
    ("Two men died in the night of this Wednesday (8), police said.", "in the night of this Wednesday (8)",
     D(2024, 5, 8), "hour"),
    # the bracketed day picks the week: last week's Thursday was the 2nd
    ("The raid came on Thursday (2), neighbours said.", "on Thursday (2)", D(2024, 5, 2), "day"),
]


@pytest.mark.parametrize(("sentence", "when", "day", "precision"), WEEKDAY_DAYS)
def test_weekday_with_day_of_month_in_brackets(sentence, when, day, precision):
    assert resolve_text(sentence, D(2024, 5, 10)) == [(when, day, day, precision)]
