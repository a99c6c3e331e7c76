"""What every match dialog shares, and the stack the match screen keeps them on.

:class:`Dialog` owns one pygame_gui window (or, for the glossary hint, a panel): it kills it,
says whether it is still alive, turns its buttons into the typed commands of
:mod:`game.ui.commands`, and answers Esc (and the window's ×) with its cancel command:
``Close()``, or ``DecideLater()`` for a question. A dialog is modal: keys it does not use go
nowhere else. The dialogs that have a body text over a row of buttons lay them out alike
(:meth:`Dialog._body`, :meth:`Dialog._footer`).

:class:`DialogStack` holds the dialogs open over the map: events and keys go to the top one
only; a dialog pushed over another hides it, and closing the top brings the one below back
as it was (a glossary opened from a duty dialog returns to the duty dialog).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIPanel, UITextBox, UIWindow

from game.ui.commands import HANDLED, Close, OpenGlossary, UICommand
from game.ui.panels.common import centred_window, inner_size, make_button

if TYPE_CHECKING:
    from game.ui.app import App

#: The margin inside a dialog's window, left and right.
PAD = 16
#: A footer button's height, and how far above the window's bottom its top sits.
BUTTON_HEIGHT = 40
FOOTER = 52
#: Between two buttons of a footer.
GAP = 10
#: The body text's top inside the window.
TEXT_TOP = 8
#: What a dialog leaves free above and below it when the screen is too short for all of it
#: (as much as :func:`~game.ui.panels.common.centred_window` leaves).
SCREEN_MARGIN = 12
ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)

#: What a button of a dialog sends: a command, or a function that makes it when pressed
#: (an order's Attack button sends the amount chosen at that moment).
Command = UICommand | Callable[[], UICommand]


@dataclass(frozen=True)
class Choice:
    """One button of a dialog's footer: its caption and width, what it sends, and how it looks."""

    caption: str
    width: int
    command: Command
    class_id: str | None = None
    object_id: str | None = None
    enabled: bool = True
    tooltip: str | None = None


class Dialog:
    """A modal window over the match screen that answers events and keys with typed commands."""

    #: The window (or panel) that holds every widget of the dialog.
    window: UIWindow | UIPanel
    #: What Esc and the window's close button ask for.
    cancel_command: ClassVar[UICommand] = Close()
    #: The other keys that close the dialog like Esc (G for the glossary, D for diplomacy).
    close_keys: ClassVar[tuple[int, ...]] = ()
    #: The keys that open the glossary over the dialog (the questions speak of its ideas).
    glossary_keys: ClassVar[tuple[int, ...]] = ()

    def _open(
        self,
        app: App,
        size: tuple[int, int],
        title: str,
        area: pygame.Rect | None,
        object_id: str = "#match_window",
    ) -> tuple[int, int]:
        """Open the dialog's window, centred on ``area`` and modal; returns the size inside it."""
        self._hold(app, centred_window(app, size, title, area, object_id))
        return inner_size(self.window)

    def _open_to_fit(
        self,
        app: App,
        width: int,
        html: str,
        title: str,
        area: pygame.Rect | None,
        object_id: str = "#match_window",
        bottom: int = FOOTER + 20,
    ) -> UITextBox:
        """Open the dialog ``width`` wide and as tall as ``html`` wrapped to that width, with the
        footer's ``bottom`` pixels under it; returns the body text. Only a screen too short for
        the whole text makes it scroll.

        The text is measured in the window itself, in the theme's font, so a name of any length
        (an alliance's, a generated nation's) adds the lines it takes and no guess is needed.
        """
        area = pygame.Rect(area or pygame.Rect((0, 0), app.size))
        self._open(app, (width, app.size[1]), title, area, object_id)
        probe = self._text_box(html, -1)
        needed = probe.rect.height
        probe.kill()
        frame = self.window.rect.height - inner_size(self.window)[1]
        height = min(needed + bottom + frame, app.size[1] - 2 * SCREEN_MARGIN)
        rect = pygame.Rect(0, 0, self.window.rect.width, height)
        rect.center = area.center
        rect.clamp_ip(pygame.Rect((0, 0), app.size))
        self.window.set_dimensions(rect.size)
        self.window.set_position(rect.topleft)
        return self._body(html, bottom)

    def _hold(self, app: App, window: UIWindow | UIPanel) -> None:
        """Make ``window`` the dialog's own: it holds the widgets, and killing the dialog kills it."""
        self.app = app
        self.window = window
        self._commands: dict[Any, Command] = {}

    # Life cycle -------------------------------------------------------------
    def kill(self) -> None:
        self.window.kill()

    def alive(self) -> bool:
        return bool(self.window.alive())

    def cover(self) -> None:
        """Another dialog opens over this one: out of sight, and no longer holding the mouse."""
        self.window.hide()
        if isinstance(self.window, UIWindow):
            self._was_blocking = self.window.is_blocking
            self.window.set_blocking(False)

    def reveal(self) -> None:
        """The dialog over this one closed: this one is back, as the player left it."""
        self.window.show()
        if isinstance(self.window, UIWindow) and getattr(self, "_was_blocking", False):
            self.window.set_blocking(True)

    # Input ------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> UICommand | None:
        """A press of one of the dialog's buttons, or its window closed; None for anything else."""
        if event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is self.window:
            return self.cancel_command
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            command = self._commands.get(event.ui_element)
            if command is not None:
                return command() if callable(command) else command
        return None

    def key(self, key: int) -> UICommand | None:
        """Esc cancels, Enter confirms where the dialog has a confirm; every other key stops here."""
        if key == pygame.K_ESCAPE or key in self.close_keys:
            return self.cancel_command
        if key in self.glossary_keys:
            return OpenGlossary()
        if key in ENTER_KEYS:
            confirmed = self.confirmed()
            if confirmed is not None:
                return confirmed
        return HANDLED

    def confirmed(self) -> UICommand | None:
        """What Enter asks for; None: Enter does nothing here (a question wants a deliberate answer)."""
        return None

    # Layout -----------------------------------------------------------------
    def _button(self, rect: pygame.Rect, choice: Choice) -> UIButton:
        """A button in the dialog's window that sends ``choice.command`` when pressed."""
        button = make_button(
            rect,
            choice.caption,
            self.app.manager,
            container=self.window,
            tooltip=choice.tooltip,
            class_id=choice.class_id,
            object_id=choice.object_id,
            enabled=choice.enabled,
        )
        self._commands[button] = choice.command
        return button

    def _body(self, html: str, bottom: int = FOOTER + 20) -> UITextBox:
        """The dialog's text across the window, from the top down to ``bottom`` pixels above its foot."""
        return self._text_box(html, inner_size(self.window)[1] - bottom)

    def _text_box(self, html: str, height: int) -> UITextBox:
        """The body's text box, ``height`` tall (-1: as tall as its text), across the window."""
        width = inner_size(self.window)[0]
        return UITextBox(
            html,
            pygame.Rect(PAD - 4, TEXT_TOP, width - 2 * PAD + 8, height),
            self.app.manager,
            container=self.window,
            object_id="@card_text",
        )

    def _footer(
        self, left: Choice | None, right: Sequence[Choice], height: int = BUTTON_HEIGHT, bottom: int = FOOTER
    ) -> tuple[UIButton | None, list[UIButton]]:
        """The row of buttons at the window's foot: ``left`` on the left (the way out), ``right``
        laid from the right edge, the last one rightmost (the main answer)."""
        width, inner_height = inner_size(self.window)
        y = inner_height - bottom
        way_out = self._button(pygame.Rect(PAD, y, left.width, height), left) if left is not None else None
        buttons = []
        x = width - PAD
        for choice in reversed(right):
            x -= choice.width
            buttons.append(self._button(pygame.Rect(x, y, choice.width, height), choice))
            x -= GAP
        return way_out, buttons[::-1]


