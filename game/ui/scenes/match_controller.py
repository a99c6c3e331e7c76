"""The match screen's controller: the match, its AI seats and the flow of turns, with no drawing.

It is the one place of the match screen that changes the match, through the core's ``apply``
(:meth:`MatchController.act`); the AI drivers act through it too. It keeps what a turn is
made of: who plays, the legal moves of the moment, the questions waiting to be answered (the
prompts queue), the autosave when a seat's turn opens, undo, the End-turn warning, the notices.

What it cannot do without widgets (close a dialog, show the turn-start report, hand the
screen over, show the game-over screen, move the camera) it asks of its host, the scene, through
:class:`MatchHost`. It imports neither pygame_gui nor draws.
"""

from __future__ import annotations

import logging
from collections import deque
from typing import TYPE_CHECKING, Any, Protocol

import game.core as core
from game.core import IllegalAction, Match
from game.core import world as w
from game.core.actions import Attack, EndTurn, Move, Recruit, Undo
from game.ui.ai_driver import PAUSE, TURN_SECONDS, AiDriver, AiStep
from game.ui.panels.common import opening_seat, plural, seat_label
from game.ui.panels.territory import ready_stacks
from game.ui.scenes.handover import last_turn_end, news_lines

if TYPE_CHECKING:
    from game.ui.app import App

log = logging.getLogger(__name__)


class MatchHost(Protocol):
    """What the controller asks of the screen that shows the match."""

    def close_dialog(self) -> None:
        """Close the dialog open over the map, if any."""

    def dialog_open(self) -> bool:
        """A dialog is open over the map."""

    def match_changed(self, events: list[Any]) -> None:
        """The match changed (``events`` happened): sounds, new ideas, the chronicle, open windows."""

    def leave_turn(self, seat: int | None) -> None:
        """A new turn opens for ``seat``: drop what belonged to the last one (dialog, selection)."""

    def hide_private_offers(self, seat: int | None) -> None:
        """Hot-seat, with the privacy setting on: keep the other seat's pending offers unsaid."""

    def ai_turn_began(self, seat: int | None) -> None:
        """An AI seat (or nobody) is to play: remember where the player left the camera."""

    def person_turn_began(self, seat: int) -> None:
        """A person is to play: the camera comes back to where they left it."""

    def hand_over(self, seat: int, since: int) -> None:
        """Hot-seat: show the hand-over screen to ``seat`` with the news since event ``since``."""

    def show_report(self, seat: int, news: list[str], briefing: str | None) -> None:
        """Open the turn-start report."""

    def game_over(self) -> None:
        """The match has an outcome: show the game-over screen."""


