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


# -- What the mouse over the match's map asks for (game/ui/scenes/match_input.py) ------------------


@dataclass(frozen=True)
class HoverAt:
    """The pointer rests at ``pos`` with no button held on the map: the hover card names what is there."""

    pos: tuple[int, int]


@dataclass(frozen=True)
class DragBy:
    """A button held on the map moved the pointer by (dx, dy): the map follows (0, 0 until it is a drag)."""

    dx: float
    dy: float


@dataclass(frozen=True)
class SelectAt:
    """A left click (not a drag) at ``pos`` on the map: select there, order there, or skip the AI's turn."""

    pos: tuple[int, int]


@dataclass(frozen=True)
class LetGo:
    """A right click (not a drag) on the map: let go of the selection."""


@dataclass(frozen=True)
class ZoomAt:
    """The wheel over the map: zoom one step in (``step`` 1) or out (-1), keeping ``pos`` where it is."""

    pos: tuple[int, int]
    step: int


#: What a key or the mouse on the match screen may ask for: the map's own commands and the scene commands.
MatchCommand: TypeAlias = (
    UICommand
    | PanMap
    | NextReady
    | ToggleMapMode
    | FitMap
    | SkipAi
    | Back
    | ShowHelp
    | HoverAt
    | DragBy
    | SelectAt
    | LetGo
    | ZoomAt
)


# -- What the map editor's keys, mouse and top bar ask for (game/ui/scenes/editor_input.py) ------


@dataclass(frozen=True)
class UndoEdit:
    """Take back the draft's last change."""


@dataclass(frozen=True)
class RedoEdit:
    """Do again the change last taken back."""


@dataclass(frozen=True)
class SaveDraft:
    """Write the draft to its file; ``as_new``: to a file named after its title instead."""

    as_new: bool = False


@dataclass(frozen=True)
class GenerateMap:
    """Replace the draft with a generated map (one step undo takes back)."""


@dataclass(frozen=True)
class PlayTest:
    """Play the draft as a hot-seat match."""


@dataclass(frozen=True)
class LeaveEditor:
    """Back to the main menu (an unsaved draft leaves a recovery copy)."""


@dataclass(frozen=True)
class PickTool:
    """Make ``tool`` (land, sea, fill, eyedropper, capital, garrison) the one the canvas uses."""

    tool: str


@dataclass(frozen=True)
class PickBrush:
    """Paint ``radius`` cells around the one clicked (0: that cell alone)."""

    radius: int


@dataclass(frozen=True)
class PanCanvas:
    """Move the canvas's view of the map by (dx, dy) pixels."""

    dx: float
    dy: float


@dataclass(frozen=True)
class ZoomCanvas:
    """Zoom one step in (``step`` 1) or out (-1), keeping the point ``at`` where it is on screen."""

    at: tuple[int, int]
    step: int


@dataclass(frozen=True)
class PaintCells:
    """Paint with the brush around ``cell`` (land or sea); ``stroke``: dragged on from the last cell, one undo."""

    cell: tuple[int, int] | None
    stroke: bool = False


@dataclass(frozen=True)
class EndStroke:
    """The left button came up after painting: the stroke is one finished step."""


@dataclass(frozen=True)
class FillRegion:
    """Flood-fill the region around ``cell`` with the selected territory (or the sea)."""

    cell: tuple[int, int]


@dataclass(frozen=True)
class PickAt:
    """The eyedropper: select the territory at ``cell`` (or the sea) to paint with."""

    cell: tuple[int, int]


@dataclass(frozen=True)
class MakeCapital:
    """Make the territory at ``cell`` its owner's capital."""

    cell: tuple[int, int]


@dataclass(frozen=True)
class ChangeGarrison:
    """One troop more (``delta`` 1) or fewer (-1) of the owner on the territory at ``cell``."""

    cell: tuple[int, int]
    delta: int


#: What a key, a mouse event over the canvas or a top-bar button of the editor may ask for.
EditorCommand: TypeAlias = (
    UndoEdit
    | RedoEdit
    | SaveDraft
    | GenerateMap
    | PlayTest
    | LeaveEditor
    | PickTool
    | PickBrush
    | PanCanvas
    | ZoomCanvas
    | PaintCells
    | EndStroke
    | FillRegion
    | PickAt
    | MakeCapital
    | ChangeGarrison
    | Handled
)
