"""What a panel or dialog asks its scene to do, as typed values instead of strings or bare actions.

A panel's ``handle(event)`` / ``key(key)`` returns one of these (or None: not for me). The scene
is the only place that carries them out: it applies an ``Act``'s action through the core, closes
the dialog, opens a window. A panel therefore never needs the scene, and a new command is a new
class here that mypy makes every ``match`` on :data:`UICommand` see.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

from game.core.actions import Action


@dataclass(frozen=True)
class Act:
    """Apply ``action`` through the core (a recruit, an attack, an answer to an offer...)."""

    action: Action


@dataclass(frozen=True)
class Close:
    """Close the dialog or card that asked; the next waiting prompt may follow."""


@dataclass(frozen=True)
class DecideLater:
    """Close the prompt and hold the others back: they wait in the diplomacy window."""


@dataclass(frozen=True)
class Handled:
    """The panel used the event itself (a slider moved, a tab changed): nothing for the scene."""


@dataclass(frozen=True)
class OpenGlossary:
    """Show the glossary (or close it if it is open); from a card, at that card's term."""


@dataclass(frozen=True)
class OpenDiplomacy:
    """Show the diplomacy window (or close it if it is open)."""


QuestionKind = Literal["duty", "call", "offer"]


@dataclass(frozen=True)
class AnswerQuestion:
    """Open the dialog of one open question (a duty, a call to arms, an offer): the turn report's Answer."""

    kind: QuestionKind
    ident: int


@dataclass(frozen=True)
class EndTurnAsked:
    """The player asked to end the turn; the scene decides whether to warn first."""


@dataclass(frozen=True)
class UndoAsked:
    """Take back the last action, if the core allows it."""


@dataclass(frozen=True)
class OpenMenu:
    """Pause the match and show its menu."""


UICommand: TypeAlias = (
    Act
    | Close
    | DecideLater
    | Handled
    | OpenGlossary
    | OpenDiplomacy
    | AnswerQuestion
    | EndTurnAsked
    | UndoAsked
    | OpenMenu
)

#: The one "used it myself" answer, so panels need not build their own.
HANDLED = Handled()

#: The scene commands by the names the top bar's buttons go by.
BY_NAME: dict[str, UICommand] = {
    "glossary": OpenGlossary(),
    "diplomacy": OpenDiplomacy(),
    "end_turn": EndTurnAsked(),
    "undo": UndoAsked(),
    "menu": OpenMenu(),
}


# -- What the match screen's keys ask for (game/ui/scenes/match_input.py) ------------------------


@dataclass(frozen=True)
class PanMap:
    """Move the map by one step in ``direction`` (x, y of -1, 0 or 1); it keeps moving while ``key`` is held."""

    direction: tuple[int, int]
    key: int


@dataclass(frozen=True)
class NextReady:
    """Select and show the next territory whose troops may still act."""


@dataclass(frozen=True)
class ToggleMapMode:
    """Switch the map between the political view and the alliance overlay."""


@dataclass(frozen=True)
class FitMap:
    """Zoom and pan so the whole map fits its window."""


@dataclass(frozen=True)
class SkipAi:
    """The AI is playing: hurry it to the end of its turn."""


@dataclass(frozen=True)
class Back:
    """Let go of the selection, or with nothing selected, pause the match."""


@dataclass(frozen=True)
class ShowHelp:
    """Show the help screen."""


#: What a key on the match screen may ask for: the map's own commands and the scene commands.
MatchCommand: TypeAlias = UICommand | PanMap | NextReady | ToggleMapMode | FitMap | SkipAi | Back | ShowHelp
