"""Entity typing: evidence fused across mentions and context, and explained in the graph
(``kg:typeEvidence``); on sentences written for the purpose."""
from __future__ import annotations

import pytest

import kg
from kg.extract.entity_typing import explain, legal_forms, name_votes, totals


def _types(text: str) -> dict[str, str]:
    return _types_of(kg.build(texts=[text]))


def _types_of(graph: kg.KnowledgeGraph) -> dict[str, str]:
    rows = graph.query("""
        SELECT ?label ?type WHERE { ?e rdfs:label ?label ; a ?type .
          FILTER(?type IN (kg:Person, kg:Organization, kg:Place, kg:Group, kg:Event)) }""").rows
    return {str(label): str(kind).rsplit("#", 1)[-1].rsplit(":", 1)[-1] for label, kind in rows}


@pytest.mark.parametrize("text,name,expected", [
    ("President Alvarez said that Brazil's Petrobras could join the venture.", "Petrobras", "Organization"),
    # an "it" that stands for the clause after it says nothing of the speaker; "Lord" is a title
    ("Falconer wants reform. Falconer said it was impossible for some people to go to court.", "Falconer", "Person"),
    ("Lord Falconer said it was right for the court to be distinct.", "Falconer", "Person"),
    ("Krestmark said it was ready to sign the deal.", "Krestmark", "Organization"),
    # military ranks are titles, not words of the name ("General Motors" keeps its first word)
    ("Gen Pervez Musharraf arrived in London.", "Pervez Musharraf", "Person"),
    ("Lt Gen Sarath Fonseka visited Jaffna.", "Sarath Fonseka", "Person"),
    ("General Motors cut 5,000 jobs.", "General Motors", "Organization"),
    # a place and a point of the compass is a place; an investor with a first name is a person
    ("The seats are Bristol West, Cardiff Central, Leeds North West and Taunton.", "Leeds North West", "Place"),
    ("It is a fund for which New York investor George Soros acts as adviser.", "George Soros", "Person"),
    # Malaysian and Indian honorifics are titles, not words of the name
    ("Datuk Seri Hamid Rahman praised the ties with Shri Ravi Menon.", "Hamid Rahman", "Person"),
    ("Datuk Seri Hamid Rahman praised the ties with Shri Ravi Menon.", "Ravi Menon", "Person"),
    # a capitalised trade before a name is no word of it (but "Carrier Corp" keeps its first word)
    ("Outsourcer Halvex said on Thursday that it had agreed to buy Marlowe.", "Halvex", "Organization"),
    ("Carrier Corp said profits rose.", "Carrier Corp", "Organization"),
    # only bodies have headquarters
    ("Headquartered in Lisbon, Velmora has offices in Dubai and Doha.", "Velmora", "Organization"),
    # honorifics of office are titles ("His Excellency", "HH", which the place gazetteer knows as a code)
    ("I had the pleasure of meeting His Excellency Kofi Mensah Boateng at the conference in Havana.",
     "Kofi Mensah Boateng", "Person"),
    ("HH the Amir Sheikh Khalid bin Nasser Al-Thani arrived in Ljubljana on Monday.",
     "Sheikh Khalid bin Nasser Al-Thani", "Person"),
    # a patronymic inside a name makes it a person's, though it begins like a place ("Bandar", a port)
    ("The MoU was signed by Bandar bin Khalid AlMutairi, the Saudi Minister of Industry.",
     "Bandar bin Khalid AlMutairi", "Person"),
    # a name in apposition to a capitalised title is a person's
    ("At the meeting, the Foreign Minister (Dewi Larasati) will accompany President Joko Widodo.", "Dewi Larasati",
     "Person"),
    ("The mission included the Minister of Planning, Helena Quarto.", "Helena Quarto", "Person"),
    # a name the NER began late, at its last word ("Samia Suluhu [Hassan]", and Hassan is a city), is one person
    ("Ugandan President Yoweri Museveni and her Tanzanian counterpart Samia Suluhu Hassan attended.",
     "Samia Suluhu Hassan", "Person"),
    # no person is owned: a lone word that the NER calls a person, owned by someone, is a company
    ("Since last year, Kestrawn has been wholly owned by the Ministry of Defence.", "Kestrawn", "Organization"),
    # only bodies have headquarters; "which" is said of things, not people
    ("THTF is part of Tongfang Global, which has its headquarters in Hong Kong.", "Tongfang Global", "Organization"),
    ("Huntington Bancshares of Columbus is buying Akron-based Brenco Corp. in a deal.", "Huntington Bancshares",
     "Organization"),
    # Malay place words at the start of a name
    ("The investment will turn Tanjung Malim, Perak into the biggest automobile hub in the region.",
     "Tanjung Malim", "Place"),
    # a description after the comma, however the parser attached it
    ("Most traffic goes through Claro, a company owned by the group.", "Claro", "Organization"),
    # an acronym is a place only as the place tables write it in capitals (a town is called Osu; OSU is a university)
    ("OSU's Division of Student Affairs briefed the visitors from Chengdu.", "OSU", "Organization"),
    ("The delegation met officials of ASU and toured its labs.", "ASU", "Organization"),
    # a party to a deal, when nothing else says what it is (the small model calls Maersk a product)
    ("Maersk signed a partnership agreement with Siemens.", "Maersk", "Organization"),
    # a capitalised plural described as one bank is a name
    ("Barclays, the UK's third-biggest bank, reported record profits.", "Barclays", "Organization"),
    ("Barclays profits hit record level\n\nBarclays, the UK's third-biggest bank, reported record profits.",
     "Barclays", "Organization"),
    ("Talks with the Janatha Vimukthi Peramuna (JVP) ended on Monday.", "Janatha Vimukthi Peramuna", "Organization"),
    ("Reporters from leading media outlets, including Xinhua and Reuters, attended.", "Xinhua", "Organization"),
    ("Officials said the state-run Sinopec would build the plant.", "Sinopec", "Organization"),
    ("The Sri Lanka Freedom Party met in Colombo.", "Sri Lanka Freedom Party", "Organization"),
    ("Acme Holdings PTE Ltd won the tender.", "Acme Holdings PTE Ltd", "Organization"),
    ("He flew from a holiday in Egypt for a sightseeing tour to Wadi Rum.", "Wadi Rum", "Place"),
    ("Officials arrived at the Harbour Finance Building for talks.", "Harbour Finance Building", "Place"),
    # what companies do, have and say of themselves (invented probes of the context cues)
    ("Huntington Ingalls said it would hire 3,000 workers.", "Huntington Ingalls", "Organization"),
    ("Reliance Jio added 5 million users.", "Reliance Jio", "Organization"),
    ("Gazprom cut supplies to Moldova.", "Gazprom", "Organization"),
    ("Analysts at Jefferies expect the merger to close in May.", "Jefferies", "Organization"),
    ("Fitch downgraded Ghana's rating.", "Fitch", "Organization"),
    ("A pop-up store opened on Shanghai's Fuxing Road.", "Fuxing Road", "Place"),
    ("Kandy Hospital, in central Sri Lanka, was closed.", "Kandy Hospital", "Organization"),
    # a body of a place, a legal form after a comma, what has members, an acronym no gazetteer knows
    ("The Diocese of Mannar filed a petition against the project.", "Diocese of Mannar", "Organization"),
    ("He joined Super Octanos, C.A., a refiner.", "Super Octanos, C.A.", "Organization"),
    ("Indonesia became a full member of BRICS in January.", "BRICS", "Organization"),
    ("The Government of India approved the plan.", "India", "Place"),
    ("Several parties, including the SJB, the Sri Lanka Mahajana Pakshaya and the Sri Lanka Muslim Congress, "
     "signed the MoU.", "Sri Lanka Mahajana Pakshaya", "Organization"),
    # a company's arm named for its country, though the NER saw only the country
    ("Nairobi-based Safaricom and Kampala-based MTN Uganda agreed a deal.", "MTN Uganda", "Organization"),
    ("Officials in South Sudan said the talks failed.", "South Sudan", "Place"),
    # a name that modifies a word for a body is the body's: "the BRICS bloc", "the Adani group"
    ("The BRICS bloc expanded to include Iran and Egypt.", "BRICS", "Organization"),
    # who travels is a person, whatever the NER said of a lone surname
    ("After stops in Hanoi and Manila, Blinken headed to Seoul.", "Blinken", "Person"),
    # a place named by its kind, a landform's last word, a facility's; what is owned, bought or joined;
    # a brand's inner capital
    ("The moraine covers much of the cities of Waterloo and Kitchener.", "Kitchener", "Place"),
    ("Climbers crossed the Gore Range in winter.", "Gore Range", "Place"),
    ("The exhibition opened at the Drossinis Museum.", "Drossinis Museum", "Place"),
    ("Instagram, which is owned by Meta, launched a new app.", "Instagram", "Organization"),
    ("Instagram is owned by Meta.", "Meta", "Organization"),
    ("Indonesia joined BRICS as a full member in January.", "BRICS", "Organization"),
    ("Airbus signed a deal with IndiGo on Tuesday.", "IndiGo", "Organization"),
])
def test_context_and_name_evidence_type_the_entity(text: str, name: str, expected: str) -> None:
    assert _types(text).get(name) == expected


