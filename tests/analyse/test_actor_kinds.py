"""Kinds and countries of people and organisations, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conftest import make_article
from storyline.analyse.actors.organisations import described_as_org, org_head, org_sector
from storyline.analyse.actors.resolve import find_mentions, resolve_local
from storyline.knowledge import load_knowledge
from storyline.model import Actor, Mention


def run(nlp: Language, text: str) -> tuple[list[Mention], list[Actor]]:
    article = make_article(text, published="2024-05-02")
    doc = nlp(text)
    return resolve_local(find_mentions(doc, article), article, doc)


def actor_named(actors: list[Actor], name: str) -> Actor:
    return next(a for a in actors if a.name == name)


@pytest.mark.parametrize(
    "text,name,country",
    [
        ("Chilean Trade Minister Rosa Quintero arrived in Lima on Tuesday.", "Rosa Quintero", "CHL"),
        ("Peru's ambassador in Santiago, Mateo Ruiz, flew home on Friday.", "Mateo Ruiz", "PER"),
        ("Rosa Quintero met her Peruvian counterpart, Lucia Vargas, in Lima.", "Lucia Vargas", "PER"),
        (
            "Ines Garza, an opposition MP whose Chilean seat borders the desert, said she was worried.",
            "Ines Garza",
            "CHL",
        ),
        ("Pablo Mora, a spokesman for Peru's foreign ministry, declined to comment.", "Pablo Mora", "PER"),
        ("Pablo Mora, a former Chilean defence attache, said the talks were tense.", "Pablo Mora", "CHL"),
        (
            "Elena Soto, director of Andean studies at the Pacific Policy Institute in Lima, said so.",
            "Elena Soto",
            "PER",
        ),
    ],
)
def test_person_country_from_the_stated_role(nlp: Language, text: str, name: str, country: str) -> None:
    _, actors = run(nlp, text)
    assert actor_named(actors, name).country == country


@pytest.mark.parametrize(
    "text,name",
    [
        ("The U.S. ambassador to Peru, Mateo Ruiz, flew home on Friday.", "Mateo Ruiz"),
        ("Daniel Roe, the special envoy for Peruvian affairs, was not available.", "Daniel Roe"),
    ],
)
def test_a_country_the_role_is_about_is_not_the_holders_country(nlp: Language, text: str, name: str) -> None:
    _, actors = run(nlp, text)
    assert actor_named(actors, name).country != "PER"


def test_person_with_no_stated_country_keeps_none(nlp: Language) -> None:
    _, actors = run(nlp, "Mateo Ruiz said the plan would fail, in an interview on Tuesday.")
    assert actor_named(actors, "Mateo Ruiz").country is None


@pytest.mark.parametrize(
    "text,name,country,sector",
    [
        (
            "The talks were hosted by the Andes Strategic Forum in Lima.",
            "Andes Strategic Forum",
            "PER",
            "THINK",
        ),
        (
            "Researchers at the Lima Centre for Coastal Affairs in Lima disagreed.",
            "Lima Centre for Coastal Affairs",
            "PER",
            "THINK",
        ),
        (
            "The deal was welcomed by Chile's Maritime Patrol Command on Monday.",
            "Maritime Patrol Command",
            "CHL",
            "MIL",
        ),
        ("A Chilean navy frigate shadowed the trawler.", "Chilean Navy", "CHL", "MIL"),
        (
            "In a statement, Peru's foreign ministry said the talks were useful.",
            "Peruvian Foreign Ministry",
            "PER",
            "DIP",
        ),
    ],
)
def test_organisation_kind_country_and_sector(
    nlp: Language, text: str, name: str, country: str, sector: str
) -> None:
    _, actors = run(nlp, text)
    a = actor_named(actors, name)
    assert (a.kind, a.country, a.sector) == ("organisation", country, sector)


def test_apposition_makes_a_single_name_an_organisation_of_that_country(nlp: Language) -> None:
    _, actors = run(
        nlp, "The pact links the coast guard with Sernapesca, Chile's fisheries agency, from June."
    )
    a = actor_named(actors, "Sernapesca")
    assert (a.kind, a.country) == ("organisation", "CHL")


def test_person_followed_by_their_organisation_is_a_person(nlp: Language) -> None:
    _, actors = run(nlp, "According to Hannah Ostrova of the Baltic Policy Institute, the talks stalled.")
    assert actor_named(actors, "Hannah Ostrova").kind == "person"


def test_unnamed_source_stays_inside_its_sentence(nlp: Language) -> None:
    mentions, _ = run(
        nlp, "The crew were released after a detention. A senior Chilean official said talks resume."
    )
    assert [m.text for m in mentions if m.label == "UNNAMED"] == ["A senior Chilean official"]


def test_honorifics_keep_two_people_with_one_surname_apart(nlp: Language) -> None:
    text = (
        "Grace Reed, an opposition MP, criticised the plan. Tom Reed, the ambassador, defended it. "
        "Mr. Reed said it was fair. Ms. Reed said it was not."
    )
    mentions, _ = run(nlp, text)
    got = {m.text: m.actor for m in mentions if m.text in ("Mr. Reed", "Ms. Reed")}
    assert got == {"Mr. Reed": "person:tom-reed", "Ms. Reed": "person:grace-reed"}


def test_plural_surname_is_not_an_actor(nlp: Language) -> None:
    mentions, _ = run(nlp, "Grace Reed and Tom Reed disagree. The two Reeds are not related.")
    assert not [m for m in mentions if m.text == "Reeds"]


@pytest.mark.parametrize(
    "name,head",
    [
        ("Tasman Policy Institute", "institute"),
        ("Centre for Coastal Affairs", "centre"),
        ("Convention Centre", None),
        ("Parliament House", None),
        ("Maritime Patrol Command", "command"),
        ("Grace Reed", None),
    ],
)
def test_org_head(name: str, head: str | None) -> None:
    assert org_head(name) == head


@pytest.mark.parametrize(
    "name,sector",
    [
        ("Coastal Times", "MED"),
        ("Peruvian Foreign Ministry", "DIP"),
        ("Border Protection Agency", "GOV"),
        ("Northern Fleet", "MIL"),
        ("Andes Strategic Forum", "THINK"),
        ("Harbour Shipping Group", "BUS"),
    ],
)
def test_org_sector(name: str, sector: str) -> None:
    assert org_sector(name) == sector


@pytest.mark.parametrize(
    "text,expected",
    [
        ("links Sernapesca, Chile's fisheries agency, and", True),
        ("Chile's fisheries agency, Sernapesca, said", True),
        ("Sernapesca, the agency's director, said", False),
        ("Mateo Ruiz, a senior fellow, said", False),
    ],
)
def test_described_as_org(text: str, expected: bool) -> None:
    start = text.index("Sernapesca") if "Sernapesca" in text else text.index("Mateo Ruiz")
    end = start + 10  # both names are ten characters long
    assert described_as_org(text, start, end) is expected


def test_knowledge_is_loaded_for_org_country() -> None:
    assert load_knowledge().country_word("Chile's") is not None


# --------------------------------------------------------------------- demonyms on things
@pytest.mark.parametrize(
    "text,word,label",
    [
        ("A Peruvian trawler entered the bay on Monday.", "Peruvian", "DEMONYM_THING"),
        ("A Chilean warship shadowed the trawler.", "Chilean warship", "GROUP"),
        ("The jets flew through Chilean airspace.", "Chilean", "DEMONYM_THING"),
        ("Peruvian officials protested on Monday.", "Peruvian", "DEMONYM"),
        ("Chilean diplomats met the minister.", "Chilean", "DEMONYM"),
        ("The trawler was seized by the Chilean government.", "Chilean", "DEMONYM"),
    ],
)
def test_demonym_on_a_thing_is_no_actor(nlp: Language, text: str, word: str, label: str) -> None:
    mentions, _ = run(nlp, text)
    m = next(m for m in mentions if m.text == word)
    assert (m.label, m.actor is None) == (label, label == "DEMONYM_THING")


def test_country_owned_institution_in_capitals_is_one_organisation(nlp: Language) -> None:
    mentions, _ = run(nlp, "A Chilean Navy frigate detained a Peruvian trawler.")
    assert [(m.text, m.actor) for m in mentions if m.actor] == [("Chilean Navy", "org:chl:navy")]


# --------------------------------------------------------------------- places read as people
@pytest.mark.parametrize(
    "text,word,kind",
    [
        ("She will stop in Darwin on the way home.", "Darwin", "place"),
        ("A skipper from Broome and a crew from Kupang met at sea.", "Broome", "place"),
        ("A skipper from Rote was held.", "Rote", "place"),
        ("Fishing families in the Atacama were angry.", "Atacama", "place"),
        ("The fleet was seen off Kimberley Point.", "Kimberley Point", "place"),
        ("Tom Broome, a fisheries official, said the catch was down.", "Tom Broome", "person"),
        ("Staff in the Garza administration said so.", "Garza", "person"),
    ],
)
def test_place_or_person_by_context(nlp: Language, text: str, word: str, kind: str) -> None:
    mentions, actors = run(nlp, text)
    m = next(m for m in mentions if m.text == word)
    assert next(a for a in actors if a.id == m.actor).kind == kind


def test_event_name_is_not_an_actor(nlp: Language) -> None:
    mentions, _ = run(nlp, "They spoke at the Shangri-La Dialogue in Singapore.")
    assert [m.text for m in mentions if m.actor] == ["Singapore"]


@pytest.mark.parametrize(
    "text,actor_id,country,sector",
    [
        ("Soviet aircraft violated Norwegian airspace on Monday.", "org:sun:military", "SUN", "MIL"),
        ("Israeli tanks shelled the village at dawn.", "org:isr:military", "ISR", "MIL"),
        ("Burmese troops attacked rebel camps near the border.", "org:mmr:military", "MMR", "MIL"),
        ("Serb forces shelled the town overnight.", "org:srb:military", "SRB", "MIL"),
        ("Chinese warships fired on a Vietnamese fishing boat.", "org:chn:military", "CHN", "MIL"),
        ("Palestinian refugees protested outside the office.", "org:pse:refugees", "PSE", "REF"),
    ],
)
def test_a_demonym_before_a_group_noun_is_the_states_group(
    nlp: Language, text: str, actor_id: str, country: str, sector: str
) -> None:
    _, actors = run(nlp, text)
    group = next(a for a in actors if a.id == actor_id)
    assert (group.kind, group.country, group.sector) == ("organisation", country, sector)


@pytest.mark.parametrize(
    "text,thing",
    [
        ("Chinese warships fired on a Vietnamese fishing boat.", "Vietnamese"),
        ("Soviet aircraft violated Norwegian airspace on Monday.", "Norwegian"),
    ],
)
def test_a_demonym_before_a_thing_stays_no_actor(nlp: Language, text: str, thing: str) -> None:
    mentions, _ = run(nlp, text)
    m = next(m for m in mentions if m.text == thing)
    assert (m.label, m.actor) == ("DEMONYM_THING", None)


@pytest.mark.parametrize(
    "text,name,country",
    [
        ("Lebanon's new President Elias Hrawi met Syrian officials.", "Elias Hrawi", "LBN"),
        ("South African leader F.W. de Klerk freed the prisoners.", "F.W. de Klerk", "ZAF"),
        ("Ugandan President Yoweri Museveni accused Kenya of aiding rebels.", "Yoweri Museveni", "UGA"),
        ("East German leader Erich Honecker resigned on Wednesday.", "Erich Honecker", "DDR"),
    ],
)
def test_a_title_with_a_country_before_a_name_gives_the_country(
    nlp: Language, text: str, name: str, country: str
) -> None:
    _, actors = run(nlp, text)
    assert actor_named(actors, name).country == country


def test_a_demonym_tagged_org_is_not_an_organisation(nlp: Language) -> None:
    _, actors = run(nlp, "Ugandan President Yoweri Museveni accused Kenya of aiding rebels.")
    assert [a.id for a in actors if a.kind == "organisation"] == []


@pytest.mark.parametrize(
    "text,state",
    [
        ("The Soviet Union and Yugoslavia signed a trade pact.", "state:SUN"),
        ("The Soviet Union and Yugoslavia signed a trade pact.", "state:YUG"),
        ("Czechoslovakia expelled two East German diplomats.", "state:CSK"),
        ("Czechoslovakia expelled two East German diplomats.", "state:DDR"),
        ("Nigeria arrested ten Cameroonian fishermen.", "state:NGA"),
        ("Amman said it would close the border.", "state:JOR"),
    ],
)
def test_states_historical_and_untagged_are_state_actors(nlp: Language, text: str, state: str) -> None:
    _, actors = run(nlp, text)
    assert any(a.id == state and a.kind == "state" for a in actors)


@pytest.mark.parametrize(
    "text,place,country",
    [
        ("Talks opened in Geneva on Monday between Iran and Iraq.", "place:geneva", "CHE"),
        ("Leaders met in Davos and later in Doha.", "place:davos", "CHE"),
        ("Fighting erupted near Goma as rebels advanced.", "place:goma", "COD"),
        ("Aid reached Goma on Friday.", "place:goma", "COD"),
        ("Officials from Cali said the mayor resigned.", "place:cali", "COL"),
    ],
)
def test_a_city_is_a_place_in_its_country(nlp: Language, text: str, place: str, country: str) -> None:
    _, actors = run(nlp, text)
    found = next(a for a in actors if a.id == place)
    assert (found.kind, found.country) == ("place", country)


def test_a_city_that_is_not_a_capital_does_not_stand_for_a_government(nlp: Language) -> None:
    _, actors = run(nlp, "Geneva said the talks would resume.")
    assert not any(a.kind == "state" for a in actors)


@pytest.mark.parametrize(
    "text,name,expected",
    [
        ("Prime Minister Ulf Kristersson said so.", "Ulf Kristersson", "title before the name"),
        ("Ulf Kristersson said so.", "Ulf Kristersson", "a verb of saying after a full name"),
        (
            "Ulf Kristersson, the prime minister, said so.",
            "Ulf Kristersson",
            "a verb of saying after a full name",
        ),
        ("Cape Town said so.", "Cape Town", None),
        ("Kimberley Point said so.", "Kimberley Point", None),
        ("Sweden said so.", "Sweden", None),
    ],
)
def test_a_person_tagged_as_a_place_by_title_or_speech(text: str, name: str, expected: str | None) -> None:
    from storyline.analyse.actors.places import person_reading

    start = text.index(name)
    assert person_reading(text, start, start + len(name), name, load_knowledge()) == expected