class DialogStack:
    """The dialogs open over the match screen, the newest on top; only the top one hears the player."""

    def __init__(self) -> None:
        self._dialogs: list[Dialog] = []

    def push(self, dialog: Dialog) -> Dialog:
        """Open ``dialog`` over the others; the one it covers waits, hidden, until it closes."""
        top = self.top
        if top is not None:
            top.cover()
        self._dialogs.append(dialog)
        return dialog

    def pop(self) -> Dialog | None:
        """Close the top dialog; the one below (if any) is back. Returns the dialog closed."""
        self._forget_dead()
        if not self._dialogs:
            return None
        closed = self._dialogs.pop()
        closed.kill()
        top = self.top
        if top is not None:
            top.reveal()
        return closed

    def clear(self) -> None:
        """Close every dialog."""
        while self._dialogs:
            self._dialogs.pop().kill()

    def replace(self, dialog: Dialog) -> Dialog:
        """Close every dialog and open ``dialog`` alone."""
        self.clear()
        return self.push(dialog)

    @property
    def top(self) -> Dialog | None:
        """The dialog the player sees and talks to; None when the map is free."""
        self._forget_dead()
        return self._dialogs[-1] if self._dialogs else None

    def rebuild(self, remake: Callable[[Dialog], Dialog | None]) -> None:
        """Make every dialog anew, bottom first (the window was resized); one ``remake`` returns None for is dropped."""
        old, self._dialogs = self._dialogs, []
        for dialog in old:
            dialog.kill()
        for dialog in old:
            new = remake(dialog)
            if new is not None:
                self.push(new)

    def _forget_dead(self) -> None:
        """A dialog whose window pygame_gui closed is gone; the one below it is back."""
        while self._dialogs and not self._dialogs[-1].alive():
            self._dialogs.pop()
            if self._dialogs and self._dialogs[-1].alive():
                self._dialogs[-1].reveal()

    def __len__(self) -> int:
        self._forget_dead()
        return len(self._dialogs)

    def __iter__(self) -> Iterator[Dialog]:
        """The dialogs from the bottom up."""
        return iter(list(self._dialogs))

    def __contains__(self, dialog: object) -> bool:
        return any(d is dialog for d in self._dialogs)
