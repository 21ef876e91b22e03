"""Run the relation patterns over a resolved document and emit relation records.

One ``DependencyMatcher`` (built by the pattern set) holds every pattern. For each match, the role finders pick the tokens
for subject and object, the tokens are mapped to entities, and the result is kept when the
entity types fit the relation, the two sides differ, and the statement is not speculative ("it
remains unclear if ... will attend"). Each relation carries the modality of its trigger
(:mod:`kg.extract.modality`): visits and signings that were cancelled or denied ("did not
visit") are kept with that modality, for their event nodes; other negated relations are dropped.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from .countries import country_code, country_of, home_countries, is_region_only, region_in_city
from .entity_typing import name_votes, noun_type
from .events import EVENT_KINDS
from .lexicon import lexicon
from .modality import ASSERTED, REPORTED, modality
from .modality import is_negated  # noqa: F401 (its old home; callers still import it from here)
from .patterns import PatternSet, RelationPattern
from .places import continent_of_country, continents, first_level_regions, fold, is_place
from .records import Entity, Evidence, Position, Relation
from .roles import FINDERS, after_brackets, entity, name_end, name_start, role_entities
from .tokens import tokens


class _Visitors:
    """Who is from where in one document, computed when a pattern first asks."""

    def __init__(self, doc: Doc, entities: dict[str, Entity], positions: Sequence[Position]) -> None:
        self.doc, self.entities, self.positions = doc, entities, positions
        self._homes: dict[str, set[str]] | None = None
        self._mentioned: set[str] = set()
        self.travellers: set[str] = set()  # agents of visits the other patterns found in the document

    def visiting(self, person: str, place: str) -> bool:
        """Whether *person* is away from home at *place*: from another country than the one it
        is in, or on a trip the article tells of, to a place not known to be home."""
        if self._homes is None:
            self._homes = home_countries(self.doc, self.entities, self.positions)
            # the countries the article names, also by the nationality of its people ("Canadian Prime
            # Minister X ... in Ottawa": the Canadian town, not the one in Illinois)
            self._mentioned = {c for e in self.entities.values() if e.type == "Place"
                               for c in [country_code(e.label)] if c} | {
                c for home in self._homes.values() for c in home}
        home = self._homes.get(person)
        where = country_of(self.entities[place].label, self._mentioned)
        if home and where:
            return where not in home
        # where the place is, or where the person is from, is not known: a traveller the text tells of
        return person in self.travellers


def find_relations(doc: Doc, entities: dict[str, Entity], patterns: PatternSet, text: str | None = None,
                   positions: Sequence[Position] = ()) -> Iterator[Relation]:
    """Apply *patterns* to *doc*, whose tokens carry ``_.kg_entity`` keys of *entities*; *positions*
    (who holds which office) tell visitors from locals for the patterns that ask."""
    toks = tokens(doc)
    matcher = patterns.matcher(doc.vocab)
    visitors = _Visitors(doc, entities, positions)
    seen: set[tuple[str, str, str, str, int]] = set()
    matches = [(doc.vocab.strings[match_id], token_ids) for match_id, token_ids in matcher(doc)]
    # patterns that need to know who travels run last, once the others have said who does
    matches.sort(key=lambda m: patterns.patterns[m[0]].visitor)
    for pid, token_ids in matches:
        p: RelationPattern = patterns.patterns[pid]
        nodes = {step["RIGHT_ID"]: toks[i] for step, i in zip(p.pattern, token_ids)}
        trigger = nodes.get("trigger")
        mood = REPORTED
        if p.check_negation and trigger is not None:
            mood = modality(trigger)
            if mood != REPORTED and p.relation not in EVENT_KINDS and trigger.dep_ == "acl" and trigger.tag_ == "VBN" \
                    and not any(c.dep_ == "neg" for c in trigger.children):
                # "an interest in the Wodgina project, located in Western Australia": a description of a
                # name holds whatever the clause it sits in hopes or weighs
                mood = REPORTED
            # speculation gives nothing; a cancelled or denied visit or signing still gives an event
            if mood is None or (mood not in ASSERTED and p.relation not in EVENT_KINDS) or (
                    p.reported_only and mood != REPORTED):
                continue
        if p.not_in_list and any(_in_list(nodes[n]) for n in p.not_in_list if n in nodes):
            continue
        if any(_clause_subject(nodes[n]) for n in p.not_clause_subject if n in nodes):
            continue
        if any(_name_between(nodes[a], nodes[b]) for a, b in p.no_names_between):
            continue
        if any(_clause_between(nodes[a], nodes[b]) for a, b in p.same_clause):
            continue
        if any(_has_child(nodes[n], attrs) for n, attrs in p.without_child if n in nodes):
            continue
        if p.relation == "signsAgreementWith" and trigger is not None and _manner_phrase(trigger):
            continue  # "working in partnership with", "in alliance with": how they work, no agreement signed
        if p.relation == "signsAgreementWith" and any(
                t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "any" for c in t.children) for t in nodes.values()):
            continue  # "the clause in any EC-Comecon agreement": an agreement that may come, none signed
        if p.relation == "signsAgreementWith" and trigger is not None and trigger.pos_ == "NOUN" \
                and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in _SPEECH_VERBS:
            continue  # "He added an accord with the IMF could help": the subject of a reported clause, misparsed
        if p.relation == "signsAgreementWith" and p.subject.finder == "agent_of" and trigger is not None \
                and _said_of_the_deal(trigger):
            continue  # "the board would call for changes to the agreement with X": the board is no side
        subjects = list(_role(nodes, p.subject, p.relation, agent=True))
        objects = list(_role(nodes, p.object, p.relation))
        if p.relation == "includes" and any(_acronym_of(entities[o], entities[s]) for s, _ in subjects for o, _ in objects):
            continue  # "tactical data links (TDL)": the group's own acronym, and nothing listed beside it, is no member
        deal = nodes.get("deal", trigger)
        if p.objects_together and deal is not None and _one_deal(deal) and len(objects) > 1:
            # "signed the MoU with India and the UAE", "A, B and C signed an agreement": one
            # agreement of three sides, each pair of them
            subjects += [o for o in objects[:-1] if o not in subjects]
        for resolved_key, s_tok in subjects:
            for o_key, o_tok in objects:
                s_key = _the_visitor_meant(resolved_key, s_tok, o_key, visitors) if p.relation == "visited" else resolved_key
                if s_key == o_key:
                    continue
                if entities[s_key].type not in p.subject_types or entities[o_key].type not in p.object_types:
                    continue
                if p.visitor and not visitors.visiting(s_key, o_key):
                    continue
                if p.relation == "visited" and entities[s_key].type == "Group" and s_tok.pos_ == "NOUN" \
                        and noun_type(s_tok) == "Place":
                    continue  # "the constituencies ... were Bethnal Green, in east London": places travel nowhere
                if p.relation in ("signsAgreementWith", "includes") and (
                        _place_before_based(s_tok) or _place_before_based(o_tok)):
                    continue  # "between Fleet and Albany, N.Y.-based Norstar": the town says where Norstar is
                if p.relation == "includes" and (_unlike_members(s_tok, entities[s_key], entities[o_key])
                                                 or _not_member(s_tok)):
                    continue  # "cities including Acme Corp": the group's noun says what its members are
                if p.relation == "locatedIn" and _owner_of_someone(o_tok):
                    continue  # "in Ulaanbaatar, South Korea's Vice Foreign Minister": the place owns a person, after the comma
                if p.relation == "locatedIn" and _place_of_the_event(s_tok, o_tok):
                    continue  # "a meeting of the Commission for Africa in Cape Town": where it met, not where it is
                if p.relation == "locatedIn" and o_tok.i < s_tok.i and _link_of_the_place(s_tok):
                    continue  # "China's GATT membership", "Kenya's IMF loan": the place's tie to a body elsewhere
                if p.relation == "locatedIn" and _owner_of_a_tie(o_tok):
                    continue  # "Yukos, Yugansk's former owner": a tie to a company the tagger took for a place
                if p.relation == "locatedIn" and (_people(entities[s_key]) or _country_in_place(entities[s_key], entities[o_key])
                                                  or _region_in_city(entities[s_key], entities[o_key])):
                    continue  # people are not located anywhere (the spec), nor countries in a country or city
                anchor = trigger if trigger is not None else s_tok
                sent = anchor.sent
                key = (s_key, p.relation, o_key, pid, sent.start)
                if key in seen:
                    continue
                seen.add(key)
                if p.relation == "visited" and mood in ASSERTED:
                    visitors.travellers.add(s_key)
                sentence, start, end = sentence_of(sent, text)
                yield Relation(s_key, p.relation, o_key, Evidence(
                    extractor=pid, confidence=p.confidence, sentence=sentence, start=start, end=end,
                ), trigger=anchor.i, modality=mood)


def _the_visitor_meant(key: str, tok: Token, place: str, visitors: _Visitors) -> str:
    """Whom "his" means in "X met Y (welcomed Y) ..., on his first visit to Z": of the clause's subject
    and object, the one who is away from home in Z, when only one of them is; else *key* as resolved."""
    if tok.pos_ != "PRON" or tok.dep_ != "poss":
        return key
    trip = tok.head
    prep = trip.head if trip.dep_ == "pobj" else None
    verb = prep.head if prep is not None and prep.dep_ == "prep" else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return key
    sides = [c for c in verb.children if c.dep_ in ("nsubj", "dobj")]
    keys = [k for k in dict.fromkeys(_name_key(c) for c in sides) if k is not None]
    if len(keys) != 2 or key not in keys:
        return key
    away = [k for k in keys if visitors.visiting(k, place)]
    return away[0] if len(away) == 1 else key


def _name_key(tok: Token) -> str | None:
    """The entity of a name token, or of the name in apposition to a description ("the Pakistani
    president, General Musharraf")."""
    named = next((c for c in tok.children if c.dep_ == "appos" and entity(c)), None) if tok.pos_ == "NOUN" else None
    return entity(named) if named is not None else entity(tok)


def _said_of_the_deal(deal: Token) -> bool:
    """Whether the deal noun hangs on a noun of what others do to it ("changes to the agreement",
    "a breach of the accord", "approval of the deal"): whoever does that is no side of it."""
    prep = deal.head if deal.dep_ == "pobj" else None
    return prep is not None and prep.dep_ == "prep" and prep.lower_ in ("to", "of", "on") \
        and prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in _DONE_TO_A_DEAL


#: Nouns of what is done to an agreement by someone who need not be one of its sides.
_DONE_TO_A_DEAL = frozenset({"change", "amendment", "revision", "modification", "violation", "breach", "review",
                             "approval", "opposition", "criticism", "objection", "scrutiny", "challenge"})


#: Verbs of saying and thinking, which take a clause, not an agreement, for their object.
_SPEECH_VERBS = frozenset({"say", "add", "tell", "note", "argue", "think", "believe", "warn", "insist", "claim",
                           "suggest", "stress", "feel", "reckon"})


def _has_child(tok: Token, attrs: tuple[tuple[str, frozenset[str]], ...]) -> bool:
    """Whether *tok* has a child whose attributes (DEP, LOWER, LEMMA, POS) take one of the listed values each."""
    return any(all(_CHILD_VALUE[k](c) in allowed for k, allowed in attrs) for c in tok.children)


#: How ``without_child`` reads each attribute of a token.
_CHILD_VALUE = {"DEP": lambda t: t.dep_, "LOWER": lambda t: t.lower_, "LEMMA": lambda t: t.lemma_, "POS": lambda t: t.pos_}


def _one_deal(trigger: Token) -> bool:
    """Whether the deal noun names one agreement: "the MoU", not "memorandums of [understanding]"."""
    if trigger.tag_ not in ("NN", "NNP"):
        return False
    return not (trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.tag_ in ("NNS", "NNPS"))


def sentence_of(sent: Span, text: str | None = None) -> tuple[str, int, int]:
    """A sentence as evidence: its text from the original article (*text*, else the parse's) with
    runs of whitespace made single, and its offsets without the whitespace around it."""
    source = text if text is not None else sent.doc.text
    raw = source[sent.start_char:sent.end_char]
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    end = sent.end_char - (len(raw) - len(raw.rstrip()))
    return " ".join(raw.split()), start, end


def _country_in_place(thing: Entity, place: Entity) -> bool:
    """"Argentina, Venezuela in oil deal", "the US, Bordeaux": a country lies in no country, region
    or city of one (only in a continent or a region of several countries)."""
    if thing.type == "Place" and fold(thing.label) in continents():
        return country_of(place.label) is not None  # "in Europe, Japan, ...": a continent is in no country
    code = country_code(thing.label) if thing.type == "Place" else None
    if code is not None and f" {fold(thing.label)} " in f" {fold(place.label)} " and fold(thing.label) != fold(place.label):
        return True  # "the Upper Austria region of Austria": a place named for the country is in it, not around it
    continent = continents().get(fold(place.label))
    if code is not None and continent is not None:  # "Japan, northern Africa": Japan is in Asia
        return continent_of_country().get(code, continent) != continent
    if code is not None and code not in _TERRITORIES and not is_place(place.label) and not _REGION_WORDS.search(place.label):
        return True  # "Modi's India": a country lies in no place the tables do not know, unless its name says region
    if code is None or (container := country_of(place.label)) is None:
        return False
    # a territory lies in the country it belongs to ("Hong Kong, China"), not in another ("Taiwan, Korea": two places)
    return code not in _TERRITORIES or (_TERRITORIES[code] is not None and container not in (code, _TERRITORIES[code]))


def _region_in_city(thing: Entity, place: Entity) -> bool:
    """"Sherman Oaks, California, a suburb of Los Angeles": a state or province lies in no city of its
    country, nor in another state or province ("Shantou in Guangdong province and Xiamen in Fujian province")."""
    if thing.type != "Place" or place.type != "Place":
        return False
    if region_in_city(thing.label, place.label):
        return True
    names = [_LEVEL_WORD.sub("", e.label) for e in (thing, place)]
    if not all(is_region_only(n) for n in names):
        return False  # "Rafah in southern Gaza": names of towns too
    top = first_level_regions()
    a, b = ({c for n, c in top if n == fold(name)} for name in names)
    return bool(a & b) and fold(names[0]) != fold(names[1])


#: The level word written after a region's name ("Guangdong province", "Bavaria State").
_LEVEL_WORD = re.compile(r"\s+(?:province|state|region|prefecture|county|oblast)$", re.I)


#: Words of a region's name that the place tables may not hold ("West Africa", "the Indo-Pacific").
_REGION_WORDS = re.compile(r"\b(?:africa|americas?|asia|europe|pacific|atlantic|arctic|antarctica?|ocean|sea|gulf|"
                           r"peninsula|region|islands|isles|caribbean|mediterranean|east|balkans|caucasus|subcontinent)\b", re.I)

#: Territories with country codes of their own, and the country each lies in ("Hong Kong, China", "Martinique, France").
_TERRITORIES = {
    "HK": "CN", "MO": "CN", "TW": "CN", "PR": "US", "GU": "US", "VI": "US", "AS": "US", "MP": "US",
    "GL": "DK", "FO": "DK", "GI": "GB", "BM": "GB", "KY": "GB", "VG": "GB", "AI": "GB", "MS": "GB", "TC": "GB",
    "FK": "GB", "JE": "GB", "GG": "GB", "IM": "GB", "NC": "FR", "PF": "FR", "RE": "FR", "GP": "FR", "MQ": "FR",
    "YT": "FR", "PM": "FR", "WF": "FR", "AW": "NL", "CW": "NL", "SX": "NL", "BQ": "NL", "AX": "FI", "PS": None}


def _manner_phrase(trigger: Token) -> bool:
    """"(working) in partnership with X", "in alliance with", "in agreement with": a bare noun after
    "in" says how someone acts, not that an agreement was made."""
    return trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ == "in" and not any(
        c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in trigger.children)


def _not_member(whole: Token) -> bool:
    """"non-OPEC member Norway": the body written with "non-" is the one it is not a member of."""
    toks = tokens(whole.doc)
    i = name_start(whole.doc, whole.i)
    return i >= 2 and toks[i - 1].text in ("-", "–") and toks[i - 2].lower_ == "non"


def _acronym_of(member: Entity, group: Entity) -> bool:
    """"advanced combat management systems (CMS)": an acronym of the group's own words is its short
    name, no member of it."""
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", group.label) if w.lower() not in ("of", "and", "the", "for"))
    return member.label.isupper() and len(member.label) > 1 and member.label.casefold() in initials.casefold()


def _unlike_members(tok: Token, group: Entity, member: Entity) -> bool:
    """Whether a described group ("officials", "cities") is of another type than *member*: a person
    in a set of places or institutions, or a member whose name itself says what it is ("Acme Corp",
    a gazetteer place; a weaker type may be the typing's mistake, and the group's noun the better evidence)."""
    if group.type != "Group" or member.type not in ("Person", "Organization", "Place") or tok.pos_ != "NOUN":
        return False
    kind = noun_type(tok)
    if kind is None or kind == member.type:
        return False
    lex = lexicon()
    if tok.lemma_.lower() in lex.collective_org_nouns or tok.lemma_.lower() in lex.collective_nouns:
        return False  # a bloc, an alliance or a consortium may have people, countries or firms for members
    # whatever the name, no person is one of a set of places or institutions ("the heads of various
    # universities, including Dr X": the heads' list). (A set of people may have countries for members:
    # "observers including Latvia".)
    if member.type == "Person" and tok.lemma_.lower() not in _PEOPLE_TOO:
        return True
    return any(vote[0] == member.type for vote in name_votes(member.label.split()))


#: Nouns of organisations whose members may be people ("a team including X", "partners such as X").
_PEOPLE_TOO = frozenset({"party", "partner", "team", "club", "union", "group", "coalition", "consortium", "movement",
                         "faction", "front", "lobby", "network", "federation", "alliance", "player", "producer",
                         "developer", "maker", "rival", "giant", "powerhouse", "tech", "label"})


def _owner_of_someone(place: Token) -> bool:
    """Whether the place's name is the possessor of a person or an office ("South Korea's Vice
    Foreign Minister Lee"), not of a place ("Zhejiang's second city")."""
    place = _name_root(place)
    owned = place.head
    if place.dep_ != "poss" or owned.i == place.i:
        return False
    toks = tokens(place.doc)
    titles = lexicon().titles
    after = next((t for t in toks[place.i + 1:owned.i + 1] if t.dep_ != "case"), owned)
    if after._.kg_type in ("Organization", "Place"):
        # "Japan's Marubeni Corporation Masumi Kakinoki": the place owns the company named first; not
        # "London's Labour mayor Ken Livingstone", where an office follows the name
        end = name_end(place.doc, after.i)
        if end < len(toks) and not (toks[end].lower_ in titles or noun_type(toks[end]) == "Person"):
            return False
    return owned._.kg_type == "Person" or noun_type(owned) == "Person" or owned.lower_ in titles


def _place_of_the_event(thing: Token, place: Token) -> bool:
    """Whether "in Y" after a name names where a gathering of it took place: "a meeting of the
    Commission for Africa in Cape Town" (the parser hangs the place on the name; a reader hangs it on
    the meeting). Not "a dinner hosted by the Hong Kong Chamber of Commerce in Zhejiang", whose place
    the reader takes for the chamber's."""
    thing, place = _name_root(thing), _name_root(place)
    prep = place.head
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "at") or prep.head.i != thing.i or thing.dep_ != "pobj":
        return False
    link = thing.head
    return link.lower_ == "of" and link.head.lemma_.lower() in lexicon().gathering_nouns


