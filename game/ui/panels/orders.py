"""Orders that need a second look: the combat preview before an attack, the amount before a move.

The preview asks the core everything it shows: the odds from ``world.attack_odds`` (the
same distribution the dice draw from), who defends from ``world.defenders`` (the troops, or
the levy of land without troops), the defence terms from ``world.defence_factors``, and what
the attack would set off (a declaration of war, Article 5 and guarantee duties, tripwires)
from the core's :func:`~game.core.preview` of it. It warns when the amount chosen would strip
a capital, and its presets (All, Half, Enough) take the amount from those same odds.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIHorizontalSlider, UIImage, UITextBox

from game.core import Match, preview
from game.core import world as w
from game.core.actions import Attack, Move
from game.core.events import DutyRaised, DutySpared, EnteredWar, WarDeclared
from game.ui.commands import HANDLED, Act, UICommand
from game.ui.panels.common import (
    CLOSE,
    bar_surface,
    esc,
    hex_of,
    ink,
    inner_size,
    label,
    make_button,
    nation_html,
    treaty_name,
)
from game.ui.panels.dialog import Choice, Dialog
from game.ui.theme import font_size

if TYPE_CHECKING:
    from game.ui.app import App

PAD = 16
ENOUGH_CHANCE = 0.9  # the "Enough" preset: the fewest troops with at least this chance to win


def attack_consequences(match: Match, attack: Attack) -> list[str]:
    """What the attack would set off, as HTML lines, from the core's preview of it.

    The preview stops before the battle (the declaration, tripwires, duties): those do not
    depend on the dice, and the battle's outcome is never peeked at. The core raises one duty
    per called nation; a treaty that calls several gets one line naming them all, so the list
    stays short enough to read without scrolling.
    """
    seen = preview(match, attack)
    if seen.refusal is not None:
        return [f"<font color='{hex_of(ink('bad'))}'>Not possible: {esc(seen.refusal.reason)}</font>"]
    before_battle = seen.events
    called: dict[tuple[str, str], list[str]] = {}
    for event in before_battle:
        if isinstance(event, DutyRaised):
            called.setdefault((event.treaty, event.target), []).append(event.nation)
    warn, bad, good = hex_of(ink("warn")), hex_of(ink("bad")), hex_of(ink("good"))
    lines: list[str] = []
    declared = False
    for event in before_battle:
        if isinstance(event, WarDeclared):
            declared = True
            line = f"<font color='{bad}'><b>Declaration of war.</b></font> {esc(event.text)}"
            if event.broke_pact and event.credibility_delta:
                line += f" Breaking the pact costs {-event.credibility_delta} credibility."
            lines.append(line)
        elif isinstance(event, EnteredWar):
            lines.append(f"<font color='{bad}'><b>Tripwire.</b></font> {esc(event.text)}")
        elif isinstance(event, DutyRaised) and (event.treaty, event.target) in called:
            nations = called.pop((event.treaty, event.target))
            label_text = "Guarantee" if event.treaty in match.guarantees else "Article 5"
            call = esc(_call_to_arms(match, event, nations))
            lines.append(f"<font color='{warn}'><b>{label_text}.</b></font> {call}")
        elif isinstance(event, DutySpared):
            # A treaty whose scope leaves this attack out: one defender fewer, and the core says why.
            lines.append(f"<font color='{good}'><b>Outside the treaty's scope.</b></font> {esc(event.text)}")
    defender = match.owner[attack.target]
    if not declared:
        lines.insert(
            0,
            f"Already at war with {nation_html(match, defender)}: no treaty is triggered by this attack.",
        )
    else:
        for aggressor, victim, partners in seen.already_fighting:
            names = _and([nation_html(match, n) for n in partners])
            verb, them = ("is", "it") if len(partners) == 1 else ("are", "them")
            lines.append(
                f"{names} {verb} already at war with {nation_html(match, aggressor)}: "
                f"no duty is needed to bring {them} to the aid of {nation_html(match, victim)}."
            )
        if not seen.already_fighting and not any(isinstance(event, DutyRaised | DutySpared) for event in before_battle):
            lines.append(f"No treaty obliges anyone to come to the aid of {nation_html(match, defender)}.")
    return lines


def _call_to_arms(match: Match, duty: DutyRaised, nations: list[str]) -> str:
    """The core's sentence for one called nation, told once for all the nations the treaty calls."""
    name = treaty_name(match, duty.treaty)
    treaty = w.with_the(name)
    return (
        f"{w.nation_name(match, duty.target)} is attacked: "
        f"{treaty} calls on {_and([w.nation_name(match, n) for n in nations])} "
        f"to join the war against {w.nation_name(match, duty.aggressor)}."
    )