def test_possessives_inside_names_keep_the_name_whole() -> None:
    types = _types("The Queen hosted a reception at St James's Palace. She also visited the Women's Institute.")
    assert types.get("St James's Palace") == "Place"
    assert types.get("Women's Institute") == "Organization"
    assert "Palace" not in types and "St James" not in types


def test_a_possessive_name_the_ner_cut_in_two_is_one_name() -> None:
    # the NER tags "Simon" as a person and leaves "Town" to the proper-noun runs
    types = _types("On Wednesday Prince William will travel to Simon's Town, a naval base near Cape Town.")
    assert types.get("Simon's Town") == "Place"
    assert "Town" not in types and "Simon" not in types


def test_a_royal_title_before_a_full_name_is_also_left_out_of_an_alias() -> None:
    graph = kg.build(texts=["Crown Prince Khalid bin Nasser met Prince Anders in Riyadh on Monday."])
    names = {str(r[0]) for r in graph.query("SELECT ?n WHERE { ?p a kg:Person ; skos:altLabel|rdfs:label ?n }").rows}
    assert "Khalid bin Nasser" in names
    assert "Anders" not in names  # a title and one name: the title is part of how he is called


def test_a_state_abbreviation_names_the_state_and_the_name_before_it_is_a_town() -> None:
    graph = kg.build(texts=["Yesterday, the Oak Brook, Ill.-based waste disposal company Velor Waste Inc said it would "
                            "offer 33 dlrs a share."])
    types = _types_of(graph)
    assert types.get("Illinois") == "Place" and types.get("Oak Brook") == "Place"
    rows = graph.query("""SELECT ?o WHERE { ?s kg:locatedIn ?x . ?s rdfs:label "Velor Waste Inc" . ?x rdfs:label ?o }""").rows
    assert ("Illinois",) in {tuple(map(str, r)) for r in rows}


