"""Bots for seats, and the arena that plays them against each other.

Every bot follows :class:`Bot`: ``choose(view, seat, rng) -> Action``, always legal.
Get one by name with :func:`make_bot` ("random", "greedy", "bandwagoner",
"bandwagoner:easy|normal|hard"); judge them with :func:`run_arena`.
"""

from game.ai.arena import ArenaReport, BotMisbehaved, run_arena
from game.ai.bandwagoner import DIFFICULTIES, BandwagonerBot
from game.ai.bot import Bot
from game.ai.greedy import GreedyBot
from game.ai.random_bot import RandomBot
from game.ai.registry import BOT_NAMES, UnknownBot, make_bot

__all__ = [
    "BOT_NAMES",
    "DIFFICULTIES",
    "ArenaReport",
    "BandwagonerBot",
    "Bot",
    "BotMisbehaved",
    "GreedyBot",
    "RandomBot",
    "UnknownBot",
    "make_bot",
    "run_arena",
]
