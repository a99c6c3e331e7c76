"""Line charts drawn with plain pygame, for the game-over screen: axes, ticks, labels, a legend.

A chart is a picture of numbers the core recorded (``match.history``); nothing here
computes a rule. Colours come from the theme's ``#charts`` block.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from game.ui.theme import font_size

FontSource = Callable[[int, bool], pygame.font.Font]


@dataclass
class Series:
    """One line: its legend name, colour and (x, y) points in x order."""

    name: str
    colour: pygame.Color
    points: list[tuple[float, float]]


def nice_ticks(low: float, high: float, most: int = 6) -> list[float]:
    """Round tick values (1, 2, 2.5 or 5 times a power of ten) from ``low`` up to at least ``high``.

    >>> nice_ticks(0, 100, 6)
    [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
    """
    if high <= low:
        high = low + 1
    raw = (high - low) / max(1, most - 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    ticks = [round(float(first), 6)]
    while ticks[-1] < high - step * 1e-6:
        ticks.append(round(float(ticks[-1] + step), 6))
    return ticks


@dataclass
class Mark:
    """A level the reader measures the lines against (the hegemony share's points), drawn across the plot."""

    value: float
    name: str  # said beside the line: "Hegemony: 129 points (60%)"


#: Of the data's span, how much room the axis leaves above and below the lines.
AXIS_MARGIN = 0.08
#: A mark this many data spans beyond the data or nearer is drawn on the chart (the axis stretches
#: to hold it); a farther one would squeeze the lines flat, so the legend names it instead.
MARK_REACH = 1.0


def axis_range(values: Sequence[float], marks: Sequence[Mark] = (), most: int = 6) -> tuple[float, float, list[Mark]]:
    """The y axis for ``values``: a rounded range around them with a margin, and the marks it holds.

    The lines fill most of the plot's height (points between 60 and 72 get an axis of 60..75,
    not 0..80); a mark near the data is drawn, so the range stretches to take it in; counts that
    never go below zero never get a negative axis.

    >>> axis_range([60.9, 71.9])[:2]
    (60.0, 75.0)
    """
    low, high = min(values), max(values)
    span = max(high - low, abs(high) * 0.05, 1.0)
    shown = [m for m in marks if low - MARK_REACH * span <= m.value <= high + MARK_REACH * span]
    for mark in shown:
        low, high = min(low, mark.value), max(high, mark.value)
    margin = (high - low) * AXIS_MARGIN or 1.0
    bottom = low - margin
    if min(values) >= 0:
        bottom = max(0.0, bottom)
    ticks = nice_ticks(bottom, high + margin, most)
    return ticks[0], ticks[-1], shown


def _label(value: float) -> str:
    return f"{value:.0f}" if abs(value - round(value)) < 1e-6 else f"{value:.1f}"


def line_chart(
    size: tuple[int, int],
    title: str,
    series: Sequence[Series],
    palette: dict[str, pygame.Color],
    font: FontSource,
    x_label: str = "",
    y_label: str = "",
    y_range: tuple[float, float] | None = None,
    legend_note: str = "",
    marks: Sequence[Mark] = (),
) -> pygame.Surface:
    """A finished chart as a surface of ``size``: title, plot with grid and axes, legend below.

    ``legend_note`` ends the legend in plain text, e.g. "+3 more" when some series were left out.
    Without ``y_range`` the y axis follows the data (:func:`axis_range`), and each of ``marks``
    is a dashed line across the plot if near the data, else named at the legend's end.
    """
    surface = pygame.Surface(size, pygame.SRCALPHA)
    width, height = size
    pygame.draw.rect(surface, palette["background"], surface.get_rect(), border_radius=8)
    pygame.draw.rect(surface, palette["frame"], surface.get_rect(), 1, border_radius=8)
    title_font, text_font, small_font = (
        font(font_size("subtitle"), True),
        font(font_size("body"), False),
        font(font_size("small"), False),
    )
    surface.blit(title_font.render(title, True, palette["title"]), (16, 10))

    points = [p for s in series for p in s.points]
    shown: list[Mark] = []
    if y_range is None and points:
        y_low, y_high, shown = axis_range([p[1] for p in points], marks)
    else:
        y_low, y_high = y_range if y_range is not None else (0.0, 1.0)
    off_chart = [f"{m.name}, {'above' if m.value > y_high else 'below'} the chart" for m in marks if m not in shown]
    note = " \u00b7 ".join([*off_chart, legend_note] if legend_note else off_chart)
    legend_rows = _legend_rows(series, note, small_font, palette["text"], width - 32)
    legend_height = len(legend_rows) * 22
    plot = pygame.Rect(0, 0, 0, 0)
    plot.left = 16 + (22 if y_label else 0) + 34
    plot.top = 46
    plot.width = width - plot.left - 20
    plot.height = height - plot.top - 44 - (18 if x_label else 0) - legend_height
    if not points or plot.height < 40 or plot.width < 60:
        message = text_font.render("No rounds were completed.", True, palette["text"])
        surface.blit(message, message.get_rect(center=(width // 2, height // 2)))
        return surface

    xs = [p[0] for p in points]
    x_low, x_high = min(xs), max(max(xs), min(xs) + 1)
    y_ticks = nice_ticks(y_low, y_high, 6)
    y_high = max(y_high, y_ticks[-1])

    def to_screen(x: float, y: float) -> tuple[float, float]:
        px = plot.left + (x - x_low) / (x_high - x_low) * plot.width
        py = plot.bottom - (y - y_low) / (y_high - y_low) * plot.height
        return px, py

    # Grid and y axis.
    for tick in y_ticks:
        _, y = to_screen(x_low, tick)
        pygame.draw.line(surface, palette["grid"], (plot.left, y), (plot.right, y))
        text = small_font.render(_label(tick), True, palette["text"])
        surface.blit(text, (plot.left - 8 - text.get_width(), y - text.get_height() / 2))
    # x ticks: whole numbers, thinned so labels never collide.
    step = max(1, math.ceil((x_high - x_low) / max(1, plot.width // 44)))
    tick = math.ceil(x_low)
    while tick <= x_high:
        x, _ = to_screen(tick, y_low)
        pygame.draw.line(surface, palette["axis"], (x, plot.bottom), (x, plot.bottom + 4))
        text = small_font.render(str(int(tick)), True, palette["text"])
        surface.blit(text, (x - text.get_width() / 2, plot.bottom + 6))
        tick += step
    pygame.draw.line(surface, palette["axis"], plot.bottomleft, plot.bottomright, 1)
    pygame.draw.line(surface, palette["axis"], plot.topleft, plot.bottomleft, 1)
    if x_label:
        text = small_font.render(x_label, True, palette["text"])
        surface.blit(text, (plot.centerx - text.get_width() / 2, plot.bottom + 26))
    if y_label:
        text = pygame.transform.rotate(small_font.render(y_label, True, palette["text"]), 90)
        surface.blit(text, (14, plot.centery - text.get_height() / 2))

    # The marks, dashed under the lines, each named at its right end above the line.
    for mark in shown:
        _, y = to_screen(x_low, mark.value)
        for x in range(plot.left, plot.right, 12):
            pygame.draw.line(surface, palette["mark"], (x, y), (min(x + 7, plot.right), y), 2)
        text = small_font.render(mark.name, True, palette["text"])
        surface.blit(text, (plot.right - text.get_width() - 4, y - text.get_height() - 1))

    # The lines, thick enough to tell apart, with a dot per recorded round when there is room.
    clip = surface.get_clip()
    surface.set_clip(plot.inflate(8, 8))
    for s in series:
        line = [to_screen(x, y) for x, y in s.points]
        if len(line) > 1:
            pygame.draw.lines(surface, s.colour, False, line, 3)
        if len(line) <= plot.width / 12:
            for p in line:
                pygame.draw.circle(surface, palette["background"], p, 4)
                pygame.draw.circle(surface, s.colour, p, 3)
    surface.set_clip(clip)

    # Legend, under the plot.
    y = height - legend_height - 10
    for row in legend_rows:
        x = 16
        for entry, text in row:
            if entry is not None:
                pygame.draw.line(surface, entry.colour, (x, y + 10), (x + 22, y + 10), 4)
                x += 28
            surface.blit(text, (x, y + 10 - text.get_height() / 2))
            x += text.get_width() + 18
        y += 22
    return surface


def _legend_rows(
    series: Sequence[Series], note: str, font: pygame.font.Font, ink: pygame.Color, width: int
) -> list[list[tuple[Series | None, pygame.Surface]]]:
    """The legend's entries, wrapped into rows that fit ``width``; the note is an entry without a line."""
    entries: list[tuple[Series | None, str]] = [(s, s.name) for s in series]
    if note:
        entries.append((None, note))
    rows: list[list[tuple[Series | None, pygame.Surface]]] = [[]]
    used = 0
    for s, name in entries:
        text = font.render(name, True, ink)
        needed = (28 if s is not None else 0) + text.get_width() + 18
        if rows[-1] and used + needed > width:
            rows.append([])
            used = 0
        rows[-1].append((s, text))
        used += needed
    return rows if rows[0] else []
