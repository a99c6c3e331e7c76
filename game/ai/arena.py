"""The arena: seeded matches between two bots, and the numbers that judge an AI change.

>>> from game.ai.arena import wilson_interval
>>> [round(x, 3) for x in wilson_interval(95, 100)]
[0.888, 0.978]

Bots are named as :func:`game.ai.make_bot` accepts them. ``run_arena`` plays ``games``
matches; game ``i`` uses the match seed ``seed + i`` (with ``alternate``, games come in
pairs on one seed with the seats swapped, so the dice favour neither bot). Every bot gets
its own random generator seeded from the game, so a run is repeatable bit for bit.
"""

from __future__ import annotations

import math
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.ai.bot import Bot
from game.ai.politics import tally
from game.ai.registry import make_bot
from game.core import IllegalAction, Level, Match, apply, current_seat, new_match, state_hash
from game.core.victory import PointSplit, point_split
from game.terminal import table

# A bot that takes this many actions in one turn is stuck: the arena stops it rather than hang.
MAX_ACTIONS_PER_TURN = 400
# The points-by-source report samples the seats every this many rounds.
SPLIT_EVERY = 5


class BotMisbehaved(RuntimeError):
    """A bot chose an illegal action or never ended its turn: a bug in the bot."""


@dataclass
class GameRecord:
    """One finished match: who sat where, who won, how long it took."""

    seed: int
    seats: tuple[str, str]  # the label of the bot on seat 1 and seat 2
    winner: int | None  # seat index, None for a draw
    reason: str
    rounds: int
    turn_seconds: tuple[list[float], list[float]]  # per seat: the time of each of its turns
    final_hash: str = ""
    # Each seat's points by source at the end of every round, and when the match ended.
    splits: dict[int, tuple[PointSplit, PointSplit]] = field(default_factory=dict)
    final_split: tuple[PointSplit, PointSplit] | None = None
    politics: Counter[str] = field(default_factory=Counter)  # duties, calls, NPC wars (game.ai.politics)


@dataclass
class BotStats:
    label: str
    wins: int = 0
    draws: int = 0
    losses: int = 0
    turn_seconds: list[float] = field(default_factory=list)

    @property
    def games(self) -> int:
        return self.wins + self.draws + self.losses

    @property
    def win_rate(self) -> float:
        return self.wins / self.games if self.games else 0.0

    @property
    def interval(self) -> tuple[float, float]:
        return wilson_interval(self.wins, self.games)

    def turn_ms(self, q: float) -> float:
        return percentile(self.turn_seconds, q) * 1000.0


