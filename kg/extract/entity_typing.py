"""Typing: which kind of thing an entity is, fused from every piece of evidence, and why.

The small statistical NER often calls a company a person ("Sinopec", "Petrobras") or a headline
word a place; trusting its one label throws true facts away at the domain and range checks. So
each name collects weighted votes, each with its reason, and the entity takes the type with the
most weight across all its mentions in the document:

* **the NER**, as one voice split by how often it said what (weaker for a lone word that never
  gets a first name or a title: a person is introduced in full);
* **gazetteers**: the user's (``--gazetteer``, decisive), the built-in places (geonames countries
  and cities, ISO regions), legal forms of companies (``cleanco``'s list: "Ltd", "PTE", "S.p.A.");
* **the name's own words**: suffixes ("Robotics", "University", "province"), organisation words
  anywhere in it ("Sri Lanka Freedom Party faction"), royal titles, "Mount", an acronym written
  after it ("Janatha Vimukthi Peramuna (JVP)": not a person);
* **context**: an apposition or predicate noun ("Enarsa, the state energy firm"), a descriptive
  noun before the name ("label Dunst"), the head of its list ("outlets, including Xinhua"),
  "X-based", "Brazil's Petrobras" (a lone word a place owns is no person), what the name owns
  ("X's subsidiary / shares / chairman": an organisation; "X's capital / government": a place),
  being where someone went ("a tour to Wadi Rum"), what companies do or have ("Gazprom cut
  supplies", "Vale shares", "analysts at Jefferies") and the pronoun that takes the name up ("X
  said it would"; "he" for a person);
* **its list**: names coordinated in one list are mostly of one type.

:func:`explain` turns the votes into sentences stored with the entity (``kg:typeEvidence``).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Token

from .lexicon import lexicon
from .mentions import LEGAL_ENDINGS, OFFICE_BUILDINGS, Mention
from .places import is_place, state_abbreviations
from .tokens import span_root, span_text, tokens

#: A vote: (type, weight, reason).
Vote = tuple[str, float, str]

#: Nouns an organisation owns or has, and nouns a place has ("X's subsidiary", "X's capital").
_OWNED_BY_ORGANISATIONS = frozenset({
    "subsidiary", "subsidiaries", "unit", "units", "affiliate", "shares", "share", "stock", "stake", "profit",
    "profits", "revenue", "revenues", "earnings", "sales", "chairman", "ceo", "founder", "headquarters", "hq",
    "employees", "workers", "staff", "plant", "factory", "factories", "board", "shareholders", "shareholder",
    "brand", "brands", "products", "customers", "division", "arm", "parent", "acquisition", "merger", "stores",
    "outlets", "branches", "spokesman", "spokeswoman", "spokesperson", "executives", "management", "members",
})
_OWNED_BY_PLACES = frozenset({
    "capital", "government", "economy", "citizens", "people", "population", "territory", "province", "provinces",
    "coast", "border", "borders", "embassy", "president", "parliament", "army", "military", "navy", "cities",
    "regions", "districts", "states", "minister", "ministry",
})
#: Words that make a name an organisation's wherever they stand in it ("Bank of Ceylon").
_ORGANISATION_WORDS = frozenset({
    "party", "bank", "university", "ministry", "council", "congress", "committee", "corporation", "company",
    "association", "institute", "college", "school", "foundation", "agency", "authority", "commission",
    "federation", "union", "league", "front", "movement", "alliance", "board", "court", "army", "police",
    "academy", "institution", "organisation", "organization", "society", "trust", "fund", "department",
    "office", "bureau", "centre", "center", "club", "group", "holdings", "industries", "airlines", "airways",
})
#: Facility words that also end the names of institutions ("the Carter Center", "the British Museum").
_INSTITUTION_FACILITIES = frozenset({"center", "centre", "complex", "base"})
#: A word with a capital after a small letter, not a surname's prefix ("McCarthy", "DeSantis").
_CAMEL_CASE = re.compile(r"^(?!(?:Mc|Mac|De|Di|Du|Da|Le|La|Van|Von|Al|El|Ibn|Bin)[A-Z])[A-Z]?[a-z]+[A-Z][A-Za-z]*$")
#: Short legal forms too ambiguous to type a name by ("da" in "Luiz da Silva").
_AMBIGUOUS_LEGAL_FORMS = frozenset({"da", "as", "og", "sd", "mb", "pt", "ay", "hb", "bt.", "oe", "ans", "sal", "aj", "kb",
                                    "ks", "ab", "ek", "ky", "ag", "sa", "se", "sc", "co", "de", "sp", "nv", "bv", "ou"})


@lru_cache(maxsize=1)
def legal_forms() -> frozenset[str]:
    """Legal forms of companies ("ltd", "pte", "s.p.a.", "gmbh") from ``cleanco``, lower case."""
    from cleanco.termdata import terms_by_type  # loaded once, on first use

    forms = {t.strip().lower() for terms in terms_by_type.values() for t in terms}
    return frozenset(f for f in forms if f and f not in _AMBIGUOUS_LEGAL_FORMS and len(f) > 1)


def is_legal_form(word: str) -> bool:
    """Whether *word* is a company's legal form ("Inc", "Corp.", "PLC"), the short ambiguous ones
    ("Co", "AG", "SA") included: for a word known to end a company's name."""
    low = word.casefold().rstrip(".")
    return low in legal_forms() or low in LEGAL_ENDINGS


