"""The match screen: the map, the top bar, the territory panel, the chronicle, and every dialog of a turn.

The scene is glue: it builds the widgets and routes what the player asks for. It changes the
match only through its controller (:class:`~game.ui.scenes.match_controller.MatchController`,
the one caller of the core's ``apply``, which also keeps the turn flow); keys and the mouse
become typed commands in :mod:`match_input`; :class:`~game.ui.scenes.match_view.MatchView`
draws the match (and owns the camera over it).
Legal moves come from ``legal_actions``, odds from
``world.attack_odds``, what an action would do and cost from ``preview``, what waits for
an answer from ``world.open_questions``, reasons from the events' sentences: the screen
computes no rule of its own.

Flow of a turn: when a seat's turn opens the match is autosaved; in hot-seat play the
hand-over screen comes first; then one turn-start report holds the news and the seat's
open duties, calls and offers, each answered from there in its own dialog; then the player
plays until End turn, which warns once about ready troops, gold to spend and questions left
open (a second press ends the turn). An AI seat plays through :mod:`ai_driver`; the camera
comes back to where the player left it when the AI is done.
"""

from __future__ import annotations

import logging
from collections import deque
from typing import TYPE_CHECKING, Any

import pygame

from game.core import Match
from game.core.actions import Attack, Move
from game.ui.ai_driver import AiDriver
from game.ui.commands import (
    Act,
    AnswerQuestion,
    Back,
    Close,
    DecideLater,
    DragBy,
    EndTurnAsked,
    FitMap,
    Handled,
    HoverAt,
    LetGo,
    MatchCommand,
    NextReady,
    OpenDiplomacy,
    OpenGlossary,
    OpenMenu,
    PanMap,
    SelectAt,
    ShowHelp,
    SkipAi,
    ToggleMapMode,
    UICommand,
    UndoAsked,
    ZoomAt,
)
from game.ui.glossary import TERMS, term_for_event, term_hint
from game.ui.map_hud import MapHud, alliance_colour
from game.ui.map_view import Highlights, MapView
from game.ui.panels import (
    CallDialog,
    ChroniclePanel,
    CombatPreview,
    DiplomacyWindow,
    DutyDialog,
    GlossaryCard,
    GlossaryWindow,
    MoveDialog,
    OfferDialog,
    TerritoryPanel,
    TopBar,
    attack_consequences,
)
from game.ui.panels.common import esc
from game.ui.panels.dialog import Dialog, DialogStack
from game.ui.panels.report import TurnReport
from game.ui.panels.top_bar import HEIGHT as TOP_HEIGHT
from game.ui.scene import Scene
from game.ui.scenes.handover import offer_is_private
from game.ui.scenes.match_controller import MatchController
from game.ui.scenes.match_input import MatchInput
from game.ui.scenes.match_view import MatchView

if TYPE_CHECKING:
    from game.ui.app import App

log = logging.getLogger(__name__)

PAN_SPEED = 700.0  # pixels per second while an arrow key is held
PAN_STEP = 48.0  # pixels for a single tap
EVENT_SOUNDS = {"battle": "battle", "territory_captured": "capture", "duty_raised": "duty"}


