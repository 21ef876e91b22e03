"""From matched tokens to the entities that play a relation's roles.

Role finders (named in pattern files) walk the dependency parse the way a reader does:
``agent_of`` finds who does what a verb or an event noun says ("Lee plans to visit" → Lee;
"his state visit to China" → his → the resolved person; "the delegation, which includes" →
the delegation); ``possessor_of`` takes "X's"; ``head_of`` the syntactic head. The token found is
then mapped to the entity whose mention covers it, through relative pronouns, "members of X" and
coordinations ("Gabon, Algeria and Libya").
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from .lexicon import lexicon, title_words
from .tokens import doc_text, tokens

_SUBJECTS = ("nsubj", "nsubjpass")
_RELATIVES = frozenset({"which", "that", "who", "whom", "whose"})
_CLIMB = ("xcomp", "advcl", "conj", "ccomp", "acl", "relcl", "pcomp")
# words that stand for the whole they belong to: "NATO members", "its subsidiaries include"
_PASSIVE_SUBJECT_VERBS = frozenset({"schedule", "expect", "set", "slate", "make", "compose", "form", "base", "locate",
                                    "headquarter", "situate", "comprise"})
# verbs of going somewhere, whose participle on a noun is the noun's going ("a delegation travelled to
# Miami", parsed as a noun and a clause on it; "officials flown to Kyiv" went there too)
_MOTION_VERBS = frozenset({"travel", "arrive", "fly", "journey", "land", "head", "go", "come"})
# verbs of commenting on an event: "China welcomed the visit", "Trump criticized the deal with
# Iran" — their subject is not the one who visits or signs
_COMMENT_VERBS = frozenset({"welcome", "criticize", "criticise", "condemn", "denounce", "oppose", "reject", "praise",
                            "hail", "applaud", "slam", "attack", "question", "doubt", "review", "study", "examine",
                            "investigate", "probe", "approve", "report", "describe", "discuss", "debate",
                            "analyse", "analyze", "note", "highlight", "cover", "watch", "monitor", "follow", "expect",
                            "celebrate", "back", "support", "endorse", "challenge", "block", "veto", "scrutinise",
                            "scrutinize"})
#: Verbs whose object does not do what follows: "left the school to go to Cambridge", "joined Blair
#: to visit Basra" (the subject goes; "encouraged them to visit" is the object's visit)
_SUBJECT_CONTROL = frozenset({"leave", "quit", "join", "visit", "tour", "enter", "reach", "take", "use", "board",
                              "catch", "skip", "cut", "interrupt", "postpone", "delay"})
_CONTAINMENT_VERBS = frozenset({"include", "comprise", "cover", "encompass", "feature"})
_MEMBER_WORDS = frozenset({"member", "members", "membership", "subsidiary", "subsidiaries", "affiliate", "affiliates",
                           "unit", "units", "division", "divisions", "brand", "brands", "shareholder", "shareholders"})


def entity(tok: Token) -> str | None:
    """``tok._.kg_entity``, read from ``doc.user_data`` as :func:`token_entities` does, without
    the Underscore object that ``tok._`` builds on every call."""
    return tok.doc.user_data.get(("._.", "kg_entity", tok.idx, None))


def token_entities(doc: Doc) -> list[str | None]:
    """Every token's ``_.kg_entity`` at once, read from ``doc.user_data``, where spaCy keeps token
    extensions (under ("._.", name, token.idx, None)), without an Underscore object per token."""
    data = doc.user_data
    return [data.get(("._.", "kg_entity", idx, None)) for idx in doc.to_array(IDX).tolist()]


def _among(noun: Token) -> bool:
    """Whether *noun* is (in) the set a subject is said to be among: "A is among the leaders",
    "among the leaders and heads of state leaders"."""
    for _ in range(4):
        while noun.dep_ == "conj" and noun.head.i != noun.i:
            noun = noun.head
        if noun.dep_ != "pobj":
            return False
        if noun.head.lower_ == "among":
            return True
        if noun.head.lower_ != "of":
            return False
        noun = noun.head.head
    return False


def agent_of(tok: Token) -> Token | None:
    """The token naming who performs the predicate *tok* (a verb or an event noun)."""
    seen = 0
    cur = tok
    forward = False  # a possessive pronoun before *tok* refers forward to the clause's subject
    while cur is not None and seen < 6:
        seen += 1
        if cur.pos_ in ("VERB", "AUX"):
            subj = _subject_child(cur)
            # a passive subject is the patient ("Baghdad was visited"), except for verbs whose
            # passive subject is the one the relation is about ("is made up of", "is scheduled to")
            if subj is not None and not (subj.dep_ == "nsubjpass" and cur is tok and cur.lemma_ not in _PASSIVE_SUBJECT_VERBS):
                if subj.lower_ in _RELATIVES and cur.dep_ == "relcl":
                    return cur.head
                return subj
            if cur is tok and cur.dep_ == "conj" and (noun := _stray_subject(cur)) is not None:
                return noun
            if any(c.dep_ == "expl" for c in cur.children):
                return None  # "Falconer said there were 22 members of X": what there is has no agent to climb to
            agent = next((c for c in cur.children if c.dep_ == "agent"), None)
            if agent is not None:
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
            if cur is tok and cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN") and (
                    (cur.tag_ == "VBN" and cur.lemma_ in _PASSIVE_SUBJECT_VERBS) or cur.tag_ == "VBG"
                    or (cur.tag_ in ("VBN", "VBD") and cur.lemma_ in _MOTION_VERBS)) and not _among(cur.head):
                # "the forum, made up of A and B", "the delegation comprising A and B", "Cameron,
                # visiting Kyiv, promised", "a delegation travelled to Miami" (a finite verb the parser
                # hung on its subject): the noun the participle describes (an active one's agent);
                # but "A is among the leaders attending": A, the subject the climb finds
                return cur.head
            if cur.dep_ == "relcl" and cur.head.pos_ in ("NOUN", "PROPN"):
                if entity(cur.head) is None and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
                    cur = cur.head  # "signed a memorandum to purchase": the purpose of a deal, done by its party
                    continue
                return cur.head
            # object control: "encouraged them to visit", "expanded its client base to include"
            if (cur.dep_ == "xcomp" and cur.head.lemma_ not in _SUBJECT_CONTROL) or (
                    cur.dep_ == "advcl" and cur.lemma_ in _CONTAINMENT_VERBS and any(c.lower_ == "to" for c in cur.children)):
                obj = next((c for c in cur.head.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return obj
            if cur.dep_ in _CLIMB and cur.head.i != cur.i:
                cur = cur.head
                continue
            return None
        if cur.pos_ == "ADJ" and cur.dep_ in ("acomp", "xcomp", "amod") and cur.head.i != cur.i:
            cur = cur.head  # "Blinken is due to visit Beijing", "likely to sign"
            continue
        if cur.pos_ in ("ADP", "SCONJ") and cur.dep_ in ("prep", "agent") and cur.head.i != cur.i:
            cur = cur.head  # "after signing an agreement": from the preposition to what it modifies
            continue
        if cur.pos_ in ("NOUN", "PROPN"):
            poss = next((c for c in cur.children if c.dep_ == "poss"), None)
            if poss is not None and poss.lower_ == "whose":
                # "Pacific Edge, whose headquarters is in Dunedin": the name the relative clause describes
                clause = next((a for a in cur.ancestors if a.dep_ == "relcl"), None)
                return clause.head if clause is not None else None
            # "During his visit to Nairobi, President Roux met ...": a pronoun that refers forward
            # stands for the subject of the clause the phrase is set before
            if poss is not None and not (poss.pos_ == "PRON" and _fronted(cur)):
                return poss
            # the pronoun's subject is the one it refers to, whatever the verb: "As part of his visit
            # to Kazakhstan, Mirziyoyev was welcomed" (not "X welcomed the visit", where X is no visitor)
            if cur.i == tok.i:
                forward = poss is not None
            # "the Xi visit"; not "his Middle East trip", "a United States lecture tour" (where it went)
            comp = next((c for c in cur.children if c.dep_ == "compound" and c._.kg_entity and not (
                c._.kg_type == "Place" and cur.lemma_.lower() in _TRIP_WORDS)), None)
            if comp is not None and cur.i == tok.i and poss is None:
                return comp
            if cur.i == tok.i:  # "the visit by Chinese President Xi Jinping to Paris"
                by = next((c for c in cur.children if c.dep_ == "prep" and c.lower_ == "by"), None)
                agent = next((c for c in by.children if c.dep_ == "pobj" and entity(c)), None) if by is not None else None
                if agent is not None:
                    return agent
                # "the visit of a delegation of Pakistan to Beijing": who, not where, after "of"
                of = next((c for c in cur.children if c.dep_ == "prep" and c.lower_ == "of"), None) \
                    if cur.lemma_.lower() in _TRIP_WORDS else None
                agent = next((c for c in of.children if c.dep_ == "pobj" and entity(c) and c._.kg_type != "Place"), None) \
                    if of is not None else None
                if agent is not None:
                    return agent
            # an event noun inside a verb's argument: "embarked on a visit to", "leaves on a trip to"
            if cur.dep_ == "pobj" and cur.head.dep_ in ("prep", "agent"):
                if cur.head.lower_ in ("on", "with") and cur.head.head.pos_ in ("NOUN", "PROPN") and entity(cur.head.head):
                    # "Sunak, on a visit to Kyiv, pledged ...", "Acme, with headquarters in Lyon, said":
                    # the name the phrase is set after
                    return cur.head.head
                cur = cur.head.head
                if cur.lemma_ in _COMMENT_VERBS and not forward:
                    return None
                continue
            if cur.dep_ in ("dobj", "attr", "oprd", "npadvmod"):
                cur = cur.head
                if cur.lemma_ in _COMMENT_VERBS:
                    return None
                continue
            if cur.dep_ == "nsubjpass" and cur.head.pos_ == "VERB" and cur.head.lemma_ not in _COMMENT_VERBS:
                # "a deal with X was signed by Y": the passive's agent did it
                by = next((c for c in cur.head.children if c.dep_ == "agent"), None)
                return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            if cur.dep_ in _SUBJECTS:
                return None
            if cur.dep_ in ("appos", "conj"):
                cur = cur.head
                continue
            return None
        return None
    return None


def _subject_child(verb: Token) -> Token | None:
    """The subject of *verb*; of two (a parse that took a headline's words for one: "Poland/Romania -
    ... before Finland joined NATO"), the one nearest before it."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if len(subjects) > 1:
        return max((c for c in subjects if c.i < verb.i), key=lambda c: c.i, default=subjects[0])
    return subjects[0] if subjects else None


def _stray_subject(verb: Token) -> Token | None:
    """The noun right before a finite verb that has no subject of its own, when the parser hung
    it on an earlier phrase: in "hosted by Dr Carr, and official guests included Ms Wong" the
    small model makes "guests" a conjunct of "Carr" and "included" a subjectless conjunct."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    if prev.pos_ in ("NOUN", "PROPN") and prev.dep_ in ("conj", "appos", "pobj", "dobj") and prev.head.i < prev.i:
        return prev
    return None


def _fronted(tok: Token) -> bool:
    """Whether *tok* is in a phrase set before its clause's subject ("During his visit, X said")."""
    cur = tok
    while cur.dep_ not in ("ROOT",) and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.head.pos_ in ("VERB", "AUX"):
            subj = next((c for c in cur.head.children if c.dep_ in _SUBJECTS), None)
            return subj is not None and cur.i < subj.i
        cur = cur.head
    return False


def subject_of(tok: Token) -> Token | None:
    """A noun stands for itself; a verb ("is", "operates") for its subject; a description before a
    name for the name ("the Mumbai-based firm Kestrel Docks", however the tagger took "firm")."""
    if tok.pos_ in ("VERB", "AUX"):
        return agent_of(tok)
    if tok.pos_ in ("NOUN", "ADJ") and tok.dep_ in ("amod", "compound") and tok.head.pos_ == "PROPN" \
            and tok.head.i > tok.i and entity(tok.head) and not entity(tok):
        return tok.head
    return tok


def possessor_of(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ == "poss"), None)


