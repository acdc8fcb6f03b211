"""A hand-built story (text written for these tests) with every part the present stage shows.

Three articles on an invented fisheries pact: an original, a second outlet that disagrees on a
number and carries hostile markup, and a wire copy of the first.
"""

from __future__ import annotations

from storyline.ingest import article_id
from storyline.model import (
    Actor,
    Article,
    Claim,
    Conflict,
    Event,
    Evidence,
    Quote,
    Rejected,
    Removed,
    Role,
    Span,
    Story,
)

TEXT_A = (
    "New Zealand and Fiji sign fisheries pact\n\n"
    "SUVA (Harbour Tribune) — New Zealand and Fiji signed a fisheries enforcement pact in Suva on "
    "Monday, ending a dispute that began in February when a New Zealand patrol vessel boarded a "
    'Fijian trawler. Prime Minister Ana Lealea said the agreement would "protect the livelihoods of '
    "our fishing villages\". New Zealand's foreign minister, Tom Reardon, said the two navies would "
    "hold joint patrols from July. Talks planned for March had been cancelled after the boarding row. "
    "Officials said 40 vessels would be monitored under the pact."
)
TEXT_B = (
    "Fiji and New Zealand agree on joint patrols\n\n"
    "Fiji and New Zealand signed an agreement on Monday that sets up joint fisheries patrols in the "
    'waters between the two countries. Lealea told reporters the deal was "a fair bargain for both '
    'nations". Officials said 25 vessels would be monitored in the first year of the scheme. '
    "One reader comment read <script>alert('pwned')</script> and another "
    "<img src=x onerror=alert(1)> before moderators removed both."
)
TEXT_C = TEXT_A.replace("SUVA (Harbour Tribune)", "SUVA (Pacific Newswire)")

A = article_id(TEXT_A)
B = article_id(TEXT_B)
C = article_id(TEXT_C)


def ev(article: str, text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(article, start, start + len(phrase), phrase)


def sp(article: str, text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(article, start, start + len(phrase))


def articles() -> tuple[Article, ...]:
    return (
        Article(
            id=A,
            source="tribune.txt",
            text=TEXT_A,
            title="New Zealand and Fiji sign fisheries pact",
            outlet="Harbour Tribune",
            url="https://tribune.example/pact",
            authors=("Mere Tane",),
            published="2024-05-06",
            published_precision="day",
            removed=(Removed("Subscribe for 1$ a week <b>now</b>", "boilerplate: subscription"),),
        ),
        Article(
            id=B,
            source="courier.txt",
            text=TEXT_B,
            title="Fiji and New Zealand agree on joint patrols <i>exclusive</i>",
            outlet="Island Courier",
            published="2024-05-07",
            published_precision="day",
        ),
        Article(
            id=C,
            source="wire.txt",
            text=TEXT_C,
            title="New Zealand and Fiji sign fisheries pact",
            outlet="Pacific Newswire",
            published="2024-05-06",
            published_precision="day",
            duplicate_of=A,
        ),
    )


def actors() -> tuple[Actor, ...]:
    return (
        Actor("sta:nzl", "New Zealand", "state", country="NZL", mentions=(sp(A, TEXT_A, "New Zealand"),)),
        Actor("sta:fji", "Fiji", "state", country="FJI", mentions=(sp(A, TEXT_A, "Fiji"),)),
        Actor(
            "per:lealea",
            "Ana Lealea",
            "person",
            country="FJI",
            sector="GOV",
            roles=(Role("Prime Minister", country="FJI"),),
            aliases=("Ana Lealea", "Lealea"),
            mentions=(sp(A, TEXT_A, "Ana Lealea"), sp(B, TEXT_B, "Lealea")),
        ),
        Actor(
            "per:reardon",
            "Tom Reardon",
            "person",
            country="NZL",
            sector="GOV",
            roles=(Role("foreign minister", country="NZL"),),
            mentions=(sp(A, TEXT_A, "Tom Reardon"),),
        ),
    )


def event(eid: str, article: str, text: str, phrase: str, **kw: object) -> Event:
    base: dict[str, object] = {
        "id": eid,
        "type": "AGREE",
        "source_actor": "sta:nzl",
        "target_actor": "sta:fji",
        "date": None,
        "granularity": None,
        "date_text": None,
        "place": None,
        "intensity": 0.0,
        "mode": "happened",
        "summary": phrase,
        "evidence": (ev(article, text, phrase),),
    }
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


def events() -> tuple[Event, ...]:
    return (
        event(
            "e-sign-a",
            A,
            TEXT_A,
            "New Zealand and Fiji signed a fisheries enforcement pact",
            date="2024-05-06",
            granularity="day",
            intensity=6.0,
            summary="New Zealand and Fiji sign fisheries pact",
        ),
        event(
            "e-board",
            A,
            TEXT_A,
            "a New Zealand patrol vessel boarded a Fijian trawler",
            type="SEIZE",
            date="2024-02",
            granularity="month",
            intensity=-5.0,
            summary="New Zealand patrol vessel boards Fijian trawler",
        ),
        event(
            "e-talks",
            A,
            TEXT_A,
            "Talks planned for March had been cancelled",
            type="CONSULT",
            date="2024-03",
            granularity="month",
            intensity=4.0,
            mode="cancelled",
            summary="Talks cancelled",
        ),
        event(
            "e-patrol",
            A,
            TEXT_A,
            "the two navies would hold joint patrols from July",
            type="COOPERATE",
            date="2024-07",
            granularity="month",
            intensity=5.0,
            mode="planned",
            summary="Joint navy patrols",
        ),
        event(
            "e-sign-b",
            B,
            TEXT_B,
            "Fiji and New Zealand signed an agreement on Monday",
            date="2024-05-06",
            granularity="day",
            intensity=6.0,
            summary="Fiji and New Zealand sign agreement",
        ),
    )


def quotes() -> tuple[Quote, ...]:
    def q(qid: str, article: str, text: str, words: str, speaker: str, name: str, direct: bool) -> Quote:
        start = text.index(words)
        return Quote(qid, article, start, start + len(words), words, speaker, name, "said", direct)

    return (
        q(
            "q1",
            A,
            TEXT_A,
            "protect the livelihoods of our fishing villages",
            "per:lealea",
            "Ana Lealea",
            True,
        ),
        q(
            "q2",
            A,
            TEXT_A,
            "the two navies would hold joint patrols from July",
            "per:reardon",
            "Tom Reardon",
            False,
        ),
        q("q3", B, TEXT_B, "a fair bargain for both nations", "per:lealea", "Lealea", True),
    )


def story() -> Story:
    forty = ev(A, TEXT_A, "Officials said 40 vessels would be monitored under the pact.")
    twenty_five = ev(
        B, TEXT_B, "Officials said 25 vessels would be monitored in the first year of the scheme."
    )
    return Story(
        storyline_version="test",
        articles=articles(),
        rejected=(Rejected("broken.pdf", "not a supported format"),),
        actors=actors(),
        quotes=quotes(),
        events=events(),
        claims=(
            Claim("c1", "40 vessels will be monitored", (A,), (forty,), ("Harbour Tribune",)),
            Claim("c2", "25 vessels will be monitored", (B,), (twenty_five,), ("Island Courier",)),
        ),
        conflicts=(Conflict("k1", "number", "How many vessels will be monitored", (forty, twenty_five)),),
        id="fisheries-pact",
        title="New Zealand and Fiji sign fisheries pact",
    )
