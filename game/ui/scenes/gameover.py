"""The end of a match: who won and how, and the story in two charts (power and cohesion by round)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UIImage, UILabel, UIPanel

from game.core import Match, victory
from game.io.saves import PLAYTEST_ID
from game.ui import flow
from game.ui.charts import Mark, Series, line_chart
from game.ui.panels.chronicle import alliance_name
from game.ui.panels.common import alliance_members_ever
from game.ui.scenes.modal import ModalScene
from game.ui.theme import colours

if TYPE_CHECKING:
    from game.ui.app import App

#: More lines than this and the cohesion chart is a tangle; the legend says how many were left out.
MAX_ALLIANCE_LINES = 6
#: Series colours closer than this (RGB distance) read as one line: the chart skips the later one.
MIN_COLOUR_DISTANCE = 50


def headline(match: Match) -> tuple[str, str]:
    """The big line and its mood ("victory", "defeat" or "neutral") from the outcome."""
    outcome = match.outcome
    if outcome is None:
        return "The match goes on", "neutral"
    if outcome.winner is None:
        return "A draw", "neutral"
    name = match.level.seats[outcome.winner].name
    humans = [seat for seat, who in enumerate(match.controllers) if who == flow.HUMAN]
    if len(humans) == 1:
        return (
            (f"Victory \u2014 {name} wins", "victory")
            if humans[0] == outcome.winner
            else (
                f"Defeat \u2014 {name} wins",
                "defeat",
            )
        )
    return f"{name} wins", "victory"


def points_series(match: Match) -> list[Series]:
    """Victory points of each seat at the start and at the end of every completed round."""
    chart = colours("#charts")
    level_colours = {n.id: pygame.Color(n.colour) for n in match.level.nations}
    picked = [level_colours.get(seat.nations[0], chart["series_1"]) for seat in match.level.seats]
    if _distance(picked[0], picked[1]) < 90:  # two blues: fall back to the chart's own pair
        picked = [chart["series_1"], chart["series_2"]]
    picked = [_readable(c, chart["background"]) for c in picked]
    return [
        Series(seat.name, picked[i], [(float(x), float(entry["points"][i])) for x, entry in enumerate(match.history)])
        for i, seat in enumerate(match.level.seats)
    ]


def hegemony_mark(match: Match) -> Mark:
    """The points a seat needs for hegemony: the level's share of all the points the core counts on the map."""
    needed = victory.hegemony_points(match)
    return Mark(needed, f"Hegemony: {needed:.0f} points ({match.level.hegemony_share:.0%})")


def cohesion_series(match: Match) -> tuple[list[Series], int]:
    """Cohesion of the alliances a player would look for, over the rounds each existed in, and how many are left out.

    First the alliances any seat's nation ever belonged to (a player looks for the ones they founded or
    joined), then the rest; within each, the largest (most nations ever) and then the longest-lived.
    """
    lines: dict[str, list[tuple[float, float]]] = {}
    for x, entry in enumerate(match.history):
        for alliance, value in entry["cohesion"].items():
            lines.setdefault(alliance, []).append((float(x), float(value)))
    members = alliance_members_ever(match)
    seated = {n for seat in match.level.seats for n in seat.nations}
    ranked = sorted(
        lines,
        key=lambda a: (not members.get(a, set()) & seated, -len(members.get(a, set())), -len(lines[a])),
    )
    chosen = ranked[:MAX_ALLIANCE_LINES]
    palette = distinct_colours(colours("#charts"), len(chosen))
    series = [Series(alliance_name(match, a), palette[i], lines[a]) for i, a in enumerate(chosen)]
    return series, len(ranked) - len(chosen)


def distinct_colours(palette: dict[str, pygame.Color], count: int) -> list[pygame.Color]:
    """``count`` series colours of the chart palette, in order, skipping any too like one already taken."""
    taken: list[pygame.Color] = []
    for name in sorted((n for n in palette if n.startswith("series_")), key=lambda n: int(n.split("_")[1])):
        if all(_distance(palette[name], other) >= MIN_COLOUR_DISTANCE for other in taken):
            taken.append(palette[name])
    return [taken[i % len(taken)] for i in range(count)]