def head_of(tok: Token) -> Token | None:
    return tok.head if tok.head.i != tok.i else None


def appos_anchor(tok: Token) -> Token | None:
    """The name an appositive follows: "NXC, the holding company of ..." → NXC.

    Parsers often attach an apposition to the wrong noun; the word before its comma is what
    a reader takes it to describe.
    """
    left = tok.left_edge.i
    doc = tok.doc
    toks = tokens(doc)
    if left >= 2 and toks[left - 1].text in (",", "(", "—", "–"):
        before = toks[left - 2]
        if before.text in (".",) and left >= 3:  # "Nexon Korea Corp.," keeps its full stop
            before = toks[left - 3]
        return before
    return tok.head if tok.dep_ == "appos" else None


def name_before(tok: Token) -> Token | None:
    """The last token of the name written right before *tok* (over spaces left by markup)."""
    doc = tok.doc
    toks = tokens(doc)
    i = tok.i - 1
    while i >= 0 and toks[i].is_space:
        i -= 1
    if i > 0 and toks[i].text == "." and not toks[i - 1].whitespace_ and entity(toks[i - 1]) and i > tok.sent.start:
        i -= 1  # the full stop of an abbreviated legal form, inside the sentence: "AP Technoglass Co. of Bellefontaine"
    if i > 0 and toks[i].text == ")":
        # over the name's own acronym: "Huazhong University of Science and Technology (HUST) in Wuhan"
        opening = next((j for j in range(i - 1, max(i - 6, 0), -1) if toks[j].text == "("), None)
        if opening is not None and opening > 0 and entity(toks[opening - 1]) and \
                {entity(t) for t in toks[opening + 1:i]} == {entity(toks[opening - 1])}:
            i = opening - 1
    # a name, not a pronoun standing for one ("litigation between them in Pittsburgh")
    return toks[i] if i >= 0 and entity(toks[i]) and toks[i].pos_ != "PRON" else None