class MatchScene(Scene):
    opaque = True

    def __init__(self, app: App, match: Match, ai: dict[int, str] | None = None) -> None:
        super().__init__(app)
        self.controller = MatchController(app, match, ai, self)
        self.selected: str | None = None
        self.hover: str | None = None
        #: The dialogs open over the map; only the top one hears the player.
        self.dialogs = DialogStack()
        self.card: GlossaryCard | None = None
        self.card_term: str | None = None
        self._cards: deque[tuple[str, str, str, str | None]] = deque()
        self.terms_seen: set[str] = set()
        #: The mouse and the held keys, read into commands.
        self.input = MatchInput()
        self._sounds: set[str] = set()
        self.alliance_colours: dict[str, tuple[int, int, int]] = {}
        #: What draws the match, with the camera over the map (made when the scene opens).
        self.view: MatchView | None = None
        self.hud: MapHud | None = None
        self.top_bar: TopBar | None = None
        self.territory_panel: TerritoryPanel | None = None
        self.chronicle: ChroniclePanel | None = None
        self.map_rect = pygame.Rect(0, 0, 1, 1)
        self.side_rect = pygame.Rect(0, 0, 1, 1)

    # Life cycle ---------------------------------------------------------------
    def enter(self) -> None:
        self._layout(self.app.size)
        self.view = MatchView(self)
        self.hud = MapHud(self.app, self.view.map_view, self.alliance_colours, self._select)
        self.view.remember_fit()
        self.top_bar = TopBar(self.app, self.match, (self._controller_text(0), self._controller_text(1)))
        self.territory_panel = TerritoryPanel(self.app, self.match, self._territory_rect())
        # Alone against the AI, acts of war are coloured by whose side they help; hot-seat players
        # share one screen, so there they keep the colours of their kind.
        human = [s for s in (0, 1) if s not in self.drivers]
        viewer = human[0] if self.drivers and len(human) == 1 else None
        self.chronicle = ChroniclePanel(self.app, self.match, self._chronicle_rect(), viewer)
        # A resumed match has met its ideas already: their cards must not come back.
        for event in self.match.events:
            term = term_for_event(event, self.match)
            if term is not None:
                self.terms_seen.add(term)
        self.controller.start()

    def exit(self) -> None:
        self.controller.close()
        self._close_dialog()
        for part in (self.top_bar, self.territory_panel, self.chronicle, self.card):
            if part is not None:
                part.kill()
        super().exit()

    def resume(self) -> None:
        self._show_widgets(True)
        self.controller.resume()

    def resize(self, size: tuple[int, int]) -> None:
        self._layout(size)
        if self.view is None:
            return
        self.view.set_rect(self.map_rect)  # a map the player had not moved fits the new window too
        assert self.top_bar and self.territory_panel and self.chronicle
        self.top_bar.build(size[0])
        self.territory_panel.set_rect(self._territory_rect())
        self.chronicle.set_rect(self._chronicle_rect())
        if self.card is not None:
            self.card.kill()
            self.card = None
            if self._card_shown is not None:
                self._cards.appendleft(self._card_shown)
        self._reopen_dialog()

    def _is_fitted(self) -> bool:
        return self.view is not None and self.view.is_fitted()

    def _layout(self, size: tuple[int, int]) -> None:
        width, height = size
        side = 350 if width >= 1200 else 310
        self.map_rect = pygame.Rect(0, TOP_HEIGHT, width - side, height - TOP_HEIGHT)
        self.side_rect = pygame.Rect(width - side, TOP_HEIGHT, side, height - TOP_HEIGHT)

    def _territory_rect(self) -> pygame.Rect:
        height = min(400, int(self.side_rect.height * 0.6))
        return pygame.Rect(self.side_rect.x, self.side_rect.y, self.side_rect.width, height)

    def _chronicle_rect(self) -> pygame.Rect:
        top = self._territory_rect().bottom
        return pygame.Rect(self.side_rect.x, top, self.side_rect.width, self.side_rect.bottom - top)

    def _show_widgets(self, visible: bool) -> None:
        for part in (self.top_bar, self.territory_panel, self.chronicle, self.card):
            if part is not None:
                part.show(visible)

    # What the view reads of the screen (match_view.MatchShown) ------------------------
    @property
    def map_view(self) -> MapView | None:
        """The camera over the map and its drawing (the view's); None before the scene opens."""
        return self.view.map_view if self.view is not None else None

    @property
    def pointer(self) -> tuple[int, int]:
        """Where the mouse was last seen over the screen."""
        return self.input.pointer or (0, 0)

    @property
    def dragging(self) -> bool:
        return self.input.dragging

    def highlights(self) -> Highlights:
        assert self.view is not None
        return self.view.highlights()

    def tooltip_visible(self) -> bool:
        return self.view is not None and self.view.tooltip_visible()

    # The match's state, from the controller ----------------------------------------
    @property
    def match(self) -> Match:
        return self.controller.match

    @property
    def ai(self) -> dict[int, str]:
        return self.controller.ai

    @property
    def drivers(self) -> dict[int, AiDriver]:
        return self.controller.drivers

    @property
    def version(self) -> int:
        return self.controller.version

    @property
    def finished(self) -> bool:
        return self.controller.finished

    @property
    def end_warning(self) -> str | None:
        return self.controller.end_warning

    @property
    def seat(self) -> int | None:
        return self.controller.seat

    @property
    def my_turn(self) -> bool:
        """A person is to play now (not an AI seat, not after the end)."""
        return self.controller.my_turn

    @property
    def viewer(self) -> int | None:
        """The seat whose view the screen shows: the seat to play, or the human's during the AI's turn."""
        return self.controller.viewer

    def legal(self) -> list[Any]:
        return self.controller.legal()

    def orders(self, source: str | None) -> tuple[dict[str, list[Move]], dict[str, list[Attack]]]:
        """Legal moves and attacks from ``source``, by target (one entry per nation that can act)."""
        return self.controller.orders(source)

    def act(self, action: Any) -> list[Any] | None:
        """Apply ``action`` through the controller (the core); on refusal show the reason and change nothing."""
        return self.controller.act(action)

    def waiting(self) -> int:
        """Duties and offers of the seat to play still unanswered."""
        return self.controller.waiting()

    def end_turn(self) -> None:
        """End the turn; the first press warns once about what is left to do, a second press ends it."""
        self.controller.end_turn()

    def left_to_do(self) -> list[str]:
        """What the seat could still do this turn, in short phrases."""
        return self.controller.left_to_do()

    def undo(self) -> None:
        self.controller.undo()

    def _notice(self, text: str, error: bool = False) -> None:
        self.controller.notice(text, error)

    def _controller_text(self, seat: int | None) -> str:
        return self.controller.controller_text(seat)

    # What the controller asks of the screen (MatchHost) ------------------------------
    def close_dialog(self) -> None:
        self._close_dialog()

    def dialog_open(self) -> bool:
        return self.dialogs.top is not None

    @property
    def dialog(self) -> Dialog | None:
        """The dialog the player sees and answers (the top of the stack); None when the map is free."""
        return self.dialogs.top

    def match_changed(self, events: list[Any]) -> None:
        m = self.match
        for event in events:
            kind = getattr(event, "kind", "")
            sound = EVENT_SOUNDS.get(kind)
            if sound is not None and sound not in self._sounds:
                self._sounds.add(sound)
                self.app.sound.play(sound)
            term = term_for_event(event, m)
            if term is not None and term not in self.terms_seen:
                self.terms_seen.add(term)
                self._cards.append(("NEW IDEA", TERMS[term].title, term_hint(term, m), term))
        for alliance in sorted(m.alliances):
            self._alliance_colour(alliance)
        if self.chronicle is not None:
            self.chronicle.sync()
        if self.selected is not None and self.selected not in m.owner:
            self.selected = None
        for dialog in self.dialogs:
            if isinstance(dialog, DiplomacyWindow) and dialog.alive():
                dialog.refresh(self.legal(), self.my_turn)

    def leave_turn(self, seat: int | None) -> None:
        # The card of the land under the last turn's pointer: it comes back when the pointer moves.
        self.hover = None
        if self.view is not None:
            self.view.forget_ai_move()
        self._close_dialog()
        self._select(None)

    def ai_turn_began(self, seat: int | None) -> None:
        if seat is not None and self.view is not None:
            self.view.keep_camera()

    def person_turn_began(self, seat: int) -> None:
        if self.view is not None:
            self.view.restore_camera()

    def hand_over(self, seat: int, since: int) -> None:
        self._show_widgets(False)
        from game.ui.scenes.handover import HandoverScene

        self.app.push(HandoverScene(self.app, self.match, seat, since=since))

    def show_report(self, seat: int, news: list[str], briefing: str | None) -> None:
        self.dialogs.push(TurnReport(self.app, self.match, seat, news, self.map_rect, briefing))

    def game_over(self) -> None:
        self._close_dialog()
        self._select(None)
        from game.ui.scenes.gameover import GameOverScene

        self.app.push(GameOverScene(self.app, self.match))

    def hide_private_offers(self, seat: int | None) -> None:
        """Hot-seat, with the privacy setting on: the chronicle keeps the other seat's pending offers unsaid."""
        if self.chronicle is None:
            return
        hide = None
        if not self.drivers and self.app.settings.private_offers and seat is not None:
            match, viewer = self.match, seat

            def hide(event: Any) -> bool:
                return offer_is_private(match, event, viewer)

        self.chronicle.hidden = hide
        self.chronicle.rebuild()

    # Turns ------------------------------------------------------------------------
    def _next_prompt(self) -> None:
        """The next question the controller queued, in its own dialog: one at a time, over a free map."""
        if self.dialogs.top is not None or self.app.scene is not self:
            return
        prompts = self.controller.prompts
        while prompts:
            kind, ident = prompts.popleft()
            dialog = self._question(kind, ident)
            if dialog is not None:
                self.dialogs.push(dialog)
                if not isinstance(dialog, OfferDialog):
                    self.app.sound.play("duty")
                return

    def _question(self, kind: str, ident: int) -> DutyDialog | CallDialog | OfferDialog | None:
        """The dialog of one open question; None when it is no longer open (answered, lapsed)."""
        m, legal = self.match, self.legal()
        if kind == "duty" and ident in m.duties:
            return DutyDialog(self.app, m, m.duties[ident], legal, self.map_rect)
        if kind == "call" and ident in m.calls:
            return CallDialog(self.app, m, m.calls[ident], legal, self.map_rect)
        if kind == "offer" and ident in m.offers:
            return OfferDialog(self.app, m, m.offers[ident], legal, self.map_rect)
        return None

    def next_ready(self) -> str | None:
        """Select and show the next territory with troops that may still act (Tab), biggest stack first."""
        if self.map_view is None:
            return None
        territory = self.controller.next_ready()
        if territory is None:
            return None
        self._select(territory)
        if not self.map_view.is_visible(territory):
            self.map_view.centre_on(territory)
        return territory

    # Dialogs ----------------------------------------------------------------------
    def _close_dialog(self) -> None:
        """Close every dialog: the turn moved on, the match is paused, undone or over."""
        self.dialogs.clear()

    def _reopen_dialog(self) -> None:
        """The window was resized: every dialog made anew to fit it, the orders dropped."""
        self.dialogs.rebuild(self._rebuilt)

    def _rebuilt(self, dialog: Dialog) -> Dialog | None:
        if isinstance(dialog, DutyDialog):
            return self._question("duty", dialog.duty.id)
        if isinstance(dialog, CallDialog):
            return self._question("call", dialog.call.id)
        if isinstance(dialog, OfferDialog):
            return self._question("offer", dialog.offer.id)
        if isinstance(dialog, DiplomacyWindow):
            return self._diplomacy_window(dialog.acting, dialog.focus)
        if isinstance(dialog, GlossaryWindow):
            return GlossaryWindow(self.app, self.map_rect, dialog.first, self.match)
        if isinstance(dialog, TurnReport):
            return TurnReport(self.app, self.match, dialog.seat, dialog.lines, self.map_rect, dialog.briefing)
        return None  # an order's amount is chosen again from the map

    def _diplomacy_window(self, acting: str | None = None, focus: str | None = None) -> DiplomacyWindow | None:
        seat = self.viewer
        if seat is None:
            return None
        legal = self.legal() if self.my_turn else []
        private = self.app.settings.private_offers and not self.drivers  # hot-seat only
        return DiplomacyWindow(self.app, self.match, seat, legal, None, self.my_turn, acting, focus, private)

    def open_diplomacy(self, acting: str | None = None, focus: str | None = None) -> None:
        """The diplomacy window, alone over the map."""
        if self.viewer is None:
            return
        self._close_dialog()
        window = self._diplomacy_window(acting, focus)
        if window is not None:
            self.dialogs.push(window)

    def open_glossary(self, first: str | None = None) -> None:
        """The glossary over whatever is open: closing it returns there."""
        self.dialogs.push(GlossaryWindow(self.app, self.map_rect, first, self.match))

    def _open_orders(self, target: str, moves: dict[str, list[Move]], attacks: dict[str, list[Attack]]) -> None:
        if target in attacks:
            options = attacks[target]
            consequences = attack_consequences(self.match, options[0])
            self.dialogs.replace(CombatPreview(self.app, self.match, options, self.map_rect, consequences))
        else:
            self.dialogs.replace(MoveDialog(self.app, self.match, moves[target], self.map_rect))

    def _intent(self, intent: UICommand | None, source: Any) -> bool:
        """Carry out what a panel or dialog asked for. True when something was done."""
        if intent is None:
            return False
        if isinstance(intent, Handled):
            return True
        if isinstance(intent, AnswerQuestion):
            self.dialogs.pop()  # the report: it comes back with what is left once this is answered
            self.controller.ask(intent.kind, intent.ident)
            self._next_prompt()
            return True
        if isinstance(intent, Close | DecideLater):
            if source is self.card:
                self._dismiss_card()
            elif source is self.dialog:
                report = isinstance(source, TurnReport)
                self.dialogs.pop()
                if report:
                    self.controller.report_news = None  # to the map: the questions wait in Diplomacy
                elif isinstance(intent, DecideLater):
                    self.controller.prompts.clear()  # "decide later": the rest wait in the diplomacy window
                    self.controller.back_to_report()
                else:
                    self._next_prompt()
                    self.controller.back_to_report()
            return True
        if not isinstance(intent, Act):
            return self._command(intent, source)
        events = self.act(intent.action)
        if source is self.dialog and isinstance(source, DiplomacyWindow) and source.alive():
            answers = [esc(e.text) for e in (events or []) if getattr(e, "kind", "") in ANSWER_KINDS]
            source.refresh(self.legal(), self.my_turn, answers or None)
        elif source is self.dialog and events is not None:
            self.dialogs.pop()
            self._next_prompt()
            self.controller.back_to_report()
        return True

    def _command(self, command: UICommand, source: Any) -> bool:
        if isinstance(command, OpenGlossary):
            if isinstance(self.dialog, GlossaryWindow):
                self.dialogs.pop()
            else:
                self.open_glossary(self.card_term if source is self.card else None)
        elif isinstance(command, OpenDiplomacy):
            if isinstance(self.dialog, DiplomacyWindow):
                self.dialogs.pop()
            else:
                self.open_diplomacy()
        elif isinstance(command, EndTurnAsked):
            self.end_turn()
        elif isinstance(command, UndoAsked):
            self.undo()
        elif isinstance(command, OpenMenu):
            self.pause()
        else:
            return False
        return True

    def pause(self) -> None:
        from game.ui.scenes.pause import PauseScene

        self._close_dialog()
        self.app.push(PauseScene(self.app, self))

    def help(self) -> None:
        from game.ui.scenes.help import HelpScene

        self.app.push(HelpScene(self.app))

    # Glossary cards -------------------------------------------------------------------
    _card_shown: tuple[str, str, str, str | None] | None = None

    def _show_next_card(self) -> None:
        if self.card is not None or not self._cards or self.app.scene is not self:
            return
        if not self.my_turn:
            return  # new ideas wait for a person's turn: over the AI's moves they hide the map being watched
        entry = self._cards.popleft()
        kicker, title, text, term = entry
        self._card_shown = entry
        self.card = GlossaryCard(self.app, kicker, title, text, self.map_rect)
        self.card_term = term

    def _dismiss_card(self) -> None:
        if self.card is not None:
            self.card.kill()
            self.card = None
            self.card_term = None
            self._card_shown = None

    # Selection ------------------------------------------------------------------------
    def _select(self, territory: str | None) -> None:
        self.selected = territory

    def _click(self, pos: tuple[int, int]) -> None:
        """A click on the map: skip the AI's turn, order the selected stack there, or select there."""
        assert self.map_view is not None
        if self.controller.skip_ai():
            return
        territory = self.map_view.territory_at(pos)
        if territory is None:
            self._select(None)
            return
        moves, attacks = self.orders(self.selected)
        if self.selected is not None and (territory in attacks or territory in moves):
            self._open_orders(territory, moves, attacks)
        elif territory == self.selected:
            self._select(None)
        else:
            self._select(territory)
        self.app.sound.play("click")

    # Input ------------------------------------------------------------------------------
    @property
    def show_alliances(self) -> bool:
        return self.hud is not None and self.hud.mode == "alliances"

    def handle_event(self, event: pygame.event.Event) -> bool:
        kind = event.type
        if self.hud is not None and self.hud.handle_event(event, keys=self.dialog is None):
            self.hover = None  # the pointer is on the legend, the minimap or the search: no hover card
            return True
        if kind >= pygame.USEREVENT:
            return self._ui_event(event)
        if kind == pygame.KEYDOWN:
            return self._key_down(event)
        if kind == pygame.KEYUP:
            self.input.release(event.key)
            return False
        if kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION, pygame.MOUSEWHEEL):
            over_widget = self.app.manager.get_hovering_any_element()
            command = self.input.mouse(event, self.map_rect, over_widget)
            assert self.map_view is not None
            self.map_view.focus = self.input.pointer  # where the next zoom will likely happen
            return command is not None and self._map_command(command)
        return False

    def _ui_event(self, event: pygame.event.Event) -> bool:
        for source in (self.dialog, self.card, self.top_bar, self.territory_panel):
            if source is None:
                continue
            intent = source.handle(event)
            if intent is not None:
                return self._intent(intent, source)
        return False

    def _key_down(self, event: pygame.event.Event) -> bool:
        key = event.key
        dialog = self.dialog
        if dialog is not None:
            return self._intent(dialog.key(key), dialog)
        ai_playing = self.controller.driver is not None
        command = self.input.key(key, getattr(event, "mod", 0), getattr(event, "unicode", ""), ai_playing)
        return command is not None and self._map_command(command)

    def _map_command(self, command: MatchCommand) -> bool:  # noqa: C901 - one branch per command
        """Carry out what a key or the mouse over the map asked for. True when something was done."""
        assert self.view is not None
        camera = self.view.map_view
        if isinstance(command, HoverAt):
            self._rehover()
            return False  # a hover is no use of the event: others may hear it too
        if isinstance(command, DragBy):
            if command.dx or command.dy:
                camera.pan(command.dx, command.dy)
            self.hover = None  # a button held on the map: no hover card while it is
        elif isinstance(command, ZoomAt):
            camera.zoom_at(command.pos, command.step)
            self._rehover()
        elif isinstance(command, SelectAt):
            self._click(command.pos)
        elif isinstance(command, LetGo):
            self._select(None)
        elif isinstance(command, Handled):
            pass
        elif isinstance(command, SkipAi):
            return self.controller.skip_ai()
        elif isinstance(command, PanMap):
            camera.pan(command.direction[0] * PAN_STEP, command.direction[1] * PAN_STEP)
            self._rehover()
        elif isinstance(command, UndoAsked):
            self.undo()
        elif isinstance(command, EndTurnAsked):
            self.end_turn()
        elif isinstance(command, NextReady):
            self.next_ready()
        elif isinstance(command, OpenDiplomacy):
            self.open_diplomacy()
        elif isinstance(command, OpenGlossary):
            self.open_glossary(self.card_term)
        elif isinstance(command, ToggleMapMode):
            if self.hud is None:
                return False
            self.hud.set_mode("political" if self.show_alliances else "alliances")
        elif isinstance(command, FitMap):
            self.view.fit()
            self._rehover()
        elif isinstance(command, Back):
            if self.selected is not None:
                self._select(None)
            else:
                self.pause()
        elif isinstance(command, ShowHelp):
            self.help()
        else:
            return False
        return True

    def _rehover(self) -> None:
        """The map moved under a still pointer: the hover card must name what is under it now."""
        assert self.map_view is not None
        pos = self.pointer
        self.hover = self.map_view.territory_at(pos) if self.map_rect.collidepoint(pos) else None

    # Frame ------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        assert self.view is not None and self.top_bar is not None and self.territory_panel is not None
        self._sounds.clear()
        if self.input.held:
            dx, dy = self.input.held_pan()
            self.view.map_view.pan(dx * PAN_SPEED * dt, dy * PAN_SPEED * dt)
            self._rehover()
        seat = self.seat
        driving = self.controller.drive_ai(dt)
        if driving is not None:
            driver, steps, pause = driving
            for step in steps:
                if step.touched and pause > 0 and not driver.skipping:
                    self.view.show_ai_step(step, pause)
                if self.controller.driver is not driver:
                    break
        self.view.tick(dt)
        self.top_bar.refresh(can_undo=self.controller.can_undo(), my_turn=self.my_turn, waiting=self.waiting())
        self.territory_panel.update(self.selected, self.legal(), self.version, seat, self.my_turn)
        self._show_next_card()
        if self.card is not None:
            # A hint never sits on top of a dialog, nor over the AI's moves being watched.
            self.card.show(self.dialog is None and self.my_turn)

    def animating(self) -> bool:
        """The AI at work, its moves flashing, a held pan key, a drag, or a selection's glow."""
        seat = self.seat
        ai_turn = seat is not None and seat in self.drivers and not self.finished
        flashing = self.view is not None and self.view.flashing
        return ai_turn or flashing or bool(self.input.held) or self.input.dragging or self.selected is not None

    def draw(self, surface: pygame.Surface) -> None:
        assert self.view is not None
        self.view.draw(surface)

    def _alliance_colour(self, alliance: str) -> tuple[int, int, int]:
        return alliance_colour(self.alliance_colours, alliance)


# Events whose sentences answer a diplomatic action (shown in the diplomacy window).
ANSWER_KINDS = {
    "offer_made",
    "offer_answered",
    "treaty_signed",
    "treaty_left",
    "treaty_dissolved",
    "peace_made",
    "joint_exercise_held",
    "regime_aid_given",
    "duty_honoured",
    "buck_passed",
    "entered_war",
    "cohesion_changed",
}

__all__ = ["MatchScene"]