def test_a_country_is_not_merged_into_a_name_that_begins_with_it() -> None:
    types = _types("The Sri Lanka Freedom Party held a rally. Sri Lanka votes next week.")
    assert types.get("Sri Lanka Freedom Party") == "Organization"
    assert types.get("Sri Lanka") == "Place"


def test_a_venue_and_its_place_written_as_one_name_are_two_entities() -> None:
    graph = kg.build(texts=["The accord was signed at the Harbourview Indoor Stadium in Colombo on Monday."])
    types = _types_of(graph)
    assert types.get("Harbourview Indoor Stadium") == "Place" and types.get("Colombo") == "Place"
    assert graph.query("""ASK { ?v rdfs:label "Harbourview Indoor Stadium" ; kg:locatedIn ?c .
                               ?c rdfs:label "Colombo" }""").boolean


def test_a_place_is_also_known_by_its_name_and_kind() -> None:
    graph = kg.build(texts=["The brand opened a store in Beijing's Chaoyang district last year."])
    assert graph.query('ASK { ?d rdfs:label "Chaoyang" ; skos:altLabel "Chaoyang district" }').boolean


def test_headline_words_and_common_acronyms_are_no_entities() -> None:
    text = ("Minister Visits Lagos to Boost Trade Ties\n\nMinister Ana Okafor arrived in Lagos on Monday. "
            "Her ministry is building an AI model with local firms.")
    types = _types(text)
    assert "Boost" not in types and "AI" not in types
    assert types.get("Lagos") == "Place" and types.get("Ana Okafor") == "Person"


