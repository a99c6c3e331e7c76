"""Bots by name: what ``alliances simulate`` and the menu's difficulty choice ask for.

>>> make_bot("bandwagoner:hard").name
'bandwagoner:hard'
"""

from __future__ import annotations

from game.ai.bandwagoner import DIFFICULTIES, BandwagonerBot
from game.ai.bot import Bot
from game.ai.greedy import GreedyBot
from game.ai.random_bot import RandomBot

BOT_NAMES: tuple[str, ...] = ("random", "greedy", "bandwagoner", *(f"bandwagoner:{d}" for d in DIFFICULTIES))


class UnknownBot(ValueError):
    """No bot goes by that name; the message lists those that do."""


def make_bot(name: str) -> Bot:
    """A fresh bot: ``random``, ``greedy``, ``bandwagoner`` (normal) or ``bandwagoner:easy|normal|hard``."""
    kind, _, difficulty = name.strip().lower().partition(":")
    if kind == "random" and not difficulty:
        return RandomBot()
    if kind == "greedy" and not difficulty:
        return GreedyBot()
    if kind == "bandwagoner" and (difficulty or "normal") in DIFFICULTIES:
        return BandwagonerBot(difficulty or "normal")
    raise UnknownBot(f"unknown bot '{name}': choose from {', '.join(BOT_NAMES)}")