def _link_of_the_place(thing: Token) -> bool:
    """Whether the name qualifies a noun of a tie to a body ("China's GATT membership", "the
    Government's IMF deal", "Sri Lanka's International Sovereign Bonds (ISB) holders"): what the
    place before it owns is the tie, and the body is elsewhere."""
    doc = thing.doc
    toks = tokens(doc)
    end = after_brackets(doc, name_end(doc, thing.i))  # over the name's own acronym
    return end < len(doc) and toks[end].pos_ == "NOUN" and toks[end].lower_ in lexicon().link_nouns


def _place_before_based(tok: Token) -> bool:
    """Whether the name is the place of an "X-based" or "X, State-based" description ("Albany,
    N.Y.-based Norstar"): a place the text gives for the name after it, no side or member itself."""
    if tok._.kg_type != "Place":
        return False
    doc = tok.doc
    toks = tokens(doc)
    k = name_end(doc, tok.i)
    if k + 1 < len(toks) and toks[k].text == ",":  # over the state: "Albany, N.Y.-based", "Portland, Ore.-based"
        k = name_end(doc, k + 1) if entity(toks[k + 1]) else k + 2
    return k + 1 < len(toks) and toks[k].text in ("-", "–") and toks[k + 1].lower_ in ("based", "headquartered")