@dataclass
class ArenaReport:
    level: str
    seed: int
    alternate: bool
    bots: tuple[BotStats, BotStats]  # bot A (seat 1 in even games) and bot B
    records: list[GameRecord]
    seat_names: tuple[str, str] = ("seat 1", "seat 2")

    @property
    def games(self) -> int:
        return len(self.records)

    @property
    def mean_rounds(self) -> float:
        return statistics.fmean(r.rounds for r in self.records) if self.records else 0.0

    @property
    def first_seat_wins(self) -> int:
        return sum(1 for r in self.records if r.winner == 0)

    @property
    def first_seat_win_rate(self) -> float:
        return self.first_seat_wins / self.games if self.games else 0.0

    @property
    def draws(self) -> int:
        return sum(1 for r in self.records if r.winner is None)

    def reasons(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for r in self.records:
            counts[r.reason] = counts.get(r.reason, 0) + 1
        return dict(sorted(counts.items()))

    def to_json(self) -> dict[str, Any]:
        def bot(stats: BotStats) -> dict[str, Any]:
            low, high = stats.interval
            return {
                "bot": stats.label,
                "wins": stats.wins,
                "draws": stats.draws,
                "losses": stats.losses,
                "win_rate": round(stats.win_rate, 4),
                "win_rate_ci95": [round(low, 4), round(high, 4)],
                "turn_ms_p50": round(stats.turn_ms(0.5), 2),
                "turn_ms_p95": round(stats.turn_ms(0.95), 2),
                "turns": len(stats.turn_seconds),
            }

        low, high = wilson_interval(self.first_seat_wins, self.games)
        return {
            "level": self.level,
            "games": self.games,
            "seed": self.seed,
            "alternate": self.alternate,
            "bots": [bot(self.bots[0]), bot(self.bots[1])],
            "draws": self.draws,
            "mean_rounds": round(self.mean_rounds, 2),
            "first_seat_win_rate": round(self.first_seat_win_rate, 4),
            "first_seat_win_rate_ci95": [round(low, 4), round(high, 4)],
            "end_reasons": self.reasons(),
        }

    def table(self) -> str:
        heading = f"{self.level}: {self.games} games, seed {self.seed}" + (
            ", seats alternating" if self.alternate else ", fixed seats"
        )
        rows = []
        for stats in self.bots:
            low, high = stats.interval
            rows.append(
                (
                    stats.label,
                    str(stats.wins),
                    str(stats.draws),
                    str(stats.losses),
                    f"{stats.win_rate:.1%}",
                    f"{low:.1%}-{high:.1%}",
                    f"{stats.turn_ms(0.5):.1f}ms",
                    f"{stats.turn_ms(0.95):.1f}ms",
                )
            )
        headers = ("bot", "wins", "draws", "losses", "win rate", "95% CI", "turn p50", "turn p95")
        low, high = wilson_interval(self.first_seat_wins, self.games)
        summary = (
            f"mean rounds {self.mean_rounds:.1f}; first seat wins {self.first_seat_win_rate:.1%} "
            f"({low:.1%}-{high:.1%}); draws {self.draws}; ends: "
            + ", ".join(f"{k} {v}" for k, v in self.reasons().items())
        )
        return "\n".join((heading, table(headers, rows), summary))

    def split(self, every: int = SPLIT_EVERY) -> list[tuple[str, int, tuple[PointSplit, PointSplit]]]:
        """Each seat's mean points by source every ``every`` rounds and at the end: (when, games, means).

        A round's mean is over the games still going at its end, so late rows may count fewer
        games; "end" is every game's final position.
        """
        last = max((r.rounds for r in self.records), default=0)
        rows: list[tuple[str, int, tuple[PointSplit, PointSplit]]] = []
        for when in range(every, last + 1, every):
            taken = [r.splits[when] for r in self.records if when in r.splits]
            if taken:
                rows.append((str(when), len(taken), _mean_splits(taken)))
        finals = [r.final_split for r in self.records if r.final_split is not None]
        if finals:
            rows.append(("end", len(finals), _mean_splits(finals)))
        return rows

    def split_json(self) -> dict[str, Any]:
        def seat(part: PointSplit) -> dict[str, float]:
            return {"own": round(part.own, 2), "captured": round(part.captured, 2), "allies": round(part.allies, 2)}

        rows = {
            when: {"games": games, "by_seat": [seat(means[0]), seat(means[1])]} for when, games, means in self.split()
        }
        end = rows.pop("end", None)
        return {
            "seats": list(self.seat_names),
            "rounds": [{"round": int(when), **row} for when, row in rows.items()],
            "end": end,
        }

    def split_table(self) -> str:
        """One row per seat for each round of :meth:`split`."""
        rows = []
        for when, games, means in self.split():
            for name, part in zip(self.seat_names, means, strict=True):
                numbers = (part.own, part.captured, part.allies, part.total)
                rows.append((when, str(games), name[:24], *(f"{n:.1f}" for n in numbers)))
        title = "Victory points by source, mean per seat (own land / land taken / allies' land):"
        headers = ("round", "games", "seat", "own", "taken", "allies", "total")
        return title + "\n" + table(headers, rows, names=0, texts=(2,))


def _mean_splits(splits: list[tuple[PointSplit, PointSplit]]) -> tuple[PointSplit, PointSplit]:
    def mean(seat: int) -> PointSplit:
        return PointSplit(*(statistics.fmean(s[seat][i] for s in splits) for i in range(3)))

    return mean(0), mean(1)


def wilson_interval(successes: int, trials: int, z: float = 1.959964) -> tuple[float, float]:
    """The Wilson score interval for a proportion (95% by default); (0, 1) with no trials."""
    if trials == 0:
        return 0.0, 1.0
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    margin = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    return max(0.0, centre - margin), min(1.0, centre + margin)


def percentile(values: list[float], q: float) -> float:
    """The q-quantile by linear interpolation (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def bot_rng(seed: int, seat: int) -> random.Random:
    """The generator a bot on ``seat`` uses in the match with ``seed``: repeatable, and not the match's own."""
    return random.Random(f"alliances-bot/{seed}/{seat}")


def play_match(
    level: Level,
    bots: tuple[Bot, Bot],
    seed: int,
    round_ended: Callable[[Match], None] | None = None,
) -> tuple[Match, tuple[list[float], list[float]]]:
    """Play one match to its end. Returns the finished match and each seat's turn times (seconds).

    ``round_ended(match)`` is called once after each round's NPC phase, before the next
    round's first action. Raises BotMisbehaved if a bot chooses an illegal action or will not
    end its turn.
    """
    match = new_match(level, seed, controllers=(bots[0].name, bots[1].name))
    rounds_seen = len(match.history)
    rngs = (bot_rng(seed, 0), bot_rng(seed, 1))
    times: tuple[list[float], list[float]] = ([], [])
    while (seat := current_seat(match)) is not None:
        turn = match.turn
        spent = 0.0
        actions = 0
        while current_seat(match) == seat and match.turn == turn:
            started = time.perf_counter()
            action = bots[seat].choose(match, seat, rngs[seat])
            spent += time.perf_counter() - started
            try:
                apply(match, action)
            except IllegalAction as err:
                raise BotMisbehaved(
                    f"{bots[seat].name} (seat {seat + 1}, seed {seed}, round {match.round}) chose an illegal "
                    f"{action.kind}: {err}"
                ) from err
            actions += 1
            if actions > MAX_ACTIONS_PER_TURN:
                raise BotMisbehaved(f"{bots[seat].name} (seat {seat + 1}, seed {seed}) never ended its turn")
        times[seat].append(spent)
        if len(match.history) > rounds_seen:  # the NPC phase closed a round: its record is the newest
            rounds_seen = len(match.history)
            if round_ended is not None:
                round_ended(match)
    return match, times


def _keeper(splits: dict[int, tuple[PointSplit, PointSplit]]) -> Callable[[Match], None]:
    """A ``round_ended`` hook that files each round's points by source under the round's number."""

    def keep(m: Match) -> None:
        first, second, _ = point_split(m)
        splits[m.history[-1]["round"]] = (first, second)

    return keep


def run_arena(
    level: Level,
    bot_a: str,
    bot_b: str,
    games: int,
    seed: int = 0,
    alternate: bool = False,
    level_name: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> ArenaReport:
    """Play ``games`` matches of ``bot_a`` against ``bot_b`` and tally them per bot.

    Without ``alternate`` bot A always sits on seat 1. ``progress(done, total)`` is called
    after each game. Each match gets fresh bots, so nothing carries over between games.
    """
    same = bot_a == bot_b  # a mirror match: tell the two apart by their letters
    stats = (BotStats(f"{bot_a} (A)" if same else bot_a), BotStats(f"{bot_b} (B)" if same else bot_b))
    records: list[GameRecord] = []
    for i in range(games):
        swapped = alternate and i % 2 == 1
        match_seed = seed + (i // 2 if alternate else i)
        labels = (bot_b, bot_a) if swapped else (bot_a, bot_b)
        seat_stats = (stats[1], stats[0]) if swapped else (stats[0], stats[1])
        splits: dict[int, tuple[PointSplit, PointSplit]] = {}
        match, times = play_match(level, (make_bot(labels[0]), make_bot(labels[1])), match_seed, _keeper(splits))
        first, second, _ = point_split(match)
        outcome = match.outcome
        winner = outcome.winner if outcome is not None else None
        for seat in (0, 1):
            s = seat_stats[seat]
            s.turn_seconds.extend(times[seat])
            if winner is None:
                s.draws += 1
            elif winner == seat:
                s.wins += 1
            else:
                s.losses += 1
        records.append(
            GameRecord(
                seed=match_seed,
                seats=labels,
                winner=winner,
                reason=outcome.reason if outcome is not None else "unfinished",
                rounds=match.round,
                turn_seconds=times,
                final_hash=state_hash(match),
                splits=splits,
                final_split=(first, second),
                politics=tally(match.events, match.seat_of),
            )
        )
        if progress is not None:
            progress(i + 1, games)
    seat_names = (level.seats[0].name, level.seats[1].name)
    return ArenaReport(level_name or level.title, seed, alternate, stats, records, seat_names)
