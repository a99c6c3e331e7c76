"""Orders that need a second look: the combat preview before an attack, the amount before a move.

The preview asks the core everything it shows: the odds from ``world.attack_odds`` (the
same distribution the dice draw from), who defends from ``world.defenders`` (the troops, or
the levy of land without troops), the defence terms from the rules' tables, and what
the attack would set off (a declaration of war, Article 5 and guarantee duties, tripwires)
from a dry run of the attack on a private copy of the match.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIHorizontalSlider, UIImage, UITextBox, UIWindow

import game.core as core
from game.core import IllegalAction, Match, rules
from game.core import world as w
from game.core.actions import Attack, Move
from game.core.events import Battle, DutyRaised, EnteredWar, WarDeclared
from game.ui.panels.common import (
    CLOSE,
    Intent,
    bar_surface,
    centred_window,
    esc,
    hex_of,
    ink,
    inner_size,
    label,
    make_button,
    nation_html,
    treaty_name,
)

if TYPE_CHECKING:
    from game.ui.app import App

PAD = 16


def attack_consequences(match: Match, attack: Attack) -> list[str]:
    """What the attack would set off, as HTML lines, read from a dry run on a private copy.

    Only the events before the battle are used (the declaration, tripwires, duties): they do
    not depend on the dice, and the battle's outcome is never peeked at.
    """
    try:
        events = core.apply(core.view(match), attack)
    except IllegalAction as err:
        return [f"<font color='{hex_of(ink('bad'))}'>Not possible: {esc(str(err))}</font>"]
    warn, bad = hex_of(ink("warn")), hex_of(ink("bad"))
    lines: list[str] = []
    declared = False
    for event in events:
        if isinstance(event, Battle):
            break
        if isinstance(event, WarDeclared):
            declared = True
            line = f"<font color='{bad}'><b>Declaration of war.</b></font> {esc(event.text)}"
            if event.broke_pact:
                line += f" Breaking the pact costs {-rules.BREAK_PACT_CREDIBILITY} credibility."
            lines.append(line)
        elif isinstance(event, EnteredWar):
            lines.append(f"<font color='{bad}'><b>Tripwire.</b></font> {esc(event.text)}")
        elif isinstance(event, DutyRaised):
            label_text = "Guarantee" if event.treaty in match.guarantees else "Article 5"
            lines.append(f"<font color='{warn}'><b>{label_text}.</b></font> {esc(event.text)}")
    defender = match.owner[attack.target]
    if not declared:
        lines.insert(
            0,
            f"Already at war with {nation_html(match, defender)}: no treaty is triggered by this attack.",
        )
    elif not any("Article 5" in line or "Guarantee" in line for line in lines):
        lines.append(f"No treaty obliges anyone to come to the aid of {nation_html(match, defender)}.")
    return lines


def _defence_line(match: Match, target: str) -> str:
    """Who the attacker must beat and how hard they hold, as the preview shows it.

    Land without troops is defended by its levy; the number comes from ``world.defenders``,
    so the line shows exactly what the dice fight and never works the levy out itself.
    """
    defenders = w.defenders(match, target)
    factor = w.defence_factor(match, target)
    who = f"Defenders {defenders}" if w.strength(match, target) > 0 else f"Levy {defenders} (no troops)"
    return f"{who} × {factor:.2f} = {defenders * factor:.1f} effective strength"


class _Dialog:
    """A modal window with an amount slider and Cancel / confirm buttons."""

    window: UIWindow

    def kill(self) -> None:
        self.window.kill()

    def alive(self) -> bool:
        return self.window.alive()

    def owns(self, element: Any) -> bool:
        return element is self.window


class CombatPreview(_Dialog):
    def __init__(
        self,
        app: App,
        match: Match,
        options: list[Attack],
        area: pygame.Rect,
        consequences: list[str],
    ) -> None:
        self.app = app
        self.match = match
        self.options = options
        self.attack = options[0]
        self.amount = self.attack.amount
        target, source = self.attack.target, self.attack.source
        defender = match.owner[target]
        self.window = centred_window(app, (500, 520), f"Attack {w.territory_name(match, target)}?", area)
        width, height = inner_size(self.window)
        inner = width - 2 * PAD
        manager = app.manager
        y = 10
        intro = (
            f"{nation_html(match, self.attack.nation)} attacks <b>{esc(w.territory_name(match, target))}</b> "
            f"({nation_html(match, defender, bold=False)}) from {esc(w.territory_name(match, source))}."
        )
        UITextBox(intro, pygame.Rect(PAD - 4, y, inner + 8, 48), manager, container=self.window, object_id="@card_text")
        y += 50
        self.nation_buttons: dict[str, UIButton] = {}
        if len(options) > 1:
            bw = (inner - 8 * (len(options) - 1)) // len(options)
            for i, option in enumerate(options):
                button = UIButton(
                    pygame.Rect(PAD + i * (bw + 8), y, bw, 28),
                    w.nation_name(match, option.nation),
                    manager,
                    container=self.window,
                    object_id="@segment",
                )
                self.nation_buttons[option.nation] = button
            self.nation_buttons[self.attack.nation].select()
            y += 36
        label(pygame.Rect(PAD, y, 200, 24), "Attacking strength", manager, self.window)
        self.amount_label = label(pygame.Rect(PAD + inner - 160, y, 160, 24), "", manager, self.window, align="right")
        y += 26
        self.slider: UIHorizontalSlider | None = None
        self._slider_rect = pygame.Rect(PAD, y, inner, 26)
        self._build_slider()
        y += 36
        self.defence_label = label(pygame.Rect(PAD, y, inner, 24), "", manager, self.window)
        y += 24
        self.breakdown_label = label(pygame.Rect(PAD, y, inner, 22), self._breakdown(), manager, self.window, "@small")
        y += 32
        self.odds_image = UIImage(
            pygame.Rect(PAD, y, inner, 30), pygame.Surface((inner, 30), pygame.SRCALPHA), manager, container=self.window
        )
        y += 36
        self.losses_label = label(pygame.Rect(PAD, y, inner, 24), "", manager, self.window)
        y += 32
        buttons_y = height - 50
        body = "<br>".join(consequences)
        self.consequences = UITextBox(
            body,
            pygame.Rect(PAD - 4, y, inner + 8, buttons_y - y - 8),
            manager,
            container=self.window,
            object_id="@card_text",
        )
        self.cancel = UIButton(pygame.Rect(PAD, buttons_y, 120, 38), "Cancel", manager, container=self.window)
        self.confirm = make_button(
            pygame.Rect(width - PAD - 160, buttons_y, 160, 38),
            "Attack",
            manager,
            container=self.window,
            tooltip="Confirm the attack (Enter)",
            class_id="@danger",
            object_id="#confirm_attack",
        )
        self._refresh()

    def _build_slider(self) -> None:
        if self.slider is not None:
            self.slider.kill()
            self.slider = None
        most = self.attack.amount
        self.amount = most
        if most > 1:
            self.slider = UIHorizontalSlider(
                self._slider_rect,
                start_value=most,
                value_range=(1, most),
                manager=self.app.manager,
                container=self.window,
                click_increment=1,
            )

    def _breakdown(self) -> str:
        m, target = self.match, self.attack.target
        terrain = m.index.terrain[target]
        parts = [f"{terrain} ×{rules.TERRAIN_DEFENCE[terrain]:g}"]
        if w.capital_owner(m, target) is not None:
            parts.append(f"capital ×{rules.CAPITAL_DEFENCE:g}")
        parts.append(f"joint defence ×{w.joint_defence_factor(m, target):.2f}")
        return "Defence factor: " + " · ".join(parts)

    def _refresh(self) -> None:
        m, target = self.match, self.attack.target
        self.amount_label.set_text(f"{self.amount} of {self.attack.amount} ready")
        self.defence_label.set_text(_defence_line(m, target))
        odds = w.attack_odds(m, target, self.amount)
        self.shown_odds = odds  # what the player sees, straight from the core
        chance = odds.attacker_wins
        colour = ink("good") if chance >= 0.6 else ink("warn") if chance >= 0.35 else ink("bad")
        inner = int(self.odds_image.get_relative_rect().width)
        label = f"{chance:.0%} chance to take {w.territory_name(m, target)}"
        self.odds_image.set_image(bar_surface((inner, 30), chance, colour, label, self.app.font(15, bold=True)))
        # A levy is the people, not an army: what it loses costs the defender no troops.
        theirs = (
            f"theirs {odds.expected_defender_losses:.1f}"
            if w.strength(m, target) > 0
            else f"the levy's {odds.expected_defender_losses:.1f} (no troops of theirs)"
        )
        self.losses_label.set_text(f"Expected losses: yours {odds.expected_attacker_losses:.1f}, {theirs}")

    def action(self) -> Attack:
        return self.attack.model_copy(update={"amount": self.amount})

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED and event.ui_element is self.slider:
            self.amount = int(round(event.value))
            self._refresh()
            return "consumed"
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.confirm:
                return self.action()
            if event.ui_element is self.cancel:
                return CLOSE
            for nation, button in self.nation_buttons.items():
                if event.ui_element is button:
                    for other in self.nation_buttons.values():
                        other.unselect()
                    button.select()
                    self.attack = next(o for o in self.options if o.nation == nation)
                    self._build_slider()
                    self._refresh()
                    return "consumed"
        if event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is self.window:
            return CLOSE
        return None

    def key(self, key: int) -> Intent | None:
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self.action()
        if key == pygame.K_ESCAPE:
            return CLOSE
        return None


class MoveDialog(_Dialog):
    def __init__(self, app: App, match: Match, options: list[Move], area: pygame.Rect) -> None:
        self.app = app
        self.options = options
        self.move = options[0]
        self.amount = self.move.amount
        m = match
        source, target = w.territory_name(m, self.move.source), w.territory_name(m, self.move.target)
        self.window = centred_window(app, (420, 250), f"Move to {target}", area)
        width, height = inner_size(self.window)
        inner = width - 2 * PAD
        manager = app.manager
        host = m.owner[self.move.target]
        where = "" if host == self.move.nation else f", an ally's territory ({w.nation_name(m, host)})"
        UITextBox(
            f"{nation_html(m, self.move.nation)} moves troops from {esc(source)} to <b>{esc(target)}</b>{esc(where)}.",
            pygame.Rect(PAD - 4, 8, inner + 8, 48),
            manager,
            container=self.window,
            object_id="@card_text",
        )
        self.amount_label = label(pygame.Rect(PAD, 58, inner, 24), "", manager, self.window)
        self.slider: UIHorizontalSlider | None = None
        if self.move.amount > 1:
            self.slider = UIHorizontalSlider(
                pygame.Rect(PAD, 86, inner, 26),
                start_value=self.amount,
                value_range=(1, self.move.amount),
                manager=manager,
                container=self.window,
                click_increment=1,
            )
        self.cancel = UIButton(pygame.Rect(PAD, height - 50, 120, 38), "Cancel", manager, container=self.window)
        self.confirm = make_button(
            pygame.Rect(width - PAD - 140, height - 50, 140, 38),
            "Move",
            manager,
            container=self.window,
            tooltip="Confirm the move (Enter)",
            class_id="@primary",
            object_id="#confirm_move",
        )
        self._refresh()

    def _refresh(self) -> None:
        self.amount_label.set_text(f"Troops to move: {self.amount} of {self.move.amount} ready")

    def action(self) -> Move:
        return self.move.model_copy(update={"amount": self.amount})

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED and event.ui_element is self.slider:
            self.amount = int(round(event.value))
            self._refresh()
            return "consumed"
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.confirm:
                return self.action()
            if event.ui_element is self.cancel:
                return CLOSE
        if event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is self.window:
            return CLOSE
        return None

    def key(self, key: int) -> Intent | None:
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self.action()
        if key == pygame.K_ESCAPE:
            return CLOSE
        return None


__all__ = ["CombatPreview", "MoveDialog", "attack_consequences", "treaty_name"]