def _owner_of_a_tie(place: Token) -> bool:
    """Whether the place's name is the possessor of a tie noun ("Yugansk's former owner", "China's
    membership"): what it owns is a tie to someone, not something that lies there."""
    place = _name_root(place)
    return place.dep_ == "poss" and place.head.pos_ == "NOUN" and place.head.lemma_.lower() in lexicon().link_nouns


def _name_root(tok: Token) -> Token:
    """The head word of the name *tok* is in ("Commission" of "the Commission for Africa")."""
    key = entity(tok)
    while key is not None and tok.head.i != tok.i and entity(tok.head) == key:
        tok = tok.head
    return tok


def _people(entity: Entity) -> bool:
    """A group of people ("holocaust survivors", "British officials")."""
    words = entity.label.lower().split()
    # any word: "highly skilled workers and low wages" is people too
    return entity.type == "Group" and any(w in lexicon().people_nouns or w in _PARTIES for w in words)


#: Collective nouns for people who travel together (a delegation is not located anywhere either).
_PARTIES = frozenset({"delegation", "delegations", "entourage", "troupe", "mission", "missions", "team", "teams"})


def _name_between(a: Token, b: Token) -> bool:
    """Whether another entity's name stands between two matched tokens ("Bordeaux in France and
    Oporto [in] Portugal": the preposition belongs to Oporto)."""
    lo, hi = sorted((a, b), key=lambda t: t.i)
    keys = {a._.kg_entity, b._.kg_entity}
    # an earlier item of the same list keeps its own names: "see a clinic in Lusaka and a school in Harare"
    earlier = [tok for tok in (a, b) if tok.dep_ == "conj" and tok.head.i != tok.i]

    def in_earlier_item(t: Token) -> bool:
        return any(t.i < c.i and (t.head == c.head or c.head in t.ancestors) for c in earlier)

    # a pronoun is no name: "held talks with his counterpart in Canberra"
    return any(t._.kg_entity not in keys and t._.kg_entity is not None and t.pos_ != "PRON" and not in_earlier_item(t)
               for t in a.doc[lo.i + 1:hi.i])


