"""The one error the editor raises: an operation asked for something that cannot be."""

from __future__ import annotations


class EditError(ValueError):
    """An edit was refused (unknown or duplicate id, a value out of range); the level is unchanged.

    The message is a plain sentence for the editor's status bar.
    """