#: Words written between a preposition and the name it governs.
_BEFORE_A_NAME = frozenset({"the", "northern", "southern", "eastern", "western", "central", "north-eastern",
                            "north-western", "south-eastern", "south-western", "northeastern", "northwestern",
                            "southeastern", "southwestern"})


def name_after(tok: Token) -> Token | None:
    """The first token of the name written right after *tok* (over "the", a compass word and spaces)."""
    doc = tok.doc
    toks = tokens(doc)
    i = tok.i + 1
    # over "the" and a compass word: "Rafah in southern Gaza", "in the north-east of"
    while i < len(doc) and (toks[i].is_space or toks[i].lower_ in _BEFORE_A_NAME) and not entity(toks[i]):
        i += 1
    # over a hyphenated modifier: "with the state-run Sinopec"
    j = i
    while j < min(i + 4, len(doc) - 1) and not entity(toks[j]) and (
            toks[j].text == "-" or (j + 1 < len(doc) and toks[j + 1].text == "-") or (j > 0 and toks[j - 1].text == "-")):
        j += 1
    if j > i and j < len(doc) and entity(toks[j]) and toks[j - 1].text != "-":
        return toks[j]
    if i < len(doc) and entity(toks[i]):
        based = _based(doc, i)
        if based is not None:
            return based or None
        return _administrative_name(doc, i) or _possessed_name(doc, i) or toks[i]
    return None


def _based(doc, i: int) -> Token | bool | None:
    """"with the Hamburg-based shipping line Unimar": the place of "X-based" is where the one
    meant is, so the name after it (or, with none, False: no name is meant)."""
    toks = tokens(doc)
    end = name_end(doc, i)
    k = end + 1 if end < len(doc) and toks[end].text in ("-", "–") else end
    if k >= len(doc) or toks[k].lower_ not in ("based", "headquartered"):
        return None
    return next((t for t in toks[k + 1:k + 6] if entity(t) and t.pos_ == "PROPN"), False)


def _possessed_name(doc, i: int) -> Token | None:
    """"with Morocco's OCP": the name a possessor written after *tok* owns is the one meant."""
    toks = tokens(doc)
    k = name_end(doc, i)
    if k < len(doc) and toks[k].lower_ in ("'s", "’s"):
        k += 1
    elif toks[k - 1].lower_ not in ("'s", "’s"):
        return None
    owned = entity(toks[k]) if k < len(doc) else None
    return toks[k] if owned is not None and owned != entity(toks[i]) else None


def _administrative_name(doc, i: int) -> Token | None:
    """"in the US state of Texas": the name after "the <place> state of" is where the text points
    (the place nouns of the lexicon, as :func:`resolve_token` reads "the German state of X")."""
    toks = tokens(doc)
    k = name_end(doc, i)  # the token after the name
    if k + 2 < len(doc) and toks[k].lemma_.lower() in lexicon().place_nouns and toks[k + 1].lower_ == "of" \
            and entity(toks[k + 2]):
        return toks[k + 2]
    return None


