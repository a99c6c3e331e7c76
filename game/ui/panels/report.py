"""Against the AI: what happened while you waited, shown before the turn's questions.

Hot-seat players get this on the hand-over screen. A player alone against the AI watched the
AI's moves fly past and then, without it, met a routine peace offer while their capital had
just fallen: the news comes first, most pressing first, as on the hand-over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextBox

from game.core import Match
from game.ui.commands import HANDLED
from game.ui.panels.common import CLOSE, Intent, centred_window, esc, inner_size, make_button, opening_seat, seat_label

if TYPE_CHECKING:
    from game.ui.app import App

PAD = 16
#: Lines shown before "and N more in the chronicle": the card must fit without a scroll bar.
MOST = 10


class TurnReport:
    """'Round 6: your turn' with the news since the seat's last turn, and Continue (Enter)."""

    def __init__(self, app: App, match: Match, seat: int, lines: list[str], area: pygame.Rect) -> None:
        self.seat = seat
        self.lines = lines
        opener = opening_seat(match)
        order = "You move first this round." if opener == seat else f"{seat_label(match, opener)} moved first."
        self.window = centred_window(app, (640, 480), f"Round {match.round}: your turn", area, "#turn_report")
        width, height = inner_size(self.window)
        shown = lines[:MOST]
        if len(lines) > MOST:
            shown.append(f"<i>… and {len(lines) - MOST} more in the chronicle.</i>")
        html = f"<b>{esc(order)} Since your last turn:</b><br>" + "<br>".join(f"• {line}" for line in shown)
        self.text = UITextBox(
            html,
            pygame.Rect(PAD - 4, 8, width - 2 * PAD + 8, height - 76),
            app.manager,
            container=self.window,
            object_id="@card_text",
        )
        self.proceed: UIButton = make_button(
            pygame.Rect(width - PAD - 170, height - 56, 170, 42),
            "Continue",
            app.manager,
            container=self.window,
            tooltip="Enter or Space",
            class_id="@primary",
            object_id="#report_continue",
        )

    def title(self) -> str:
        return str(self.window.window_display_title)

    def kill(self) -> None:
        self.window.kill()

    def alive(self) -> bool:
        return self.window.alive()

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.proceed:
            return CLOSE
        if event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is self.window:
            return CLOSE
        return None

    def key(self, key: int) -> Intent | None:
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_ESCAPE):
            return CLOSE
        return HANDLED