def noun_type(tok: Token) -> str | None:
    """The type a common noun describes: "firm" → Organization, "city" → Place, "minister" → Person."""
    lex = lexicon()
    lemma, low = tok.lemma_.lower(), tok.lower_
    if low in lex.person_nouns or lemma in lex.person_nouns:
        return "Person"
    if low in lex.place_nouns or lemma in lex.place_nouns or lemma in lex.facility_nouns:
        return "Place"
    if low in lex.organization_nouns or lemma in lex.organization_nouns or lemma.endswith("maker"):
        return "Organization"
    return None


def _capitalised_title(tok: Token) -> bool:
    """A title the tagger took for a proper noun ("the Foreign Minister"), outside any name."""
    return tok.pos_ == "PROPN" and tok.lower_ in lexicon().titles and tok.ent_type_ != "PERSON"


def context_votes(doc: Doc, m: Mention, places: set[int]) -> None:
    """Add to *m* the typing evidence of the words around it. *places* are the token indices of
    names that are places by the gazetteer or the NER (for "Brazil's Petrobras")."""
    toks = tokens(doc)
    lex = lexicon()
    root = span_root(doc, m.start, m.end)

    def vote_noun(tok: Token, weight: float, how: str) -> None:
        kind = noun_type(tok)
        if kind:
            m.vote(kind, weight, f"{how} '{tok.text}'")

    # "Oak Brook, Ill.": a name before a state's abbreviation is a town of that state
    if m.end + 1 < len(doc) and toks[m.end].text == "," and toks[m.end + 1].text in state_abbreviations():
        m.vote("Place", 3.0, f"before '{toks[m.end + 1].text}'")
    # an apposition: "Harman International, a US-based ... provider"; "Pequiven, the ... subsidiary of PDVSA"
    for child in root.children:
        if child.dep_ == "appos" and (child.pos_ == "NOUN" or _capitalised_title(child)):
            vote_noun(child, 2.0, "apposition")
    # "the Minister of Planning, Simone Tebet", "the Foreign Minister (Retno Marsudi)": a title,
    # capitalised, that the name stands beside
    if root.dep_ == "appos" and (root.head.pos_ == "NOUN" or (
            _capitalised_title(root.head) and toks[m.end - 1].lower_ not in lex.titles)):  # not a title itself
        vote_noun(root.head, 2.0, "apposition")
    # the same, the parser having hung the description elsewhere: "goes through Claro, a company owned by ..."
    if m.end + 2 < len(doc) and toks[m.end].text == "," and toks[m.end + 1].lower_ in ("a", "an") \
            and toks[m.end + 1].head.pos_ == "NOUN" and toks[m.end + 1].head.i > m.end + 1 \
            and toks[m.end + 1].head.head.i != root.i:
        vote_noun(toks[m.end + 1].head, 1.5, "described after a comma as")
    # "Mercosur (Brazil, Paraguay, Argentina and Uruguay)": a name with its member countries in brackets is a body's
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i > 0 and toks[child.i - 1].text == "(" \
                and child.ent_type_ == "GPE" and any(c.ent_type_ == "GPE" for c in child.conjuncts) and m.end <= child.i - 1:
            m.vote("Organization", 2.0, "its members listed in brackets")
    # a predicate noun: "Mount Kilimanjaro is a dormant volcano", "Alphabet is a holding company"
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        for child in root.head.children:
            if child.dep_ == "attr" and child.pos_ == "NOUN":
                vote_noun(child, 2.0, "predicate noun")
    # things, not people, are located somewhere: "The Louvre, located in Paris"
    if any(c.dep_ in ("acl", "relcl") and c.lower_ in ("located", "based", "headquartered", "situated") for c in root.children):
        m.vote("Place", 0.8, "located somewhere")
        m.vote("Organization", 0.8, "located somewhere")
    # "Nammos is headquartered in Mykonos", "Headquartered in Mykonos, Nammos has ...": only bodies have headquarters
    if root.dep_ in ("nsubj", "nsubjpass") and (root.head.lower_ == "headquartered" or any(
            c.dep_ == "advcl" and c.lower_ == "headquartered" and c.i < root.i for c in root.head.children)):
        m.vote("Organization", 1.5, "headquartered somewhere")
    # "Tongfang Global, which has its headquarters in Hong Kong", "X has its head office in Y"
    having = [root.head] if root.dep_ == "nsubj" and root.head.lemma_ == "have" else []
    having += [c for c in root.children if c.dep_ == "relcl" and c.lemma_ == "have"]
    if any(c.dep_ == "dobj" and c.lemma_ in _HEAD_OFFICES for verb in having for c in verb.children):
        m.vote("Organization", 1.5, "has headquarters")
    # "Tongfang Global, which ...": a relative clause that "which" opens is about a thing, not a person
    if any(c.dep_ == "relcl" and c.i > root.i and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ == "which"
                                                     for g in c.children) for c in root.children) \
            and m.end < len(doc) and toks[m.end].text == ",":
        m.vote("Person", -0.8, "'which' after it, not 'who'")
    # "the state-run Sinopec", "privately held Krestmark": what only organisations are
    for child in root.children:
        if child.dep_ == "amod" and child.i < m.start:
            words = span_text(doc, child.left_edge.i, child.i + 1).lower()  # "state-run" is three tokens
            if words in _ORGANISATION_MODIFIERS or re.search(r"-(run|owned|controlled|listed|backed|funded)$", words):
                m.vote("Organization", 1.5, f"'{words}'")
    # a descriptive noun before the name: "gaming giant Krafton", "steelmaker POSCO Group", "label Dunst"
    described = [child for child in root.children
                 if child.dep_ in ("compound", "amod", "nmod") and child.pos_ == "NOUN" and child.i < m.start]
    for child in described:
        vote_noun(child, 1.5, "described as")
    before = toks[m.start - 1] if m.start > 0 else None
    if not described and before is not None and before.pos_ == "NOUN" and before.tag_ == "NN" and before.head.i != m.start:
        vote_noun(before, 1.0, "written after")  # the same, however parsed: "young casual label [Dunst] is"
    elif before is not None and before.pos_ == "PROPN" and before.is_title and noun_type(before) == "Organization":
        m.vote("Organization", 1.5, f"described as '{before.text}'")  # "Miner [Rio Tinto] said": a capitalised trade
    # a member of a list introduced by a noun: "six leading tech startups, including DeepSeek, ..."
    first = root
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ == "pobj" and first.head.lower_ in ("including", "like", "as") and first.head.head.pos_ in ("NOUN",):
        vote_noun(first.head.head, 2.0, "listed under")
    if first.dep_ == "appos" and first.head.pos_ == "NOUN":
        vote_noun(first.head, 1.5, "listed under")
    # a place named by its kind: "the city of Waterloo", "the cities of Kitchener and Waterloo"
    if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lower_ in _PLACE_KINDS:
        m.vote("Place", 1.5, f"'{first.head.head.text} of'")
    # the name modifies a noun: "Ronnskar copper smelter" (a facility), "its Diamond Lumber units"
    if root.dep_ in ("compound", "nmod") and root.head.pos_ == "NOUN":
        head = root.head.lemma_.lower()
        if head in lex.facility_nouns:
            m.vote("Place", 1.5, f"names a facility ('{root.head.text}')")
        elif head in lex.collective_org_nouns or (root.head.lower_ in lex.organization_nouns or head in lex.organization_nouns) \
                and not is_place(doc[m.start:m.end].text):  # "a Dunedin company": where the company is
            m.vote("Organization", 1.0, f"names an organisation ('{root.head.text}')")
    # "in Yeongjongdo, Incheon", "at Jose in eastern Venezuela": a place by its neighbours
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "to", "near"):
        if any(c.dep_ == "appos" and is_place(c.text) for c in root.children) or any(
            c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC") for g in c.children)
            for c in root.children
        ):
            m.vote("Place", 1.5, "a place beside a place")
        # where someone goes: "a sightseeing tour to Wadi Rum", "arrived in Kandy"
        governor = root.head.head
        if root.head.lower_ in ("to", "in") and governor.lemma_.lower() in _MOVEMENT:
            m.vote("Place", 1.0, f"destination of '{governor.text}'")
        elif root.head.lower_ == "at" and governor.lemma_.lower() in _RECEIVING:
            m.vote("Place", 1.0, f"where someone is received ('{governor.text} at')")
        elif root.head.lower_ == "in" and governor.lemma_ == "be" and any(c.dep_ == "nsubj" and (
                c.pos_ == "PRON" or c.ent_type_ == "PERSON") for c in governor.children):
            m.vote("Place", 1.0, "where someone is ('he was in X')")
    # "the takeover of Activision Blizzard", "the owner of Zara", "its merger with Asiana": what is
    # bought, owned or merged is a company
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "with") and root.head.head.lemma_.lower() in (
            _BOUGHT_OR_OWNED_OF if root.head.lower_ == "of" else ("merger",)) and m.source != "places":
        m.vote("Organization", 1.5, f"'{root.head.head.text} {root.head.text}'")  # people are not bought
    # "a member of BRICS", "joined the alliance": what has members is a body (or, for people, a group)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in ("member", "membership") \
            and m.source != "places":
        m.vote("Organization", 1.0, "has members")
    # "Leicester South, where Labour won the seat": what "where" takes up is a place
    if any(c.dep_ == "relcl" and any(g.dep_ == "advmod" and g.lower_ == "where" for g in c.children) for c in root.children):
        m.vote("Place", 1.0, "'where' after it")
    # "Ziwig Lab, headquartered in France": what has its headquarters somewhere is an organisation
    if any(c.dep_ == "acl" and c.lower_ in ("headquartered", "incorporated", "registered") for c in root.children):
        m.vote("Organization", 2.0, "headquartered somewhere")
    # "Texas-based Krestmark": the first part is a place ("RNA-based", "AI-based": an acronym only as a known place)
    if root.head.lower_ == "based" and root.dep_ in ("npadvmod", "compound", "nmod", "amod") and not (
            m.end - m.start == 1 and root.text.isupper() and not is_place(root.text)):
        m.vote("Place", 2.0, "X-based")
    # "Paris-based Danone": what is based somewhere is an organisation (a person would be "a Paris-based artist")
    if any(c.dep_ == "amod" and c.lower_ == "based" and any(g.dep_ in ("npadvmod", "compound") for g in c.children)
           for c in root.children):
        m.vote("Organization", 1.5, "X-based")
    if root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lower_ == "based":
        m.vote("Place", 2.0, "based in X")
    # what the name owns: "Samsung's subsidiary", "Iraq's capital"
    if root.dep_ == "poss":
        owned = root.head
        if owned.pos_ == "NOUN":
            word = owned.lower_
            if word in _OWNED_BY_ORGANISATIONS:
                m.vote("Organization", 1.0, f"has a '{owned.text}'")
            elif word in _OWNED_BY_PLACES:
                m.vote("Place", 1.0, f"has a '{owned.text}'")
    # "Brazil's Petrobras": a lone word a place owns is an organisation, not a person (nor a
    # place the NER names as one: "Toyota's US sales arm")
    if m.end - m.start == 1 and m.title is None and ("Place", 1.0, "ner") not in m.reasons:
        owner = next((c for c in root.children if c.dep_ == "poss" and c.i in places), None)
        if owner is None and m.start > 1 and toks[m.start - 1].lower_ in ("'s", "’s") and m.start - 2 in places:
            owner = toks[m.start - 2]  # however parsed: "between PDVSA and Argentina's Enarsa"
        if owner is not None:
            m.vote("Organization", 1.2, f"owned by the place '{owner.text}'")
    # "Instagram is owned by Meta", "Meta acquired Instagram", "Instagram, (which is) owned by Meta":
    # what is owned or bought, and who owns it, are companies, unless the NER says a person; but no
    # person is owned: a lone word owned by someone is a company whatever the NER said of it
    # ("Forgemasters is owned by the Ministry of Defence"; the buyer may be a person: "Musk bought Twitter")
    ner_person = any(kind == "Person" and reason == "ner" for kind, _, reason in m.reasons)
    if m.source != "places":
        head = root.head
        if root.dep_ == "pobj" and head.dep_ == "agent" and head.head.lemma_ in _OWNING:
            verb = head.head
        elif root.dep_ in ("nsubjpass", "dobj") and head.pos_ == "VERB" and head.lemma_ in _OWNING:
            verb = head
        elif root.dep_ == "nsubj" and head.pos_ == "VERB" and any(c.dep_ == "dobj" for c in head.children) and (
                head.lemma_ in _OWNING or (head.lemma_ in ("take", "snap") and any(
                    c.dep_ == "prt" and c.lower_ in ("over", "up") for c in head.children))):
            verb = head  # "Meta acquired Instagram", "Vodafone took over Mannesmann": the buyer
        else:
            verb = next((c for c in root.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN" and c.lemma_ in _OWNING
                         and any(g.dep_ == "agent" for g in c.children)), None)
        owned_lone_word = root.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in head.children) \
            and m.end - m.start == 1 and m.title is None
        if verb is not None and (not ner_person or owned_lone_word):
            m.vote("Organization", 1.2, f"owns or is owned ('{verb.text}')")
    if not ner_person and m.source != "places":
        # "Indonesia joined BRICS as a full member": what one joins is a body
        if root.dep_ == "dobj" and head.lemma_ in ("join", "rejoin"):
            member = any(c.dep_ == "prep" and c.lower_ == "as" for c in head.children)
            m.vote("Organization", 1.5 if member else 0.8, f"joined{' as a member' if member else ''}")
        # "Maersk signed a partnership agreement with Siemens": a party to a deal that is neither a
        # person (by the NER) nor a place (by the gazetteer) is a company or a body; a weak vote,
        # for the names no other evidence types
        deal = _agreement_signed(root)
        if deal is not None:
            m.vote("Organization", 0.8, f"party to '{deal.text}'")
    # what companies do: "Reliance Jio added 5 million users", "Engie agreed to sell its stake",
    # "Tullow said its output rose", "Vale shares rose", "analysts at Jefferies"
    if root.dep_ == "nsubjpass" and root.head.lemma_ in _FOUNDING and root.head.pos_ == "VERB":
        m.vote("Organization", 1.2, f"was {root.head.text}")  # "BRICS was founded in 2009"
    # "Blinken headed to Seoul", "X flew to Jakarta": who travels is someone, not a place
    if root.dep_ == "nsubj" and root.head.pos_ == "VERB" and root.head.lemma_.lower() in _TRAVEL_VERBS and any(
            c.dep_ == "prep" and c.lower_ in ("to", "in", "into", "at", "for") for c in root.head.children):
        m.vote("Person", 1.5, f"travels ('{root.head.text}')")
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
        verb = root.head
        objects = [c for c in verb.subtree if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.i > root.i
                   and (c.lower_ in _COMPANY_THINGS or c.lemma_.lower() in _COMPANY_THINGS)][:1]
        if not objects:  # "Yukos sold its Yugansk unit": what has a unit is a company (a person's is "his")
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in _UNITS
                       and any(g.dep_ == "poss" and g.lower_ == "its" for g in c.children)]
        if objects:
            m.vote("Organization", 1.2, f"has '{objects[0].text}'")
        # "X said it would ...": the pronoun that takes up the subject says what it is
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            pron = subj if subj is not None and subj.lower_ in ("it", "he", "she") and not _expletive(subj) else None
            if pron is None and subj is not None:
                pron = next((c for c in subj.children if c.dep_ == "poss" and c.lower_ in ("its", "his", "her")), None)
            if pron is not None:
                thing = pron.lower_ in ("it", "its")
                m.vote("Organization" if thing else "Person", 1.2, f"said '{pron.text}'")
    # "the Samsung plant" is Samsung's; but a gazetteer place before a unit ("its China unit"), or a
    # name between an owner and its unit ("Toyota's US sales arm", "the SEC's Washington DC
    # headquarters"), says where the unit is
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.lower_ in _OWNED_BY_ORGANISATIONS \
            and root.head.lower_ not in ("president", "members") and not is_place(span_text(doc, m.start, m.end)) \
            and (root.head.lower_ in _UNITS or not any(c.dep_ == "poss" for c in root.head.children)):
        m.vote("Organization", 1.2, f"'{root.text} {root.head.text}'")  # but "its Yugansk unit" is a company
    if root.dep_ == "pobj" and root.head.lower_ == "at" and root.head.head.lemma_.lower() in _STAFF:
        m.vote("Organization", 1.2, f"'{root.head.head.text} at'")
    # "Janatha Vimukthi Peramuna (JVP)": organisations and places have acronyms, people do not
    if m.end - m.start > 1 and m.end + 2 < len(doc) and toks[m.end].text == "(" and toks[m.end + 2].text == ")":
        acronym = toks[m.end + 1].text
        if acronym.isupper() and len(acronym) >= 2 and acronym[0] == toks[m.start].text[:1].upper():
            m.vote("Organization", 1.5, f"written with the acronym '{acronym}'")


