"""The AI plays its seat visibly, and the window never freezes while it thinks.

``Bot.choose`` runs in a worker thread on a private copy of the match (``core.view``); the
real match is only ever changed on the UI thread, by the match scene applying the chosen
action through the core. Between actions the driver waits so the player can follow: after
an attack the full pause of ``settings.animation_speed``, after routine orders (moves,
recruits, diplomacy: the chronicle and the turn report tell them) a short one, and once a
turn has been shown for its budget (:data:`TURN_SECONDS`) the rest goes
without pauses. A continent turn of 15 to 25 orders took 8 to 14 s at one pause each.
Space or a click sets :attr:`AiDriver.skipping`: the rest of the turn is applied as fast
as the bot can choose.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import game.core as core
from game.ai import make_bot
from game.core import Match
from game.core.actions import EndTurn

log = logging.getLogger(__name__)

#: Seconds after an AI attack at each animation speed (routine orders wait a share of it).
PAUSE = {"slow": 0.9, "normal": 0.45, "fast": 0.2, "off": 0.0}
#: How long one AI turn is shown at most at each speed; past it the orders go without pauses.
TURN_SECONDS = {"slow": 3.6, "normal": 1.7, "fast": 0.9, "off": 0.0}
#: The share of the pause that a routine order (a move, a recruit, an offer) waits.
ROUTINE_SHARE = 0.15
#: Orders worth the full pause: what changes the map's story.
NOTABLE = frozenset({"attack"})
#: A bot that never ends its turn is a bug; the driver ends the turn for it after this many actions.
MAX_ACTIONS_PER_TURN = 400
#: When skipping (or with animation off), how long a frame may wait for the bot.
FRAME_BUDGET = 0.008


def load_bot(spec: str) -> Any:
    """The bot for ``spec`` from the AI registry (``game.ai.make_bot``); UnknownBot names the bad spec."""
    return make_bot(spec)


@dataclass
class AiStep:
    """One action the AI took, what it caused, and the territories to highlight."""

    action: Any
    events: list[Any]
    touched: frozenset[str]


def pause_after(action: Any, pause: float) -> float:
    """How long the map holds still after ``action``: the full pause after an attack, a share after routine."""
    return pause if getattr(action, "kind", "") in NOTABLE else pause * ROUTINE_SHARE


def touched_territories(match: Match, action: Any, events: list[Any]) -> frozenset[str]:
    """Territories an action and its events name (a war's ``target`` is a nation: left out)."""
    found: set[str] = set()
    for thing in (action, *events):
        for name in ("source", "target", "territory"):
            value = getattr(thing, name, None)
            if isinstance(value, str) and value in match.owner:
                found.add(value)
    return frozenset(found)


class AiDriver:
    """Drives one seat. Call :meth:`update` every frame; it applies at most what the pause allows."""

    def __init__(self, seat: int, spec: str, seed: int = 0) -> None:
        self.seat = seat
        self.spec = spec
        self.bot = load_bot(spec)
        self.rng = random.Random(seed * 1_000_003 + seat)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"ai-seat-{seat + 1}")
        self._future: Future[Any] | None = None
        self._asked: tuple[int, int] | None = None
        self._wait = 0.0
        self.skipping = False
        self.actions_this_turn = 0
        self.turn: int | None = None
        #: Seconds this turn has been shown so far (frames' dt while the AI plays).
        self.shown = 0.0

    @property
    def thinking(self) -> bool:
        return self._future is not None and not self._future.done()

    def is_playing(self, match: Match) -> bool:
        return core.current_seat(match) == self.seat

    def skip(self) -> None:
        """Finish the AI's turn without pauses (Space or a click)."""
        self.skipping = True

    def update(
        self,
        match: Match,
        dt: float,
        pause: float,
        act: Callable[[Any], list[Any] | None],
        budget: float | None = None,
    ) -> list[AiStep]:
        """Advance the AI's turn; ``act`` applies an action on the real match (None if refused).

        ``pause`` follows an attack, a share of it a routine order; past ``budget`` seconds of
        showing this turn (None: no limit) the rest is applied without pauses.
        """
        if not self.is_playing(match):
            self._forget()
            return []
        if self.turn != match.turn:
            self.turn = match.turn
            self.actions_this_turn = 0
            self.skipping = False
            self.shown = 0.0
            self._forget()
        self._wait -= dt
        self.shown += dt
        steps: list[AiStep] = []
        hurry = self.skipping or pause <= 0.0 or (budget is not None and self.shown >= budget)
        deadline = time.perf_counter() + FRAME_BUDGET
        while self.is_playing(match):
            if self._future is None:
                self._ask(match)
            if self._wait > 0 and not hurry:
                break
            future = self._future
            assert future is not None
            if not future.done():
                if not hurry:
                    break
                remaining = deadline - time.perf_counter()
                if remaining <= 0:
                    break
                try:
                    future.result(timeout=remaining)
                except Exception:  # noqa: BLE001 - handled below, where the result is read
                    if not future.done():
                        break
            step = self._apply_answer(match, act)
            if step is not None:
                steps.append(step)
                self._wait = pause_after(step.action, pause)
            if not hurry or time.perf_counter() > deadline:
                break
        return steps

    def _ask(self, match: Match) -> None:
        self._asked = (len(match.log), match.turn)
        self._future = self._pool.submit(self.bot.choose, core.view(match), self.seat, self.rng)

    def _apply_answer(self, match: Match, act: Callable[[Any], list[Any] | None]) -> AiStep | None:
        future, asked = self._future, self._asked
        self._future = None
        assert future is not None
        if asked != (len(match.log), match.turn):
            return None  # the match moved on while the bot thought: ask again
        try:
            action = future.result()
        except Exception:  # noqa: BLE001 - a broken bot must not take the match down
            log.exception("bot %s failed to choose; ending its turn", self.spec)
            action = EndTurn()
        self.actions_this_turn += 1
        if self.actions_this_turn > MAX_ACTIONS_PER_TURN:
            log.warning("bot %s did not end its turn after %d actions; ending it", self.spec, MAX_ACTIONS_PER_TURN)
            action = EndTurn()
        events = act(action)
        if events is None:
            log.warning("bot %s chose an illegal action %r; ending its turn", self.spec, action)
            action = EndTurn()
            events = act(action) or []
        return AiStep(action, events, touched_territories(match, action, events))

    def _forget(self) -> None:
        if self._future is not None:
            self._future.cancel()
        self._future = None
        self._asked = None

    def close(self) -> None:
        self._forget()
        self._pool.shutdown(wait=False, cancel_futures=True)
