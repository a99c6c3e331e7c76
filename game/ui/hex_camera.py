"""The camera over a hex grid: zoom steps, pan, fit, and cell <-> screen conversion.

One camera for every hex map on screen: the match's :class:`~game.ui.map_view.MapView` is one,
and the editor's canvas uses one over its draft, so both zoom by the same steps, fit the same
way and put a cell at the same pixel.
"""

from __future__ import annotations

import pygame

from game.core.hexgrid import Cell, from_pixel, to_pixel

BASE_SIZE = 30.0  # hex circumradius in pixels at zoom 1
#: Pixels at the bottom of the map that 'fit' keeps clear: the match screen's hint strip covers them.
FIT_BOTTOM = 36
ZOOM_STEPS = (0.25, 0.3, 0.36, 0.45, 0.55, 0.7, 0.85, 1.0, 1.2, 1.45, 1.75, 2.1, 2.5)


class HexCamera:
    """Where a ``width`` x ``height`` hex grid sits in ``rect``, at one of :data:`ZOOM_STEPS`."""

    def __init__(self, rect: pygame.Rect, width: int, height: int) -> None:
        self.rect = pygame.Rect(rect)
        self.zoom_index = ZOOM_STEPS.index(1.0)
        self.offset = pygame.Vector2(0, 0)  # screen position of world (0, 0), relative to rect
        #: Pixels at the map's left that 'fit' keeps clear when the view has room to spare (the legend).
        self.fit_left = 0
        self.fit_clears_left = True
        #: Pixels at the top and bottom that 'fit' keeps clear (hint and status strips over the map).
        self.fit_top = 0
        self.fit_bottom = FIT_BOTTOM
        self.set_grid(width, height)

    def set_grid(self, width: int, height: int) -> None:
        """A grid of another size (the editor resized its draft): the world's bounds follow."""
        self.grid_size = (width, height)
        self.grid_cells = [(c, r) for r in range(height) for c in range(width)]
        xs, ys = zip(*(to_pixel(c, 1.0) for c in self.grid_cells), strict=True)
        self.world_min = (min(xs) - 1.0, min(ys) - 1.0)
        self.world_max = (max(xs) + 1.0, max(ys) + 1.0)

    # Geometry ---------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return ZOOM_STEPS[self.zoom_index]

    @property
    def size(self) -> float:
        return BASE_SIZE * self.zoom

    def _screen_origin(self) -> tuple[float, float]:
        """Screen position of the current zoom's layer (0, 0)."""
        return (
            self.rect.x + self.offset.x + self.world_min[0] * self.size,
            self.rect.y + self.offset.y + self.world_min[1] * self.size,
        )

    def cell_to_screen(self, cell: Cell) -> tuple[float, float]:
        x, y = to_pixel(cell, self.size)
        return self.rect.x + self.offset.x + x, self.rect.y + self.offset.y + y

    def world_to_screen(self, x: float, y: float) -> tuple[float, float]:
        """Screen position of world point (x, y) in pixels at the current zoom (as hexgrid gives them)."""
        return self.rect.x + self.offset.x + x, self.rect.y + self.offset.y + y

    def cell_at(self, pos: tuple[float, float]) -> Cell | None:
        if not self.rect.collidepoint(pos):
            return None
        x = pos[0] - self.rect.x - self.offset.x
        y = pos[1] - self.rect.y - self.offset.y
        return from_pixel(x, y, self.size)

    # Camera -----------------------------------------------------------------
    def set_rect(self, rect: pygame.Rect) -> None:
        old = pygame.Rect(self.rect)
        self.rect = pygame.Rect(rect)
        # Keep the world point at the view's centre where it was.
        self.offset.x += (old.width - self.rect.width) / -2
        self.offset.y += (old.height - self.rect.height) / -2
        self.clamp()

    def fit(self) -> None:
        """Largest zoom step at which the whole map fits, centred."""
        width = self.world_max[0] - self.world_min[0]
        height = self.world_max[1] - self.world_min[1]
        room = self.rect.height - self.fit_top - self.fit_bottom  # strips sit over the map's edges
        index = 0
        for i, z in enumerate(ZOOM_STEPS):
            if width * BASE_SIZE * z <= self.rect.width and height * BASE_SIZE * z <= room:
                index = i
        self.zoom_index = index
        s = self.size
        spare = self.rect.width - width * s
        # Centred, or moved right to clear the legend as far as the spare room allows (never smaller).
        left = min(max(spare / 2, self.fit_left), max(spare, 0))
        #: Whether the fitted map left the legend's column clear (a narrow window cannot).
        self.fit_clears_left = spare >= self.fit_left
        self.offset.x = left - self.world_min[0] * s
        self.offset.y = self.fit_top + (room - height * s) / 2 - self.world_min[1] * s

    def pan(self, dx: float, dy: float) -> None:
        self.offset.x += dx
        self.offset.y += dy
        self.clamp()

    def zoom_at(self, pos: tuple[float, float], steps: int) -> None:
        """Zoom by whole steps keeping the world point under ``pos`` fixed."""
        new_index = max(0, min(len(ZOOM_STEPS) - 1, self.zoom_index + steps))
        if new_index == self.zoom_index:
            return
        px, py = pos[0] - self.rect.x, pos[1] - self.rect.y
        wx, wy = (px - self.offset.x) / self.size, (py - self.offset.y) / self.size
        self.zoom_index = new_index
        self.offset.x = px - wx * self.size
        self.offset.y = py - wy * self.size
        self.clamp()

    def shows_everything(self) -> bool:
        """Whether the whole map is on screen (then a minimap would show nothing new)."""
        left, top, right, bottom = self.visible_world()
        return bool(
            left <= self.world_min[0]
            and top <= self.world_min[1]
            and right >= self.world_max[0]
            and bottom >= self.world_max[1]
        )

    def visible_world(self) -> tuple[float, float, float, float]:
        """The part of the world on screen, in zoom-1 units: left, top, right, bottom."""
        s = self.size
        return (
            -self.offset.x / s,
            -self.offset.y / s,
            (self.rect.width - self.offset.x) / s,
            (self.rect.height - self.offset.y) / s,
        )

    def centre_on_point(self, x: float, y: float) -> None:
        """Bring world point (x, y), in zoom-1 units, to the middle of the view (a minimap click)."""
        s = self.size
        self.offset.x = self.rect.width / 2 - x * s
        self.offset.y = self.rect.height / 2 - y * s
        self.clamp()

    def clamp(self) -> None:
        """Keep at least a third of the view on the map, so it can never be lost off-screen."""
        s = self.size
        left, top = self.world_min[0] * s, self.world_min[1] * s
        right, bottom = self.world_max[0] * s, self.world_max[1] * s
        margin_x, margin_y = self.rect.width / 3, self.rect.height / 3
        self.offset.x = min(max(self.offset.x, margin_x - right), self.rect.width - margin_x - left)
        self.offset.y = min(max(self.offset.y, margin_y - bottom), self.rect.height - margin_y - top)
