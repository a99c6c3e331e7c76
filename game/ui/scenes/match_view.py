"""The match screen's drawing: the map with its overlays, the AI's latest order, the sidebar.

:class:`MatchView` draws what the scene and its
:class:`~game.ui.scenes.match_controller.MatchController` expose (the match, the seat to play,
the selection and hover, the open dialog, the widgets) and never changes the match: it neither
calls the core's ``apply`` nor asks the controller to act. What it owns is how the match looks
on screen: the camera over the map (:class:`~game.ui.map_view.MapView`), where the player left
it, the flash of the AI's latest order, the glow's pulse, and the surfaces it composes once per
change (the hover card, the hint strip, the sidebar).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import pygame

from game.core import world as w
from game.core.actions import Attack
from game.ui.ai_driver import NOTABLE, AiStep, pause_after
from game.ui.map_view import Highlights, MapView
from game.ui.panels.common import nation_colour, text_surface
from game.ui.theme import font_size, ink, map_palette

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.map_hud import MapHud
    from game.ui.panels import ChroniclePanel, TerritoryPanel, TopBar
    from game.ui.panels.dialog import Dialog
    from game.ui.scenes.match_controller import MatchController

FLASH_SECONDS = 0.9
HINT = "Drag pan · Wheel zoom · F fit · Tab next ready · M map mode · / find · D diplomacy · G glossary · F1 help"


class MatchShown(Protocol):
    """What the view reads of the match screen (the scene): its state and widgets, never to change them."""

    @property
    def app(self) -> App: ...

    @property
    def controller(self) -> MatchController: ...

    @property
    def selected(self) -> str | None: ...

    @property
    def hover(self) -> str | None: ...

    @property
    def pointer(self) -> tuple[int, int]: ...

    @property
    def dragging(self) -> bool: ...

    @property
    def dialog(self) -> Dialog | None: ...

    @property
    def hud(self) -> MapHud | None: ...

    @property
    def top_bar(self) -> TopBar | None: ...

    @property
    def territory_panel(self) -> TerritoryPanel | None: ...

    @property
    def map_rect(self) -> pygame.Rect: ...

    @property
    def side_rect(self) -> pygame.Rect: ...

    @property
    def chronicle(self) -> ChroniclePanel | None: ...

    @property
    def alliance_colours(self) -> dict[str, tuple[int, int, int]]: ...


@dataclass(frozen=True)
class AiMove:
    """What to show of one AI order: where from, where to, and the sentence the chronicle got."""

    source: str | None
    target: str | None
    attack: bool
    text: str


# The sentence that best says what an order did, in this order of preference.
_SAYS_MOST = ("territory_captured", "battle", "moved", "recruited", "war_declared", "offer_made", "treaty_signed")


def ai_move_of(step: AiStep) -> AiMove:
    by_kind = {getattr(e, "kind", ""): getattr(e, "text", "") for e in reversed(step.events)}
    text = next((by_kind[k] for k in _SAYS_MOST if k in by_kind), "")
    action = step.action
    return AiMove(getattr(action, "source", None), getattr(action, "target", None), isinstance(action, Attack), text)


class MatchView:
    """The match drawn from its screen; the camera, the AI's flash and the composed surfaces are its own."""

    def __init__(self, screen: MatchShown) -> None:
        self.screen = screen
        self.map_view = MapView(screen.controller.match, map_palette(), screen.map_rect)
        # Where the player left the camera (zoom step, offset) when the AI's turn began.
        self._camera: tuple[int, pygame.Vector2] | None = None
        # The camera as the last fit left it: a resize refits a map the player had not moved.
        self._fitted: tuple[int, tuple[float, float]] | None = None
        self._flash: frozenset[str] = frozenset()
        self._flash_left = 0.0
        # The AI's latest order while it flashes: an arrow on the map and its sentence under the banner.
        self.ai_move: AiMove | None = None
        self._pulse = 0.0
        self._tooltip: tuple[object, pygame.Surface] | None = None
        self._hint: tuple[object, pygame.Surface] | None = None
        self._side_cache: tuple[object, pygame.Surface] | None = None

    # The camera -----------------------------------------------------------------------
    def remember_fit(self) -> None:
        view = self.map_view
        self._fitted = (view.zoom_index, (view.offset.x, view.offset.y))

    def is_fitted(self) -> bool:
        """The camera is where the last fit left it (the player has not moved the map since)."""
        view = self.map_view
        return self._fitted == (view.zoom_index, (view.offset.x, view.offset.y))

    def fit(self) -> None:
        self.map_view.fit()
        self.remember_fit()

    def set_rect(self, rect: pygame.Rect) -> None:
        """The window was resized: the map fills ``rect``, refitted if the player had not moved it."""
        fitted = self.is_fitted()
        self.map_view.set_rect(rect)
        if fitted:
            self.fit()
        self._hint = None

    def keep_camera(self) -> None:
        """The AI's moves pull the camera about: it comes back here when the player's turn opens."""
        if self._camera is None:
            self._camera = (self.map_view.zoom_index, pygame.Vector2(self.map_view.offset))

    def restore_camera(self) -> None:
        if self._camera is not None:
            self.map_view.zoom_index, self.map_view.offset = self._camera[0], pygame.Vector2(self._camera[1])
            self.map_view.clamp()
            self._camera = None

    # The AI's orders, shown ---------------------------------------------------------------
    def show_ai_step(self, step: AiStep, pause: float) -> None:
        """Flash what one AI order touched, with its arrow and sentence; attacks off screen are followed."""
        self._flash = step.touched
        self._flash_left = max(FLASH_SECONDS, pause_after(step.action, pause))
        self.ai_move = ai_move_of(step)
        # The camera follows attacks only: chasing every march made the map jump about.
        notable = getattr(step.action, "kind", "") in NOTABLE
        if notable and not any(self.map_view.is_visible(t) for t in step.touched):
            self.map_view.centre_on(sorted(step.touched)[0])

    def forget_ai_move(self) -> None:
        self.ai_move = None

    def tick(self, dt: float) -> None:
        """Time passes: the selection's glow pulses, the AI's flash fades."""
        self._pulse = (self._pulse + dt * 0.8) % 1.0
        if self._flash_left > 0:
            self._flash_left -= dt
            if self._flash_left <= 0:
                self._flash = frozenset()
                self.ai_move = None

    @property
    def flashing(self) -> bool:
        return self._flash_left > 0

    # Drawing --------------------------------------------------------------------------
    def highlights(self) -> Highlights:
        screen = self.screen
        controller = screen.controller
        moves, attacks = controller.orders(screen.selected)
        return Highlights(
            selected=screen.selected,
            hover=screen.hover,
            move_targets=frozenset(moves),
            attack_targets=frozenset(attacks),
            mode=screen.hud.mode if screen.hud is not None else "political",
            viewer_seat=controller.viewer,
            flash=self._flash,
            pulse=self._pulse,
            alliance_colours=screen.alliance_colours,
            version=controller.version,
        )

    def draw(self, surface: pygame.Surface) -> None:
        screen = self.screen
        top_bar = screen.top_bar
        assert top_bar is not None and screen.territory_panel is not None and screen.chronicle is not None
        self.map_view.draw(surface, self.highlights())
        if screen.hud is not None:
            screen.hud.draw(surface)
        self._draw_map_overlays(surface)
        surface.blit(self.sidebar(), screen.side_rect)
        controller = screen.controller
        seat = controller.seat
        who = controller.controller_text(seat)
        busy = controller.driver is not None and not controller.finished
        top_bar.draw(surface, controller.version, seat, who, busy=busy)

    def sidebar(self) -> pygame.Surface:
        """The sidebar behind the widgets, composed once per change: one opaque blit a frame."""
        screen = self.screen
        panel, chronicle = screen.territory_panel, screen.chronicle
        assert panel is not None and chronicle is not None
        side_rect = screen.side_rect
        content = panel.surface
        key = (id(content), side_rect.size)
        if self._side_cache is None or self._side_cache[0] != key:
            side = pygame.Surface(side_rect.size).convert()
            side.fill(ink("panel_bg"))
            pygame.draw.line(side, ink("panel_edge"), (0, 0), (0, side.get_height()), 1)
            top = chronicle.rect.top - side_rect.top
            pygame.draw.line(side, ink("panel_edge"), (12, top), (side.get_width() - 12, top))
            if content is not None:
                side.blit(content, (panel.rect.x - side_rect.x, panel.rect.y - side_rect.y))
            small = screen.app.font(font_size("caption"), bold=True)
            side.blit(small.render("CHRONICLE", True, ink("heading")), (14, top + 10))
            self._side_cache = (key, side)
        return self._side_cache[1]

    def _draw_map_overlays(self, surface: pygame.Surface) -> None:
        screen = self.screen
        controller = screen.controller
        clip = surface.get_clip()
        surface.set_clip(screen.map_rect)
        driver = controller.driver
        free = controller.my_turn and screen.dialog is None
        if driver is not None and not controller.finished:
            name = controller.match.level.seats[driver.seat].name
            text = f"{name} is playing" + (
                " — skipping to the end of its turn" if driver.skipping else " · Space or click to skip"
            )
            self.banner_line(surface, text, ink("ai"))
            if self.ai_move is not None:
                self._draw_ai_move(surface, self.ai_move)
        elif free and controller.end_warning:
            self.banner_line(surface, controller.end_warning, ink("warn"))
        elif free and controller.waiting():
            count = controller.waiting()
            self.banner_line(
                surface, f"{count} answer{'s' if count > 1 else ''} waiting — open Diplomacy (D)", ink("warn")
            )
        self._hint_line(surface)
        if self.tooltip_visible():
            self._draw_tooltip(surface)
        surface.set_clip(clip)

    def _draw_ai_move(self, surface: pygame.Surface, move: AiMove) -> None:
        """An arrow from where the AI's troops left to where they went, and what the order did."""
        map_rect = self.screen.map_rect
        if move.source is not None and move.target is not None:
            colour = ink("bad") if move.attack else ink("good")
            start, end = self.ai_arrow(move)
            draw_arrow(surface, start, end, colour)
            if not arrow_clear_of(start, end, self.map_view.label_rects().get(move.target)):
                self.map_view.draw_label(surface, move.target)  # no room short of it: the name over the arrow
        if move.text:
            font = self.screen.app.font(font_size("small"))
            label = text_surface(font, move.text, ink("text"), map_rect.width - 120)
            box = pygame.Rect(0, 0, label.get_width() + 28, label.get_height() + 10)
            box.midtop = (map_rect.centerx, map_rect.y + 52)
            panel = pygame.Surface(box.size, pygame.SRCALPHA)
            pygame.draw.rect(panel, (*ink("bar_bg")[:3], 215), panel.get_rect(), border_radius=8)
            panel.blit(label, (14, 5))
            surface.blit(panel, box)

    def ai_arrow(self, move: AiMove) -> tuple[pygame.Vector2, pygame.Vector2]:
        """Where the AI's arrow runs: from the source's centre to just short of the target's name."""
        assert move.source is not None and move.target is not None
        start = self.map_view.territory_centre(move.source)
        end = self.map_view.territory_centre(move.target)
        return arrow_ends(start, end, self.map_view.label_rects().get(move.target))

    def banner_line(self, surface: pygame.Surface, text: str, colour: pygame.Color) -> None:
        """A line across the map's top: who is playing, End turn's warning, the answers waiting."""
        map_rect = self.screen.map_rect
        font = self.screen.app.font(font_size("strong"), bold=True)
        label = text_surface(font, text, ink("text"), map_rect.width - 64)
        box = pygame.Rect(0, 0, label.get_width() + 40, label.get_height() + 14)
        box.midtop = (map_rect.centerx, map_rect.y + 12)
        panel = pygame.Surface(box.size, pygame.SRCALPHA)
        pygame.draw.rect(panel, (*ink("bar_bg")[:3], 230), panel.get_rect(), border_radius=box.height // 2)
        pygame.draw.rect(panel, colour, panel.get_rect(), 2, border_radius=box.height // 2)
        panel.blit(label, (20, 7))
        surface.blit(panel, box)

    def hint_strip(self) -> pygame.Surface:
        """The strip of shortcuts along the map's bottom right, composed once per map size."""
        map_rect = self.screen.map_rect
        key = map_rect.size
        if self._hint is None or self._hint[0] != key:
            font = self.screen.app.font(font_size("label"))
            text = text_surface(font, HINT, ink("muted"), map_rect.width - 40)
            strip = pygame.Surface((text.get_width() + 24, text.get_height() + 8), pygame.SRCALPHA)
            pygame.draw.rect(strip, (*ink("bar_bg")[:3], 200), strip.get_rect(), border_radius=6)
            strip.blit(text, (12, 4))
            self._hint = (key, strip)
        return self._hint[1]

    def _hint_line(self, surface: pygame.Surface) -> None:
        map_rect = self.screen.map_rect
        strip = self.hint_strip()
        surface.blit(strip, (map_rect.right - strip.get_width() - 10, map_rect.bottom - strip.get_height() - 8))

    # The hover card ---------------------------------------------------------------------
    def tooltip_visible(self) -> bool:
        """The hover card shows over the map on a person's turn, never under a widget (a glossary card would hide it).

        Over the AI's turn the land under a still pointer is not what the player is watching.
        """
        screen = self.screen
        if screen.hover is None or screen.dragging or screen.dialog is not None or not screen.controller.my_turn:
            return False
        return not screen.app.manager.get_hovering_any_element()

    def _draw_tooltip(self, surface: pygame.Surface) -> None:
        screen = self.screen
        assert screen.hover is not None
        key = (screen.hover, screen.controller.version, screen.selected)
        if self._tooltip is None or self._tooltip[0] != key:
            self._tooltip = (key, self._render_tooltip(screen.hover))
        tip = self._tooltip[1]
        mouse, map_rect = screen.pointer, screen.map_rect
        x, y = mouse[0] + 18, mouse[1] + 20
        if x + tip.get_width() > map_rect.right - 4:
            x = mouse[0] - tip.get_width() - 12
        if y + tip.get_height() > map_rect.bottom - 4:
            y = mouse[1] - tip.get_height() - 12
        surface.blit(tip, (x, y))

    def _render_tooltip(self, territory: str) -> pygame.Surface:
        m = self.screen.controller.match
        owner = m.owner[territory]
        rendered = [(font.render(text, True, colour)) for font, text, colour in self.tooltip_lines(territory)]
        width = max(r.get_width() for r in rendered) + 30
        height = sum(r.get_height() for r in rendered) + 14
        tip = pygame.Surface((width, height), pygame.SRCALPHA)
        pygame.draw.rect(tip, (*ink("bar_bg")[:3], 240), tip.get_rect(), border_radius=6)
        pygame.draw.rect(tip, ink("bar_edge"), tip.get_rect(), 1, border_radius=6)
        pygame.draw.rect(tip, nation_colour(m, owner), (6, 7, 4, height - 14), border_radius=2)
        y = 7
        for r in rendered:
            tip.blit(r, (18, y))
            y += r.get_height()
        return tip

    def tooltip_lines(self, territory: str) -> list[tuple[pygame.font.Font, str, pygame.Color]]:
        """The hover card's lines: name, owner, what defends it, and the selected stack's order here."""
        controller = self.screen.controller
        m = controller.match
        bold = self.screen.app.font(font_size("body"), bold=True)
        body = self.screen.app.font(font_size("small"))
        owner = m.owner[territory]
        strength = w.strength(m, territory)
        lines: list[tuple[pygame.font.Font, str, pygame.Color]] = [
            (bold, w.territory_name(m, territory), ink("text")),
            (body, w.nation_name(m, owner), ink("muted")),
            # Empty land is not free: its levy fights (the wording of the attack preview).
            (body, f"Strength {strength}" if strength else f"Levy {w.levy(m, territory)} (no troops)", ink("text")),
        ]
        moves, attacks = controller.orders(self.screen.selected)
        if territory in attacks:
            best = attacks[territory][0]
            chance = w.attack_odds(m, territory, best.amount).attacker_wins
            lines.append((bold, f"Attack with {best.amount}: {chance:.0%} to take it", ink("bad")))
        elif territory in moves:
            lines.append((bold, f"Move up to {moves[territory][0].amount} here", ink("good")))
        return lines


#: The arrow's head, its length and half its width; the stem's widths in pixels: its halo, its rim, its colour.
HEAD_LENGTH, HEAD_HALF_WIDTH = 16, 9
HALO_WIDTH = 13
RIM_WIDTH = 9
STEM_WIDTH = 5
#: How much larger than the head its halo and its rim are drawn.
HALO_GROWTH, RIM_GROWTH = 0.45, 0.22
#: The point stops this short of the target's centre, so the garrison's number shows.
SHORT_OF_CENTRE = 10
#: The shortest arrow worth drawing away from a name: below it the name is drawn over the arrow.
SHORTEST_ARROW = 24


def arrow_head(tip: pygame.Vector2, direction: pygame.Vector2, growth: float = 0.0) -> list[pygame.Vector2]:
    """The head's triangle with its point at ``tip``, grown by ``growth`` about its centre (the halo's)."""
    side = pygame.Vector2(-direction.y, direction.x)
    back = tip - direction * HEAD_LENGTH
    head = [pygame.Vector2(tip), back + side * HEAD_HALF_WIDTH, back - side * HEAD_HALF_WIDTH]
    centre = (head[0] + head[1] + head[2]) / 3
    return [p + (p - centre) * growth for p in head]


def _touches(polygon: list[pygame.Vector2], rect: pygame.Rect) -> bool:
    """A convex polygon and a rectangle share a pixel: an edge crosses it, or it lies inside the polygon."""
    edges = zip(polygon, polygon[1:] + polygon[:1], strict=True)
    if any(rect.clipline(tuple(a), tuple(b)) for a, b in edges):
        return True
    corner = pygame.Vector2(rect.topleft)
    sides = [(b - a).cross(corner - a) for a, b in zip(polygon, polygon[1:] + polygon[:1], strict=True)]
    return all(s >= 0 for s in sides) or all(s <= 0 for s in sides)


def arrow_clear_of(start: pygame.Vector2, end: pygame.Vector2, rect: pygame.Rect | None) -> bool:
    """Neither the arrow's head (with its halo) nor its stem covers any pixel of ``rect``."""
    if rect is None or start.distance_to(end) < 1:
        return True
    direction = (end - start).normalize()
    if _touches(arrow_head(end, direction, HALO_GROWTH), rect):
        return False
    stem_end = end - direction * (HEAD_LENGTH - 2)
    stem = rect.inflate(HALO_WIDTH + 1, HALO_WIDTH + 1)
    return not stem.clipline(tuple(start), tuple(stem_end))


def arrow_ends(
    start: tuple[float, float], target: tuple[float, float], name: pygame.Rect | None
) -> tuple[pygame.Vector2, pygame.Vector2]:
    """An arrow from ``start`` toward ``target``'s centre that stops short of its ``name``'s rectangle.

    The point stops a little short of the centre (the garrison's number), and farther back
    along the way while it would cover the name; with no room for a readable arrow before the
    name it keeps its place and the name is drawn over it (:func:`arrow_clear_of` says which).
    """
    a, b = pygame.Vector2(start), pygame.Vector2(target)
    length = a.distance_to(b)
    if length < 1:
        return a, b
    direction = (b - a) / length
    point = b - direction * SHORT_OF_CENTRE
    back = SHORT_OF_CENTRE
    while name is not None and not arrow_clear_of(a, b - direction * back, name):
        back += 2
        if length - back < SHORTEST_ARROW:
            return a, point
    return a, b - direction * back


def draw_arrow(surface: pygame.Surface, start: tuple[float, float], end: tuple[float, float], colour: Any) -> None:
    """A thick arrow with a dark outline from ``start``, its point at ``end`` (see :func:`arrow_ends`)."""
    a, b = pygame.Vector2(start), pygame.Vector2(end)
    if a.distance_to(b) < 1:
        return
    direction = (b - a).normalize()
    stem_end = b - direction * (HEAD_LENGTH - 2)
    # A light halo, a dark rim, the colour: it reads on the palest and the darkest land alike.
    halo, rim = ink("text"), ink("bar_bg")
    for width, shade in ((HALO_WIDTH, halo), (RIM_WIDTH, rim), (STEM_WIDTH, colour)):
        pygame.draw.line(surface, shade, a, stem_end, width)
    pygame.draw.polygon(surface, halo, arrow_head(b, direction, HALO_GROWTH))
    pygame.draw.polygon(surface, rim, arrow_head(b, direction, RIM_GROWTH))
    pygame.draw.polygon(surface, colour, arrow_head(b, direction))
