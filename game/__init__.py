"""Alliances: a two-player turn-based strategy game about military alliances."""

__version__ = "0.1.0"