def _expletive(pron: Token) -> bool:
    """"said it was impossible for some people to go", "said it was clear that ...": an "it" that
    stands for the clause after it, not for anyone named before; not "it was ready to sign" (the
    one ready is the one named)."""
    verb = pron.head
    if pron.lower_ != "it" or verb.lemma_ not in ("be", "seem", "appear", "remain"):
        return False
    complement = next((c for c in verb.children if c.dep_ in ("acomp", "attr")), None)
    if complement is None or complement.lemma_.lower() in _CONTROL_ADJECTIVES:
        return False
    clauses = [c for t in (verb, complement) for c in t.children if c.dep_ in ("xcomp", "ccomp", "csubj", "advcl")]
    return any(g.dep_ in ("aux", "mark") and g.lower_ in ("to", "that", "for") for c in clauses for g in c.children)


#: Adjectives whose "to" clause is done by their subject: "it was ready to sign" is the company.
_CONTROL_ADJECTIVES = frozenset({"ready", "able", "unable", "willing", "unwilling", "keen", "eager", "happy",
                                 "prepared", "reluctant", "determined", "set", "due", "likely", "unlikely", "poised",
                                 "anxious", "proud", "pleased", "free"})


def _agreement_signed(root: Token) -> Token | None:
    """The agreement *root* is a party to, as the subject that signs it ("X signed a deal with Y",
    "X and Y inked an MoU") or the one it is made with ("a partnership agreement with Y"), else None."""
    while root.dep_ == "conj":  # "Toyota and Panasonic signed ..."
        root = root.head
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in _SIGNING:
        return next((c for c in root.head.children if c.dep_ == "dobj" and c.lemma_.lower() in _AGREEMENTS), None)
    if root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.lemma_.lower() in _AGREEMENTS:
        return root.head.head
    return None


