"""Errors a user can act on, and warnings collected rather than printed inside loops."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["StorylineError", "InputError", "ModelMissingError", "StageError", "Warnings"]


class StorylineError(Exception):
    """Base class: the message is meant for the user, not a traceback."""


class InputError(StorylineError):
    """A file that cannot become an article; the message names the file and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelMissingError(StorylineError):
    """No usable spaCy English model is installed."""


class StageError(StorylineError):
    """A stage returned something other than what it declared."""


@dataclass
class Warnings:
    """A bag of warnings gathered during a run and reported once at the end."""

    items: list[str] = field(default_factory=list)

    def add(self, message: str) -> None:
        self.items.append(message)

    def __bool__(self) -> bool:
        return bool(self.items)
