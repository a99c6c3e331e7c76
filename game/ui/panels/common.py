"""What every match panel shares: theme colours, text and bar drawing, buttons that explain themselves."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UIPanel, UIWindow

from game.core import Match, first_seat
from game.core import world as w
from game.ui.commands import Close, UICommand
from game.ui.palette import readable_on
from game.ui.theme import ink, nation_fill
from game.ui.widgets import HintButton

if TYPE_CHECKING:
    from game.ui.app import App

Intent = UICommand  # what a panel asks its scene to do (game/ui/commands.py)
CLOSE = Close()


def hex_of(colour: pygame.Color | tuple[int, ...]) -> str:
    c = pygame.Color(colour)
    return f"#{c.r:02x}{c.g:02x}{c.b:02x}"


def nation_colour(match: Match, nation: str) -> pygame.Color:
    """The nation's colour as the map shows it (checked against the sea and its neighbours)."""
    return nation_fill(match.level, nation)


#: The backgrounds a nation's name is written on: the panels, the windows, the insets, the bars.
TEXT_GROUNDS = ("panel_bg", "bar_bg", "inset_bg")


def readable(colour: pygame.Color) -> str:
    """The nation colour lightened just enough to read on the dark panels (WCAG 4.5:1, for HTML text)."""
    c = pygame.Color(colour)
    grounds = [tuple(ink(g))[:3] for g in TEXT_GROUNDS]
    return hex_of(readable_on((c.r, c.g, c.b), grounds))  # type: ignore[arg-type]


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def nation_html(match: Match, nation: str, bold: bool = True) -> str:
    name = esc(w.nation_name(match, nation))
    inner = f"<b>{name}</b>" if bold else name
    return f"<font color='{readable(nation_colour(match, nation))}'>{inner}</font>"


def seat_label(match: Match, seat: int) -> str:
    return match.level.seats[seat].name


def on_side_of(match: Match, seat: int) -> Callable[[str], bool]:
    """Whether a nation is on ``seat``'s side: one of its nations, or allied with one (the core says who is).

    The news and the chronicle colour an event by whose side it helps; both ask this.
    """
    mine = set(match.level.seats[seat].nations)
    return lambda nation: nation in mine or any(w.allied(match, nation, n) for n in mine)


def opening_seat(match: Match) -> int:
    """The seat that moves first in the current round, as the core's turn order says."""
    return first_seat(match, match.round)


def opener_phrase(match: Match) -> str:
    """Who opens the current round, as the hand-over says it ("Russia moves first")."""
    return f"{seat_label(match, opening_seat(match))} moves first"


def treaty_name(match: Match, treaty: str) -> str:
    """A treaty as a player names it: the alliance's name, or who guarantees / pacts with whom."""
    if treaty in match.alliances:
        return match.alliances[treaty].name
    if treaty in match.guarantees:
        g, h = match.guarantees[treaty]
        return f"guarantee of {w.nation_name(match, h)} by {w.nation_name(match, g)}"
    if treaty in match.pacts:
        a, b = match.pacts[treaty]
        return f"pact of {w.nation_name(match, a)} and {w.nation_name(match, b)}"
    return treaty


def plural(count: int, noun: str, many: str | None = None) -> str:
    """ "1 territory", "3 territories": a count with its noun agreeing.

    >>> plural(1, "territory"), plural(3, "territory"), plural(2, "troop")
    ('1 territory', '3 territories', '2 troops')
    """
    if count == 1:
        return f"{count} {noun}"
    if many is None:
        many = noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"
    return f"{count} {many}"


def points_text(*values: float) -> tuple[str, ...]:
    """Victory points as the game-over screen says them: whole numbers plainly, halves kept.

    Scores are shown side by side, so when one has a fraction both get one decimal
    ("1.5" and "1.0"): rounding 1.5 to "2" made the bar disagree with the game-over.

    >>> points_text(67.0, 66.0), points_text(1.5, 1.0)
    (('67', '66'), ('1.5', '1.0'))
    """
    whole = all(abs(v - round(v)) < 1e-6 for v in values)
    return tuple(f"{v:.0f}" if whole else f"{v:.1f}" for v in values)


def signed(value: int) -> str:
    """A change as the panels show it: "+5", "−10" (a true minus sign)."""
    return f"+{value}" if value > 0 else f"−{-value}"


def change_phrase(measure: str, change: int, now: int) -> str:
    """ "credibility −5", or "credibility stays at 0" for a measure already at its bound, which the rules keep there."""
    # A no-break space keeps the number on the line of what it measures.
    return f"{measure}\u00a0{signed(change)}" if change else f"{measure} stays at\u00a0{now}"