@pytest.mark.parametrize("text,name", [
    ("The delegation consists of Minister of International Relations Tawanda Ncube and Agriculture Minister "
     "Rudo Chari.", "Tawanda Ncube"),
    ("The delegation consists of Minister of International Relations Tendai Moyo and Agriculture Minister "
     "Rudo Chari.", "Tendai Moyo"),
])
def test_a_portfolio_after_a_title_is_the_titles(text: str, name: str) -> None:
    # "Minister of International Relations": whether the NER takes the portfolio into the name or
    # makes it a span of its own, it is no name and no part of one
    types = _types(text)
    assert types.get(name) == "Person", types
    assert not any(label.lower().startswith(("of ", "minister")) for label in types), types


def test_an_honorific_is_no_place() -> None:
    types = _types("HH the Amir Sheikh Khalid bin Nasser Al-Thani arrived in Ljubljana on Monday.")
    assert "HH" not in types and types.get("Ljubljana") == "Place", types


def test_a_word_of_a_persons_title_is_no_entity() -> None:
    types = _types("US Secretary of State Antony Blinken returned from Cairo on Thursday.")
    assert "State" not in types and types.get("Antony Blinken") == "Person" and types.get("US") == "Place"


def test_the_first_word_of_a_title_after_a_name_is_no_entity() -> None:
    types = _types("The concession was signed by Hamisi Juma, Director General of the port authority, and "
                   "Sultan Ahmed Bin Sulayem, Group Chairman and CEO of DP World.")
    assert "Group" not in types and types.get("DP World") == "Organization", types


def test_the_first_word_of_a_states_official_name_is_no_entity() -> None:
    types = _types("The minister landed at the airport in Phnom Penh, Kingdom of Cambodia, on Monday.")
    assert "Kingdom" not in types and types.get("Cambodia") == "Place", types


def test_a_place_before_a_unit_gets_no_vote_as_a_company() -> None:
    # "Toyota's US sales arm": the arm is in the US; neither its noun nor its owner makes the US a company
    graph = kg.build(texts=["Jim Press is chief operating officer of Toyota's US sales arm."])
    rows = graph.query("""SELECT ?why WHERE { ?e rdfs:label "US" ; kg:typeEvidence ?why }""").rows
    reasons = [str(why) for why, in rows]
    assert reasons and not any(r.startswith("Organization") for r in reasons), reasons


def test_every_entity_says_why_it_has_its_type() -> None:
    graph = kg.build(texts=["Acme Robotics, a Lyon-based firm, hired Ana Silva."])
    rows = graph.query("""SELECT ?label ?why WHERE { ?e rdfs:label ?label ; kg:typeEvidence ?why }""").rows
    reasons: dict[str, list[str]] = {}
    for label, why in rows:
        reasons.setdefault(str(label), []).append(str(why))
    assert any("Robotics" in r and r.startswith("Organization") for r in reasons["Acme Robotics"]), reasons
    assert any(r.startswith("Place") for r in reasons["Lyon"]), reasons
    # entities without any reason would be unexplained
    labels = {str(label) for label, in graph.query("SELECT ?l WHERE { ?e a kg:Entity ; rdfs:label ?l }").rows}
    assert labels <= set(reasons)