def venue_of(tok: Token) -> Token | None:
    """Where the gathering *tok* stands for takes place: "attending the meeting" after "arriving in
    Davos for the World Economic Forum" → Davos; "scheduled to attend" likewise.

    The venue is the place the text last gave a gathering, before *tok*: "a summit in X",
    "the forum at X", "arrived in X for the summit". A verb that attends something else
    ("attend the funeral") has no venue.
    """
    gatherings = lexicon().gathering_nouns
    if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("dobj", "prep") and not _gathering(c, gatherings)
                                           for c in tok.children):
        return None
    own = _venue_here(tok, gatherings)
    if own is not None:
        return own
    for t in reversed(tok.doc[:tok.i]):
        found = _venue_here(t, gatherings) if _gathering(t, gatherings) or t.pos_ == "VERB" else None
        if found is not None:
            return found
    return None


#: Words of a trip whose "to"/"of"/"in"/"at" object is where it goes ("a state tour of Britain", "arrived at X").
_TRIP_WORDS = frozenset({"visit", "tour", "trip", "journey", "arrive", "arrival", "travel", "fly", "come", "go"})


def destination_of(tok: Token) -> Token | None:
    """Where a trip told without its place goes: "King Faisal visited in 1967" after "two state tours
    of Britain", "also seen arriving were ..." after "arrived at the Treasury": the place the last
    trip of the two sentences before went to. A verb with a place of its own has none here."""
    if any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("to", "in", "at", "into")
                                and any(g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") and g.pos_ != "NUM"
                                        for g in c.children))
           for c in tok.children):
        return None  # its own place, named or not ("arrived in the disaster area"); a date is none
    if any(c.lower_ in ("abroad", "overseas", "home", "here", "there", "back") for c in tok.children):
        return None  # "his first state visit abroad": somewhere else than the last trip
    first = tok.sent.start
    for _ in range(2):
        if first > 0:
            first = tok.doc[first - 1].sent.start
    for t in reversed(tok.doc[first:tok.i]):
        if t.lemma_.lower() in _TRIP_WORDS and t.i != tok.i:
            for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ in ("to", "of", "in", "at", "into")):
                place = _named_pobj(prep)
                if place is not None:
                    return place
    return None


def traveller_of(tok: Token) -> Token | None:
    """Who makes a stop told without its traveller ("Stops in Shrewsbury and Liverpool are planned
    for later in the week"): the person the last trip of the two sentences before was told of."""
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in tok.children):
        return None  # "his stops", "stops by the leader": their own traveller
    first = tok.sent.start
    for _ in range(2):
        if first > 0:
            first = tok.doc[first - 1].sent.start
    for t in reversed(tok.doc[first:tok.sent.start]):
        if t.lemma_.lower() in _TRIP_WORDS or t.lemma_.lower() in ("campaign", "stop"):
            agent = agent_of(t)
            if agent is not None and agent._.kg_type == "Person":
                return agent
    return None


def _named_pobj(prep: Token) -> Token | None:
    """The object of a preposition when it refers to an entity ("in [the Swiss resort Davos]")."""
    return next((c for c in prep.children if c.dep_ == "pobj" and resolve_token(c)), None)


def _gathering(tok: Token, gatherings: frozenset[str]) -> bool:
    if tok.dep_ == "prep":
        return any(_gathering(c, gatherings) for c in tok.children if c.dep_ == "pobj")
    return tok.lemma_.lower() in gatherings


def _venue_here(tok: Token, gatherings: frozenset[str]) -> Token | None:
    """The named place a gathering noun is in or at, or that a verb goes to for a gathering."""
    preps = [c for c in tok.children if c.dep_ == "prep"]
    places = [p for c in preps if c.lower_ in ("in", "at", "to") for p in [_named_pobj(c)] if p is not None]
    if not places:
        return None
    if tok.lemma_.lower() in gatherings and tok.pos_ in ("NOUN", "PROPN"):
        return places[0]
    if tok.pos_ == "VERB" and (any(c.lower_ == "for" and _gathering(c, gatherings) for c in preps)  # "came to X for the forum"
                               or any(c.dep_ in _SUBJECTS and _gathering(c, gatherings) for c in tok.children)  # "the summit opens in X"
                               or (tok.dep_ == "acl" and _gathering(tok.head, gatherings))):  # "a forum held in X"
        return places[0]
    return None


FINDERS = {"agent_of": agent_of, "subject_of": subject_of, "possessor_of": possessor_of, "head_of": head_of,
           "appos_anchor": appos_anchor, "name_before": name_before, "name_after": name_after, "venue_of": venue_of,
           "destination_of": destination_of, "traveller_of": traveller_of,
           "self": lambda t: t}


