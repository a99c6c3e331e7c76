"""The hex map: a camera, a tiled cache of the static map, and cheap overlays.

Drawing 2,000 hex polygons every frame would blow the 8 ms frame budget, so the
territories, borders, terrain marks, capitals and names are drawn once into tiles
(per zoom step and ownership) that a frame only blits. Tiles are rendered on
demand, at most a few per frame, and idle frames pre-render the tiles around the
view and at the neighbouring zoom steps, so panning and zooming rarely wait.

Everything that changes with a single action (garrison badges, war fronts,
selection, targets, the alliance overlay) is drawn per frame from small cached
pieces: badge surfaces per number, territory masks and outlines per zoom.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from dataclasses import dataclass, field

import pygame

from game.core import Match
from game.core.hexgrid import Cell, edge_between, neighbours, to_pixel
from game.ui import hex_draw
from game.ui.hex_camera import BASE_SIZE, FIT_BOTTOM, ZOOM_STEPS, HexCamera
from game.ui.hex_draw import LABEL_MIN_SIZE, Colour, Segment, mix
from game.ui.palette import current_scheme
from game.ui.theme import colours, nation_fills_of, opacity

__all__ = ["BASE_SIZE", "FIT_BOTTOM", "MODES", "ZOOM_STEPS", "Highlights", "MapView", "mix"]
MAX_TILES = 240  # tiles kept in memory, all zoom steps together (at most 60 MB at 256 px)
PREFETCH_BUDGET = 0.0015  # seconds an idle frame may spend rendering tiles ahead of need
MARK_MIN_SIZE = 17.0  # hexes smaller than this get no terrain glyphs (they would be specks)
# Names are a fixed size on screen (hex_draw.label_font_size); where they would collide the
# largest territory keeps its own.
BADGE_MIN_SIZE = 9.0
#: The map modes, in the order the toggle shows them.
MODES = ("political", "alliances", "forces")


def parse_colour(text: str) -> pygame.Color:
    return pygame.Color(text)


@dataclass
class Highlights:
    """What the match scene wants emphasised this frame."""

    selected: str | None = None
    hover: str | None = None
    move_targets: frozenset[str] = frozenset()
    attack_targets: frozenset[str] = frozenset()
    mode: str = "political"  # one of MODES: what the land's fill says
    viewer_seat: int | None = None  # its nations' spent forces are drawn dimmed
    flash: frozenset[str] = frozenset()  # territories an AI action just touched
    pulse: float = 0.0  # 0..1, the phase of the selection's glow
    alliance_colours: dict[str, Colour] = field(default_factory=dict)
    version: int | None = None  # changes whenever the match does: cached badges are redrawn (None: every frame)


def tile_size_for(size: float) -> int:
    """Tiles hold about a hundred hexes, so rendering one never costs more than a few ms."""
    return 256 if size * 20 >= 256 else 128


class _Zoom:
    """The map's geometry at one zoom step: fixed for the whole match, so computed once."""

    def __init__(self, view: MapView, index: int) -> None:
        self.index = index
        self.size = s = BASE_SIZE * ZOOM_STEPS[index]
        self.tile = tile_size_for(s)
        self.origin = (view.world_min[0] * s, view.world_min[1] * s)
        self.width = int((view.world_max[0] - view.world_min[0]) * s) + 2
        self.height = int((view.world_max[1] - view.world_min[1]) * s) + 2
        self.hex = [
            (s * math.cos(math.radians(60 * i - 90)), s * math.sin(math.radians(60 * i - 90))) for i in range(6)
        ]
        ox, oy = self.origin
        self.centre: dict[Cell, tuple[float, float]] = {}
        for cell in view.grid_cells:
            x, y = to_pixel(cell, s)
            self.centre[cell] = (x - ox, y - oy)
        # Which cells touch which tile (with a margin for bold borders and capital stars).
        self.buckets: dict[tuple[int, int], list[Cell]] = {}
        half_w, half_h = s * 0.87 + s * 0.25 + 3, s + s * 0.25 + 3
        t = self.tile
        for cell, (x, y) in self.centre.items():
            for tx in range(int((x - half_w) // t), int((x + half_w) // t) + 1):
                for ty in range(int((y - half_h) // t), int((y + half_h) // t) + 1):
                    self.buckets.setdefault((tx, ty), []).append(cell)
        self.outlines: dict[str, list[Segment]] = {}
        self.masks: dict[tuple[str, tuple[int, int, int, int]], tuple[pygame.Surface, tuple[float, float]]] = {}
        self.labels: dict[str, pygame.Rect] | None = None

    def corners(self, cell: Cell, dx: float = 0.0, dy: float = 0.0) -> list[tuple[float, float]]:
        cx, cy = self.centre[cell]
        return [(cx + hx - dx, cy + hy - dy) for hx, hy in self.hex]

    def edge(self, a: Cell, b: Cell) -> Segment:
        (x1, y1), (x2, y2) = edge_between(a, b, self.size)
        ox, oy = self.origin
        return (x1 - ox, y1 - oy), (x2 - ox, y2 - oy)

    def tiles(self) -> tuple[int, int]:
        return (self.width + self.tile - 1) // self.tile, (self.height + self.tile - 1) // self.tile


class MapView(HexCamera):
    """The match's map: a :class:`HexCamera` over the level's grid, drawn from cached tiles."""

    def __init__(self, match: Match, palette: dict[str, pygame.Color], rect: pygame.Rect) -> None:
        super().__init__(rect, match.level.map.width, match.level.map.height)
        self.match = match
        self.palette = palette
        geo = match.index.geography
        self.cells: dict[str, list[Cell]] = geo.cells
        self.cell_territory = geo.cell_territory
        self.anchor = {t: self._anchor_cell(t) for t in self.cells}
        self.coast = {
            cell
            for cell in self.grid_cells
            if cell not in self.cell_territory and any(n in self.cell_territory for n in neighbours(cell))
        }
        self._zooms: dict[int, _Zoom] = {}
        self._tiles: OrderedDict[tuple[int, int, int], pygame.Surface] = OrderedDict()
        self._fonts: dict[int, pygame.font.Font] = {}
        self._label_cache: dict[tuple[int, str], pygame.Surface] = {}
        self._badge_layout: tuple[object, list[tuple[pygame.Surface, float, float]]] | None = None
        self._badge_cache: dict[tuple[str, int, bool, int], pygame.Surface] = {}
        self._fronts: tuple[object, list[Segment]] | None = None
        self._scale = 1.0  # the settings' UI scale: names and numbers grow with it
        self.mode = "political"
        self._alliance_colours: dict[str, Colour] = {}
        self._mode_colours = mode_colours()
        self._scheme = current_scheme()
        self._colours = {nid: pygame.Color(*rgb) for nid, rgb in nation_fills_of(match.level).items()}
        self._owners: tuple[object, ...] = self._fill_key()
        self.rendered_tiles = 0  # how many tiles were drawn: the benchmark reports it
        self.focus: tuple[float, float] | None = None  # where the next zoom will likely happen (the cursor)
        self.fit()

    @property
    def scale(self) -> float:
        return self._scale

    @scale.setter
    def scale(self, value: float) -> None:
        """A new UI scale: every name and badge is measured and drawn again at the new size."""
        if value != self._scale:
            self._scale = value
            for z in self._zooms.values():
                z.labels = None
            self._label_cache.clear()
            self._badge_cache.clear()
            self._badge_layout = None
            self._tiles.clear()

    # Geometry ---------------------------------------------------------------
    def _anchor_cell(self, territory: str) -> Cell:
        """The cell nearest the territory's centroid: where its name and badge go."""
        return hex_draw.anchor_cell(self.cells[territory])

    def _geometry(self, index: int | None = None) -> _Zoom:
        index = self.zoom_index if index is None else index
        zoom = self._zooms.get(index)
        if zoom is None:
            zoom = self._zooms[index] = _Zoom(self, index)
        return zoom

    def territory_centre(self, territory: str) -> tuple[float, float]:
        """Screen position of a territory's anchor: where tests and players click."""
        return self.cell_to_screen(self.anchor[territory])

    def territory_bounds(self, territory: str) -> pygame.Rect:
        """The territory's bounding box on screen (for placing a tooltip or a marker)."""
        s = self.size
        points = [self.cell_to_screen(c) for c in self.cells[territory]]
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        return pygame.Rect(min(xs) - s, min(ys) - s, max(xs) - min(xs) + 2 * s, max(ys) - min(ys) + 2 * s)

    def territory_at(self, pos: tuple[float, float]) -> str | None:
        cell = self.cell_at(pos)
        return self.cell_territory.get(cell) if cell is not None else None

    def centre_on(self, territory: str) -> None:
        """Bring a territory into the middle of the view (an AI's move far off-screen)."""
        x, y = self.territory_centre(territory)
        self.pan(self.rect.centerx - x, self.rect.centery - y)

    def is_visible(self, territory: str) -> bool:
        x, y = self.territory_centre(territory)
        return self.rect.inflate(-self.size * 2, -self.size * 2).collidepoint(x, y)

    # Colours and fonts ------------------------------------------------------
    def _font(self, size: int) -> pygame.font.Font:
        if size not in self._fonts:
            from game.ui.app import font_path

            self._fonts[size] = pygame.font.Font(font_path(bold=True), size)
        return self._fonts[size]

    def nation_colour(self, nation: str) -> pygame.Color:
        return self._colours.get(nation, self.palette["unknown_nation"])

    def fill_colour(self, territory: str) -> Colour:
        """The land's colour in the current mode, shaded a little by its terrain."""
        m = self.match
        owner = m.owner[territory]
        colours = self._mode_colours
        if self.mode == "alliances":
            bloc = self.bloc_of(owner)
            colour = self._alliance_colours.get(bloc, _rgb(colours["unallied"])) if bloc else _rgb(colours["unallied"])
        else:
            base = self.nation_colour(owner)
            colour = (base.r, base.g, base.b)
            if self.mode == "forces":
                # The land steps back so the numbers and the fronts stand out; owners still show.
                colour = mix(colour, _rgb(colours["forces_land"]), 0.6)
        return hex_draw.terrain_tinted(colour, m.index.terrain[territory], self.palette)

    def bloc_of(self, nation: str) -> str | None:
        """The alliance whose colour the nation's land takes in the alliance mode: its largest (then by id)."""
        joined = [a for a in self.match.alliances.values() if nation in a.members]
        return min(joined, key=lambda a: (-len(a.members), a.id)).id if joined else None

    # The static map, in tiles ------------------------------------------------
    def _fill_key(self) -> tuple[object, ...]:
        """Everything the tiles' fills and names depend on besides the zoom."""
        m = self.match
        blocs: tuple[object, ...] = ()
        if self.mode == "alliances":
            blocs = tuple(
                (a.id, tuple(a.members), self._alliance_colours.get(a.id))
                for a in sorted(m.alliances.values(), key=lambda al: al.id)
            )
        return (tuple(m.owner.values()), self.mode, blocs, self._scheme)

    def _check_owners(self) -> None:
        scheme = current_scheme()
        if scheme != self._scheme:
            self._scheme = scheme
            self._colours = {nid: pygame.Color(*rgb) for nid, rgb in nation_fills_of(self.match.level).items()}
            self._badge_cache.clear()
        key = self._fill_key()
        if key != self._owners:
            # A capture, a new alliance, another mode: every tile is stale (all are rare; tiles are cheap).
            if key[1] != self._owners[1]:  # the forces mode's badges are larger: names make room
                for z in self._zooms.values():
                    z.labels = None
                self._label_cache.clear()
                self._badge_cache.clear()
            self._owners = key
            self._tiles.clear()
            self._fronts = None

    def label_font_size(self, z: _Zoom) -> int:
        return hex_draw.label_font_size(z.size, self.scale)

    def badge_font_size(self, z: _Zoom) -> int:
        boost = 1.35 if self.mode == "forces" else 1.0  # the numbers are what the forces mode is for
        return hex_draw.badge_font_size(z.size, self.scale, boost)

    def _label_rects(self, z: _Zoom) -> dict[str, pygame.Rect]:
        """Where each territory's name goes, in layer coordinates (measured, not yet rendered).

        Placed by :func:`hex_draw.place_labels`, as the editor places its names: the largest
        territories first, none touching another name, a star or a garrison badge.
        """
        if z.labels is None:
            z.labels = {}
            if z.size >= LABEL_MIN_SIZE:
                index = self.match.index
                badge_h = self._font(self.badge_font_size(z)).get_height() + 2
                plates = [
                    hex_draw.Nameplate(
                        territory,
                        index.territory_name[territory],
                        z.centre[self.anchor[territory]],
                        len(self.cells[territory]),
                        index.value[territory],
                        territory in index.capital_owner,
                    )
                    for territory in self.cells
                ]
                # Every garrison badge is an obstacle a name must not run under (a two-digit one, roughly).
                badges = [_badge_room(p.anchor, z.size, badge_h) for p in plates]
                font = self._font(self.label_font_size(z))
                z.labels = hex_draw.place_labels(plates, font, z.size, badge_h, badges, (0, z.width))
        return z.labels

    def label_rects(self) -> dict[str, pygame.Rect]:
        """Each named territory's name on screen now (territories left unnamed at this zoom are absent)."""
        z = self._geometry()
        sx, sy = self._screen_origin()
        return {t: r.move(int(sx), int(sy)) for t, r in self._label_rects(z).items()}

    def draw_label(self, surface: pygame.Surface, territory: str) -> None:
        """A territory's name drawn again where the map shows it, over what was drawn on the map since."""
        rect = self.label_rects().get(territory)
        if rect is not None:
            surface.blit(self.label_image(territory), rect)

    def label_image(self, territory: str) -> pygame.Surface:
        """The territory's name as the map draws it at this zoom (letters with their dark halo)."""
        return self._label(self._geometry(), territory)

    def _names_over(self, surface: pygame.Surface, lit: set[str]) -> None:
        """The names and capital stars on or beside lit territories, again over their outlines and tints.

        A name runs past its land's border; the selection's outline or a target's tint drawn over
        the tiles cut through its letters ("Stockhol|m").
        """
        areas = [self.territory_bounds(t) for t in lit]
        for territory, rect in self.label_rects().items():
            if rect.collidelist(areas) != -1:
                surface.blit(self.label_image(territory), rect)
        # The capitals' stars too: the outline ran across the star beside the selected capital's name.
        z = self._geometry()
        sx, sy = (int(v) for v in self._screen_origin())  # where the tiles' layer lands, as the names'
        for territory in self.match.index.capital_owner:
            cx, cy, _ = self._capital_spot(z, territory)
            if hex_draw.star_rect((cx + sx, cy + sy), z.size).collidelist(areas) != -1:
                self._capital(surface, z, territory, -sx, -sy)

    def _label(self, z: _Zoom, territory: str) -> pygame.Surface:
        """A territory's name with a dark halo, rendered the first time a tile shows it."""
        key = (z.index, territory)
        surf = self._label_cache.get(key)
        if surf is None:
            font = self._font(self.label_font_size(z))
            surf = hex_draw.label(font, self.match.index.territory_name[territory], self.palette)
            self._label_cache[key] = surf
        return surf

    def _tile(self, z: _Zoom, tx: int, ty: int) -> pygame.Surface:
        key = (z.index, tx, ty)
        tile = self._tiles.get(key)
        if tile is not None:
            self._tiles.move_to_end(key)
            return tile
        tile = self._render_tile(z, tx, ty)
        self._tiles[key] = tile
        while len(self._tiles) > MAX_TILES:
            self._tiles.popitem(last=False)
        return tile

    def _render_tile(self, z: _Zoom, tx: int, ty: int) -> pygame.Surface:  # noqa: C901 - one pass per layer
        self.rendered_tiles += 1
        t, s = z.tile, z.size
        ox, oy = tx * t, ty * t
        tile = pygame.Surface((t, t))
        if pygame.display.get_surface() is not None:
            tile = tile.convert()  # the display's own pixel format: the fastest blit
        pal = self.palette
        tile.fill(pal["sea"])
        cells = z.buckets.get((tx, ty), [])
        owner = self.match.owner
        cell_territory = self.cell_territory
        fills: dict[str, Colour] = {}
        land = []
        for cell in cells:
            territory = cell_territory.get(cell)
            points = z.corners(cell, ox, oy)
            if territory is None:
                hex_draw.draw_sea_cell(tile, points, cell in self.coast, s, pal)
                continue
            land.append((cell, territory))
            colour = fills.get(territory)
            if colour is None:
                colour = fills[territory] = self.fill_colour(territory)
            pygame.draw.polygon(tile, colour, points)

        def edge(a: Cell, b: Cell) -> Segment:
            (x1, y1), (x2, y2) = z.edge(a, b)
            return (x1 - ox, y1 - oy), (x2 - ox, y2 - oy)

        # Borders: thin between territories, bold between nations, firm along coasts.
        hex_draw.draw_borders(tile, land, cell_territory, owner.get, edge, s, pal)
        if s >= MARK_MIN_SIZE:
            marks = {self._mark_cell(t_id): t_id for t_id in fills}
            for cell, territory in land:
                if marks.get(cell) == territory:
                    self._terrain_mark(tile, z, territory, cell, ox, oy)
        area = pygame.Rect(ox, oy, t, t)
        for territory in self.match.index.capital_owner:
            cx, cy, r = self._capital_spot(z, territory)
            if area.colliderect((cx - r - 1, cy - r - 1, 2 * r + 2, 2 * r + 2)):
                self._capital(tile, z, territory, ox, oy)
        for territory, rect in self._label_rects(z).items():
            if rect.colliderect(area):
                tile.blit(self._label(z, territory), (rect.x - ox, rect.y - oy))
        return tile

    def _mark_cell(self, territory: str) -> Cell:
        cells = self.cells[territory]
        anchor = self.anchor[territory]
        spots = [c for c in cells if c != anchor] or cells
        return spots[len(spots) // 2]

    def _terrain_mark(self, tile: pygame.Surface, z: _Zoom, territory: str, cell: Cell, ox: float, oy: float) -> None:
        """A small glyph per terrain on one non-anchor cell, so the map reads at a glance."""
        s = z.size
        x, y = z.centre[cell]
        x, y = x - ox, y - oy
        terrain = self.match.index.terrain[territory]
        ink = mix(self.fill_colour(territory), self.palette["glyph_shade"], 0.45)
        r = s * 0.28
        if terrain == "mountains":
            for dx in (-r * 0.6, r * 0.5):
                pygame.draw.polygon(
                    tile,
                    ink,
                    [(x + dx - r * 0.7, y + r * 0.5), (x + dx, y - r * 0.7), (x + dx + r * 0.7, y + r * 0.5)],
                )
        elif terrain == "hills":
            for dx in (-r * 0.55, r * 0.55):
                pygame.draw.arc(
                    tile, ink, (x + dx - r * 0.6, y - r * 0.3, r * 1.2, r * 1.0), 0, math.pi, max(1, int(s / 14))
                )
        elif terrain == "forest":
            for dx, dy in ((-r * 0.5, 0), (r * 0.5, 0), (0, -r * 0.55)):
                pygame.draw.circle(tile, ink, (x + dx, y + dy), r * 0.38)
        elif terrain == "urban":
            for dx, h in ((-r * 0.6, r * 0.7), (0, r * 1.1), (r * 0.6, r * 0.5)):
                pygame.draw.rect(tile, ink, (x + dx - r * 0.25, y + r * 0.5 - h, r * 0.5, h))

    def _capital_spot(self, z: _Zoom, territory: str) -> tuple[float, float, float]:
        """Centre and radius of a capital's star, in layer coordinates: beside the name, clear of the badges."""
        s = z.size
        x, y = z.centre[self.anchor[territory]]
        r = hex_draw.capital_radius(s)
        label = self._label_rects(z).get(territory)
        if label is not None:
            return (*hex_draw.star_centre(label, s), r)
        return x + s * 0.6, y + s * 0.2, r

    def _capital(self, tile: pygame.Surface, z: _Zoom, territory: str, ox: float, oy: float) -> None:
        """A star beside the name: gold while its nation holds it, grey once taken."""
        cx, cy, r = self._capital_spot(z, territory)
        held = self.match.owner[territory] == self.match.index.capital_owner[territory]
        fill = self.palette["capital"] if held else self.palette["capital_lost"]
        hex_draw.draw_star(tile, (cx - ox, cy - oy), r, fill, self.palette["capital_outline"])

    def _visible_tiles(self, z: _Zoom, margin: int = 0) -> list[tuple[int, int]]:
        sx, sy = self._screen_origin()
        t = z.tile
        cols, rows = z.tiles()
        x0 = max(0, int((self.rect.left - sx) // t) - margin)
        x1 = min(cols - 1, int((self.rect.right - 1 - sx) // t) + margin)
        y0 = max(0, int((self.rect.top - sy) // t) - margin)
        y1 = min(rows - 1, int((self.rect.bottom - 1 - sy) // t) + margin)
        return [(tx, ty) for ty in range(y0, y1 + 1) for tx in range(x0, x1 + 1)]

    def prefetch(self, budget: float = PREFETCH_BUDGET) -> int:
        """Render tiles the player is likely to need next, for at most ``budget`` seconds.

        First the ring around the view, then what the next zoom steps in and out would show
        if the player zoomed at :attr:`focus` (the cursor). Returns how many were rendered.
        """
        started = time.perf_counter()
        z = self._geometry()
        visible = self._visible_tiles(z)
        wanted = [(z, tx, ty) for tx, ty in self._visible_tiles(z, margin=1) if (tx, ty) not in visible]
        for step in (1, -1):
            index = self.zoom_index + step
            if 0 <= index < len(ZOOM_STEPS):
                other = self._geometry(index)
                wanted += [(other, tx, ty) for tx, ty in self._tiles_after_zoom(other)]
        # Never push out what is on screen now, nor thrash: keep within the cache's room.
        wanted = wanted[: max(0, MAX_TILES - len(visible) - 4)]
        done = 0
        for zoom, tx, ty in wanted:
            key = (zoom.index, tx, ty)
            if key in self._tiles:
                self._tiles.move_to_end(key)
                continue
            if time.perf_counter() - started > budget:
                break
            self._tile(zoom, tx, ty)
            done += 1
        return done

    def _tiles_after_zoom(self, z: _Zoom) -> list[tuple[int, int]]:
        """The tiles zoom step ``z`` would show if the player zoomed at :attr:`focus` now."""
        fx, fy = self.focus if self.focus is not None else self.rect.center
        px, py = fx - self.rect.x, fy - self.rect.y
        wx, wy = (px - self.offset.x) / self.size, (py - self.offset.y) / self.size
        # Screen x of layer pixel lx after the zoom: rect.x + px - wx * zs + (lx + origin_x).
        left = wx * z.size - z.origin[0] - px
        top = wy * z.size - z.origin[1] - py
        t = z.tile
        cols, rows = z.tiles()
        x0, x1 = max(0, int(left // t)), min(cols - 1, int((left + self.rect.width - 1) // t))
        y0, y1 = max(0, int(top // t)), min(rows - 1, int((top + self.rect.height - 1) // t))
        return [(tx, ty) for ty in range(y0, y1 + 1) for tx in range(x0, x1 + 1)]

    # Per-territory pieces ----------------------------------------------------
    def _outline(self, z: _Zoom, territory: str) -> list[Segment]:
        segments = z.outlines.get(territory)
        if segments is None:
            members = set(self.cells[territory])
            segments = [
                z.edge(cell, other)
                for cell in self.cells[territory]
                for other in neighbours(cell)
                if other not in members
            ]
            z.outlines[territory] = segments
        return segments

    def _mask(
        self, z: _Zoom, territory: str, colour: tuple[int, int, int, int]
    ) -> tuple[pygame.Surface, tuple[float, float]]:
        """The territory's shape filled with ``colour`` (alpha allowed), and its layer position."""
        key = (territory, colour)
        found = z.masks.get(key)
        if found is None:
            points = [p for cell in self.cells[territory] for p in z.corners(cell)]
            x0 = math.floor(min(p[0] for p in points))
            y0 = math.floor(min(p[1] for p in points))
            x1 = math.ceil(max(p[0] for p in points))
            y1 = math.ceil(max(p[1] for p in points))
            surf = pygame.Surface((x1 - x0 + 1, y1 - y0 + 1), pygame.SRCALPHA)
            for cell in self.cells[territory]:
                pygame.draw.polygon(surf, colour, z.corners(cell, x0, y0))
            found = z.masks[key] = (surf, (x0, y0))
        return found

    def _draw_segments(
        self, surface: pygame.Surface, segments: list[Segment], colour: pygame.Color | Colour, width: int
    ) -> None:
        sx, sy = self._screen_origin()
        for (x1, y1), (x2, y2) in segments:
            pygame.draw.line(surface, colour, (x1 + sx, y1 + sy), (x2 + sx, y2 + sy), width)

    def _blit_mask(self, surface: pygame.Surface, z: _Zoom, territory: str, colour: tuple[int, int, int, int]) -> None:
        surf, (x, y) = self._mask(z, territory, colour)
        sx, sy = self._screen_origin()
        surface.blit(surf, (x + sx, y + sy))

    # The frame ----------------------------------------------------------------
    def draw(self, surface: pygame.Surface, highlights: Highlights) -> None:
        self.mode = highlights.mode if highlights.mode in MODES else "political"
        self._alliance_colours = highlights.alliance_colours
        self._check_owners()
        z = self._geometry()
        clip = surface.get_clip()
        surface.set_clip(self.rect)
        sx, sy = self._screen_origin()
        layer = pygame.Rect(int(sx), int(sy), z.width, z.height)
        if not layer.contains(self.rect):  # open sea around the map (zoomed in, the tiles cover it all)
            surface.fill(self.palette["sea"], self.rect)
        t = z.tile
        rendered = self.rendered_tiles
        surface.blits(
            [(self._tile(z, tx, ty), (sx + tx * t, sy + ty * t)) for tx, ty in self._visible_tiles(z)],
            doreturn=False,
        )
        self._draw_overlays(surface, z, highlights)
        surface.set_clip(clip)
        if self.rendered_tiles == rendered:
            self.prefetch()  # an easy frame: get the next pan or zoom's tiles ready

    def _draw_overlays(self, surface: pygame.Surface, z: _Zoom, h: Highlights) -> None:
        width = max(2, int(z.size / 8))
        self._war_fronts(surface, z)
        if h.hover is not None and h.hover != h.selected:
            self._blit_mask(surface, z, h.hover, tuple(self.palette["hover"]))  # type: ignore[arg-type]
        for territory in h.move_targets:
            self._blit_mask(surface, z, territory, _with_alpha(self.palette["move_target"], opacity("move_target")))
            self._draw_segments(surface, self._outline(z, territory), self.palette["move_target"], width)
        for territory in h.attack_targets:
            self._blit_mask(surface, z, territory, _with_alpha(self.palette["attack_target"], opacity("attack_target")))
            self._draw_segments(surface, self._outline(z, territory), self.palette["attack_target"], width)
        glow = 0.5 + 0.5 * math.sin(h.pulse * 2 * math.pi)
        for territory in h.flash:
            self._blit_mask(
                surface,
                z,
                territory,
                _with_alpha(
                    self.palette["selected"], int(opacity("selected_glow_base") + opacity("selected_glow_swing") * glow)
                ),
            )
            self._draw_segments(surface, self._outline(z, territory), self.palette["selected"], width)
        if h.selected is not None:
            self._blit_mask(
                surface,
                z,
                h.selected,
                _with_alpha(
                    self.palette["selected"], int(opacity("selected_home_base") + opacity("selected_home_swing") * glow)
                ),
            )
            self._draw_segments(surface, self._outline(z, h.selected), self.palette["selected"], width + 1)
        lit = {*h.move_targets, *h.attack_targets, *h.flash, *(t for t in (h.selected, h.hover) if t is not None)}
        if lit:
            self._names_over(surface, lit)
        if z.size >= BADGE_MIN_SIZE:
            self._badges(surface, z, h)

    def _war_fronts(self, surface: pygame.Surface, z: _Zoom) -> None:
        """Borders between nations at war, drawn as a red dashed line."""
        m = self.match
        if not m.wars:
            return
        key = (z.index, frozenset(m.wars))
        if self._fronts is None or self._fronts[0] != key:
            segments: list[Segment] = []
            for cell, territory in self.cell_territory.items():
                a_owner = m.owner[territory]
                for other in neighbours(cell):
                    other_territory = self.cell_territory.get(other)
                    if other_territory is None or other <= cell:
                        continue
                    if frozenset((a_owner, m.owner[other_territory])) in m.wars:
                        (x1, y1), (x2, y2) = z.edge(cell, other)
                        for t0 in (0.05, 0.55):
                            t1 = t0 + 0.35
                            segments.append(
                                (
                                    (x1 + (x2 - x1) * t0, y1 + (y2 - y1) * t0),
                                    (x1 + (x2 - x1) * t1, y1 + (y2 - y1) * t1),
                                )
                            )
            self._fronts = (key, segments)
        width = max(2, int(z.size / 7))
        if self.mode == "forces":
            width = max(3, int(z.size / 4))  # the fronts are what this mode is for
        self._draw_segments(surface, self._fronts[1], self.palette["war_front"], width)

    def _badge(self, nation: str, amount: int, dim: bool, size: int) -> pygame.Surface:
        key = (nation, amount, dim, size)
        badge = self._badge_cache.get(key)
        if badge is None:
            badge = hex_draw.badge(self._font(size), amount, self.nation_colour(nation), size, self.palette, dim)
            self._badge_cache[key] = badge
        return badge

    def _badges(self, surface: pygame.Surface, z: _Zoom, h: Highlights) -> None:
        """Garrison strength on each territory: the owner's forces, then allied guests.

        The badges' layout (in layer coordinates) is kept until the match or the zoom
        changes (``Highlights.version``); a frame only offsets and blits it in one call.
        """
        key = (z.index, h.viewer_seat, h.version, self.mode, self.scale)
        if h.version is None or self._badge_layout is None or self._badge_layout[0] != key:
            self._badge_layout = (key, self._layout_badges(z, h))
        sx, sy = self._screen_origin()
        left, top = self.rect.left - sx - 80, self.rect.top - sy - 40
        right, bottom = self.rect.right - sx + 10, self.rect.bottom - sy + 10
        surface.blits(
            [
                (badge, (x + sx, y + sy))
                for badge, x, y in self._badge_layout[1]
                if left < x < right and top < y < bottom
            ],
            doreturn=False,
        )

    def _layout_badges(self, z: _Zoom, h: Highlights) -> list[tuple[pygame.Surface, float, float]]:
        m = self.match
        s = z.size
        size = self.badge_font_size(z)
        viewer = set(m.level.seats[h.viewer_seat].nations) if h.viewer_seat is not None else set()
        placed: list[tuple[pygame.Surface, float, float]] = []
        for territory, forces in m.forces.items():
            if not forces:
                continue
            x, y = z.centre[self.anchor[territory]]
            y += s * 0.2
            owner = m.owner[territory]
            spent = m.spent.get(territory, {})
            badges = [
                self._badge(n, forces[n], n in viewer and forces[n] - spent.get(n, 0) <= 0, size)
                for n in sorted(forces, key=lambda n: (n != owner, n))
                if forces[n] > 0
            ]
            total = sum(b.get_width() for b in badges) + 2 * (len(badges) - 1)
            bx = x - total / 2
            for badge in badges:
                placed.append((badge, bx, y - badge.get_height() / 2))
                bx += badge.get_width() + 2
        return placed


def _badge_room(anchor: tuple[float, float], size: float, badge_height: int) -> pygame.Rect:
    """The room a territory's garrison badge takes on the layer: a two-digit one, roughly."""
    room = pygame.Rect(0, 0, int(badge_height * 1.6), badge_height)
    x, y = hex_draw.badge_centre(anchor, size)
    room.center = (int(x), int(y))
    return room


def _rgb(colour: pygame.Color) -> Colour:
    return colour.r, colour.g, colour.b


def mode_colours() -> dict[str, pygame.Color]:
    return colours("#map_hud")


def _with_alpha(colour: pygame.Color, alpha: int) -> tuple[int, int, int, int]:
    return colour.r, colour.g, colour.b, max(0, min(255, alpha))