def _clause_between(head: Token, tok: Token) -> bool:
    """Whether another verb stands between *tok* and its ancestor *head*: one with a subject of
    its own ("Sousa paid for him to fly from a holiday in Kenya": the holiday is his, not Sousa's),
    or a verb the first one governs ("chaired the tribunal set up to investigate disturbances in
    X", "had a bucket thrown over him by a protester in X": not where the subject was)."""
    cur = tok
    while cur.head.i != cur.i and cur.head.i != head.i:
        # a verb joined to the one above it without a subject of its own shares its clause:
        # "a company owned by French interests and headquartered in Boston"
        shared = cur.dep_ == "conj" and cur.pos_ == "VERB" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)
        cur = cur.head
        if shared:
            continue
        if cur.pos_ == "VERB" or (cur.pos_ == "AUX" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)):
            return True
    return False


def _in_list(tok: Token) -> bool:
    """Whether *tok* is an item of an enumeration ("Indonesia, Malaysia, the Philippines and ..."),
    not of a chain of places ("Gatineau, Quebec, Canada"): an enumeration joins its last item with
    "and" or "or", whatever the parser made of the commas."""
    doc, sent = tok.doc, tok.sent
    toks = tokens(doc)
    lo = hi = tok.i
    # walk over the run of names and commas around the token, within its sentence
    # (a word of a name is one whatever its tag: "Leeds" as a verb)
    while lo > sent.start and (toks[lo - 1].text == "," or toks[lo - 1].pos_ == "PROPN" or toks[lo - 1].lower_ == "the"
                               or toks[lo - 1]._.kg_entity):
        lo -= 1
    while hi + 1 < sent.end and (toks[hi + 1].text == "," or toks[hi + 1].pos_ == "PROPN" or toks[hi + 1]._.kg_entity
                                 or toks[hi + 1].lower_ in
                                 ("the", "and", "or", "&") or (toks[hi + 1].lower_ == "of" and toks[hi].pos_ == "PROPN"
                                                              and hi + 2 < sent.end and toks[hi + 2].pos_ == "PROPN")):
        hi += 1  # "..., Isle of Wight and Taunton": an "of" inside a name
    # a list of firms, each with its town, is no list of places: the part of it around the token
    for t in toks[lo:hi + 1]:
        if t.lower_ in ("and", "or", "&") and _other_kind_follows(t):
            if t.i < tok.i:
                lo = t.i + 1
            elif t.i > tok.i:
                hi = t.i - 1
                break
    run = doc[lo:hi + 1]
    if sum(t.text == "," for t in run) >= 5:
        return True  # six items or more: a chain of places has at most four ("Gatineau, Quebec, Canada")
    # a conjunction before a verb joins two clauses ("born in Fairfield, New York, and entered
    # service"), and the chain before it stays a chain
    return any(t.lower_ in ("and", "or", "&") and t.i > lo and toks[t.i - 1].text in (",",) + tuple(
        x.text for x in run if x.pos_ == "PROPN") and not _clause_follows(t) and not _other_kind_follows(t) for t in run)