#: Kinds of place whose "of" names one: "the city of X", "the province of Y".
_PLACE_KINDS = frozenset({"city", "cities", "town", "towns", "village", "villages", "province", "provinces", "state",
                          "states", "region", "regions", "county", "counties", "district", "districts", "municipality",
                          "municipalities", "township", "townships", "island", "islands", "prefecture", "borough",
                          "parish", "emirate", "kingdom", "country", "countries", "oblast", "governorate",
                          "canton"})
#: A company's parts, which a name before them names ("its Yugansk unit"), where a place would be
#: the one of a seat or a plant ("the SEC's Washington DC headquarters").
_UNITS = frozenset({"unit", "units", "subsidiary", "subsidiaries", "division", "arm", "affiliate"})
#: Nouns whose "of" is a company: "the takeover of X", "the owner of X", "a subsidiary of X".
_BOUGHT_OR_OWNED_OF = frozenset({"acquisition", "takeover", "buyout", "owner", "parent", "proprietor", "subsidiary",
                                 "affiliate", "shareholder", "shareholders", "unit", "division"})
#: Verbs of owning and buying companies ("owned by X", "X acquired Y").
_OWNING = frozenset({"own", "acquire", "buy", "purchase", "control"})
#: Verbs of making an agreement, and the agreements made ("signed a deal", "inked an MoU").
_SIGNING = frozenset({"sign", "ink", "seal", "strike", "conclude", "clinch", "reach", "forge", "finalise", "finalize",
                      "announce", "renew"})
