"""The selected territory: who holds it, how well it defends, who stands in it, and what may be done there."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIHorizontalSlider, UILabel

from game.core import Match
from game.core import world as w
from game.core.actions import Attack, Move, Recruit
from game.core.forces import recruit_cost
from game.ui.commands import HANDLED, Act
from game.ui.panels.common import Intent, ink, label, make_button, nation_colour, text_surface, wrap
from game.ui.theme import font_size

if TYPE_CHECKING:
    from game.ui.app import App

PAD = 14

DOCTRINE_WORDS = {
    "balancer": "balancer",
    "threat_balancer": "threat-balancer",
    "bandwagoner": "bandwagoner",
    "regime_seeker": "regime-seeker",
    "neutral": "neutral",
}


def owner_line(match: Match, nation: str) -> str:
    seat = match.seat_of.get(nation)
    if seat is not None:
        name, side = w.nation_name(match, nation), match.level.seats[seat].name
        # A one-nation seat usually bears its nation's name: "Sweden · Sweden" says it twice.
        return f"{name} (seat {seat + 1})" if side == name else f"{name} · {side} (seat {seat + 1})"
    return f"{w.nation_name(match, nation)} · not played, {DOCTRINE_WORDS[match.index.doctrine[nation]]}"


def defence_facts(match: Match, territory: str) -> list[str]:
    """The terms of the territory's defence as the panel's pills say them: "Hills ×1.5", "Capital of X ×1.25"."""
    factors = w.defence_factors(match, territory)
    facts = [f"{factors.terrain.capitalize()} ×{factors.terrain_factor:g}"]
    if factors.capital_of is not None:
        facts.append(f"Capital of {w.nation_name(match, factors.capital_of)} ×{factors.capital_factor:g}")
    if factors.joint != 1.0:
        facts.append(f"Joint defence ×{factors.joint:.2f}")
    return facts


def garrison_state(ready: int, amount: int) -> str:
    """A stack that has partly acted this turn: how many may still act, and when the rest may."""
    return f"{ready} ready now · {amount - ready} more from next turn"


def war_line(match: Match, nation: str) -> str:
    """'At war with France, Russian Empire', or 'At peace'."""
    enemies = [w.nation_name(match, e) for e in w.enemies(match, nation)]
    return f"At war with {', '.join(enemies)}" if enemies else "At peace"


def ready_stacks(match: Match, seat: int) -> list[tuple[str, int]]:
    """Where the seat's troops may still act this turn, biggest stack first (allied soil included)."""
    nations = w.seat_nations(match, seat)
    ready = {t: sum(w.ready(match, t, n) for n in nations) for t in match.owner}
    return sorted(((t, n) for t, n in ready.items() if n > 0), key=lambda p: (-p[1], w.territory_name(match, p[0])))