def _other_kind_follows(conj: Token) -> bool:
    """Whether the conjunction joins a company or a person, not another place: "Advanced Micro
    Devices, Sunnyvale, Calif., and LSI Logic Corp, Milpitas": a list of firms, each with its town."""
    toks = tokens(conj.doc)
    i = conj.i + 1
    while i < len(toks) and toks[i].lower_ == "the":
        i += 1
    return i < len(toks) and toks[i]._.kg_type in ("Organization", "Person")


def _clause_subject(tok: Token) -> bool:
    """Whether the name *tok* is in is the subject of a clause that describes the noun before it,
    with no relative pronoun: "among the assets Champ bought" (the parser makes "assets" part of
    the name and "bought" a clause on it), not "French firms Acme and Globex signed a deal"."""
    toks = tokens(tok.doc)
    key, end = tok._.kg_entity, tok.i
    while key is not None and end + 1 < len(toks) and toks[end + 1]._.kg_entity == key:
        end += 1
    nxt = toks[end + 1] if end + 1 < len(toks) else None
    return nxt is not None and nxt.tag_ in ("VBD", "VBZ", "VBP") and nxt.dep_ in ("acl", "relcl") \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in nxt.children)


def _clause_follows(conj: Token) -> bool:
    nxt = next((t for t in conj.doc[conj.i + 1:conj.sent.end] if t.pos_ != "ADV"), None)
    return nxt is not None and nxt.pos_ in ("VERB", "AUX")