_AGREEMENTS = frozenset({"agreement", "deal", "mou", "memorandum", "contract", "pact", "accord", "treaty",
                         "partnership", "venture"})
#: Verbs whose passive subject is an organisation: "X was founded / set up in 1999".
_FOUNDING = frozenset({"found", "establish", "incorporate", "form", "co-found", "cofound"})
#: What companies have, report, cut or sell: the subject that does so is an organisation.
_COMPANY_THINGS = frozenset({"profit", "profits", "loss", "losses", "revenue", "revenues", "earnings", "sales", "users",
                             "customers", "subscribers", "shares", "stake", "dividend", "dividends", "output",
                             "production", "jobs", "job", "workforce", "stores", "plants", "factories", "shareholders",
                             "supplies", "supply", "orders", "order", "passengers", "passenger", "deposits", "assets",
                             "bonds", "outlook", "rating", "user", "customer", "subscriber", "share", "sale",
                             "contract", "contracts", "tender", "tenders"})
#: People who work at an organisation: "analysts at Jefferies", "engineers at Airbus".
_STAFF = frozenset({"analyst", "economist", "strategist", "engineer", "executive", "banker", "trader", "researcher",
                    "scientist", "employee", "worker", "staff", "manager", "director", "spokesman", "spokeswoman"})

