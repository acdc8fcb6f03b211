"""The knowledge files: coverage and lookups."""

from __future__ import annotations

import pytest

from storyline.knowledge import KnownRole, load_knowledge, name_key


def test_all_un_members_plus_three() -> None:
    assert len({c.iso3 for c in load_knowledge().countries}) == 200


@pytest.mark.parametrize(
    "text,iso",
    [
        ("U.S.", "USA"),
        ("the United States", "USA"),
        ("Britain", "GBR"),
        ("Türkiye", "TUR"),
        ("North Korea", "PRK"),
    ],
)
def test_country_names(text: str, iso: str) -> None:
    c = load_knowledge().country(text)
    assert c is not None and c.iso3 == iso


@pytest.mark.parametrize(
    "text,iso", [("Chinese", "CHN"), ("Americans", "USA"), ("Filipino", "PHL"), ("Dutch", "NLD")]
)
def test_demonyms(text: str, iso: str) -> None:
    c = load_knowledge().demonym(text)
    assert c is not None and c.iso3 == iso


@pytest.mark.parametrize(
    "text,iso", [("Beijing", "CHN"), ("Washington", "USA"), ("Kyiv", "UKR"), ("Canberra", "AUS")]
)
def test_capitals(text: str, iso: str) -> None:
    c = load_knowledge().capital(text)
    assert c is not None and c.iso3 == iso


def test_us_is_not_the_pronoun() -> None:
    assert load_knowledge().country("us") is None


@pytest.mark.parametrize(
    "name,key",
    [
        ("Antony J. Blinken", "antony blinken"),
        ("Mr. Blinken", "blinken"),
        ("Lloyd J. Austin III", "lloyd austin"),
    ],
)
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize(
    "iso,category,date,name",
    [
        ("CHN", "foreign", "2023-06-18", "Qin Gang"),
        ("CHN", "foreign", "2023-09-01", "Wang Yi"),
        ("USA", "defence", "2023-06-18", "Lloyd Austin"),
    ],
)
def test_holder_on_a_date(iso: str, category: str, date: str, name: str) -> None:
    p = load_knowledge().holder(iso, category, date)
    assert p is not None and p.name == name


def test_every_person_and_org_names_a_source() -> None:
    kn = load_knowledge()
    sources = [x.source for x in kn.people] + [x.source for x in kn.orgs] + [x.source for x in kn.countries]
    assert all(s.startswith("Wikipedia: ") for s in sources)


@pytest.mark.parametrize(
    ("start", "end", "date", "expected"),
    [
        ("2023-01-20", None, "2023", True),
        ("2023-01-20", None, "2023-01", True),
        ("2023-01-20", None, "2022-12", False),
        ("2023-01-20", None, "2023-01-19", False),
        ("2023-01-20", "2024-07-01", "2024", True),
        ("2023-01-20", "2024-07-01", "2024-07", True),
        ("2023-01-20", "2024-07-01", "2024-08", False),
        ("2023", None, "2023-06-18", True),
        ("2023-06", "2023-09", "2023-09-30", True),
        ("2023-06", "2023-09", "2023-10-01", False),
    ],
)
def test_role_covers_compares_at_the_shorter_precision(
    start: str, end: str | None, date: str, expected: bool
) -> None:
    assert KnownRole("foreign", "Foreign Minister", start, end).covers(date) is expected


@pytest.mark.parametrize(
    "word,iso3",
    [
        ("Soviet", "SUN"),
        ("USSR", "SUN"),
        ("Yugoslav", "YUG"),
        ("Czechoslovak", "CSK"),
        ("East German", "DDR"),
        ("West German", "DEU"),
        ("German", "DEU"),
    ],
)
def test_historical_states_and_their_demonyms(word: str, iso3: str) -> None:
    c = load_knowledge().country_word(word)
    assert c is not None and c.iso3 == iso3


@pytest.mark.parametrize(
    "city,iso3",
    [
        ("Geneva", "CHE"),
        ("Davos", "CHE"),
        ("Camp David", "USA"),
        ("Cali", "COL"),
        ("Goma", "COD"),
        ("Amman", "JOR"),
    ],
)
def test_cities_gazetteer_gives_the_country(city: str, iso3: str) -> None:
    c = load_knowledge().city(city)
    assert c is not None and c.iso3 == iso3


@pytest.mark.parametrize("city", ["Geneva", "Davos", "Cali"])
def test_a_city_that_is_not_a_capital_is_no_capital(city: str) -> None:
    assert load_knowledge().capital(city) is None