def test_votes_and_explanations() -> None:
    votes = name_votes(["Unitree", "Robotics"])
    assert totals(votes)["Organization"] == pytest.approx(1.5)
    assert explain([("Place", 1.0, "a"), ("Organization", 2.0, "b")]) == ("Organization +2.0: b", "Place +1.0: a")
    assert "gmbh" in legal_forms() and "da" not in legal_forms()  # "Luiz da Silva" is no company


def test_a_name_after_a_nationality_is_an_organisation_and_a_nationality_alone_is_none() -> None:
    types = _types("Turkish Airlines ordered jets. Saudi officials said Sri Lankan buyers waited.")
    assert types.get("Turkish Airlines") == "Organization"
    assert "Saudi" not in types and "Sri Lankan" not in types


def test_a_name_the_ner_calls_a_nationality_is_still_a_name_unless_it_is_one() -> None:
    types = _types("Samsung supplies batteries to carmakers including BMW, Volkswagen and Rivian. "
                   "The block lies in two sectors of South Sumatra, officials said. He is a Muslim.")
    assert types.get("Rivian") == "Organization"
    assert types.get("South Sumatra") == "Place"
    assert "Muslim" not in types


def test_an_office_place_and_its_holder_in_one_ner_span_are_two_names() -> None:
    types = _types("Indian High Commissioner to Sri Lanka Santosh Jha told local media that ties were strong.")
    assert types.get("Sri Lanka") == "Place" and types.get("Santosh Jha") == "Person"


def test_a_describing_noun_right_before_a_name_types_it_however_parsed() -> None:
    types = _types("LF subsidiary CTDOTS’ young casual label Dunst is also testing demand with a pop-up in Shanghai.")
    assert types.get("Dunst") == "Organization"


def test_a_common_noun_is_a_name_only_when_it_is_a_persons_name_found_before() -> None:
    # "Starmer" at the start of a sentence is tagged a common noun: still the person's name;
    # "Independence" is a word of a place's name, not a name of its own
    assert "Independence" not in _types("Crowds filled Independence Square. Independence came in 1948.")
    graph = kg.build(texts=["Keir Starmer is on a trade mission. Starmer touched down in Mumbai on Saturday."])
    aliases = {str(a) for (a,) in graph.query("SELECT ?a WHERE { ?e rdfs:label 'Keir Starmer' ; skos:altLabel ?a }").rows}
    assert "Starmer" in aliases


def test_a_legal_form_ends_a_company_name_before_and() -> None:
    types = _types("Top chipmakers like Dorrit Instruments Inc and Harlow Inc might buy Tixo.")
    assert types.get("Dorrit Instruments Inc") == "Organization" and types.get("Harlow Inc") == "Organization", types


def test_a_name_before_a_resort_is_a_place() -> None:
    types = _types("The government opened the Velordok resort last year to promote tourism.")
    assert types.get("Velordok") == "Place", types


def test_a_name_ending_in_summit_or_festival_is_an_event_not_a_place() -> None:
    types = _types("Leaders met at the Velor Summit in Lima. The Tarn Film Festival opened in Cannes.")
    assert types.get("Velor Summit") == "Event" and types.get("Tarn Film Festival") == "Event", types


def test_two_names_listed_after_such_as_or_including_are_two() -> None:
    types = _types("Western firms such as Dell and Hewlett-Packard are fighting for share. "
                   "Chipmakers, including Velmar Semiconductor and Tixo Logic, might bid.")
    assert types.get("Hewlett-Packard") == "Organization" and types.get("Tixo Logic") == "Organization", types


def test_a_place_between_of_and_a_legal_form_is_a_word_of_the_company_name() -> None:
    types = _types("Consolidated Velor Co of New York Inc has agreed to reduce its rates.")
    assert types.get("Consolidated Velor Co of New York Inc") == "Organization", types