def resolve_token(tok: Token, or_possessor: bool = False, members: bool = False) -> str | None:
    """The entity a token refers to, looking through relative pronouns and (with *members*)
    "members of X" / "X members"."""
    key = entity(tok)
    if key:
        return key
    if tok.lower_ in _RELATIVES and tok.head.dep_ == "relcl":
        # ", which": the noun right before the comma, whatever the parse attached it to
        doc = tok.doc
        if tok.i >= 2 and doc[tok.i - 1].text == "," and entity(doc[tok.i - 2]):
            return entity(doc[tok.i - 2])
        return resolve_token(tok.head.head)
    if tok.lower_ == "whose" and tok.dep_ == "poss":
        # "The firm, whose Agroflora subsidiary operates ...": the noun the relative clause is of
        clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
        return resolve_token(clause.head) if clause is not None else None
    if members and (tok.lower_ in _MEMBER_WORDS or tok.lemma_ in _MEMBER_WORDS):
        for c in tok.children:
            if c.dep_ == "poss" and c.lower_ == "whose" and tok.head.dep_ == "relcl":
                return resolve_token(tok.head.head)  # "the EAC, whose members include": the EAC
            if c.dep_ == "poss" and not entity(c) and c.lower_ in ("its", "their"):
                continue
            if c.dep_ in ("compound", "poss") and entity(c):
                return entity(c)
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and entity(pobj):
                    return entity(pobj)
    if or_possessor:
        poss = possessor_of(tok)
        if poss is not None:
            return entity(poss)
    if tok.pos_ == "NOUN":
        # a description of a name: "Clarkson Research, a UK-based ... tracker"; "tuna maker StarKist"
        if tok.dep_ in ("appos", "compound") and entity(tok.head) and not (tok.dep_ == "appos" and _listed_appositions(tok.head)):
            return entity(tok.head)
        # "Indonesia's second largest city Surabaya": the name in apposition to the description
        named = [c for c in tok.children if c.dep_ == "appos" and entity(c) and c.left_edge.i == tok.i + 1]
        if len(named) == 1 and tok.tag_ == "NN":
            return entity(named[0])
        # "Toyota is a Japanese automaker headquartered in ...": the predicate noun is the subject
        if tok.dep_ == "attr" and tok.head.lemma_ == "be" and not any(c.dep_ == "poss" for c in tok.children):
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and entity(subj):
                return entity(subj)
        # "Iraq's government", "the government of Iraq" is Iraq
        if tok.lower_ in ("government", "administration", "authorities", "cabinet"):
            poss = next((c for c in tok.children if c.dep_ == "poss" and entity(c)), None)
            if poss is None:
                of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                poss = next((g for g in of.children if g.dep_ == "pobj" and entity(g)), None) if of is not None else None
            if poss is not None and poss._.kg_type == "Place":
                return entity(poss)
        # "in the west of the country": a part of a place stands for the place
        if tok.lemma_.lower() in ("west", "east", "north", "south", "part", "outskirts", "heart", "centre", "center",
                                  "northwest", "northeast", "southwest", "southeast", "edge", "coast", "interior") \
                or tok.lemma_.lower() in lexicon().place_nouns:  # "the German state of Baden-Württemberg"
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj" and entity(c)):
                    return entity(pobj)
        # a facility, region or collective known by a name: "the Ronnskar copper smelter",
        # "the Zulia region", "the Samsung family"
        lex = lexicon()
        lemma = tok.lemma_.lower()
        if lemma in lex.facility_nouns or lemma in lex.place_suffixes or lemma in lex.collective_org_nouns:
            names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and entity(c)]
            if len(names) == 1:
                return entity(names[0])
    return None


def _listed_appositions(name: Token) -> bool:
    """Whether *name* has two or more common nouns in apposition: a list the parser hung on its first
    item ("talked about Afghanistan, the war on terror, the situation in the Middle East"), not
    descriptions of it."""
    return sum(c.dep_ == "appos" and c.pos_ == "NOUN" for c in name.children) >= 2


def _semicolon_list(tok: Token) -> list[Token]:
    """Later items of a list separated by semicolons, which parsers rarely attach as conjuncts:
    "include A, chairman of X; B, who ...; C; and D" → the first name of A's type in each item."""
    doc, sent = tok.doc, tok.sent
    toks = tokens(doc)
    if ";" not in doc_text(doc)[tok.idx:sent.end_char]:  # sent.text would join the sentence token by token
        return []  # no semicolon after it in its sentence, so no later items (the common case)
    kind = tok._.kg_type
    j = tok.i + 1
    while j < sent.end and toks[j]._.kg_entity is not None and toks[j]._.kg_entity == tok._.kg_entity:
        j += 1
    # the item may go on with an apposition or a relative clause before its semicolon
    while j < sent.end and toks[j].text != ";":
        if toks[j].text in (".", "!", "?"):
            return []
        j += 1
    items = []
    while j < sent.end and toks[j].text == ";":
        k = j + 1
        first = None
        clause = False  # a verb before the name: the item is a clause, not a list entry
        other = False  # another name before it: a place after it is that name's ("the Library, Iowa")
        while k < sent.end and toks[k].text != ";":
            if first is None and toks[k].pos_ in ("VERB", "AUX"):
                clause = True
            if first is None and not clause and toks[k]._.kg_type == kind and kind is not None \
                    and not (other and kind == "Place"):
                first = toks[k]
            other = other or (toks[k]._.kg_entity is not None and toks[k]._.kg_type != kind)
            k += 1
        if first is not None:
            items.append(first)
        j = k
    return items


def name_start(doc, i: int) -> int:
    """The first token of the name that token *i* belongs to (*i* itself outside names)."""
    toks = tokens(doc)
    key = entity(toks[i])
    while key is not None and i > 0 and entity(toks[i - 1]) == key:
        i -= 1
    return i


def after_brackets(doc, j: int) -> int:
    """The token after a short bracketed aside that starts at token *j* (an acronym, another name:
    "International Sovereign Bonds (ISB) holders"), or *j* itself when none starts there."""
    toks = tokens(doc)
    if j < len(doc) and toks[j].text == "(":
        close = next((k for k in range(j + 1, min(j + 6, len(doc))) if toks[k].text == ")"), None)
        return close + 1 if close is not None else j
    return j


def name_end(doc, i: int) -> int:
    """The token after the name that token *i* belongs to."""
    toks = tokens(doc)
    key = entity(toks[i])
    i += 1
    while key is not None and i < len(doc) and entity(toks[i]) == key:
        i += 1
    return i


def _slash_partners(tok: Token) -> list[Token]:
    """"Tailim Packaging/Tailim Paper": the names written with a slash before *tok*'s name."""
    doc = tok.doc
    toks = tokens(doc)
    key = entity(tok)
    if key is None:
        return []
    i = name_start(doc, tok.i)
    out = []
    while i >= 2 and toks[i - 1].text == "/" and entity(toks[i - 2]) not in (None, key):
        out.append(toks[i - 2])
        key = entity(toks[i - 2])
        i = name_start(doc, i - 2)
    return out


