"""Undo and redo for the editor: a list of levels, one per step, and where we stand in it.

Operations never change a level, so a step is just the level after it; undo moves back
along the list and redo forward. ``dirty`` says whether the level on screen differs from
the one last saved, so the editor knows when to ask "save changes?".

>>> from game.editor.operations import new_level, set_meta
>>> history = EditHistory(new_level(4, 3))
>>> history.apply("title", set_meta(history.level, title="Islands"))
True
>>> history.undo_label, history.dirty
('Undo title', True)
>>> history.undo().title, history.redo_label
('Untitled map', 'Redo title')
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count

from game.core.level import Level
from game.editor.errors import EditError

DEFAULT_CAP = 200


@dataclass(frozen=True)
class _Step:
    label: str  # what made this level: "paint", "delete territory"
    level: Level
    version: int  # unique per step, so "saved" survives undo, redo and the cap


class EditHistory:
    """The levels an editing session went through; at most ``cap`` steps can be undone."""

    def __init__(self, level: Level, cap: int = DEFAULT_CAP, saved: bool = True) -> None:
        """Start from ``level``; ``saved=False`` for a level that exists only in memory (a new draft)."""
        if cap < 1:
            raise ValueError("an undo history needs room for at least one step")
        self._versions = count()
        self._cap = cap
        self._steps = [_Step("", level, next(self._versions))]
        self._at = 0
        self._saved: int | None = self._steps[0].version if saved else None

    @property
    def level(self) -> Level:
        """The level as it stands now."""
        return self._steps[self._at].level

    def apply(self, label: str, level: Level, merge: bool = False) -> bool:
        """Record ``level`` as the result of the operation ``label``; False if it changed nothing.

        Steps that were undone are forgotten. With ``merge``, a step following one with the same
        label joins it (one brush stroke dragged across many cells is one undo).
        """
        if level == self.level:
            return False
        del self._steps[self._at + 1 :]
        step = _Step(label, level, next(self._versions))
        if merge and self._at > 0 and self._steps[self._at].label == label:
            self._steps[self._at] = step
        else:
            self._steps.append(step)
            if len(self._steps) > self._cap + 1:
                del self._steps[0]
            self._at = len(self._steps) - 1
        return True

    @property
    def can_undo(self) -> bool:
        return self._at > 0

    @property
    def can_redo(self) -> bool:
        return self._at < len(self._steps) - 1

    @property
    def undo_label(self) -> str | None:
        """The menu text for undo ("Undo paint"), or None when there is nothing to undo."""
        return f"Undo {self._steps[self._at].label}" if self.can_undo else None

    @property
    def redo_label(self) -> str | None:
        return f"Redo {self._steps[self._at + 1].label}" if self.can_redo else None

    def undo(self) -> Level:
        """Step back; returns the level now current."""
        if not self.can_undo:
            raise EditError("there is nothing to undo")
        self._at -= 1
        return self.level

    def redo(self) -> Level:
        """Step forward again; returns the level now current."""
        if not self.can_redo:
            raise EditError("there is nothing to redo")
        self._at += 1
        return self.level

    @property
    def dirty(self) -> bool:
        """True when the level differs from the one last saved (or was never saved)."""
        return self._steps[self._at].version != self._saved

    def mark_saved(self) -> None:
        """Call after writing :attr:`level` to disk."""
        self._saved = self._steps[self._at].version
