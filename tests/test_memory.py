"""What a long build keeps in memory: each chunk is parsed and extracted in a spaCy memory zone,
so the vocabulary does not grow with every new name, and the facts are the same as without."""
from __future__ import annotations

from kg.ingest import documents_from_texts
from kg.runner.work import BuildConfig, Processor

TEXT = ("Mayor Quillon Varnebrook{n} visited Ostravelle{n} on Tuesday. Zentriq Holdings{n} signed an agreement "
        "with Palumbra Foods{n} in Ostravelle{n}.")


def _chunk(first: int, size: int = 4) -> list:
    return list(documents_from_texts(TEXT.format(n=n) for n in range(first, first + size)))


def test_chunks_of_new_names_leave_the_string_store_as_it_was(nlp) -> None:
    processor = Processor(BuildConfig.of())
    strings = processor.nlp.vocab.strings
    assert processor.memory_zones
    processor.process(_chunk(0))
    before = len(strings)
    outcomes = processor.process(_chunk(100)) + processor.process(_chunk(200))
    assert len(strings) == before and "Ostravelle101" not in strings
    # the facts outlive the zone: plain strings, readable after it
    labels = {e.label for o in outcomes for e in o.facts.entities.values()}
    assert {"Ostravelle101", "Zentriq Holdings202"} <= labels
    # the same chunk without a zone adds its words for good (so the check above could fail)
    processor.memory_zones = False
    try:
        processor.process(_chunk(300))
    finally:
        processor.memory_zones = True
    assert len(strings) > before and "Ostravelle301" in strings


def test_facts_are_the_same_with_and_without_memory_zones(nlp) -> None:
    processor = Processor(BuildConfig.of())
    zoned = processor.process(_chunk(400))
    processor.memory_zones = False
    try:
        plain = processor.process(_chunk(400))
    finally:
        processor.memory_zones = True
    assert [o.facts for o in zoned] == [o.facts for o in plain]
    assert all(o.error is None for o in zoned) and any(o.facts.relations for o in zoned)


def test_a_callers_own_memory_zone_is_not_nested(nlp) -> None:
    processor = Processor(BuildConfig.of())
    with processor.nlp.memory_zone():
        outcomes = processor.process(_chunk(500))
        assert processor.nlp.vocab.in_memory_zone
    assert all(o.error is None for o in outcomes)
    assert "Ostravelle501" not in processor.nlp.vocab.strings