#: What only bodies have: "X has its headquarters in Y" (the lemma of "headquarters" is itself).
_HEAD_OFFICES = frozenset({"headquarters", "headquarter", "hq"})

#: Adjectives said of organisations only.
_ORGANISATION_MODIFIERS = frozenset({"state-run", "state-owned", "listed", "privately-held", "publicly-traded",
                                     "family-owned", "unlisted", "bankrupt", "insolvent", "incorporated"})
#: Words of going somewhere, whose "to"/"in" object is a place.
_MOVEMENT = frozenset({"tour", "trip", "visit", "travel", "fly", "go", "come", "arrive", "arrival", "journey", "head",
                       "return", "move", "drive", "sail", "flight", "stopover", "excursion", "pilgrimage"})
#: Verbs of receiving a guest, whose "at" object is a venue ("was welcomed at the Rashtrapati Bhavan").
_RECEIVING = frozenset({"welcome", "receive", "host", "greet"})
#: Verbs of travelling whose subject is a traveller ("headed to", "flew to"); not "visit", whose
#: subject may be a group or a company's team, nor "come"/"go", said of prices and talks.
_TRAVEL_VERBS = frozenset({"travel", "fly", "head", "arrive", "land", "tour", "journey", "sail", "drive"})


#: Last words of an event's name ("the G77 Summit", "the Velor Film Festival"); not "Games" or "Cup",
#: which end companies' names too, nor "Forum" or "Congress", which end bodies'.
_EVENT_WORDS = frozenset({"summit", "conference", "festival", "expo", "olympics", "symposium", "exhibition",
                          "championship", "championships", "marathon", "biennale", "carnival"})