def _has_own_place(tok: Token) -> bool:
    """Whether the name of *tok* is followed by "in"/"at" (a list item with its own place)."""
    doc = tok.doc
    toks = tokens(doc)
    j = after_brackets(doc, name_end(doc, tok.i))  # over a name in brackets: "Xiamen (Amoy) in Fujian"
    if j >= len(doc) or toks[j].lower_ not in ("in", "at"):
        return False
    place = name_after(toks[j])  # "Norway in October" has no place of its own
    return place is not None and place._.kg_type == "Place"


def _place_of_another(tok: Token) -> bool:
    """"Bordeaux in France and Oporto in [Portugal]": a name right after "in" that follows another name."""
    doc, key = tok.doc, entity(tok)
    toks = tokens(doc)
    i = name_start(doc, tok.i)
    if i > 0 and toks[i - 1].lower_ == "the":
        i -= 1
    return i >= 2 and toks[i - 1].lower_ in ("in", "at") and entity(toks[i - 2]) not in (None, key)


def _location_after_name(conj: Token, tok: Token) -> bool:
    """"Penn State University (PSU), Pennsylvania, USA": a place the parser made a conjunct of a
    name of another type, in a run of commas with no "and" or "or", is where the name is, not an
    item of a list."""
    if conj._.kg_type != "Place" or tok._.kg_type in (None, "Place", "Group"):
        return False
    return not any(c.dep_ == "cc" for x in (tok, *tok.conjuncts) for c in x.children)


def _listed_before(tok: Token) -> list[Token]:
    """"Baghdad and [Basra] in Iraq": the names of *tok*'s type listed right before its name, up to
    an item that has a place of its own ("Kabul in Afghanistan and [Pyongyang] in North Korea")."""
    doc, kind = tok.doc, tok._.kg_type
    toks = tokens(doc)
    if entity(tok) is None:
        return []
    i = name_start(doc, tok.i)
    out = []
    while i >= 2 and toks[i - 1].lower_ in (",", "and", "&") and toks[i - 2]._.kg_type == kind:
        j = name_start(doc, i - 2)
        k = j - 1 if j > 0 and toks[j - 1].lower_ == "the" else j
        if k >= 2 and toks[k - 1].lower_ in ("in", "at", "of") and (entity(toks[k - 2]) or toks[k - 2].lemma_.lower() in lexicon().facility_nouns):
            # "Kabul in [Afghanistan] and ...", "the Mong Duong 1 power plant in [Quang Ninh province],
            # Bitexco Tower in ...": the previous item is the place of another name or facility
            break
        out.append(toks[i - 2])
        i = j
    return out


def _title_word(tok: Token) -> bool:
    return tok.lower_ in title_words() or tok.lower_ in ("-", "(", ")")


def _surface_list(tok: Token) -> list[Token]:
    """The other names of *tok*'s type listed with it in its clause, however the parser attached
    them: "Peking University President Lin Jianhua, Victoria University Vice-Chancellor Grant
    Guilford, and ... Jenny Dixon signed": between two items only commas, "and", titles and the
    names their titles are of."""
    doc, kind, sent = tok.doc, tok._.kg_type, tok.sent
    toks = tokens(doc)
    if entity(tok) is None or kind not in ("Person", "Organization"):
        return []

    def gap_ok(lo: int, hi: int) -> bool:
        # "A, the India-registered B, and C": the words that describe the next item are no gap
        item = range(hi, name_end(doc, hi))
        between = [t for t in toks[lo:hi] if t.i not in aside and not (
            t.head.i in item and t.dep_ in ("amod", "compound", "det", "nmod", "npadvmod", "punct", "advmod")
            and not entity(t) and t.lower_ not in (",", "and"))]
        return 0 < hi - lo <= 18 and any(t.lower_ in (",", "and") for t in between) and all(
            t.lower_ in (",", "and", "the") or _title_word(t) or (entity(t) and t._.kg_type != kind)
            # "PDVSA and Argentina's Enarsa": the possessive of a name that describes the next item
            or (t.tag_ == "POS" and t.i > lo and entity(toks[t.i - 1]))
            or (t.pos_ == "PROPN" and t.is_title)
            # "Pansy Wong, Minister for Ethnic Affairs, the Hon. Kate Wilkinson": a title's "of"/"for"
            or (t.lower_ in ("of", "for") and (_title_word(toks[t.i - 1]) or toks[t.i - 1].pos_ == "PROPN"))
            for t in between)

    def possessive(j: int) -> bool:
        # "Airbus and Boeing's supplier Spirit": a possessor describes the next item, it is none;
        # nor is a possessive pronoun ("Gazprom, its unit Gazpromneft")
        if toks[j].tag_ == "PRP$":
            return True
        k = name_end(doc, j)
        return k < len(doc) and toks[k].tag_ == "POS"

    aside = _asides(sent)
    out = []
    i = name_start(doc, tok.i)
    while True:  # leftwards
        j = i - 1
        while j >= sent.start and not (entity(toks[j]) and toks[j]._.kg_type == kind and j not in aside
                                       and not possessive(j)):
            j -= 1
        if j < sent.start or not gap_ok(j + 1, i):
            break
        out.append(toks[j])
        i = name_start(doc, j)
    end = name_end(doc, tok.i)
    while True:  # rightwards
        j = end
        while j < sent.end and not (entity(toks[j]) and toks[j]._.kg_type == kind and j not in aside
                                    and not possessive(j)):
            j += 1
        if j >= sent.end or not gap_ok(end, j) or _speaker(toks[j]):
            break
        out.append(toks[j])
        end = name_end(doc, j)
    return out


def _speaker(tok: Token) -> bool:
    """"A, B and C, Lord Rennard said": a name after a list that says what went before is no item of it."""
    root = tok.doc[name_start(tok.doc, tok.i):name_end(tok.doc, tok.i)].root
    return root.dep_ == "nsubj" and root.head.lemma_ in _SAYING and root.head.i > root.i