#: Relations whose sides are the named members of a group they name ("deals with two airlines — A
#: and B"), unlike includes, whose subject is the group itself.
_MEMBERS_MEANT = frozenset({"visited", "signsAgreementWith"})


def _role(nodes: dict[str, Token], role, relation: str, agent: bool = False) -> Iterator[tuple[str, Token]]:
    tok = nodes.get(role.node)
    if tok is None:
        return
    found = FINDERS[role.finder](tok)
    if found is None or (role.alone and _joined(found)):
        return
    yield from role_entities(found, role.expand, role.or_possessor, role.members, role.before,
                             named=relation in _MEMBERS_MEANT, listed=role.listed,
                             companions=agent and relation == "visited", represented=relation == "signsAgreementWith")


def _joined(tok: Token) -> bool:
    """Whether *tok* is one of several names joined by "and": a conjunct itself, or the head of one
    that is not part of its own name ("The University of Queensland and Universitas Indonesia")."""
    key = tok._.kg_entity
    return tok.dep_ == "conj" or any(
        t.dep_ == "conj" and (t.head.i == tok.i or (key is not None and t.head._.kg_entity == key))
        and (key is None or t._.kg_entity != key) for t in tok.subtree)


#: Relations whose sides may sign for what they hold an office of.
_ON_BEHALF_RELATIONS = frozenset({"signsAgreementWith"})


