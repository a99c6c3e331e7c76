"""Benchmarks behind ``alliances bench``: medians of repeated runs, never timed tests."""

from __future__ import annotations

import platform
import random
import statistics
import time

from game.ai.random_bot import RandomBot
from game.core import Level, apply, current_seat, new_match
from game.terminal import Update, table


def _machine() -> str:
    return f"{platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}"


def _random_match(level: Level, seed: int) -> int:
    return _random_match_counts(level, seed)[0]


def _random_match_counts(level: Level, seed: int) -> tuple[int, int]:
    """(actions, seat turns) of one random-vs-random match played to its end.

    Both seats are named as the bots they are, as the arena names them: a bot takes nothing
    back, so the rules keep no undo checkpoint for it (engine.takes_back).
    """
    bot = RandomBot()
    rng = random.Random(seed)
    match = new_match(level, seed, controllers=(bot.name, bot.name))
    actions = turns = 0
    while (seat := current_seat(match)) is not None:
        action = bot.choose(match, seat, rng)
        apply(match, action)
        actions += 1
        turns += action.kind == "end_turn"
    return actions, turns


def bench_engine(levels: list[tuple[str, Level]], runs: int, games: int, progress: Update | None = None) -> str:
    """Random-vs-random matches: actions applied per second and matches per second, per level.

    The random bot's own choosing (legal action listing) is included: that is what a
    full match costs end to end. ``progress(done, total)`` is told after each match.
    """
    rows = []
    total, done = len(levels) * runs * games, 0
    for path, level in levels:
        per_run_aps, per_run_mps, per_run_tps, per_match_actions = [], [], [], []
        for run in range(runs):
            started = time.perf_counter()
            actions = turns = 0
            for game in range(games):
                n, t = _random_match_counts(level, seed=run * 1000 + game)
                actions += n
                turns += t
                per_match_actions.append(n)
                done += 1
                if progress is not None:
                    progress(done, total)
            elapsed = time.perf_counter() - started
            per_run_aps.append(actions / elapsed)
            per_run_mps.append(games / elapsed)
            per_run_tps.append(turns / elapsed)
        mps = statistics.median(per_run_mps)
        aps = statistics.median(per_run_aps)
        tps = statistics.median(per_run_tps)
        rows.append(
            (
                path,
                f"{aps:.0f}",
                f"{tps:.0f}",
                f"{mps:.1f}",
                f"{1000 / mps:.1f}",
                f"{statistics.median(per_match_actions):.0f}",
            )
        )
    heading = f"engine benchmark: median of {runs} runs x {games} random-vs-random matches ({_machine()})"
    return (
        heading + "\n" + table(("level", "actions/s", "seat turns/s", "matches/s", "ms/match", "actions/match"), rows)
    )
