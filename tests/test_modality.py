"""Modality of visits and signings: ``kg.extract.modality.modality`` on purpose-written sentences."""
from __future__ import annotations

import re

import pytest

from kg.extract.modality import CANCELLED, DENIED, PLANNED, REPORTED, is_negated, modality

# the word in brackets is the trigger whose modality is asked for
SENTENCES = [
    (REPORTED, "Mayor Jane Doe [visited] Springfield on Monday."),
    (REPORTED, "Acme Corp has [signed] an agreement with Globex Inc."),
    (REPORTED, "The minister [arrived] in Paris on Monday."),
    (REPORTED, "Lee embarked on a four-day [visit] to Zhejiang province."),
    (REPORTED, "Lee did not attend the dinner but [visited] Rome."),
    (REPORTED, "The [visit] is expected to boost ties."),
    (REPORTED, "Acme did not cancel the [agreement] with Globex."),
    (REPORTED, "Acme secured funds to set up a refinery with Globex during the president's [visit] to China."),
    (PLANNED, "Lee will also [visit] Ningbo."),
    (PLANNED, "Lee plans to [visit] a city gallery."),
    (PLANNED, "Lee is to [visit] Ningbo next week."),
    (PLANNED, "Lee is scheduled to [travel] to Paris."),
    (PLANNED, "Acme Corp is expected to [sign] an agreement with Globex Inc."),
    (PLANNED, "Agreements on technology will be [signed] at the meeting."),
    (PLANNED, "The upcoming [visit] to Paris will focus on trade."),
    (PLANNED, "The [visit] will take place on Monday."),
    (PLANNED, "Lee visited Paris and will [visit] Rome."),
    (PLANNED, "Lee's plan to [visit] Paris was announced."),
    (PLANNED, "Lee announced plans for a [visit] to Paris."),
    (PLANNED, "Lee scheduled a [visit] to Paris for May."),
    (PLANNED, "Minister Jane Doe to [Visit] Sri Lanka on 20 June"),  # a headline
    (CANCELLED, "The planned [visit] to Dhaka was cancelled."),
    (CANCELLED, "Mayor Jane Doe postponed his [trip] to Shelbyville."),
    (CANCELLED, "The minister called off his [visit] to Paris."),
    (CANCELLED, "Lee's [trip] to Paris was scrapped."),
    (CANCELLED, "The signing of the [agreement] between Acme Corp and Globex Inc was postponed."),
    (DENIED, "John Roe did not [visit] Ogdenville."),
    (DENIED, "Acme Corp has never [signed] an agreement with Globex Inc."),
    (DENIED, "Jane Doe denied [visiting] Springfield."),
    (DENIED, "Acme Corp refused to [sign] the agreement with Globex Inc."),
    (DENIED, "The [visit] never happened."),
    (DENIED, "Lee did not [visit] Paris but visited Rome."),
    (None, "It remains unclear if Liang will [attend]."),
    (None, "Lee may [visit] Paris."),
    (None, "Lee is considering a [visit] to Paris."),
    (None, "Acme hopes to [sign] a deal with Globex."),
    (None, "The two sides discussed [signing] a deal."),
    (None, "Lee may plan to [visit] Paris."),
    (None, "Lee's possible [visit] to Sri Lanka this year will also be discussed, he said."),
    (None, "The [visit] will be discussed next week."),
]


def trigger_of(nlp, marked: str):
    match = re.search(r"\[(\w+)\]", marked)
    assert match, marked
    sentence = marked[:match.start()] + match.group(1) + marked[match.end():]
    doc = nlp(sentence)
    return next(t for t in doc if t.idx == match.start())


@pytest.mark.parametrize("expected, marked", SENTENCES, ids=[s for _, s in SENTENCES])
def test_modality_of_the_trigger(nlp, expected: str | None, marked: str) -> None:
    assert modality(trigger_of(nlp, marked)) == expected


def test_each_modality_is_covered() -> None:
    counts = {m: sum(1 for e, _ in SENTENCES if e == m) for m in (REPORTED, PLANNED, CANCELLED, DENIED, None)}
    assert min(counts.values()) >= 2, counts


@pytest.mark.parametrize("expected, marked", SENTENCES, ids=[s for _, s in SENTENCES])
def test_is_negated_means_no_fact(nlp, expected: str | None, marked: str) -> None:
    from kg.extract.relations import is_negated as old_home  # the import path other code uses

    tok = trigger_of(nlp, marked)
    assert is_negated(tok) == old_home(tok) == (expected not in (REPORTED, PLANNED))
