"""What sits on the map to help read it: the mode toggle, territory search, the legend and the minimap.

The match scene owns one :class:`MapHud`, hands it events first (it takes only those meant
for it: a click on one of its parts, a key it answers, typing into the search) and draws it
over the map. It reads the match and the map view; it changes only the camera, the map's
mode and, through the scene's ``select``, which territory is selected.

Keys: M cycles the map modes, L shows or hides the legend, / (or Ctrl+F) searches.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.core import world as w
from game.core.hexgrid import to_pixel
from game.ui.map_view import MODES, MapView
from game.ui.panels.common import text_surface
from game.ui.theme import colours, map_palette, sizes

if TYPE_CHECKING:
    from game.ui.app import App

MODE_NAMES = {"political": "Political", "alliances": "Alliances", "forces": "Forces"}
SEARCH_RESULTS = 6  # matches listed under the search box
MINIMAP_MARGIN = 10


@dataclass(frozen=True)
class Row:
    """One line of the legend: a swatch (or none), a text, a muted note, where a click goes."""

    swatch: tuple[int, int, int] | None
    text: str
    note: str = ""
    goes_to: str | None = None  # a territory to centre on when the row is clicked
    dashed: bool = False  # the swatch is a dashed line (a war front), not a square


def alliance_colour(chosen: dict[str, tuple[int, int, int]], alliance: str) -> tuple[int, int, int]:
    """The alliance's colour on the map and in the legend: the theme's next unused, kept once given."""
    colour = chosen.get(alliance)
    if colour is None:
        palette = map_palette()
        choices = [palette[k] for k in sorted(palette) if k.startswith("alliance_")]
        pick = choices[len(chosen) % len(choices)]
        colour = chosen[alliance] = (pick.r, pick.g, pick.b)
    return colour


def folded(text: str) -> str:
    """``text`` without case or accents, so 'sao' finds 'São Paulo'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class MapHud:
    def __init__(
        self,
        app: App,
        view: MapView,
        alliance_colours: dict[str, tuple[int, int, int]],
        select: Callable[[str], None],
    ) -> None:
        self.app = app
        self.view = view
        self.match = view.match
        self.alliance_colours = alliance_colours  # the scene's own dict: alliances get colours as they form
        for alliance in sorted(self.match.alliances):
            alliance_colour(alliance_colours, alliance)  # the level's own alliances, coloured from the start
        self.select = select
        self.mode = "political"
        self.legend_open = True
        self.query: str | None = None  # None: the search is closed
        self.choice = 0  # which search result Enter takes
        self._pointer = (0, 0)
        self._dragging_minimap = False
        self._minimap: tuple[object, pygame.Surface, float] | None = None
        self._layer: tuple[object, pygame.Surface, pygame.Rect] | None = None
        self._frames: dict[tuple[int, int], pygame.Surface] = {}
        self._colours = colours("#map_hud")
        self._sizes = sizes("#map_hud")
        # Laid out at each draw; a click is tested against what was last drawn.
        self._mode_rects: dict[str, pygame.Rect] = {}
        self._search_rect = pygame.Rect(0, 0, 0, 0)
        self._result_rects: list[tuple[pygame.Rect, str]] = []
        self._legend_rect = pygame.Rect(0, 0, 0, 0)
        self._legend_header = pygame.Rect(0, 0, 0, 0)
        self._legend_rows: list[tuple[pygame.Rect, Row]] = []
        self._minimap_rect = pygame.Rect(0, 0, 0, 0)
        # Fitted, the map leaves the legend's column clear where the window has the room.
        view.fit_left = self.legend_width(self.legend_rows()) + 20
        view.fit()
        # Where the window is too narrow for both, the map comes first: the legend starts folded
        # (its header stays, L or a click opens it) rather than covering Britain at 1280x720.
        self.legend_open = view.fit_clears_left

    # Sizes --------------------------------------------------------------------
    @property
    def scale(self) -> float:
        return float(self.app.settings.ui_scale)

    def px(self, name: str) -> int:
        return int(round(self._sizes[name] * self.scale))

    def font(self, name: str, bold: bool = False) -> pygame.font.Font:
        return self.app.font(self.px(name), bold=bold)

    # Modes ----------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        if mode in MODES:
            self.mode = mode

    def cycle_mode(self) -> None:
        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]

    # Search ---------------------------------------------------------------------
    def open_search(self) -> None:
        self.query = ""
        self.choice = 0

    def close_search(self) -> None:
        self.query = None

    def matches(self, query: str) -> list[tuple[str, str]]:
        """(label, territory) pairs for ``query``: territories whose name starts with it first,
        then those that contain it, then nations (a nation's row goes to its capital)."""
        q = folded(query.strip())
        if not q:
            return []
        m = self.match
        names = {t: w.territory_name(m, t) for t in m.owner}
        starts = sorted((n, t) for t, n in names.items() if folded(n).startswith(q))
        inside = sorted((n, t) for t, n in names.items() if q in folded(n) and not folded(n).startswith(q))
        found = [(f"{n} · {w.nation_name(m, m.owner[t])}", t) for n, t in starts + inside]
        for nation in sorted(m.level.nations, key=lambda n: n.name):
            capital = w.capital_of(m, nation.id)
            if q in folded(nation.name) and capital is not None:
                found.append((f"{nation.name} (capital {names[capital]})", capital))
        return found[:SEARCH_RESULTS]

    def jump_to(self, territory: str) -> None:
        """Centre the map on ``territory``, near enough that its name shows, and select it."""
        view = self.view
        view.centre_on(territory)
        for _ in range(4):
            if territory in view.label_rects():
                break
            view.zoom_at(view.territory_centre(territory), 1)
            view.centre_on(territory)
        self.select(territory)
        self.close_search()

    # Input ----------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event, keys: bool = True) -> bool:
        """True when the event was for the HUD (the map must not also see it).

        ``keys`` False while a dialog has the keyboard: the HUD then answers only clicks on itself.
        """
        if event.type == pygame.KEYDOWN:
            return keys and self._key(event)
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION):
            self._pointer = event.pos
            return self._mouse(event)
        if event.type == pygame.MOUSEWHEEL:
            return self.covers(self._pointer)
        return False

    def covers(self, pos: tuple[int, int]) -> bool:
        """Whether ``pos`` is on one of the HUD's parts (clicks and hovering there are not the map's)."""
        parts = [*self._mode_rects.values(), self._search_rect, self._legend_rect, self._minimap_rect]
        parts += [rect for rect, _ in self._result_rects]
        return any(rect.collidepoint(pos) for rect in parts)

    def _key(self, event: pygame.event.Event) -> bool:
        key, text = event.key, getattr(event, "unicode", "") or ""
        mods = getattr(event, "mod", 0)
        if self.query is not None:
            found = self.matches(self.query)
            if key == pygame.K_ESCAPE:
                self.close_search()
            elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                if found:
                    self.jump_to(found[min(self.choice, len(found) - 1)][1])
            elif key == pygame.K_BACKSPACE:
                self.query = self.query[:-1]
                self.choice = 0
            elif key == pygame.K_DOWN:
                self.choice = min(self.choice + 1, max(0, len(found) - 1))
            elif key == pygame.K_UP:
                self.choice = max(0, self.choice - 1)
            elif text and text.isprintable() and len(self.query) < 40:
                self.query += text
                self.choice = 0
            return True  # while the search is open, every key is typing
        if key == pygame.K_SLASH or (key == pygame.K_f and mods & pygame.KMOD_CTRL):
            self.open_search()
            return True
        if mods & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            return False
        if key == pygame.K_m:
            self.cycle_mode()
            return True
        if key == pygame.K_l:
            self.legend_open = not self.legend_open
            return True
        return False

    def _mouse(self, event: pygame.event.Event) -> bool:
        pos = event.pos
        if event.type == pygame.MOUSEMOTION:
            if self._dragging_minimap:
                self._move_camera_to(pos)
                return True
            return self.covers(pos)
        if event.type == pygame.MOUSEBUTTONUP:
            if self._dragging_minimap:
                self._dragging_minimap = False
                return True
            return self.covers(pos)
        if getattr(event, "button", 1) != 1:
            return self.covers(pos)
        for mode, rect in self._mode_rects.items():
            if rect.collidepoint(pos):
                self.set_mode(mode)
                return True
        for rect, territory in self._result_rects:
            if rect.collidepoint(pos):
                self.jump_to(territory)
                return True
        if self._search_rect.collidepoint(pos):
            self.open_search()
            return True
        if self.query is not None:
            self.close_search()  # a click elsewhere puts the search away (and still lands there)
        if self._legend_header.collidepoint(pos):
            self.legend_open = not self.legend_open
            return True
        for rect, row in self._legend_rows:
            if rect.collidepoint(pos) and row.goes_to is not None:
                self.view.centre_on(row.goes_to)
                return True
        if self._legend_rect.collidepoint(pos):
            return True
        if self._minimap_rect.collidepoint(pos):
            self._dragging_minimap = True
            self._move_camera_to(pos)
            return True
        return False

    def _move_camera_to(self, pos: tuple[int, int]) -> None:
        if self._minimap is None:
            return
        _, _, k = self._minimap
        view = self.view
        x = (pos[0] - self._minimap_rect.x) / k + view.world_min[0]
        y = (pos[1] - self._minimap_rect.y) / k + view.world_min[1]
        view.centre_on_point(x, y)

    # Legend ---------------------------------------------------------------------
    def legend_rows(self) -> list[Row]:
        """What the legend lists in the current mode."""
        m = self.match
        view = self.view
        if self.mode == "alliances":
            rows = [
                Row(
                    self.alliance_colours.get(a.id, tuple(self._colours["alliance_fallback"])[:3]),
                    a.name,
                    f"cohesion {a.cohesion}" + ("" if a.collective_defence else " · no Art. 5"),
                )
                for a in sorted(m.alliances.values(), key=lambda al: al.id)
            ]
            unallied = self._colours["unallied"]
            return [*rows, Row((unallied.r, unallied.g, unallied.b), "In no alliance")]
        land: dict[str, int] = {}
        for owner in m.owner.values():
            land[owner] = land.get(owner, 0) + 1
        rows = []
        if self.mode == "forces":
            front = self._colours["forces_front"]
            rows.append(Row((front.r, front.g, front.b), "Front between nations at war", dashed=True))
            wars = sorted(sorted(w.nation_name(m, n) for n in pair) for pair in m.wars if all(n in land for n in pair))
            rows += [Row(None, f"{a} – {b}", "at war") for a, b in wars] or [Row(None, "No wars", "")]
            rows.append(Row(None, "Numbers: troops in each territory"))
            return rows
        seats = [n for seat in m.level.seats for n in seat.nations]
        others = sorted((n.id for n in m.level.nations if n.id not in seats), key=lambda n: (-land.get(n, 0), n))
        for nation in [*seats, *others]:
            if not land.get(nation):
                continue  # fallen: nothing of it is on the map
            colour = view.nation_colour(nation)
            seat = m.seat_of.get(nation)
            note = f"seat {seat + 1}" if seat is not None else ""
            rows.append(Row((colour.r, colour.g, colour.b), w.nation_name(m, nation), note, w.capital_of(m, nation)))
        return rows

    # Drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        view = self.view
        if view.scale != self.scale:
            view.scale = self.scale  # the settings changed (from the pause menu): names and badges follow
        area = view.rect
        clip = surface.get_clip()
        surface.set_clip(area)
        if view.shows_everything():
            self._minimap_rect = pygame.Rect(0, 0, 0, 0)  # all of it is in view: nothing to steer to
        else:
            self._draw_minimap(surface)
        # The toggle, search and legend change only with what they show: drawn into a layer once,
        # then a frame costs one blit (rendering their text every frame would eat the frame budget).
        key = self._layer_key()
        if self._layer is None or self._layer[0] != key:
            self._layer = (key, *self._draw_layer())
        _, layer, bounds = self._layer
        surface.blit(layer, bounds, area=bounds)
        surface.set_clip(clip)

    def _layer_key(self) -> tuple[object, ...]:
        m = self.match
        view = self.view
        blocs = tuple(
            (a.id, a.name, a.cohesion, len(a.members), self.alliance_colours.get(a.id)) for a in m.alliances.values()
        )
        pointed = next((i for i, rect in enumerate(self._hover_targets()) if rect.collidepoint(self._pointer)), None)
        return (
            self.mode,
            self.legend_open,
            self.query,
            self.choice,
            pointed,
            tuple(view.rect),
            self.scale,
            view._owners,
            blocs,
            frozenset(m.wars),
            self._minimap_rect.top,  # noqa: SLF001 - the view's fill key
        )

    def _hover_targets(self) -> list[pygame.Rect]:
        return [
            *self._mode_rects.values(),
            *(rect for rect, _ in self._legend_rows),
            *(r for r, _ in self._result_rects),
        ]

    def _draw_layer(self) -> tuple[pygame.Surface, pygame.Rect]:
        area = self.view.rect
        layer = pygame.Surface((area.right, area.bottom), pygame.SRCALPHA)
        layer.set_clip(area)
        x, y = area.x + 10, area.y + 10
        self._draw_modes(layer, x, y)
        y += self.px("toggle_height") + 6
        self._draw_search_box(layer, x, y)
        y += self.px("toggle_height") + 6
        bottom = self._minimap_rect.top - 8 if self._minimap_rect.height else area.bottom - 10
        self._draw_legend(layer, x, y, bottom)
        self._draw_results(layer)
        parts = [*self._mode_rects.values(), self._search_rect, self._legend_rect]
        parts += [rect for rect, _ in self._result_rects]
        bounds = parts[0].unionall(parts[1:]).inflate(4, 4).clip(area)
        return layer, bounds

    def _panel(self, surface: pygame.Surface, rect: pygame.Rect, edge: pygame.Color | None = None) -> None:
        panel = pygame.Surface(rect.size, pygame.SRCALPHA)
        radius = max(4, self.px("hud_row") // 3)
        pygame.draw.rect(panel, self._colours["hud_bg"], panel.get_rect(), border_radius=radius)
        pygame.draw.rect(panel, edge or self._colours["hud_edge"], panel.get_rect(), 1, border_radius=radius)
        surface.blit(panel, rect)

    def _draw_modes(self, surface: pygame.Surface, x: int, y: int) -> None:
        font = self.font("hud_font", bold=True)
        height = self.px("toggle_height")
        key = self.font("hud_small_font").render("M", True, self._colours["hud_muted"])
        width = self.px("toggle_width")
        box = pygame.Rect(x, y, width, height)
        self._panel(surface, box)
        inner = width - key.get_width() - 12
        segment = inner // len(MODES)
        self._mode_rects = {}
        for i, mode in enumerate(MODES):
            rect = pygame.Rect(x + 2 + i * segment, y + 2, segment - 2, height - 4)
            self._mode_rects[mode] = rect
            active = mode == self.mode
            if active:
                pygame.draw.rect(surface, self._colours["hud_active_bg"], rect, border_radius=4)
            elif rect.collidepoint(self._pointer):
                pygame.draw.rect(surface, self._colours["hud_hover_bg"], rect, border_radius=4)
            ink = self._colours["hud_active_text"] if active else self._colours["hud_text"]
            label = font.render(MODE_NAMES[mode], True, ink)
            surface.blit(label, label.get_rect(center=rect.center))
        surface.blit(key, (box.right - key.get_width() - 8, box.centery - key.get_height() // 2))

    def _draw_search_box(self, surface: pygame.Surface, x: int, y: int) -> None:
        height = self.px("toggle_height")
        rect = pygame.Rect(x, y, self.px("toggle_width"), height)
        self._search_rect = rect
        active = self.query is not None
        self._panel(surface, rect, self._colours["hud_heading"] if active else None)
        font = self.font("hud_font")
        if active:
            assert self.query is not None
            text = font.render(self.query + "|", True, self._colours["hud_text"])
        else:
            text = font.render("Find a territory…   /", True, self._colours["hud_muted"])
        surface.blit(text, (rect.x + 10, rect.centery - text.get_height() // 2))

    def _draw_results(self, surface: pygame.Surface) -> None:
        self._result_rects = []
        if self.query is None:
            return
        font = self.font("hud_font")
        row = self.px("hud_row") + 4
        found = self.matches(self.query)
        lines = found or [("No territory or nation has that name", "")]
        box = pygame.Rect(
            self._search_rect.x, self._search_rect.bottom + 2, self._search_rect.width + 60, 8 + row * len(lines)
        )
        self._panel(surface, box, self._colours["hud_heading"])
        for i, (label, territory) in enumerate(lines):
            rect = pygame.Rect(box.x + 4, box.y + 4 + i * row, box.width - 8, row)
            if territory and i == self.choice:
                pygame.draw.rect(surface, self._colours["search_match_bg"], rect, border_radius=4)
            ink = self._colours["hud_text"] if territory else self._colours["hud_muted"]
            text = text_surface(font, label, ink, rect.width - 12)
            surface.blit(text, (rect.x + 6, rect.centery - text.get_height() // 2))
            if territory:
                self._result_rects.append((rect, territory))

    def legend_width(self, rows: list[Row], heading: int = 0) -> int:
        """As wide as the legend's longest line needs, from the theme's width up to twice that."""
        body = self.font("hud_small_font")
        needed = max(
            [heading + 16] + [body.size(r.text)[0] + body.size(r.note)[0] + self.px("hud_row") + 34 for r in rows]
        )
        return max(self.px("legend_width"), min(needed, self.px("legend_width") * 2))

    def _draw_legend(self, surface: pygame.Surface, x: int, y: int, bottom: int) -> None:
        heading = self.font("hud_heading_font", bold=True)
        body = self.font("hud_small_font")
        note_font = self.font("hud_small_font")
        row_h = self.px("hud_row")
        title = {"political": "NATIONS", "alliances": "ALLIANCES", "forces": "FORCES & FRONTS"}[self.mode]
        head = heading.render(
            f"{title}  (L {'hide' if self.legend_open else 'show'})", True, self._colours["hud_heading"]
        )
        rows = self.legend_rows() if self.legend_open else []
        width = self.legend_width(rows, head.get_width())
        room = max(0, (bottom - y - head.get_height() - 14) // row_h)
        shown = rows[:room]
        if len(rows) > room and room > 0:
            shown = rows[: room - 1] + [Row(None, f"+ {len(rows) - room + 1} more", "zoom in or search (/)")]
        height = head.get_height() + 12 + row_h * len(shown)
        rect = pygame.Rect(x, y, width, height)
        self._legend_rect = rect
        self._legend_header = pygame.Rect(x, y, width, head.get_height() + 10)
        self._panel(surface, rect)
        surface.blit(head, (x + 8, y + 6))
        self._legend_rows = []
        top = y + head.get_height() + 8
        swatch = max(8, row_h - 8)
        for i, row in enumerate(shown):
            line = pygame.Rect(x + 2, top + i * row_h, width - 4, row_h)
            if row.goes_to is not None and line.collidepoint(self._pointer):
                pygame.draw.rect(surface, self._colours["hud_hover_bg"], line, border_radius=3)
            tx = x + 8
            if row.swatch is not None:
                sq = pygame.Rect(tx, line.centery - swatch // 2, swatch + (6 if row.dashed else 0), swatch)
                if row.dashed:
                    for dx in (0, sq.width // 2 + 1):
                        pygame.draw.line(
                            surface, row.swatch, (sq.x + dx, sq.centery), (sq.x + dx + sq.width // 2 - 2, sq.centery), 3
                        )
                else:
                    pygame.draw.rect(surface, row.swatch, sq, border_radius=2)
                    pygame.draw.rect(surface, self._colours["hud_edge"], sq, 1, border_radius=2)
                tx = sq.right + 6
            note = note_font.render(row.note, True, self._colours["hud_muted"]) if row.note else None
            room_x = line.right - tx - 6 - (note.get_width() + 6 if note else 0)
            text = text_surface(body, row.text, self._colours["hud_text"], room_x)
            surface.blit(text, (tx, line.centery - text.get_height() // 2))
            if note is not None:
                surface.blit(note, (line.right - note.get_width() - 6, line.centery - note.get_height() // 2))
            self._legend_rows.append((line, row))

    def minimap(self) -> tuple[pygame.Surface, float]:
        """The whole map, small, in the current mode's fills; and its pixels per world unit."""
        view = self.view
        key = (view._owners, self.mode, self.scale)  # noqa: SLF001 - the view's fill signature
        if self._minimap is None or self._minimap[0] != key:
            world_w = view.world_max[0] - view.world_min[0]
            world_h = view.world_max[1] - view.world_min[1]
            k = min(self.px("minimap_width") / world_w, self.px("minimap_height") / world_h)
            surf = pygame.Surface((max(1, int(world_w * k)), max(1, int(world_h * k))))
            surf.fill(view.palette["sea"])
            dot = max(1, int(k * 1.8) + 1)
            fills: dict[str, tuple[int, int, int]] = {}
            for cell, territory in view.cell_territory.items():
                colour = fills.get(territory)
                if colour is None:
                    colour = fills[territory] = view.fill_colour(territory)
                cx, cy = to_pixel(cell, 1.0)
                px, py = (cx - view.world_min[0]) * k, (cy - view.world_min[1]) * k
                surf.fill(colour, (int(px - dot / 2), int(py - dot / 2), dot, dot))
            self._minimap = (key, surf, k)
        return self._minimap[1], self._minimap[2]

    def _draw_minimap(self, surface: pygame.Surface) -> None:
        view = self.view
        small, k = self.minimap()
        rect = small.get_rect(bottomleft=(view.rect.x + MINIMAP_MARGIN, view.rect.bottom - MINIMAP_MARGIN))
        self._minimap_rect = rect
        frame = rect.inflate(6, 6)
        if frame.size not in self._frames:
            panel = pygame.Surface(frame.size, pygame.SRCALPHA)
            self._panel(panel, panel.get_rect())
            self._frames = {frame.size: panel}
        surface.blit(self._frames[frame.size], frame)
        surface.blit(small, rect)
        left, top, right, bottom = view.visible_world()
        camera = pygame.Rect(
            rect.x + int((left - view.world_min[0]) * k),
            rect.y + int((top - view.world_min[1]) * k),
            max(4, int((right - left) * k)),
            max(4, int((bottom - top) * k)),
        ).clip(rect)
        if camera.width and camera.height:
            pygame.draw.rect(surface, self._colours["minimap_view"], camera, 2)