def _and(names: list[str]) -> str:
    """'France', 'France and Britain', 'Albania, France and Britain'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def capital_warning(match: Match, order: Attack | Move, amount: int) -> str | None:
    """A warning when sending ``amount`` away would leave one of the seat's capitals weakly held, else None.

    An order sends every ready troop by default, and a capital emptied for one battle or one
    march is the neighbour's for the taking on its next turn. Whether it is exposed is the
    core's judgement (:func:`game.core.world.capital_exposure`); this only says it in words.
    """
    seen = w.capital_exposure(match, order.nation, order.source, order.target, amount, attack=isinstance(order, Attack))
    if seen is None:
        return None
    place = f"{w.territory_name(match, seen.capital)}, capital of {w.nation_name(match, seen.owner)}"
    if seen.staying <= 0 and not seen.guests:
        text = f"{place}, would be left to its levy of {seen.levy} alone"
    elif seen.staying <= 0:
        text = f"None of yours would stay in {place}"
    else:
        text = f"Only {seen.staying} of yours would stay in {place}"
    if seen.threat > seen.staying and seen.threat_at is not None:
        text += f", with {seen.threat} enemy troops next door in {w.territory_name(match, seen.threat_at)}"
    if seen.guests:
        allies = _and([f"{n} of {w.nation_name(match, who)}'s" for who, n in seen.guests])
        text += f" ({allies} stand there too, while the rules keep them there)"
    return f"<font color='{hex_of(ink('bad'))}'><b>Capital exposed.</b> {esc(text)}.</font>"


def enough_troops(match: Match, attack: Attack) -> int | None:
    """The fewest troops whose chance to take the target is at least 90% by the core's odds; None if none is.

    More attackers never lower the chance in the attrition duel, so a binary search over the
    amounts finds the first that is enough without computing the odds of every one.
    """
    most = attack.amount
    first = bisect_left(
        range(1, most + 1), ENOUGH_CHANCE, key=lambda n: w.attack_odds(match, attack.target, n).attacker_wins
    )
    return first + 1 if first < most else None


def _defence_line(match: Match, target: str) -> str:
    """Who the attacker must beat and how hard they hold, as the preview shows it.

    Land without troops is defended by its levy; the number comes from ``world.defenders``,
    so the line shows exactly what the dice fight and never works the levy out itself.
    """
    defenders = w.defenders(match, target)
    factor = w.defence_factor(match, target)
    who = f"Defenders {defenders}" if w.strength(match, target) > 0 else f"Levy {defenders} (no troops)"
    return f"{who} × {factor:.2f} = {defenders * factor:.1f} effective strength"


class _Dialog(Dialog):
    """A modal window with a heading, an amount slider and Cancel / confirm buttons (Esc, Enter)."""

    slider: UIHorizontalSlider | None = None
    presets: dict[str, UIButton]
    amount: int
    cancel: UIButton
    confirm: UIButton

    def most(self) -> int:
        """The largest amount the order allows: every ready troop."""
        raise NotImplementedError

    def action(self) -> Attack | Move:
        raise NotImplementedError

    def _refresh(self) -> None:
        raise NotImplementedError

    def _heading(self, text: str, y: int, width: int) -> UITextBox:
        """The sentence that opens the dialog, tall enough for every line it wraps to.

        A box of fixed height clipped a heading that wrapped (long names) behind a scroll bar;
        a height of -1 lets pygame_gui fit the box to its text.
        """
        rect = pygame.Rect(PAD - 4, y, width + 8, -1)
        return UITextBox(text, rect, self.app.manager, container=self.window, object_id="@card_text")

    def _grow_to(self, bottom: int) -> None:
        """Make the window tall enough for content down to ``bottom`` (a heading with long names), on screen."""
        _, height = inner_size(self.window)
        if bottom > height:
            rect = self.window.get_relative_rect()
            self.window.set_dimensions((rect.width, rect.height + bottom - height))
            self.window.set_relative_position((rect.x, max(0, min(rect.y, self.app.size[1] - self.window.rect.height))))

    def preset_amounts(self) -> dict[str, int]:
        """What each preset button sends."""
        raise NotImplementedError

    def _preset_row(self, y: int, inner: int, names: tuple[str, ...]) -> pygame.Rect:
        """Preset buttons at the right of the slider's row; returns the rect left for the slider.

        A typical order is "all", "half" or "just enough", and reaching 5 of 22 took 17 clicks
        on the slider's arrows.
        """
        preset_w, gap = 66, 6
        presets_x = PAD + inner - len(names) * preset_w - (len(names) - 1) * gap
        self.presets = {
            name: make_button(
                pygame.Rect(presets_x + i * (preset_w + gap), y, preset_w, 28),
                name,
                self.app.manager,
                container=self.window,
                class_id="@segment",
                object_id=f"#preset_{name.lower()}",
            )
            for i, name in enumerate(names)
        }
        return pygame.Rect(PAD, y + 1, presets_x - PAD - 10, 26)

    def _light_preset(self) -> None:
        """Light the preset that sends the amount chosen (the first, if two send the same), no other."""
        lit = next((name for name, amount in self.preset_amounts().items() if amount == self.amount), None)
        for name, button in self.presets.items():
            if name == lit:
                button.select()
            else:
                button.unselect()
            if self.slider is not None:
                button.show()
            else:
                button.hide()  # one troop: nothing to choose

    def _slider(self, rect: pygame.Rect) -> None:
        if self.slider is not None:
            self.slider.kill()
            self.slider = None
        if self.most() > 1:
            self.slider = UIHorizontalSlider(
                rect,
                start_value=self.amount,
                value_range=(1, self.most()),
                manager=self.app.manager,
                container=self.window,
                click_increment=1,
            )

    def set_amount(self, amount: int) -> None:
        """Choose how many troops go, keep the slider on that value and show what it changes."""
        self.amount = max(1, min(self.most(), amount))
        if self.slider is not None:
            self.slider.set_current_value(self.amount)
        self._refresh()

    def _cancel_and_confirm(self, caption: str, width: int, class_id: str, object_id: str, tooltip: str) -> None:
        """Cancel on the left, the order's own button on the right (it sends the amount chosen when pressed)."""
        cancel, (self.confirm,) = self._footer(
            Choice("Cancel", 120, CLOSE),
            (Choice(caption, width, self.confirmed, class_id, object_id, tooltip=tooltip),),
            height=38,
            bottom=50,
        )
        assert cancel is not None
        self.cancel = cancel

    def confirmed(self) -> UICommand:
        return Act(self.action())

    def handle(self, event: pygame.event.Event) -> UICommand | None:
        if event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED and event.ui_element is self.slider:
            self.set_amount(int(round(event.value)))
            return HANDLED
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for name, button in self.presets.items():
                if event.ui_element is button:
                    self.set_amount(self.preset_amounts()[name])
                    return HANDLED
        return super().handle(event)

    def key(self, key: int) -> UICommand | None:
        """Enter confirms, Esc cancels; the arrows move the slider, which takes no keys of its own."""
        if key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.set_amount(self.amount + (1 if key == pygame.K_RIGHT else -1))
            return HANDLED
        return super().key(key)


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
        self.consequence_lines = consequences
        target, source = self.attack.target, self.attack.source
        defender = match.owner[target]
        width, height = self._open(app, (500, 520), f"Attack {w.territory_name(match, target)}?", area)
        inner = width - 2 * PAD
        manager = app.manager
        self.heading = self._heading(
            f"{nation_html(match, self.attack.nation)} attacks <b>{esc(w.territory_name(match, target))}</b> "
            f"({nation_html(match, defender, bold=False)}) from {esc(w.territory_name(match, source))}.",
            8,
            inner,
        )
        y = self.heading.get_relative_rect().bottom + 8
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
        y += 28
        self._slider_rect = self._preset_row(y, inner, ("All", "Half", "Enough"))
        self._build_slider()
        y += 40
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
        self.consequences = UITextBox(
            "",
            pygame.Rect(PAD - 4, y, inner + 8, buttons_y - y - 8),
            manager,
            container=self.window,
            object_id="@card_text",
        )
        self._cancel_and_confirm("Attack", 160, "@danger", "#confirm_attack", "Confirm the attack (Enter)")
        self._refresh()

    def most(self) -> int:
        return self.attack.amount

    def preset_amounts(self) -> dict[str, int]:
        """What each preset sends: All, Half (rounded down, at least one), Enough (:func:`enough_troops`, else all)."""
        return {"All": self.most(), "Half": max(1, self.most() // 2), "Enough": self._enough or self.most()}

    def _build_slider(self) -> None:
        self.amount = self.most()
        self._enough = enough_troops(self.match, self.attack)
        self._slider(self._slider_rect)
        amounts = self.preset_amounts()
        enough = (
            f"Send {self._enough}: the fewest with at least a {ENOUGH_CHANCE:.0%} chance to win"
            if self._enough is not None
            else f"No amount has a {ENOUGH_CHANCE:.0%} chance to win: send all {amounts['All']}"
        )
        tips = {"All": f"Send all {amounts['All']} ready troops", "Half": f"Send {amounts['Half']}, keep the rest here"}
        for name, button in self.presets.items():
            button.set_tooltip(tips.get(name, enough))
        # Nothing is enough: the button greys out (its tip still says why) instead of lighting All.
        if self._enough is None:
            self.presets["Enough"].disable()
        else:
            self.presets["Enough"].enable()

    def _breakdown(self) -> str:
        factors = w.defence_factors(self.match, self.attack.target)
        parts = [f"{factors.terrain} ×{factors.terrain_factor:g}"]
        if factors.capital_of is not None:
            parts.append(f"capital ×{factors.capital_factor:g}")
        parts.append(f"joint defence ×{factors.joint:.2f}")
        return "Defence factor: " + " · ".join(parts)

    def _refresh(self) -> None:
        m, target = self.match, self.attack.target
        self.amount_label.set_text(f"{self.amount} of {self.most()} ready")
        # One lit preset at most: when no amount is enough, Enough sends all, and All says so.
        self._light_preset()
        self.defence_label.set_text(_defence_line(m, target))
        odds = w.attack_odds(m, target, self.amount)
        self.shown_odds = odds  # what the player sees, straight from the core
        chance = odds.attacker_wins
        colour = ink("good") if chance >= 0.6 else ink("warn") if chance >= 0.35 else ink("bad")
        inner = int(self.odds_image.get_relative_rect().width)
        label = f"{chance:.0%} chance to take {w.territory_name(m, target)}"
        self.odds_image.set_image(
            bar_surface((inner, 30), chance, colour, label, self.app.font(font_size("strong"), bold=True))
        )
        # A levy is the people, not an army: what it loses costs the defender no troops.
        theirs = (
            f"theirs {odds.expected_defender_losses:.1f}"
            if w.strength(m, target) > 0
            else f"the levy's {odds.expected_defender_losses:.1f} (no troops of theirs)"
        )
        self.losses_label.set_text(f"Expected losses: yours {odds.expected_attacker_losses:.1f}, {theirs}")
        # The warning depends on the amount; it leads the list, where the eye goes after the odds.
        self.warning = capital_warning(m, self.attack, self.amount)
        body = "<br>".join(([self.warning] if self.warning else []) + self.consequence_lines)
        if body != self.consequences.html_text:
            self.consequences.set_text(body)

    def action(self) -> Attack:
        return self.attack.model_copy(update={"amount": self.amount})

    def handle(self, event: pygame.event.Event) -> UICommand | None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for nation, button in self.nation_buttons.items():
                if event.ui_element is button:
                    for other in self.nation_buttons.values():
                        other.unselect()
                    button.select()
                    self.attack = next(o for o in self.options if o.nation == nation)
                    self._build_slider()
                    self._refresh()
                    return HANDLED
        return super().handle(event)


class MoveDialog(_Dialog):
    """How many troops march, with All / Half, and a warning before a march strips a capital."""

    def __init__(self, app: App, match: Match, options: list[Move], area: pygame.Rect) -> None:
        self.app = app
        self.match = match
        self.options = options
        self.move = options[0]
        self.amount = self.move.amount
        m = match
        source, target = w.territory_name(m, self.move.source), w.territory_name(m, self.move.target)
        width, height = self._open(app, (460, 340), f"Move to {target}", area)
        inner = width - 2 * PAD
        manager = app.manager
        host = m.owner[self.move.target]
        where = "" if host == self.move.nation else f", an ally's territory ({w.nation_name(m, host)})"
        self.heading = self._heading(
            f"{nation_html(m, self.move.nation)} moves troops from {esc(source)} to <b>{esc(target)}</b>{esc(where)}.",
            8,
            inner,
        )
        y = self.heading.get_relative_rect().bottom + 8
        self.amount_label = label(pygame.Rect(PAD, y, inner, 24), "", manager, self.window)
        y += 28
        self._slider(self._preset_row(y, inner, ("All", "Half")))
        self.presets["All"].set_tooltip(f"Move all {self.most()} ready troops")
        self.presets["Half"].set_tooltip(f"Move {max(1, self.most() // 2)}, keep the rest in {source}")
        y += 40
        # Four lines: the longest warning (an ally's troops named too) fits without a scroll bar.
        self.warning_box = UITextBox(
            "", pygame.Rect(PAD - 4, y, inner + 8, 104), manager, container=self.window, object_id="@card_text"
        )
        self._grow_to(max(height, y + 104 + 8 + 50))  # the buttons below the warning
        self._cancel_and_confirm("Move", 140, "@primary", "#confirm_move", "Confirm the move (Enter)")
        self._refresh()

    def most(self) -> int:
        return self.move.amount

    def preset_amounts(self) -> dict[str, int]:
        return {"All": self.most(), "Half": max(1, self.most() // 2)}

    def _refresh(self) -> None:
        self.amount_label.set_text(f"Troops to move: {self.amount} of {self.most()} ready")
        self._light_preset()
        self.warning = capital_warning(self.match, self.move, self.amount)
        text = self.warning or self._staying()
        if text != self.warning_box.html_text:
            self.warning_box.set_text(text)

    def _staying(self) -> str:
        """Without a warning, what the order leaves behind and what it costs the troops that go."""
        m, source = self.match, self.move.source
        left = w.ready(m, source, self.move.nation) - self.amount
        place = esc(w.territory_name(m, source))
        stay = f"{left} ready stay in {place}" if left > 0 else f"No ready troop stays in {place}"
        return f"<font color='{hex_of(ink('muted'))}'>{stay}; troops that move cannot act again this turn.</font>"

    def action(self) -> Move:
        return self.move.model_copy(update={"amount": self.amount})


__all__ = ["CombatPreview", "MoveDialog", "attack_consequences", "capital_warning", "enough_troops", "treaty_name"]