#: Verbs that report speech, whose subject after a list is its source ("..., an official said").
_SAYING = frozenset({"say", "tell", "add", "state", "report", "announce", "claim", "insist", "confirm", "warn"})


def _asides(sent) -> set[int]:
    """Token indices of short asides in parentheses ("Roger Moltzen (Education)", "GDR (32.8%)"),
    which a list of names may carry after each item; their words are no items of the list."""
    out: set[int] = set()
    open_at = None
    for t in sent:
        if t.text == "(":
            open_at = t.i
        elif t.text == ")" and open_at is not None:
            if t.i - open_at <= 8:
                out.update(range(open_at, t.i + 1))
            open_at = None
    return out


def _named_after_colon(tok: Token) -> list[Token]:
    """"with five universities: A, B and C", "two airlines — A and B": the names listed right
    after a plural noun and a colon or dash, however the parser attached them."""
    doc = tok.doc
    toks = tokens(doc)
    j = tok.i + 1
    k = j + 2 if j + 2 < len(doc) and toks[j + 1].lower_ == "the" else j + 1  # ": the University of Otago, ..."
    if k >= len(doc) or toks[j].text not in (":", "—", "–", "--") or not entity(toks[k]) or toks[k]._.kg_type == "Group":
        return []
    first = toks[k]
    return [first, *_surface_list(first)]


def _named_as_examples(tok: Token) -> list[Token]:
    """"will visit places such as A and B", "deals with firms including A": the names a plural
    gives as its examples, where the plural is what is visited or signed with (an object: a
    subject's examples are only some of those who act)."""
    first = tok
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ not in ("dobj", "pobj"):
        return []
    for c in (c for t in (tok, *tok.conjuncts) for c in t.children):
        if c.dep_ == "prep" and (c.lower_ in ("including", "like") or (
                c.lower_ == "as" and any(g.lower_ == "such" for g in c.children))):
            named = next((g for g in c.children if g.dep_ == "pobj" and entity(g) and g._.kg_type != "Group"), None)
            if named is not None:
                return [named, *named.conjuncts]
    return []


def _companions(tok: Token) -> list[Token]:
    """Who travels with the agent: "X, accompanied by Y (and Z), visited", "X, together with Y,"."""
    out = []
    for c in tok.children:
        if c.dep_ == "acl" and c.lemma_ in ("accompany", "join", "escort"):
            by = next((g for g in c.children if g.dep_ == "agent"), None)
            pobj = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
        elif c.dep_ == "prep" and c.lower_ == "with" and any(g.lower_ in ("together", "along") for g in c.children):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
        else:
            continue
        if pobj is not None:
            out += [pobj, *pobj.conjuncts]
    return out


def _represented(tok: Token) -> list[Token]:
    """"The governments of Kenya and Rwanda signed", "the foreign ministers of India and China met":
    the sides that people or governments of them stand for (the spec: governments are their country)."""
    lex = lexicon()
    if tok.lemma_.lower() not in _REPRESENTATIVES and tok.lower_ not in lex.people_nouns:
        return []
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return [c for c in of.children if c.dep_ == "pobj" and entity(c)] if of is not None else []


#: Plural nouns for those who act for a country or an organisation ("the governments of A and B").
_REPRESENTATIVES = frozenset({"government", "delegation", "administration", "minister", "president", "leader",
                              "representative", "official", "head", "envoy", "ambassador", "side"})


#: Plurals for a body's member states ("the ASEAN countries", "the EU governments").
_MEMBER_STATES = frozenset({"country", "state", "nation", "government"})


