"""The chronicle: every event of the match as the engine wrote it, newest at the bottom."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.core.text import LineBreakLayoutRect
from pygame_gui.core.text.html_parser import HTMLParser
from pygame_gui.elements import UITextBox

from game.core.events import DRIFT_CAUSES
from game.ui.panels.common import esc, hex_of, ink, on_side_of
from game.ui.theme import font_size

if TYPE_CHECKING:
    from game.core import Match
    from game.ui.app import App

KEEP = 160  # events shown; older ones stay in the save and on the game-over screen
# Event kinds the chronicle leaves out: bookkeeping, not history.
QUIET = {"undone"}


# Who acted and who suffered, per kind of violent event: what a side's colour is read from.
_SIDES = {
    "war_declared": ("aggressor", "target"),
    "territory_captured": ("nation", "previous_owner"),
    "battle": ("attacker", "defender"),
    "entered_war": ("nation", "enemy"),
}


def side_colour(event: Any, match: Match, viewer: int) -> str | None:
    """Green when an act of war helps ``viewer``'s side, red when it hurts it; None when it is
    someone else's war (or not an act of war). Allies count as the viewer's side."""
    kind = getattr(event, "kind", "")
    friend = on_side_of(match, viewer)
    if kind == "nation_eliminated":
        return hex_of(ink("bad")) if friend(event.nation) else None
    if kind not in _SIDES:
        return None
    actor, sufferer = (getattr(event, name) for name in _SIDES[kind])
    won = kind != "battle" or event.attacker_won
    if friend(sufferer):
        return hex_of(ink("bad" if won else "good"))
    if friend(actor):
        return hex_of(ink("good" if won else "bad"))
    return None


def event_html(event: Any, match: Match | None = None, viewer: int | None = None) -> str:
    """One event as a line of pygame_gui HTML, coloured by what kind of thing happened.

    With a ``viewer`` (a player alone against the AI), acts of war are coloured by whose side
    they help instead: a capture of ours is good news, not an alarm, and someone else's war is plain.
    """
    kind = getattr(event, "kind", "")
    text = esc(getattr(event, "text", ""))
    muted, heading = hex_of(ink("muted")), hex_of(ink("heading"))
    bad, good, warn = hex_of(ink("bad")), hex_of(ink("good")), hex_of(ink("warn"))
    if match is not None and viewer is not None and (kind in _SIDES or kind == "nation_eliminated"):
        colour = side_colour(event, match, viewer)
        weight = ("<b>", "</b>") if kind in ("war_declared", "territory_captured", "nation_eliminated") else ("", "")
        if colour is None:
            return f"{weight[0]}{text}{weight[1]}"
        return f"<font color='{colour}'>{weight[0]}{text}{weight[1]}</font>"
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
    if kind in ("duty_ended", "duty_void", "duty_spared"):
        return f"<font color='{warn}'>{text}</font>"  # a duty that never stood, or stands no more: no answer due
    if kind in ("treaty_signed", "peace_made", "offer_answered", "joint_exercise_held", "regime_aid_given"):
        return f"<font color='{good}'>{text}</font>"
    if kind == "match_over":
        return f"<br><font color='{heading}'><b>{text}</b></font>"
    return text


def is_drift(event: Any) -> bool:
    """Whether ``event`` is routine end-of-round cohesion drift, not a change some action caused."""
    return getattr(event, "kind", "") == "cohesion_changed" and getattr(event, "cause", "") in DRIFT_CAUSES


def chronicle_lines(events: list[Any], hidden: Callable[[Any], bool] | None = None) -> list[list[Any]]:
    """The chronicle's lines, each the events it tells: one event a line, except that a run of
    end-of-round cohesion drift shares one summary line. Events ``hidden`` says are private
    (the other seat's pending offers, in hot-seat play) are left out."""
    lines: list[list[Any]] = []
    for event in events:
        if getattr(event, "kind", "") in QUIET or (hidden is not None and hidden(event)):
            continue
        if is_drift(event) and lines and is_drift(lines[-1][-1]):
            lines[-1].append(event)
        else:
            lines.append([event])
    return lines


def alliance_name(match: Match, alliance: str) -> str:
    """An alliance's name, also after it was dissolved (then from the level, or from its id)."""
    if alliance in match.alliances:
        return match.alliances[alliance].name
    for treaty in match.level.treaties.alliances:
        if treaty.id == alliance:
            return treaty.name
    return alliance.replace("_", " ").title()


def line_html(line: list[Any], match: Match, viewer: int | None = None) -> str:
    """One chronicle line as pygame_gui HTML: the event's own sentence, or the round's cohesion drift summed up."""
    if not is_drift(line[0]):
        return event_html(line[0], match, viewer)
    latest = {event.alliance: event.cohesion for event in line}  # the last value of each alliance
    change: dict[str, int] = {}
    for event in line:
        change[event.alliance] = change.get(event.alliance, 0) + event.delta
    parts = ", ".join(f"{esc(alliance_name(match, a))} {value} ({_signed(change[a])})" for a, value in latest.items())
    return f"<font color='{hex_of(ink('muted'))}'>Cohesion drifts: {parts}.</font>"


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else f"\u2212{-value}" if value < 0 else "0"


class _FlushBreakParser(HTMLParser):
    """pygame_gui's HTML parser with line breaks of no width.

    pygame_gui puts a 4 px wide line break after the last word of a line; when that word ends in
    the row's last 4 px, the break does not fit and gets a row of its own: a blank line after every
    sentence that happens to fill the width. A break of no width always fits.
    """

    def _handle_line_break(self) -> None:
        super()._handle_line_break()
        for rect in reversed(self.layout_rect_queue):
            if isinstance(rect, LineBreakLayoutRect):
                rect.width = 0
                break


class _ChronicleBox(UITextBox):
    """A text box that lays out line breaks with :class:`_FlushBreakParser`."""

    def parse_html_into_style_data(self) -> None:
        # pygame_gui makes a fresh parser when the theme changes; swap it before every parse.
        if not isinstance(self.parser, _FlushBreakParser):
            self.parser = _FlushBreakParser(
                self.ui_theme,
                self.combined_element_ids,
                self.link_style,
                line_spacing=self.line_spacing,
                text_direction=self.font_dict.get_default_font().get_direction(),
            )
        super().parse_html_into_style_data()


class ChroniclePanel:
    def __init__(self, app: App, match: Any, rect: pygame.Rect, viewer: int | None = None) -> None:
        self.app = app
        self.match = match
        self.viewer = viewer  # the seat whose side colours acts of war; None: colours by kind
        #: Events not to show now (hot-seat privacy); the scene sets it at each turn and rebuilds.
        self.hidden: Callable[[Any], bool] | None = None
        self.rect = pygame.Rect(rect)
        self.box: UITextBox | None = None
        self._events: list[Any] | None = None
        self._shown = 0
        #: The events each line of the box tells, oldest line first: what maps a line back to its events.
        self.lines: list[list[Any]] = []
        self.rebuild()

    def _box_rect(self) -> pygame.Rect:
        return pygame.Rect(self.rect.x + 4, self.rect.y + 30, self.rect.width - 8, self.rect.height - 34)

    def rebuild(self) -> None:
        if self.box is not None:
            self.box.kill()
        events = self.match.events
        self.lines = chronicle_lines(events[-KEEP:], self.hidden)
        body = "<br>".join(line_html(line, self.match, self.viewer) for line in self.lines)
        if body.startswith("<br>"):
            body = body[4:]
        self.box = _ChronicleBox(
            body,
            self._box_rect(),
            self.app.manager,
            object_id=ObjectID(class_id="@chronicle", object_id="#chronicle"),
        )
        self._events = events
        self._shown = len(events)
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
        # One action's events arrive together, so a round's drift is never split across two calls.
        fresh = chronicle_lines(events[self._shown :], self.hidden)
        self._shown = len(events)
        if not fresh:
            return
        self.lines += fresh
        if len(self.lines) > KEEP * 2:
            self.rebuild()  # keep the box small: laying out thousands of lines costs frames
            return
        self.box.append_html_text("<br>" + "<br>".join(line_html(line, self.match, self.viewer) for line in fresh))
        self._to_bottom()

    def _to_bottom(self) -> None:
        """Scroll to the newest line, all of it."""
        box = self.box
        bar = getattr(box, "scroll_bar", None)
        layout = getattr(box, "text_box_layout", None)
        if box is None or bar is None or layout is None or box.text_wrap_rect is None:
            return
        # append_html_text grows the text but leaves the bar sized for the old text, and the bar's thumb
        # is never under 5 px: either way the bar stops short of the end. Size it, then set the exact end.
        height, window = layout.layout_rect.height, box.text_wrap_rect.height
        if height <= window:
            return
        bar.set_visible_percentage(window / height)
        bar.set_scroll_from_start_percentage(1.0)
        # The bar keeps its place to 4 decimals (a pixel or more in a long chronicle) and the box scrolls by
        # int(place * height): round up, half a pixel past the end, so the view never stops above it.
        bar.start_percentage = math.ceil((height - window + 0.5) / height * 10_000) / 10_000
        box.update(0.0)

    def draw(self, surface: pygame.Surface) -> None:
        small = self.app.font(font_size("caption"), bold=True)
        surface.blit(small.render("CHRONICLE", True, ink("heading")), (self.rect.x + 14, self.rect.y + 10))