def name_votes(words: Sequence[str]) -> list[Vote]:
    """Typing evidence from the name itself: suffixes, organisation words, legal forms, the place gazetteer."""
    lex = lexicon()
    votes: list[Vote] = []
    folded = [w.casefold() for w in words]
    last = folded[-1] if folded else ""
    if last in lex.organization_suffixes:
        votes.append(("Organization", 1.5, f"ends in '{words[-1]}'"))
    elif len(folded) > 1 and any(w in _ORGANISATION_WORDS for w in folded):
        word = next(w for w in words if w.casefold() in _ORGANISATION_WORDS)
        votes.append(("Organization", 1.5, f"has the word '{word}'"))
    if len(folded) > 1 and (last in legal_forms() or " ".join(folded[-2:]) in legal_forms() or folded[0] == "pt"):
        votes.append(("Organization", 2.0, "has a company's legal form"))
    if any(_CAMEL_CASE.match(w) for w in words):  # "IndiGo", "BlackRock": spelt like a brand
        votes.append(("Organization", 1.0, "spelt like a brand (inner capital)"))
    if len(folded) > 1 and last in _EVENT_WORDS:
        votes.append(("Event", 3.0, f"an event: ends in '{words[-1]}'"))  # "the G77 Summit", "Davos Forum" is no place
    if last in lex.place_suffixes:
        votes.append(("Place", 1.5, f"ends in '{words[-1]}'"))
    elif len(folded) > 1 and last in lex.facility_nouns and last not in _INSTITUTION_FACILITIES:
        votes.append(("Place", 1.5, f"a facility: ends in '{words[-1]}'"))  # "Harbourview Indoor Stadium"
    elif len(folded) > 2 and folded[1] == "of" and folded[0] in lex.facility_nouns \
            and folded[0] not in _INSTITUTION_FACILITIES and folded[0] != "church":  # not "Church of England"
        votes.append(("Place", 1.5, f"a facility: '{words[0]} of ...'"))  # "Museum of Army Flying"
    if len(words) > 1 and folded[-1] in OFFICE_BUILDINGS and " ".join(folded[:-1]) in lex.titles:
        votes.append(("Place", 2.0, f"a building named for an office ('{' '.join(words)}')"))  # "Prime Minister House"
    if folded and folded[0] in lex.royal_titles and len(words) > 1:
        votes.append(("Person", 2.0, f"royal title '{words[0]}'"))
    known = is_place(" ".join(words))
    # "Leicester South", "Leeds North West", "Cardiff Central": a place and a point of the compass
    # (a constituency, a district)
    rest = list(words)
    while len(rest) > 1 and rest[-1].casefold() in _COMPASS:
        rest.pop()
    if not known and len(rest) < len(words) and is_place(" ".join(rest)):
        votes.append(("Place", 2.0, f"the place '{' '.join(rest)}' and a point of the compass"))
    # "Bandar bin Ibrahim AlKhorayef", "Siti binti Aziz": a patronymic between given name and family name
    patronymic = len(words) > 2 and any(w in ("bin", "bint", "binti", "ibn") and words[i].islower()
                                        for i, w in enumerate(folded[1:-1], 1))
    if patronymic:
        votes.append(("Person", 2.5, "a patronymic ('bin', 'ibn') inside the name"))
    if len(words) > 1 and folded[0] in lex.place_prefixes and not known and not patronymic:
        votes.append(("Place", 2.0, f"begins with '{words[0]}'"))  # "Mount Kilimanjaro", "Lake Victoria"
    if known:  # one voice for the gazetteer (a name in it may also be a company's: "Rio Tinto")
        votes.append(("Place", 1.5, "in the place gazetteer"))
    return votes