def role_entities(tok: Token, expand: bool, or_possessor: bool = False, members: bool = False,
                  before: bool = False, named: bool = False, listed: bool = False,
                  companions: bool = False, represented: bool = False) -> Iterator[tuple[str, Token]]:
    """Entities for a role token, with its coordinated and appositive names when *expand*, with
    the names listed right before it when *before*, and with the names written in one list with
    it when *listed*. With *named*, a group whose members are named in apposition stands for them
    ("deals with two airlines — A and B"); with *represented*, people or governments of named sides
    stand for those ("the governments of Kenya and Rwanda signed")."""
    candidates = [tok, *(_listed_before(tok) if before else ()), *(_surface_list(tok) if listed else ()),
                  *(_companions(tok) if companions else ())]
    if expand:
        # "in France and Oporto in Portugal": a conjunct with a place of its own is another item
        # (a visit or a deal takes in every item, each with its place: "visited Airbus in Broughton and Toyota in Deeside")
        candidates += [c for c in tok.conjuncts if c.i > tok.i and (named or not _has_own_place(c)) and not _place_of_another(c)
                       and not _location_after_name(c, tok)]
        # "visits to Poland and Norway in October and to the UAE in November"
        if tok.dep_ == "pobj":
            for prep in tok.head.conjuncts:
                # not "in France and Oporto [in Portugal]": that preposition belongs to another name
                if prep.dep_ == "conj" and prep.i > tok.i and not entity(prep.doc[prep.i - 1]):
                    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                        candidates += [pobj, *(c for c in pobj.conjuncts if c.i > pobj.i)]
        # "MERCOSUR members Argentina, Brazil, Paraguay, and Uruguay": a list the parser split at its first comma
        for a in tok.children:
            if a.dep_ == "appos" and a.i > tok.i and entity(a) and a._.kg_type == tok._.kg_type \
                    and any(c.dep_ == "conj" for c in a.children):
                candidates += [a, *(c for c in a.conjuncts if c.i > a.i and c._.kg_type == tok._.kg_type)]
        # "the delegation included A along with B, C and D": more objects of the same verb
        if tok.dep_ == "dobj":
            for along in (c for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in ("along", "together")):
                for pobj in (g for w in along.children if w.lower_ == "with" for g in w.children if g.dep_ == "pobj"):
                    candidates += [pobj, *(c for c in pobj.conjuncts if c.i > pobj.i)]
        candidates += _semicolon_list(tok)
        candidates += [p for c in list(candidates) for p in _slash_partners(c)]
    seen = set()
    n = 0
    while n < len(candidates):
        cand = candidates[n]
        n += 1
        key = resolve_token(cand, or_possessor, members)
        if key is not None and cand.pos_ == "NOUN" and cand.tag_ == "NN":
            # "including the current banking chief, Jung Min-ho": the name set beside a description
            # says whom it means, whatever the description was resolved to before
            named_as = next((c for c in cand.children if c.dep_ == "appos" and c.i > cand.i and entity(c)
                             and entity(c) != key and c._.kg_type in ("Person", "Organization")), None)
            if named_as is not None and not any(c.dep_ == "conj" for c in named_as.children):
                key = entity(named_as)
        if (key is None or cand._.kg_type == "Group") and represented and cand.tag_ == "NNS" and cand.pos_ == "NOUN":
            sides = [x for r in _represented(cand) for x in (r, *r.conjuncts) if x not in candidates]
            if sides:  # "the governments of Kenya and Rwanda": the countries they stand for
                candidates += sides
                continue
        if expand and named and cand._.kg_type == "Group":
            # a group's first word ("with [two] airlines — A and B", read from the words): its head noun
            while cand.head.i != cand.i and entity(cand.head) == entity(cand) and cand.head.i < name_end(cand.doc, cand.i):
                cand = cand.head
        if key is None and cand.pos_ == "NOUN" and cand.dep_ == "appos" and cand.tag_ == "NN" and entity(cand.head) \
                and cand.head._.kg_type != "Group" and not _listed_appositions(cand.head):
            key = entity(cand.head)  # "Mercosur, a trade bloc made up of A and B": the name the description is set beside
        if not expand and key is None and cand.pos_ == "NOUN":
            # "the Mumbai-based firm, Mazagon Dock Shipbuilders Limited": the name in apposition
            named_as = next((c for c in cand.children if c.dep_ == "appos" and entity(c) and c._.kg_type != "Group"), None)
            toks = tokens(cand.doc)
            if named_as is None and cand.i + 2 < len(toks) and toks[cand.i + 1].text == "," \
                    and entity(toks[cand.i + 2]) and toks[cand.i + 2]._.kg_type != "Group":
                # the same, the parser having hung the name elsewhere; an apposition ends with its name
                # ("the Mumbai-based firm, Mazagon Dock Ltd (MDL)."), unlike "Scotland's regiments, Labour MPs will"
                end = name_end(cand.doc, cand.i + 2)
                if end >= len(toks) or toks[end].is_punct:
                    named_as = toks[cand.i + 2]
            key = entity(named_as) if named_as is not None else None
        if key is None and represented and cand.pos_ == "NOUN" and cand.tag_ == "NNS" \
                and cand.lemma_.lower() in _MEMBER_STATES:
            # "the United States and the ASEAN countries signed": the body its member states make up
            body = next((c for c in cand.children if c.dep_ == "compound" and entity(c)
                         and c._.kg_type == "Organization"), None)
            key = entity(body) if body is not None else None
        if key is None and cand.pos_ == "NOUN" and cand.dep_ in ("nsubj", "nsubjpass"):
            # "Kang Hoon-sik, presidential chief of staff, visited": the parser made the description the
            # subject and the name before its comma a modifier of it
            first = cand.left_edge
            end = name_end(cand.doc, first.i) if entity(first) else first.i
            if end < cand.i and cand.doc[end].text == "," and first._.kg_type in ("Person", "Organization"):
                key = entity(first)
        if expand and (key is None or (named and cand._.kg_type == "Group")):
            # "the two state-run entities -- the KDB and the KOBC": the names in apposition
            listed = [c for c in cand.children if c.dep_ == "appos" and entity(c) and c._.kg_type != "Group"]
            if not listed and cand.tag_ == "NNS":
                listed = _named_after_colon(cand) or (_named_as_examples(cand) if named else [])
            if listed:
                more = [x for c in listed for x in (c, *c.conjuncts, *_surface_list(c)) if x not in candidates]
                if key is not None:
                    candidates += more
                    continue
                # "[President] William Ruto and ... Yoweri Museveni signed": the title's name and its conjuncts
                key = entity(listed[0])
                # "its largest shareholder, A, and second-largest shareholder, B": names coordinated in apposition
                coordinated = len(listed) > 1 and any(t.dep_ == "cc" for t in cand.doc[listed[0].i:listed[-1].i])
                if _title_word(cand) or coordinated or cand.tag_ == "NNS":  # "by four universities: A, B and C"
                    candidates += [x for x in more if x != listed[0]]
            elif key is None and _title_word(cand) and cand.pos_ == "PROPN":
                # "included China's Ambassador to Bangladesh Yao Wen (and ...)": the holder named after
                # the office's place
                office_place = next((c for c in cand.children if c.dep_ == "prep" and c.lower_ in ("to", "of", "for")), None)
                holder = next((t for t in office_place.subtree if t.i <= cand.i + 6 and entity(t)
                               and t._.kg_type == "Person"), None) if office_place is not None else None
                if holder is not None:
                    key = entity(holder)
                    while holder.head.i != holder.i and entity(holder.head) == key:
                        holder = holder.head  # the name's last word, which carries its conjuncts
                    candidates += [c for c in holder.conjuncts if c not in candidates]
        for k in (cand._.kg_members or ()) if key is not None else ():
            if k not in seen:  # "they", "the two sides": every entity it stands for
                seen.add(k)
                yield k, cand
        if key is not None and key not in seen:
            seen.add(key)
            yield key, cand