def on_behalf(relations: Sequence[Relation], positions: Sequence[Position], entities: dict[str, Entity]) -> list[Relation]:
    """"Peking University President Lin Jianhua ... signed the MOU": a person who signs with the title
    of an organisation or place, in the same sentence, signs for it too (the spec accepts both
    readings). The new facts keep the sentence and name the pattern with ``+on-behalf``."""
    offices: dict[str, list[tuple[int, int, str]]] = {}
    for p in positions:
        if p.organization and entities[p.organization].type in ("Organization", "Place") and p.evidence.start is not None:
            offices.setdefault(p.holder, []).append((p.evidence.start, p.evidence.end or p.evidence.start, p.organization))
    have = {(r.subject, r.predicate, r.object) for r in relations}

    def readings(side: str, sentence: int) -> list[str]:
        """*side* itself, and what it holds an office of in that sentence."""
        own = [org for start, end, org in offices.get(side, ()) if start <= sentence <= end]
        return [side, *own] if entities[side].type == "Person" else [side]

    out = []
    for r in relations:
        if r.predicate not in _ON_BEHALF_RELATIONS or r.inferred or r.evidence.start is None:
            continue
        for s in readings(r.subject, r.evidence.start):
            for o in readings(r.object, r.evidence.start):
                if s == o or (s, r.predicate, o) in have:
                    continue  # the fact itself, or one already there
                have.add((s, r.predicate, o))
                ev = r.evidence
                out.append(Relation(s, r.predicate, o, Evidence(
                    extractor=f"{ev.extractor}+on-behalf", confidence=round(ev.confidence * 0.9, 3), sentence=ev.sentence,
                    start=ev.start, end=ev.end), trigger=r.trigger, modality=r.modality))
    return out


