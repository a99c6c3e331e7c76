"""The chronicle: every event of the match as the engine wrote it, newest at the bottom."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UITextBox

from game.ui.panels.common import esc, hex_of, ink

if TYPE_CHECKING:
    from game.ui.app import App

KEEP = 160  # events shown; older ones stay in the save and on the game-over screen
# Event kinds the chronicle leaves out: bookkeeping, not history.
QUIET = {"undone"}


def event_html(event: Any) -> str:
    """One event as a line of pygame_gui HTML, coloured by what kind of thing happened."""
    kind = getattr(event, "kind", "")
    text = esc(getattr(event, "text", ""))
    muted, heading = hex_of(ink("muted")), hex_of(ink("heading"))
    bad, good, warn = hex_of(ink("bad")), hex_of(ink("good")), hex_of(ink("warn"))
    if kind == "turn_started":
        return f"<br><font color='{heading}'><b>{text}</b></font>"
    if kind == "npc_phase_started":
        return f"<br><font color='{muted}'><b>{text}</b></font>"
    if kind in ("income", "recruited", "moved", "guests_withdrawn"):
        return f"<font color='{muted}'>{text}</font>"
    if kind in ("war_declared", "territory_captured", "nation_eliminated"):
        return f"<font color='{bad}'><b>{text}</b></font>"
    if kind in ("battle", "entered_war"):
        return f"<font color='{bad}'>{text}</font>"
    if kind in ("duty_raised", "duty_honoured", "buck_passed"):
        return f"<font color='{warn}'><b>{text}</b></font>"
    if kind in ("treaty_signed", "peace_made", "offer_answered", "joint_exercise_held", "regime_aid_given"):
        return f"<font color='{good}'>{text}</font>"
    if kind == "match_over":
        return f"<br><font color='{heading}'><b>{text}</b></font>"
    return text


class ChroniclePanel:
    def __init__(self, app: App, match: Any, rect: pygame.Rect) -> None:
        self.app = app
        self.match = match
        self.rect = pygame.Rect(rect)
        self.box: UITextBox | None = None
        self._events: list[Any] | None = None
        self._shown = 0
        self.rebuild()

    def _box_rect(self) -> pygame.Rect:
        return pygame.Rect(self.rect.x + 4, self.rect.y + 30, self.rect.width - 8, self.rect.height - 34)

    def rebuild(self) -> None:
        if self.box is not None:
            self.box.kill()
        events = self.match.events
        recent = [e for e in events[-KEEP:] if getattr(e, "kind", "") not in QUIET]
        body = "<br>".join(event_html(e) for e in recent)
        if body.startswith("<br>"):
            body = body[4:]
        self.box = UITextBox(
            body,
            self._box_rect(),
            self.app.manager,
            object_id=ObjectID(class_id="@chronicle", object_id="#chronicle"),
        )
        self._events = events
        self._shown = len(events)
        self._lines = len(recent)
        self._to_bottom()

    def set_rect(self, rect: pygame.Rect) -> None:
        self.rect = pygame.Rect(rect)
        self.rebuild()

    def kill(self) -> None:
        if self.box is not None:
            self.box.kill()
            self.box = None

    def show(self, visible: bool) -> None:
        if self.box is not None:
            if visible:
                self.box.show()
            else:
                self.box.hide()

    def sync(self) -> None:
        """Show events added since the last call; start over when the list was replaced (undo)."""
        events: list[Any] = self.match.events
        if self.box is None or events is not self._events or len(events) < self._shown:
            self.rebuild()
            return
        fresh = [e for e in events[self._shown :] if getattr(e, "kind", "") not in QUIET]
        self._shown = len(events)
        if not fresh:
            return
        self._lines += len(fresh)
        if self._lines > KEEP * 2:
            self.rebuild()  # keep the box small: laying out thousands of lines costs frames
            return
        self.box.append_html_text("<br>" + "<br>".join(event_html(e) for e in fresh))
        self._to_bottom()

    def _to_bottom(self) -> None:
        bar = getattr(self.box, "scroll_bar", None)
        if bar is not None:
            bar.set_scroll_from_start_percentage(1.0)
            self.box.update(0.0)  # type: ignore[union-attr]

    def draw(self, surface: pygame.Surface) -> None:
        small = self.app.font(11, bold=True)
        surface.blit(small.render("CHRONICLE", True, ink("heading")), (self.rect.x + 14, self.rect.y + 10))