def text_surface(font: pygame.font.Font, text: str, colour: pygame.Color, width: int | None = None) -> pygame.Surface:
    """Render text, cut with an ellipsis to ``width`` pixels when given."""
    if width is not None and font.size(text)[0] > width:
        while text and font.size(text + "…")[0] > width:
            text = text[:-1]
        text = text.rstrip() + "…"
    return font.render(text, True, colour)


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}".strip()
            if font.size(candidate)[0] <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def bar_surface(
    size: tuple[int, int],
    fraction: float,
    fill: pygame.Color | tuple[int, int, int],
    label: str = "",
    font: pygame.font.Font | None = None,
    back: pygame.Color | None = None,
) -> pygame.Surface:
    """A rounded progress bar (cohesion, odds, stability) with its label, if any, beside it on the left.

    The label is written in the panels' text colour on what lies beneath the bar (a window, a
    panel), never on the bar itself: centred on it, a label ran across the fill's end and its
    glyphs were cut in two colours. The label's room is as wide as the label with every number
    at three digits, so bars of one kind stacked in a list start at the same x.
    """
    width, height = size
    surf = pygame.Surface(size, pygame.SRCALPHA)
    left = 0
    if label and font is not None:
        text = font.render(label, True, ink("text"))
        surf.blit(text, text.get_rect(midleft=(0, height // 2)))
        left = min(bar_label_room(font, label) + BAR_LABEL_GAP, max(0, width - MIN_BAR_WIDTH))
    bar = pygame.Rect(left, 0, width - left, height)
    radius = height // 2
    pygame.draw.rect(surf, back or ink("bar_back"), bar, border_radius=radius)
    filled = int(round(bar.width * max(0.0, min(1.0, fraction))))
    if filled > 0:
        pygame.draw.rect(surf, fill, (left, 0, max(filled, min(bar.width, height)), height), border_radius=radius)
    return surf


#: Pixels between a bar's label and the bar; the narrowest a bar is drawn beside its label.
BAR_LABEL_GAP, MIN_BAR_WIDTH = 8, 48


def bar_label_room(font: pygame.font.Font, label: str) -> int:
    """How wide ``label`` may grow as its numbers change (each number at its widest, three digits)."""
    widest = re.sub(r"\d+", "100", label)
    return max(font.size(label)[0], font.size(widest)[0])


def make_button(
    rect: pygame.Rect,
    text: str,
    manager: pygame_gui.UIManager,
    container: Any = None,
    tooltip: str | None = None,
    class_id: str | None = None,
    object_id: str | None = None,
    enabled: bool = True,
) -> UIButton:
    """A button whose tool tip still shows while it is disabled, so it can say why."""
    button = HintButton(
        rect,
        text,
        manager,
        container=container,
        tool_tip_text=tooltip,
        object_id=ObjectID(class_id=class_id, object_id=object_id),
    )
    if not enabled:
        button.disable()
    return button


def centred_window(
    app: App,
    size: tuple[int, int],
    title: str,
    area: pygame.Rect | None = None,
    object_id: str = "#match_window",
    blocking: bool = True,
) -> UIWindow:
    """A window centred on ``area`` (default: the whole screen), clamped to fit, modal by default."""
    area = pygame.Rect(area or pygame.Rect((0, 0), app.size))
    width = min(size[0], app.size[0] - 24)
    height = min(size[1], app.size[1] - 24)
    rect = pygame.Rect(0, 0, width, height)
    rect.center = area.center
    rect.clamp_ip(pygame.Rect((0, 0), app.size))
    window = UIWindow(rect, app.manager, window_display_title=title, object_id=ObjectID(object_id=object_id))
    if blocking:
        window.set_blocking(True)
    return window


def inner_size(window: UIWindow | UIPanel) -> tuple[int, int]:
    container = window.get_container()
    return container.get_rect().width, container.get_rect().height


Handler = Callable[[pygame.event.Event], Intent]


def label(
    rect: pygame.Rect,
    text: str,
    manager: pygame_gui.UIManager,
    container: Any = None,
    class_id: str | None = None,
    align: str = "left",
) -> Any:
    """A UILabel aligned left (or right), styled by an optional theme class (``@small``, ``@heading``)."""
    from pygame_gui.elements import UILabel

    return UILabel(
        rect, text, manager, container=container, object_id=ObjectID(class_id=class_id, object_id=f"#text_{align}")
    )


def alliance_members_ever(match: Match) -> dict[str, set[str]]:
    """Every nation that belonged to each alliance at some time: at the start, on signing or joining, or now."""
    members = {a.id: set(a.members) for a in match.level.treaties.alliances}
    for event in match.events:
        if getattr(event, "kind", "") == "treaty_signed" and event.treaty_kind == "alliance":
            members.setdefault(event.treaty, set()).update(event.nations)
    for alliance in match.alliances.values():
        members.setdefault(alliance.id, set()).update(alliance.members)
    return members