def default_recruits(most: int) -> int:
    """Where the recruit slider starts: half of what the treasury buys here, so one click does not
    spend every coin on the first territory looked at (the slider and its label still reach ``most``)."""
    return max(1, (most + 1) // 2)


class TerritoryPanel:
    def __init__(self, app: App, match: Match, rect: pygame.Rect) -> None:
        self.app = app
        self.match = match
        self.rect = pygame.Rect(rect)
        self.territory: str | None = None
        self.seat: int | None = None
        self.my_turn = False
        self.recruit: Recruit | None = None
        self.amount = 1
        self._key: object = None
        self._surface: pygame.Surface | None = None
        self._slider: UIHorizontalSlider | None = None
        self._button: UIButton | None = None
        self._amount_label: UILabel | None = None
        self.content_height = 0

    def set_rect(self, rect: pygame.Rect) -> None:
        self.rect = pygame.Rect(rect)
        self._key = None

    def kill(self) -> None:
        for element in (self._slider, self._button, self._amount_label):
            if element is not None:
                element.kill()
        self._slider = self._button = self._amount_label = None

    def show(self, visible: bool) -> None:
        for element in (self._slider, self._button, self._amount_label):
            if element is not None:
                if visible:
                    element.show()
                else:
                    element.hide()

    # State ------------------------------------------------------------------
    def update(self, territory: str | None, legal: list[Any], version: int, seat: int | None, my_turn: bool) -> None:
        """Re-render when the selection or the match changed; offer Recruit only when it is legal."""
        key = (territory, version, seat, my_turn, self.rect.size)
        if key == self._key:
            return
        self._key = key
        self.territory = territory
        self.seat, self.my_turn = seat, my_turn
        recruit = None
        ready_here = 0
        if territory is not None and my_turn:
            for action in legal:
                if isinstance(action, Recruit) and action.territory == territory:
                    recruit = action
                elif isinstance(action, (Move, Attack)) and action.source == territory:
                    ready_here = max(ready_here, action.amount)
        if recruit is not None and (self.recruit is None or self.recruit.territory != recruit.territory):
            self.amount = default_recruits(recruit.amount)  # a new place: not the whole treasury at once
        self.recruit = recruit
        self._surface = self._render(ready_here)
        self._build_widgets()

    def _build_widgets(self) -> None:
        self.kill()
        if self.recruit is None:
            return
        manager = self.app.manager
        top = self.rect.y + self.content_height
        most = self.recruit.amount
        self.amount = max(1, min(self.amount, most))
        width = self.rect.width - 2 * PAD
        if most > 1:
            self._slider = UIHorizontalSlider(
                pygame.Rect(self.rect.x + PAD, top, width - 110, 26),
                start_value=self.amount,
                value_range=(1, most),
                manager=manager,
                click_increment=1,
            )
        self._amount_label = label(
            pygame.Rect(self.rect.x + PAD, top + 28, width - 110, 22), self._amount_text(), manager, None, "@small"
        )
        self._button = make_button(
            pygame.Rect(self.rect.right - PAD - 100, top, 100, 48),
            "Recruit",
            manager,
            tooltip=f"Buy troops here for {recruit_cost(1)} gold each. They can act from next turn.",
            class_id="@primary",
            object_id="#recruit",
        )

    def _amount_text(self) -> str:
        assert self.recruit is not None
        return f"{self.amount} of {self.recruit.amount} troops  ·  {recruit_cost(self.amount)} gold"

    # Input ------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> Intent | None:
        if self.recruit is None:
            return None
        if event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED and event.ui_element is self._slider:
            self.amount = int(round(event.value))
            if self._amount_label is not None:
                self._amount_label.set_text(self._amount_text())
            return HANDLED
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self._button:
            return Act(Recruit(nation=self.recruit.nation, territory=self.recruit.territory, amount=self.amount))
        return None

    # Drawing ----------------------------------------------------------------
    @property
    def surface(self) -> pygame.Surface | None:
        """The panel's text and figures (transparent background), redrawn when its territory or the match changes."""
        return self._surface

    def draw(self, surface: pygame.Surface) -> None:
        if self._surface is not None:
            surface.blit(self._surface, self.rect.topleft)

    def _render_forces(self, surf: pygame.Surface, seat: int, y: int) -> int:
        """With nothing selected, the seat's forces at a glance: each nation's troops and wars, and where troops wait.

        The panel used to show two lines of help over 300 empty pixels, while a player looked
        over the whole map for the stacks that could still act this turn.
        """
        m = self.match
        width = self.rect.width - 2 * PAD
        small, body, bold = (
            self.app.font(font_size("caption"), bold=True),
            self.app.font(font_size("body")),
            self.app.font(font_size("body"), bold=True),
        )
        surf.blit(small.render("YOUR FORCES", True, ink("heading")), (PAD, y))
        y += 22
        nations = w.seat_nations(m, seat)
        for nation in nations:
            pygame.draw.circle(surf, nation_colour(m, nation), (PAD + 6, y + 10), 6)
            pygame.draw.circle(surf, ink("muted"), (PAD + 6, y + 10), 7, 1)
            surf.blit(text_surface(bold, w.nation_name(m, nation), ink("text"), width - 20), (PAD + 20, y))
            y += 22
            # Gold too: on a narrow window the top bar has room for one nation's purse only.
            purse = f"{w.total_forces(m, nation)} troops  ·  {m.treasury[nation]} gold"
            surf.blit(text_surface(body, purse, ink("text"), width - 20), (PAD + 20, y))
            y += 19
            war = war_line(m, nation)
            for part in wrap(body, war, width - 20)[:2]:
                surf.blit(body.render(part, True, ink("muted") if war == "At peace" else ink("bad")), (PAD + 20, y))
                y += 19
            y += 4
        y += 4
        surf.blit(small.render("READY TO ACT", True, ink("heading")), (PAD, y))
        y += 20
        places = ready_stacks(m, seat)
        if places:
            # As many stacks as three lines hold, then how many more: never a list cut mid-name.
            # No-break spaces keep "Brussels 39" on one line.
            names = [f"{w.territory_name(m, t)} {n}".replace(" ", "\u00a0") for t, n in places]

            def listing(shown: int) -> str:
                more = f"  ·  {len(places) - shown} more" if shown < len(places) else ""
                return "  ·  ".join(names[:shown]) + more

            # More stacks never take fewer lines, so the most that fit is found by halving
            # (a nation of 250 stacks on a big map tried them one by one: seconds per frame).
            low, high = 1, len(places)
            while low < high:
                middle = (low + high + 1) // 2
                if len(wrap(body, listing(middle), width)) <= 3:
                    low = middle
                else:
                    high = middle - 1
            text = listing(low)
            for part in wrap(body, text, width):
                surf.blit(body.render(part, True, ink("good")), (PAD, y))
                y += 19
        else:
            surf.blit(body.render("No troop can act again this turn.", True, ink("muted")), (PAD, y))
            y += 19
        return y + 10

    def _render(self, ready_here: int) -> pygame.Surface:  # noqa: C901 - a form, top to bottom
        m = self.match
        surf = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        width = self.rect.width - 2 * PAD
        heading = self.app.font(font_size("heading"), bold=True)
        small = self.app.font(font_size("caption"), bold=True)
        body = self.app.font(font_size("body"))
        bold = self.app.font(font_size("body"), bold=True)
        y = 12
        t = self.territory
        if t is None:
            if self.my_turn and self.seat is not None:
                y = self._render_forces(surf, self.seat, y)
            else:
                surf.blit(small.render("TERRITORY", True, ink("heading")), (PAD, y))
                y += 22
            hint = (
                "Click a territory to see who holds it and who stands there.\n"
                "Click one of yours with ready troops: green territories are moves, red ones attacks."
            )
            for line in wrap(body, hint, width):
                surf.blit(body.render(line, True, ink("muted")), (PAD, y))
                y += 20
            self.content_height = y + 8
            return surf
        owner = m.owner[t]
        pygame.draw.rect(surf, nation_colour(m, owner), (PAD, y + 2, 6, 44), border_radius=3)
        surf.blit(text_surface(heading, w.territory_name(m, t), ink("text"), width - 14), (PAD + 14, y - 2))
        surf.blit(text_surface(body, owner_line(m, owner), ink("muted"), width - 14), (PAD + 14, y + 26))
        y += 56
        # Defence and value, each term as the core names it.
        x = PAD
        for fact in defence_facts(m, t):
            pill = body.render(fact, True, ink("text"))
            box = pygame.Rect(x, y, pill.get_width() + 14, 24)
            if box.right > self.rect.width - PAD:
                x, y = PAD, y + 28
                box.topleft = (x, y)
            pygame.draw.rect(surf, ink("inset_bg"), box, border_radius=12)
            pygame.draw.rect(surf, ink("panel_edge"), box, 1, border_radius=12)
            surf.blit(pill, (box.x + 7, box.y + 2))
            x = box.right + 6
        y += 32
        value = m.index.value[t]
        line = f"Defence ×{w.defence_factor(m, t):.2f} in all  ·  value {value} (income and victory points)"
        for part in wrap(body, line, width):
            surf.blit(body.render(part, True, ink("muted")), (PAD, y))
            y += 19
        y += 8
        # Garrison by nation, ready and spent.
        surf.blit(small.render("GARRISON", True, ink("heading")), (PAD, y))
        y += 20
        forces = m.forces[t]
        if not forces:
            surf.blit(body.render("No troops stand here.", True, ink("muted")), (PAD, y))
            y += 22
        for nation in sorted(forces, key=lambda n: (n != owner, n)):
            amount = forces[nation]
            ready = w.ready(m, t, nation)
            pygame.draw.circle(surf, nation_colour(m, nation), (PAD + 6, y + 10), 6)
            pygame.draw.circle(surf, ink("muted"), (PAD + 6, y + 10), 7, 1)
            surf.blit(text_surface(bold, w.nation_name(m, nation), ink("text"), width - 150), (PAD + 20, y))
            count = bold.render(str(amount), True, ink("text"))
            surf.blit(count, (self.rect.width - PAD - 112 - count.get_width(), y))
            if ready == amount:
                surf.blit(text_surface(body, f"{ready} ready", ink("muted"), 104), (self.rect.width - PAD - 104, y + 1))
                y += 22
            else:
                # Recruits, movers and attack survivors alike: they may act again next turn.
                y += 21
                state = garrison_state(ready, amount)
                surf.blit(text_surface(body, state, ink("muted"), width - 20), (PAD + 20, y))
                y += 22
        y += 6
        if ready_here:
            hint = f"{ready_here} ready: click a green territory to move, a red one to attack."
            for part in wrap(body, hint, width):
                surf.blit(body.render(part, True, ink("good")), (PAD, y))
                y += 19
            y += 4
        if self.recruit is not None:
            surf.blit(small.render("RECRUIT", True, ink("heading")), (PAD, y))
            y += 20
        self.content_height = y
        return surf