def _readable(colour: pygame.Color, background: pygame.Color) -> pygame.Color:
    """``colour`` lightened until a line of it stands out on ``background`` (a black nation on a dark chart)."""
    result = pygame.Color(colour)
    for _ in range(10):
        if _luminance(result) - _luminance(background) >= 0.28:
            break
        result = result.lerp(colours("#charts")["lighten_towards"], 0.2)
    return result


def _luminance(colour: pygame.Color) -> float:
    return (0.2126 * colour.r + 0.7152 * colour.g + 0.0722 * colour.b) / 255


def _distance(a: pygame.Color, b: pygame.Color) -> float:
    return float(((a.r - b.r) ** 2 + (a.g - b.g) ** 2 + (a.b - b.b) ** 2) ** 0.5)


class GameOverScene(ModalScene):
    card_size = (1160, 700)

    def __init__(self, app: App, match: Match) -> None:
        super().__init__(app)
        self.match = match
        self.menu_button: UIButton | None = None
        self.again_button: UIButton | None = None

    def enter(self) -> None:
        # The autosave now holds a finished match: the menu's Continue says so instead of
        # offering the turn before the end.
        if self.match.outcome is not None:
            self.app.autosave(self.match)
        super().enter()

    def build(self, card: UIPanel, area: pygame.Rect) -> None:
        manager = self.app.manager
        m = self.match
        text, mood = headline(m)
        UILabel(
            pygame.Rect(area.x, area.y - 4, area.width, 52),
            text,
            manager,
            container=card,
            object_id=ObjectID(class_id=f"@gameover_{mood}", object_id="#gameover_headline"),
        )
        how = m.outcome.text if m.outcome is not None else ""
        UILabel(
            pygame.Rect(area.x, area.y + 48, area.width, 26),
            how,
            manager,
            container=card,
            object_id=ObjectID(class_id="@subtitle", object_id="#gameover_how"),
        )
        rounds = len(m.history) - 1
        UILabel(
            pygame.Rect(area.x, area.y + 76, area.width, 22),
            f"{m.level.title} \u00b7 {rounds} round{'s' if rounds != 1 else ''} completed \u00b7 seed {m.seed}",
            manager,
            container=card,
            object_id=ObjectID(class_id="@small", object_id="#gameover_facts"),
        )
        top = area.y + 112
        bottom = area.bottom - 58
        gap = 18
        chart_w = (area.width - gap) // 2
        chart_h = bottom - top
        palette = colours("#charts")
        alliances, left_out = cohesion_series(m)
        charts = (
            line_chart(
                (chart_w, chart_h),
                "Victory points",
                points_series(m),
                palette,
                self.app.font,
                x_label="Round",
                y_label="Points",
                marks=[hegemony_mark(m)],
            ),
            line_chart(
                (chart_w, chart_h),
                "Alliance cohesion",
                alliances,
                palette,
                self.app.font,
                x_label="Round",
                y_label="Cohesion",
                y_range=(0, 100),
                legend_note=f"+{left_out} more" if left_out else "",
            ),
        )
        for i, surface in enumerate(charts):
            UIImage(
                pygame.Rect(area.x + i * (chart_w + gap), top, chart_w, chart_h),
                surface,
                manager,
                container=card,
                object_id=ObjectID(object_id=f"#chart_{i}"),
            )
        self.chart_surfaces = charts
        y = area.bottom - 44
        self.menu_button = UIButton(
            pygame.Rect(area.right - 380, y, 180, 44),
            "Main menu",
            manager,
            container=card,
            object_id=ObjectID(object_id="#gameover_menu"),
        )
        self.again_button = UIButton(
            pygame.Rect(area.right - 188, y, 188, 44),
            "Play again",
            manager,
            container=card,
            object_id=ObjectID(class_id="@primary", object_id="#gameover_again"),
            tool_tip_text="The same level and players, with a new seed.",
        )

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.menu_button:
                flow.to_menu(self.app)
                return True
            if event.ui_element is self.again_button:
                # Another play-test stays a play-test: it must not take a real match's place under Continue.
                playtest = PLAYTEST_ID if self.match.match_id == PLAYTEST_ID else None
                flow.start_match(self.app, self.match.level, self.match.controllers, match_id=playtest)
                return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            flow.to_menu(self.app)
            return True
        return False
