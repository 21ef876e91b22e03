"""``kg.extract.dates.normalise_date``: relative weekdays resolved against the article's date and
the clause's tense, month-day dates to the nearest year, explicit years and ISO dates, "today",
"tomorrow", "yesterday", and everything that names no single day (durations, months) → None.

The expected days are computed here with ``datetime`` from the base date, never copied from a run.
"""
from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.dates import normalise_date

#: The article's own day: Tuesday 22 April 2025.
BASE = dt.date(2025, 4, 22)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def days(n: int) -> dt.date:
    return BASE + dt.timedelta(days=n)


def test_the_base_is_a_tuesday() -> None:
    assert BASE.weekday() == WEEKDAYS.index("Tuesday")


# --- weekdays ----------------------------------------------------------------------------------


@pytest.mark.parametrize("tense", ["past", "present", "future"])
@pytest.mark.parametrize("text", ["Tuesday", "on Tuesday", "On Tuesday", "TUESDAY", "tuesday"])
def test_the_articles_own_weekday_is_the_article_day(text: str, tense: str) -> None:
    assert normalise_date(text, BASE, tense) == BASE


@pytest.mark.parametrize("name", WEEKDAYS)
def test_future_weekdays_are_the_next_one(name: str) -> None:
    day = normalise_date(f"on {name}", BASE, "future")
    assert day is not None and day.weekday() == WEEKDAYS.index(name)
    if name == "Tuesday":
        assert day == BASE
    else:
        assert BASE < day <= days(6), day


@pytest.mark.parametrize("name", WEEKDAYS)
def test_past_weekdays_are_the_last_one(name: str) -> None:
    day = normalise_date(name, BASE, "past")
    assert day is not None and day.weekday() == WEEKDAYS.index(name)
    if name == "Tuesday":
        assert day == BASE
    else:
        assert days(-6) <= day < BASE, day


def test_weekdays_by_tense_hand_computed() -> None:
    assert normalise_date("On Wednesday", BASE, "future") == dt.date(2025, 4, 23)
    assert normalise_date("on Wednesday", BASE, "past") == dt.date(2025, 4, 16)
    assert normalise_date("on Monday", BASE, "past") == dt.date(2025, 4, 21)
    assert normalise_date("on Monday", BASE, "future") == dt.date(2025, 4, 28)


@pytest.mark.parametrize("name", WEEKDAYS)
def test_present_tense_takes_the_nearest_weekday(name: str) -> None:
    day = normalise_date(name, BASE, "present")
    assert day is not None and day.weekday() == WEEKDAYS.index(name)
    assert abs((day - BASE).days) <= 3, day


def test_present_is_the_default_tense() -> None:
    for name in WEEKDAYS:
        assert normalise_date(name, BASE) == normalise_date(name, BASE, "present")


# --- month and day, with and without a year ------------------------------------------------------


def test_month_day_takes_the_year_nearest_the_article() -> None:
    assert normalise_date("Friday, April 25", BASE, "future") == dt.date(2025, 4, 25)
    assert normalise_date("April 25", BASE) == dt.date(2025, 4, 25)
    assert normalise_date("25 April", BASE) == dt.date(2025, 4, 25)
    assert normalise_date("on April 25th", BASE) == dt.date(2025, 4, 25)
    assert normalise_date("Apr. 25", BASE) == dt.date(2025, 4, 25)


def test_nearest_year_crosses_new_year() -> None:
    early_january = dt.date(2025, 1, 3)
    assert normalise_date("December 30", early_january) == dt.date(2024, 12, 30)
    late_december = dt.date(2025, 12, 30)
    assert normalise_date("January 3", late_december) == dt.date(2026, 1, 3)
    assert normalise_date("3 Jan", late_december) == dt.date(2026, 1, 3)


def test_month_day_wins_over_the_weekday_written_with_it() -> None:
    # "Friday, April 25" names the day by its date, whatever the tense would make of "Friday"
    assert normalise_date("Friday, April 25", BASE, "past") == dt.date(2025, 4, 25)


@pytest.mark.parametrize("text, expected", [
    ("April 25, 2024", dt.date(2024, 4, 25)),
    ("25 April 2023", dt.date(2023, 4, 25)),
    ("on Sept. 3, 2025", dt.date(2025, 9, 3)),
    ("September 3 2019", dt.date(2019, 9, 3)),
    ("December 1st, 2030", dt.date(2030, 12, 1)),
])
def test_explicit_years_are_kept(text: str, expected: dt.date) -> None:
    assert normalise_date(text, BASE) == expected
    assert normalise_date(text, None) == expected  # a full date needs no article date


def test_iso_dates() -> None:
    assert normalise_date("2025-05-01", BASE) == dt.date(2025, 5, 1)
    assert normalise_date("on 2019-11-30", None) == dt.date(2019, 11, 30)


@pytest.mark.parametrize("text", ["February 30, 2025", "2025-13-01", "2025-02-29", "31 April 2025"])
def test_impossible_dates_give_none(text: str) -> None:
    assert normalise_date(text, BASE) is None


# --- relative words ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, shift", [
    ("today", 0), ("Today", 0), ("tonight", 0), ("tomorrow", 1), ("Tomorrow morning", 1), ("yesterday", -1),
])
def test_today_tomorrow_yesterday(text: str, shift: int) -> None:
    for tense in ("past", "present", "future"):
        assert normalise_date(text, BASE, tense) == days(shift)


# --- what names no single day --------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "four days", "two weeks", "several months", "three years", "a decade", "in November", "November",
    "April", "this year", "last month", "the 1990s", "2025", "in March 2025", "recent weeks",
])
def test_durations_and_months_give_none(text: str) -> None:
    assert normalise_date(text, BASE, "present") is None
    assert normalise_date(text, BASE, "future") is None


# --- without an article date ---------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Wednesday", "on Tuesday", "today", "tomorrow", "yesterday", "April 25",
                                  "Friday, April 25", "25 April"])
def test_without_a_base_relative_dates_give_none(text: str) -> None:
    for tense in ("past", "present", "future"):
        assert normalise_date(text, None, tense) is None


def test_without_a_base_full_dates_still_work() -> None:
    assert normalise_date("Friday, April 25, 2025", None) == dt.date(2025, 4, 25)
    assert normalise_date("2025-04-25", None) == dt.date(2025, 4, 25)


def test_a_day_range_gives_its_first_day() -> None:
    assert normalise_date("April 25-27", BASE) == dt.date(2025, 4, 25)


# --- "next" and "last" -----------------------------------------------------------------------------


def test_next_and_last_agree_with_the_tense() -> None:
    assert normalise_date("next Monday", BASE, "future") == dt.date(2025, 4, 28)
    assert normalise_date("last Friday", BASE, "past") == dt.date(2025, 4, 18)


@pytest.mark.parametrize("text, expected", [
    ("next Monday", dt.date(2025, 4, 28)),
    ("next Saturday", dt.date(2025, 4, 26)),
    ("last Wednesday", dt.date(2025, 4, 16)),
    ("last Friday", dt.date(2025, 4, 18)),
])
def test_next_and_last_override_the_nearest_weekday(text: str, expected: dt.date) -> None:
    assert normalise_date(text, BASE, "present") == expected