#: Points of the compass that follow a place's name in the names of its parts.
_COMPASS = frozenset({"north", "south", "east", "west", "central", "north-east", "north-west", "south-east",
                      "south-west", "northeast", "northwest", "southeast", "southwest"})


def cluster_votes(mentions: Sequence[Mention], fullest_words: Sequence[str]) -> list[Vote]:
    """The votes of one entity: its mentions' (the NER as one voice) and its fullest name's."""
    votes: list[Vote] = []
    ner: dict[str, float] = defaultdict(float)
    n = sum(m.source == "ner" for m in mentions)
    reasons: dict[tuple[str, str], float] = defaultdict(float)
    for m in mentions:
        for kind, weight, reason in m.reasons:
            if reason == "ner":
                ner[kind] += 1.0
            else:
                reasons[(kind, reason)] += weight
    # a lone word the NER calls a person, never given a first name or a title, is often a company:
    # news introduces people by their full name
    lone_word = len(fullest_words) == 1 and not any(m.title for m in mentions)
    # an acronym the NER calls a place and the place gazetteer does not know is mostly a body
    # ("BRICS", "ASEAN", "OPEC"): the places written as acronyms (US, UAE, DRC) are listed
    unknown_acronym = lone_word and _acronym(fullest_words[0]) and not any(m.source == "places" for m in mentions)
    for kind, count in sorted(ner.items()):  # the NER counts as one voice, split by how often it said what
        weight = 0.6 if lone_word and kind == "Person" or unknown_acronym and kind == "Place" else 1.0
        votes.append((kind, weight * (count / max(n, 1) + 0.1 * min(count, 3)),
                      f"the NER said {kind} for {int(count)} of {n} mention(s)"))
    votes += [(kind, weight, reason) for (kind, reason), weight in reasons.items()]
    votes += name_votes(fullest_words)
    return votes


def _acronym(word: str) -> bool:
    return 3 <= len(word) <= 6 and word.isalpha() and word.isupper() and not is_place(word)


def totals(votes: Iterable[Vote]) -> dict[str, float]:
    out: dict[str, float] = defaultdict(float)
    for kind, weight, _ in votes:
        out[kind] += weight
    return dict(out)


def dominant(votes: dict[str, float]) -> str | None:
    return max(votes, key=lambda k: (votes[k], k)) if votes else None


def explain(votes: Iterable[Vote], limit: int = 6) -> tuple[str, ...]:
    """The strongest reasons, as short sentences: "Organization +1.5: ends in 'Robotics'"."""
    ranked = sorted(votes, key=lambda v: (-v[1], v[0], v[2]))[:limit]
    return tuple(f"{kind} {weight:+.1f}: {reason}" for kind, weight, reason in ranked)
