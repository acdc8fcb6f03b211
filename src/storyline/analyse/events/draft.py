"""The event under construction, shared by the per-sentence and cross-sentence passes."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ...model import Mention, TimeRef
from .ontology import Trigger

__all__ = ["Draft"]


@dataclass
class Draft:
    trigger: Token
    rule: Trigger
    mode: str
    src: Mention | None
    tgt: Mention | None
    time: TimeRef | None
    place: tuple[str, int, int] | None
    duration: str | None
    spans: list[tuple[int, int]]
    notes: list[str] = field(default_factory=list)
    date: str | None = None
    granularity: str | None = None
    end: str | None = None
    date_text: str | None = None
    #: the time came from a clause above the trigger, not the trigger's own: a later pass may replace it
    inherited: bool = False
    #: dated by a chronology heading, or a clause inside such an item: never re-dated by context
    fixed: bool = False
    #: kept only so that the background event it implies is found; never reported itself
    ghost: bool = False

    @property
    def when(self) -> str | None:
        """The date this event will carry (its own, else its time expression's)."""
        return self.date or (self.time.date if self.time else None)

    @property
    def when_granularity(self) -> str | None:
        return self.granularity if self.date else (self.time.granularity if self.time else None)

    def set_date(self, date: str, granularity: str, text: str | None, note: str) -> None:
        self.date, self.granularity, self.end, self.date_text = date, granularity, None, text
        self.time, self.inherited = None, False
        self.notes = [n for n in self.notes if not n.startswith("date inherited")] + [note]
