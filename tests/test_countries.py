"""Countries of places and home countries of people (kg.extract.countries), offline."""
from __future__ import annotations

from kg.extract.countries import country_code, country_of, home_countries
from kg.extract.extractor import propose, resolution
from kg.extract.positions import find_positions
from kg.nlp.pipeline import load_pipeline


def test_country_of_a_place() -> None:
    assert country_code("Britain") == "GB" and country_code("U.S.") == "US"
    assert country_of("Argentina") == "AR"
    assert country_of("Buenos Aires") == "AR"
    assert country_of("Paris") == "FR"  # the most populous Paris
    assert country_of("Paris", context={"US"}) == "US"  # unless the article is about the United States
    assert country_of("Zhejiang") == "CN"  # an ISO 3166-2 region
    assert country_of("Atlantis Nowhere") is None


def test_home_countries_from_nationality_and_office() -> None:
    doc = load_pipeline()("Venezuelan President Carlos Mora met Hong Kong Chief Executive John Lee.")
    entities, _, _ = propose(doc)
    _, mentions = resolution(doc)
    homes = home_countries(doc, entities, find_positions(doc, entities, mentions))
    by_name = {entities[k].label: v for k, v in homes.items()}
    assert by_name["Carlos Mora"] == {"VE"}
    assert by_name["John Lee"] == {"HK"}
