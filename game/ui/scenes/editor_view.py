"""The map editor's drawing: the draft on its hex canvas, the brush under the mouse, the status line.

:class:`EditorView` draws what the :class:`~game.ui.scenes.editor_controller.EditorController`
exposes (its level, selection, tool, status) with the match map's camera (:class:`HexCamera`)
and hex drawing (:mod:`game.ui.hex_draw`). It reads the draft and never changes it: the camera
(zoom and pan) is the view's own. A draft need not be a valid level, so it is drawn cell by
cell from the map's tokens (a Match cannot be built from it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.core.hexgrid import Cell, corners, edge_between, neighbours, to_pixel
from game.core.level import SEA
from game.ui import hex_draw
from game.ui.hex_camera import HexCamera
from game.ui.hex_draw import LABEL_MIN_SIZE
from game.ui.scenes.editor_controller import EditorController
from game.ui.theme import colours, font_size, map_palette, number, opacity

TOP_BAR = 48
PANEL_WIDTH = 330
#: Pixels the canvas keeps clear at its top (the mouse hint) and bottom (the status line) when fitting.
CANVAS_HINT_ROOM, STATUS_HEIGHT = 28, 26
MOUSE_HINT = "Left: use tool · Right-drag/arrows: pan · Wheel: zoom · Ctrl+Z/Y: undo/redo"

#: Opens the font of a size (bold or not): the app's own fonts.
FontSource = Callable[..., pygame.font.Font]


def canvas_rect(size: tuple[int, int]) -> pygame.Rect:
    """Where the canvas lies in a window of ``size``: below the top bar, left of the panel."""
    width, height = size
    return pygame.Rect(0, TOP_BAR, width - PANEL_WIDTH, height - TOP_BAR)


class EditorView:
    """The editor's screen drawn from its controller; the camera over the canvas is its own."""

    def __init__(self, controller: EditorController, font: FontSource, size: tuple[int, int]) -> None:
        self.controller = controller
        self.font = font
        self.size = size
        grid = controller.level.map
        #: The match map's camera over the draft: the same zoom steps, pan, fit and cell positions.
        self.camera = HexCamera(self.canvas, grid.width, grid.height)
        self.camera.fit_top = CANVAS_HINT_ROOM  # the mouse hint along the canvas's top
        self.camera.fit_bottom = STATUS_HEIGHT  # the status line along its bottom
        self._canvas_layer: tuple[tuple[object, ...], pygame.Surface] | None = None
        #: Where the last drawn canvas put each territory's name (or code), capital star and
        #: garrison badge, on screen: names are keyed by territory code.
        self.labels: dict[str, pygame.Rect] = {}
        self.label_texts: dict[str, str] = {}  # what each label says: the territory's name, or its code
        self.stars: list[pygame.Rect] = []
        self.badges: list[pygame.Rect] = []

    # Geometry -------------------------------------------------------------------
    @property
    def canvas(self) -> pygame.Rect:
        return canvas_rect(self.size)

    def fit(self, size: tuple[int, int] | None = None) -> None:
        """Zoom and pan so the whole map fits the canvas (the camera's fit, as on the match screen)."""
        if size is not None:
            self.size = size
        self._follow_grid()
        self.camera.set_rect(self.canvas)
        self.camera.fit()

    def _follow_grid(self) -> None:
        """The camera follows the draft's grid when a resize (or its undo) changes it."""
        grid = self.controller.level.map
        if self.camera.grid_size != (grid.width, grid.height):
            self.camera.set_grid(grid.width, grid.height)
            self.camera.clamp()

    # What the input asks of the canvas (editor_input.Canvas) --------------------
    @property
    def rect(self) -> pygame.Rect:
        return self.canvas

    @property
    def tool(self) -> str:
        return self.controller.tool

    def is_land(self, cell: Cell) -> bool:
        return self.controller.territory_at(cell) is not None

    def cell_at(self, pos: tuple[float, float]) -> Cell | None:
        cell = self.camera.cell_at(pos)
        grid = self.controller.level.map
        if cell is None or not (0 <= cell[0] < grid.width and 0 <= cell[1] < grid.height):
            return None
        return cell

    def cell_centre(self, cell: Cell) -> tuple[int, int]:
        x, y = self.camera.cell_to_screen(cell)
        return int(x), int(y)

    def centre_on(self, cells: list[Cell]) -> None:
        """Pan so the middle of ``cells`` (a territory's) is the canvas's middle."""
        if not cells:
            return
        xs, ys = zip(*(to_pixel(c, 1.0) for c in cells), strict=True)
        self.camera.centre_on_point(sum(xs) / len(xs), sum(ys) / len(ys))

    # Drawing --------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, mouse: tuple[int, int] | None = None) -> None:
        """The whole editor screen but its widgets: canvas, brush under ``mouse``, bars, status line."""
        palette = map_palette()
        ui = colours("#match")
        surface.fill(palette["background"])
        canvas = self.canvas
        if self.camera.rect != canvas:
            self.camera.set_rect(canvas)
        surface.blit(self._canvas_surface(palette), canvas.topleft)
        if mouse is not None:
            surface.set_clip(canvas)
            self._draw_brush(surface, palette, mouse)
            surface.set_clip(None)
        width, height = self.size
        pygame.draw.rect(surface, ui["bar_bg"], (0, 0, width, TOP_BAR))
        pygame.draw.line(surface, ui["bar_edge"], (0, TOP_BAR - 1), (width, TOP_BAR - 1))
        panel = pygame.Rect(width - PANEL_WIDTH, TOP_BAR, PANEL_WIDTH, height - TOP_BAR)
        pygame.draw.rect(surface, ui["panel_bg"], panel)
        pygame.draw.line(surface, ui["panel_edge"], panel.topleft, panel.bottomleft)
        # Status line along the bottom of the canvas.
        dirty = "  •  unsaved changes" if self.controller.history.dirty else ""
        text = self.font(font_size("body")).render(f"{self.controller.status}{dirty}", True, ui["text"])
        strip = pygame.Rect(0, height - STATUS_HEIGHT, canvas.width, STATUS_HEIGHT)
        shade = pygame.Surface(strip.size, pygame.SRCALPHA)
        shade.fill((*colours("#editor")["status_strip"][:3], opacity("editor_status_strip")))
        surface.blit(shade, strip.topleft)
        surface.blit(text, (10, strip.y + 4), area=pygame.Rect(0, 0, strip.width - 20, 20))
        hint = self.font(font_size("small")).render(MOUSE_HINT, True, ui["muted"])
        surface.blit(hint, (canvas.x + 10, canvas.y + 8))

    def _canvas_surface(self, palette: dict[str, pygame.Color]) -> pygame.Surface:
        """The draft as the map view draws a map, kept until the draft, the camera or the selection changes.

        A stroke makes a new level (the history's), so it is redrawn on the next frame; frames
        in between (the mouse moving, the panel redrawing) only blit it.
        """
        self._follow_grid()
        cam = self.camera
        level = self.controller.level
        key = (level, cam.zoom_index, (cam.offset.x, cam.offset.y), tuple(cam.rect), self.controller.territory)
        cached = self._canvas_layer
        if cached is not None and cached[0][0] is key[0] and cached[0][1:] == key[1:]:
            return cached[1]
        layer = pygame.Surface(cam.rect.size)
        if pygame.display.get_surface() is not None:
            layer = layer.convert()
        self._draw_map(layer, palette)
        self._canvas_layer = (key, layer)
        return layer

    def _draw_map(self, layer: pygame.Surface, palette: dict[str, pygame.Color]) -> None:  # noqa: C901 - one pass per layer
        """The draft onto ``layer`` (the canvas's size) with the match map's hex drawing and camera.

        Unknown codes are drawn in the 'unknown owner' colour.
        """
        level = self.controller.level
        chosen = self.controller.territory
        cam = self.camera
        s = cam.size
        # Camera positions are on screen; the layer's (0, 0) is the canvas's top-left.
        dx, dy = cam.offset.x, cam.offset.y
        nations = {n.id: n for n in level.nations}
        by_code = {t.code: t for t in level.territories}
        selected = next((t.code for t in level.territories if t.id == chosen), None)
        tokens = self.controller.tokens()
        land_of = {cell: token for cell, token in tokens.items() if token != SEA}
        unknown = colours("#editor")["unknown_owner"]
        # How far a land cell's outline leans from its fill to the background: faint, under the borders.
        cell_shade = number("#editor", "cell_line_shade_percent") / 100
        # How far the territories other than the selected one lean toward the background.
        fade = number("#editor", "unselected_fade_percent") / 100
        hexagon = corners((0, 0), s)
        view = layer.get_rect().inflate(int(4 * s), int(4 * s))

        def place(cell: Cell) -> tuple[float, float]:
            x, y = to_pixel(cell, s)
            return x + dx, y + dy

        def edge(a: Cell, b: Cell) -> hex_draw.Segment:
            (ax, ay), (bx, by) = edge_between(a, b, s)
            return (ax + dx, ay + dy), (bx + dx, by + dy)

        layer.fill(palette["sea"])
        # Every land cell of each territory, on screen or not: its name goes where the match puts it.
        cells_of: dict[str, list[Cell]] = {}
        for cell, token in land_of.items():
            cells_of.setdefault(token, []).append(cell)
        land: list[tuple[Cell, str]] = []
        for cell, token in tokens.items():
            cx, cy = place(cell)
            if not view.collidepoint(cx, cy):
                continue
            points = [(cx + x, cy + y) for x, y in hexagon]
            if token == SEA:
                coast = any(n in land_of for n in neighbours(cell))
                hex_draw.draw_sea_cell(layer, points, coast, s, palette)
                continue
            territory = by_code.get(token)
            nation = nations.get(territory.owner) if territory else None
            fill = pygame.Color(nation.colour) if nation else pygame.Color(unknown)
            if territory is not None:
                fill = pygame.Color(*hex_draw.terrain_tinted(fill, territory.terrain, palette))
                if territory.code != selected and chosen is not None:
                    fill = fill.lerp(palette["background"], fade)
            pygame.draw.polygon(layer, fill, points)
            # The cells stay visible for painting, faintly: a border must read as a border.
            pygame.draw.polygon(layer, fill.lerp(palette["background"], cell_shade), points, 1)
            land.append((cell, token))

        def owner_of(token: str) -> str | None:
            territory = by_code.get(token)
            return territory.owner if territory is not None else None

        hex_draw.draw_borders(layer, land, land_of, owner_of, edge, s, palette)
        if selected in cells_of:
            # Only the territory's outer boundary: edges whose neighbour is another token (or off the map).
            width = max(2, int(s / 8)) + 1  # as the match outlines its selected territory
            for cell, token in land:
                if token == selected:
                    for other in neighbours(cell):
                        if tokens.get(other) != selected:
                            a, b = edge(cell, other)
                            pygame.draw.line(layer, palette["selected"], a, b, width)
        self._draw_pieces(layer, palette, cells_of, place, by_code, nations)

    def _draw_pieces(
        self,
        layer: pygame.Surface,
        palette: dict[str, pygame.Color],
        cells_of: dict[str, list[Cell]],
        place: Callable[[Cell], tuple[float, float]],
        by_code: dict[str, Any],
        nations: dict[str, Any],
    ) -> None:
        """Names, capitals and garrison badges, placed as the match places them: the badges a little
        below the territory's middle cell, the names by :func:`hex_draw.place_labels` (the largest
        territory first, clear of every other name, star and badge), the capital's star right of its
        name. A territory whose name finds no room is marked by its code where that fits."""
        level = self.controller.level
        cam = self.camera
        s = cam.size
        capitals = {n.capital: n.id for n in level.nations if n.capital}
        troops: dict[str, dict[str, int]] = {}
        for g in level.garrisons:
            here = troops.setdefault(g.territory, {})
            here[g.nation] = here.get(g.nation, 0) + g.strength
        badge_size = hex_draw.badge_font_size(s)
        badge_font = self.font(badge_size, bold=True)
        badge_h = badge_font.get_height() + 2
        anchors = {code: place(hex_draw.anchor_cell(cells)) for code, cells in cells_of.items()}
        # The badges first: they are where the names must not go.
        stacks: list[tuple[pygame.Surface, tuple[float, float]]] = []
        for code, anchor in anchors.items():
            territory = by_code.get(code)
            forces = {n: k for n, k in troops.get(territory.id, {}).items() if k > 0} if territory else {}
            badges = [
                hex_draw.badge(
                    badge_font,
                    forces[n],
                    pygame.Color(nations[n].colour) if n in nations else colours("#editor")["unknown_owner"],
                    badge_size,
                    palette,
                )
                for n in sorted(forces, key=lambda n: (n != territory.owner, n))
            ]
            bx, by = hex_draw.badge_centre(anchor, s)
            bx -= (sum(b.get_width() for b in badges) + 2 * (len(badges) - 1)) / 2
            for badge in badges:
                stacks.append((badge, (bx, by - badge.get_height() / 2)))
                bx += badge.get_width() + 2
        obstacles = [badge.get_rect(topleft=(int(x), int(y))) for badge, (x, y) in stacks]

        def plate(code: str, text: str) -> hex_draw.Nameplate:
            territory = by_code.get(code)
            return hex_draw.Nameplate(
                code,
                text,
                anchors[code],
                len(cells_of[code]),
                territory.value if territory is not None else 0,
                territory is not None and territory.id in capitals,
            )

        label_font = self.font(hex_draw.label_font_size(s), bold=True)
        bounds = (cam.offset.x + cam.world_min[0] * s, cam.offset.x + cam.world_max[0] * s)
        taken: list[pygame.Rect] = []
        labels: dict[str, tuple[pygame.Rect, str]] = {}
        if s >= LABEL_MIN_SIZE:
            named = [plate(code, by_code[code].name) for code in anchors if code in by_code]
            for code, rect in hex_draw.place_labels(named, label_font, s, badge_h, obstacles, bounds, taken).items():
                labels[code] = (rect, by_code[code].name)
        coded = [plate(code, code) for code in anchors if code not in labels]
        for code, rect in hex_draw.place_labels(coded, label_font, s, badge_h, obstacles, bounds, taken).items():
            labels[code] = (rect, code)
        stars: list[pygame.Rect] = []
        for code, (rect, text) in labels.items():
            layer.blit(hex_draw.label(label_font, text, palette), rect)
            territory = by_code.get(code)
            if territory is not None and territory.id in capitals:
                held = capitals[territory.id] == territory.owner
                fill = palette["capital"] if held else palette["capital_lost"]
                centre = hex_draw.star_centre(rect, s)
                hex_draw.draw_star(layer, centre, hex_draw.capital_radius(s), fill, palette["capital_outline"])
                stars.append(hex_draw.star_rect(centre, s))
        layer.blits(stacks, doreturn=False)
        # On screen, for whoever checks the canvas reads (tests): each label, star and badge's box.
        offset = cam.rect.topleft
        self.labels = {code: rect.move(offset) for code, (rect, _) in labels.items()}
        self.label_texts = {code: text for code, (_, text) in labels.items()}
        self.stars = [r.move(offset) for r in stars]
        self.badges = [r.move(offset) for r in obstacles]

    def _draw_brush(self, surface: pygame.Surface, palette: dict[str, pygame.Color], mouse: tuple[int, int]) -> None:
        """The cells the tool would touch under the mouse: drawn every frame over the cached map."""
        cell = self.cell_at(mouse) if self.canvas.collidepoint(mouse) else None
        if cell is None:
            return
        hexagon = corners((0, 0), self.camera.size)
        for c in self.controller.reach(cell):
            cx, cy = self.camera.cell_to_screen(c)
            pygame.draw.polygon(surface, palette["nation_border"], [(cx + x, cy + y) for x, y in hexagon], 2)