class MatchController:
    """The match, its AI drivers and the turn flow; the only caller of ``core.apply`` on screen."""

    def __init__(self, app: App, match: Match, ai: dict[int, str] | None, host: MatchHost) -> None:
        self.app = app
        self.host = host
        self.match = match
        self.ai: dict[int, str] = dict(ai or {})
        self.drivers = {seat: AiDriver(seat, spec, seed=match.seed) for seat, spec in self.ai.items()}
        self.version = 0
        self.finished = False
        self.prompts: deque[tuple[str, int]] = deque()
        self.prompts_pending = False
        # The level's briefing opens the first turn's report (not a card of its own).
        self.briefing: str | None = None
        # After answering a question from the report, the report comes back with what is left.
        self.report_news: list[str] | None = None
        # End turn warned once about what is left to do (at this version of the match): a second press ends it.
        self.end_warning: str | None = None
        self.warned_at: int | None = None
        self.ready_cursor = -1
        self.turn_key: tuple[int, int | None] | None = None
        # Where each seat's news starts: now, or for a match resumed from a save, its last turn's end.
        resumed = bool(match.log)
        self.since = {s: last_turn_end(match, s) if resumed else len(match.events) for s in (0, 1)}
        self._legal_key: object = None
        self._legal: list[Any] = []

    def start(self) -> None:
        """The screen is up: the first turn opens (with the level's briefing on a new match)."""
        if self.match.turn == 1 and not self.match.log and self.match.level.briefing:
            self.briefing = self.match.level.briefing
        self.check_turn()

    def close(self) -> None:
        for driver in self.drivers.values():
            driver.close()

    # The match's state, as the screen needs it ----------------------------------
    @property
    def seat(self) -> int | None:
        return core.current_seat(self.match)

    @property
    def my_turn(self) -> bool:
        """A person is to play now (not an AI seat, not after the end)."""
        seat = self.seat
        return seat is not None and seat not in self.drivers and not self.finished

    @property
    def viewer(self) -> int | None:
        """The seat whose view the screen shows: the seat to play, or the human's during the AI's turn."""
        seat = self.seat
        if seat is not None and seat not in self.drivers:
            return seat
        humans = [s for s in (0, 1) if s not in self.drivers]
        return humans[0] if humans else seat

    @property
    def driver(self) -> AiDriver | None:
        """The AI driver of the seat to play, if an AI plays it."""
        seat = self.seat
        return self.drivers.get(seat) if seat is not None else None

    def legal(self) -> list[Any]:
        seat = self.seat
        key = (self.version, seat, len(self.match.log), self.match.turn)
        if key != self._legal_key:
            self._legal_key = key
            self._legal = list(core.legal_actions(self.match, seat)) if seat is not None else []
        return self._legal

    def orders(self, source: str | None) -> tuple[dict[str, list[Move]], dict[str, list[Attack]]]:
        """Legal moves and attacks from ``source``, by target (one entry per nation that can act)."""
        moves: dict[str, list[Move]] = {}
        attacks: dict[str, list[Attack]] = {}
        if source is None or not self.my_turn:
            return moves, attacks
        for action in self.legal():
            if isinstance(action, Move) and action.source == source:
                moves.setdefault(action.target, []).append(action)
            elif isinstance(action, Attack) and action.source == source:
                attacks.setdefault(action.target, []).append(action)
        for move_options in moves.values():
            move_options.sort(key=lambda a: -a.amount)  # the nation with the most ready troops first
        for attack_options in attacks.values():
            attack_options.sort(key=lambda a: -a.amount)
        return moves, attacks

    def waiting(self) -> int:
        """Duties and offers of the seat to play still unanswered."""
        seat = self.seat
        if seat is None or not self.my_turn:
            return 0
        return len(w.open_questions(self.match, seat))

    def controller_text(self, seat: int | None) -> str:
        """Who plays ``seat``, as the top bar says it."""
        if seat is None:
            return ""
        if seat in self.drivers:
            return f"AI · {self.drivers[seat].spec.replace(':', ' ')}"
        return f"seat {seat + 1}" + (" · your turn" if self.drivers else "")

    # Changing the match: the only place -----------------------------------------
    def act(self, action: Any) -> list[Any] | None:
        """Apply ``action`` through the core; on refusal show the reason and change nothing."""
        seat = self.seat
        before = len(self.match.events)
        try:
            events = core.apply(self.match, action)
        except IllegalAction as err:
            self.notice(f"Not allowed: {err}", error=True)
            return None
        if isinstance(action, EndTurn) and seat is not None:
            self.since[seat] = before
        self.version += 1
        self.host.match_changed(events)
        self.disarm_end_turn()
        self.check_turn()
        return events

    def notice(self, text: str, error: bool = False) -> None:
        toast = getattr(self.app, "toast", None)
        if toast is not None:
            toast(text, error=error)
        else:
            log.info(text)

    def undo(self) -> None:
        if self.my_turn and core.can_undo(self.match):
            self.host.close_dialog()
            self.act(Undo())

    def can_undo(self) -> bool:
        return core.can_undo(self.match)

    # Turns ------------------------------------------------------------------------
    def check_turn(self) -> None:
        m = self.match
        if m.outcome is not None:
            self.finish()
            return
        seat = self.seat
        key = (m.turn, seat)
        if key == self.turn_key:
            return
        first = self.turn_key is None
        self.turn_key = key
        self.start_turn(seat, first)

    def start_turn(self, seat: int | None, first: bool) -> None:
        self.host.leave_turn(seat)
        self.prompts.clear()
        self.report_news = None
        self.disarm_end_turn()
        self.ready_cursor = -1
        if hasattr(self.app, "autosave"):
            self.app.autosave(self.match)
        if not first:
            self.app.sound.play("turn")
        self.host.hide_private_offers(seat)
        if seat is None or seat in self.drivers:
            self.host.ai_turn_began(seat)
            return
        self.host.person_turn_began(seat)
        hot_seat = not self.drivers
        if hot_seat and not first:
            self.prompts_pending = True
            self.host.hand_over(seat, self.since[seat])
            return
        news: list[str] = []
        if not first or self.match.log:  # a resumed match opens on the news too
            private = self.app.settings.private_offers and hot_seat
            since = self.since[seat]
            # The report lists the questions itself, each with its Answer button: the news does not repeat them.
            news = news_lines(self.match, seat, since, explain=False, private_offers=private, asks=False)
        if not self.open_report(news):
            opener = opening_seat(self.match)
            order = "you move first" if opener == seat else f"{seat_label(self.match, opener)} moved first"
            self.notice(f"Round {self.match.round}: your turn · {order}")

    def resume(self) -> None:
        """The screen is on top again: after a hand-over, the report holds the questions."""
        if self.prompts_pending:
            self.prompts_pending = False
            self.open_report([])  # the hand-over told the news: the report holds the questions

    def open_report(self, news: list[str]) -> bool:
        """The turn-start report: the news, the briefing on the first turn, and every open question.

        Nothing to tell and nothing to answer: no report (False). It comes back after each
        question answered from it, while questions are left.
        """
        seat = self.seat
        if seat is None or not self.my_turn or self.host.dialog_open():
            return False
        briefing, self.briefing = self.briefing, None
        if not news and not briefing and not w.open_questions(self.match, seat):
            self.report_news = None
            return False
        self.report_news = news
        self.host.show_report(seat, news, briefing)
        return True

    def back_to_report(self) -> None:
        """A question answered (or put off) from the report: the report again, while questions are left."""
        seat = self.seat
        if self.report_news is None or seat is None or self.host.dialog_open():
            return
        if w.open_questions(self.match, seat):
            self.open_report(self.report_news)
        else:
            self.report_news = None

    def ask(self, kind: str, ident: int) -> None:
        """Only this question waits to be asked (answered from the report)."""
        self.prompts = deque([(kind, ident)])

    def end_turn(self) -> None:
        """End the turn; the first press warns once about what is left to do, a second press ends it."""
        if not self.my_turn:
            return
        left = self.left_to_do()
        if left and self.warned_at != self.version:
            self.host.close_dialog()
            self.warned_at = self.version
            self.end_warning = "Still to do: " + " · ".join(left) + " — End turn again to end it"
            self.app.sound.play("click")
            return
        self.app.sound.play("click")
        self.act(EndTurn())

    def left_to_do(self) -> list[str]:
        """What the seat could still do this turn, in short phrases, from the legal actions and open questions."""
        seat = self.seat
        if seat is None or not self.my_turn:
            return []
        legal = self.legal()
        left = []
        stacks = ready_stacks(self.match, seat) if any(isinstance(a, (Move, Attack)) for a in legal) else []
        if stacks:
            left.append(f"{plural(len(stacks), 'stack')} ready (Tab)")
        recruiting = {a.nation for a in legal if isinstance(a, Recruit)}
        if recruiting:
            gold = sum(self.match.treasury[n] for n in recruiting)
            left.append(f"{gold} gold unspent")
        questions = w.open_questions(self.match, seat)
        if questions.duties:
            left.append(f"{plural(len(questions.duties), 'duty', 'duties')} unanswered (passing the buck)")
        if questions.calls:
            left.append(f"{plural(len(questions.calls), 'call')} to arms unanswered")
        if questions.offers:
            left.append(f"{plural(len(questions.offers), 'offer')} unanswered")
        return left

    def disarm_end_turn(self) -> None:
        self.end_warning = None
        self.warned_at = None

    def next_ready(self) -> str | None:
        """The next territory with troops that may still act (Tab), biggest stack first; None: none."""
        seat = self.seat
        if seat is None or not self.my_turn:
            return None
        places = [t for t, _ in ready_stacks(self.match, seat)]
        if not places:
            self.notice("No troop can act again this turn.")
            return None
        self.ready_cursor = (self.ready_cursor + 1) % len(places)
        return places[self.ready_cursor]

    def finish(self) -> None:
        if self.finished:
            return
        self.finished = True
        self.host.game_over()

    # The AI's turn -------------------------------------------------------------------
    def skip_ai(self) -> bool:
        """The AI is playing: hurry it to the end of its turn (True), else nothing (False)."""
        driver = self.driver
        if driver is None:
            return False
        driver.skip()
        return True

    def drive_ai(self, dt: float) -> tuple[AiDriver, list[AiStep], float] | None:
        """Let the AI seat to play advance by ``dt``: its driver, the orders it gave, the pause after each."""
        driver = self.driver if not self.finished else None
        if driver is None:
            return None
        speed = self.app.settings.animation_speed
        pause = PAUSE.get(speed, PAUSE["normal"])
        budget = TURN_SECONDS.get(speed, TURN_SECONDS["normal"])
        return driver, driver.update(self.match, dt, pause, self.act, budget), pause