def flatten_nested_groups(relations: list[Relation], entities: dict[str, Entity]) -> list[Relation]:
    """"The delegation includes faculty deans A, B and C": the inner plural only describes the
    members, so the outer whole includes A, B and C (the spec's reading) and neither the outer
    whole includes the description nor the description its names. Applies within one sentence."""
    inner: dict[tuple[str, int | None], list[Relation]] = {}
    for r in relations:
        if r.predicate == "includes" and entities[r.subject].type == "Group" and entities[r.object].type != "Group":
            inner.setdefault((r.subject, r.evidence.start), []).append(r)
    drop: set[int] = set()
    added: list[Relation] = []
    have = {(r.subject, r.predicate, r.object) for r in relations}
    for r in relations:
        members = inner.get((r.object, r.evidence.start)) if r.predicate == "includes" else None
        if not members or entities[r.object].type != "Group" or r.subject == r.object:
            continue
        drop.add(id(r))
        for m in members:
            drop.add(id(m))
            if (r.subject, "includes", m.object) not in have:
                have.add((r.subject, "includes", m.object))
                ev = r.evidence
                added.append(Relation(r.subject, "includes", m.object, Evidence(
                    extractor=f"{ev.extractor}+members", confidence=ev.confidence, sentence=ev.sentence,
                    start=ev.start, end=ev.end), trigger=r.trigger, modality=r.modality))
    # what is left of a plural inside a plural ("100 senior executives, including top officials from
    # Samsung") names no member: the spec's members are named, or groups of an organisation
    drop |= {id(r) for r in relations if r.predicate == "includes" and entities[r.subject].type == "Group"
             and entities[r.object].type == "Group"}
    return [r for r in relations if id(r) not in drop] + added
