"""The diplomacy window: nations, treaties with their cohesion, offers, duties, and every treaty action.

A button is enabled only when its action is among ``legal_actions``; its tool tip says what it
would do, or why it is disabled, in the core's own words and numbers (its
:func:`~game.core.preview`); a price on a button comes from ``world``.
A nation nobody plays answers offers only when the round ends, weighing every suitor of the
round together: until then the window lists the seat's offers that wait for that answer,
and the rival's, read from the match's open offers. What its doctrine would answer today is
the core's :func:`~game.core.forecast`, shown beside the actions; the nations list wears each
nation's doctrine as a badge, and "All relations" shows every war, truce and treaty as a table
(the core's :func:`~game.core.bonds.relations`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import (
    UIButton,
    UICheckBox,
    UIDropDownMenu,
    UIImage,
    UILabel,
    UIScrollingContainer,
    UITextBox,
    UITextEntryLine,
)

from game.core import Match, Relation, forecast, forecast_offer, preview, relations, treaties
from game.core import world as w
from game.core.actions import (
    AnswerOffer,
    CallToArms,
    HonourDuty,
    InviteToAlliance,
    JointExercise,
    LeaveTreaty,
    OfferGuarantee,
    PassTheBuck,
    ProposeAlliance,
    ProposePact,
    ProposePeace,
    RegimeAid,
)
from game.core.events import BuckPassed
from game.core.state import Offer, Scope
from game.ui.commands import HANDLED, Act, UICommand
from game.ui.panels.common import (
    bar_surface,
    change_phrase,
    esc,
    hex_of,
    ink,
    inner_size,
    label,
    make_button,
    nation_colour,
    nation_html,
    plural,
    treaty_name,
)
from game.ui.panels.dialog import Dialog
from game.ui.panels.duty import offer_sentence
from game.ui.panels.top_bar import HEIGHT as TOP_BAR_HEIGHT
from game.ui.theme import colours, font_size, number

if TYPE_CHECKING:
    from game.ui.app import App

PAD = 12
ROW = 34
#: Room a scrolling column keeps on its right for its scroll bar.
SCROLL_BAR = 20
#: Space between the window and the top bar or the bottom of the screen.
MARGIN = 8
#: The largest the window grows on a large screen: past it, lines of text grow too long to read at a glance.
MAX_WIDTH, MAX_HEIGHT = 1520, 980
#: A window narrower than this keeps its old width: the smallest screens show it 1000 px wide.
MIN_WIDTH = 1000
#: The nations column and the treaties column: narrow on a 1280 px screen, so the middle column can
#: show the nation beside its actions; wider on a wide one.
NATIONS_WIDTH, TREATIES_WIDTH = 236, 276
WIDE_NATIONS_WIDTH, WIDE_TREATIES_WIDTH = 264, 380
#: From this window width on, the side columns take their wide widths.
WIDE_WINDOW = 1400
#: The narrowest each half of the middle column may be when it splits in two (the scope menus'
#: longest territory names, "Joint exercise (6 gold)" beside an alliance's name), and the gap between.
MIN_HALF, HALVES_GAP = 300, 16
#: The Article 5 check box's caption, and the room its box takes before the caption.
ARTICLE_5 = "Article 5: an attack on one is an attack on both"
CHECK_BOX_ROOM = 26
#: Width of the button on an alliance's row: room for "Joint exercise (6 gold)".
ROW_BUTTON = 160
#: Width of the captions before the scope choices ("Binds against").
SCOPE_LABEL = 110
#: Height kept under the actions for the answers to the player's last action.
ANSWERS_HEIGHT = 96

#: A row of the nations list: the name and standing on top, the badge of its doctrine (or player) below.
NATION_ROW = 48
#: The relations table's first two columns (the nations, what binds them); the terms take the rest.
PARTIES_WIDTH, KIND_WIDTH = 250, 104
#: Room on the left of the table for the mark of a row your nations take part in.
MARK_ROOM = 10

#: A doctrine's name as its badge says it.
DOCTRINE_NAME = {
    "balancer": "Balancer",
    "threat_balancer": "Threat-balancer",
    "bandwagoner": "Bandwagoner",
    "regime_seeker": "Regime-seeker",
    "neutral": "Neutral",
}

DOCTRINE_TEXT = {
    "balancer": "Balancer (Waltz): joins the weaker side to stop the stronger from gaining more.",
    "threat_balancer": "Threat-balancer (Walt): opposes whoever threatens it most; shared ideology softens a threat.",
    "bandwagoner": "Bandwagoner: sides with the strongest threatening power when opposing it would cost more.",
    "regime_seeker": "Regime-seeker (David): while its regime is fragile, it sides with whoever props it up.",
    "neutral": "Neutral: joins nobody, signs pacts, fights only whoever attacks it.",
}


#: What each kind of relation is called in the relations table.
RELATION_WORDS = {"war": "At war", "truce": "Truce", "alliance": "Alliance", "guarantee": "Guarantee", "pact": "Pact"}


class Badge(UIImage):
    """A short caption on a coloured pill, drawn with pygame (a doctrine, who plays a nation).

    It lets the mouse through to the row it sits on, so clicking the badge chooses the nation.
    """

    def __init__(self, app: App, topleft: tuple[int, int], text: str, fill: pygame.Color, container: Any) -> None:
        font = app.font(number("#doctrines", "badge_font_size"), bold=True)
        height = number("#doctrines", "badge_height")
        caption = font.render(text, True, colours("#doctrines")["badge_text"])
        surface = pygame.Surface((caption.get_width() + 12, height), pygame.SRCALPHA)
        pygame.draw.rect(surface, fill, surface.get_rect(), border_radius=height // 2)
        surface.blit(caption, caption.get_rect(center=surface.get_rect().center))
        super().__init__(pygame.Rect(topleft, surface.get_size()), surface, app.manager, container=container)
        #: The words on the badge (what a player reads).
        self.text = text

    def can_hover(self) -> bool:
        return False


def badge_of(match: Match, nation: str, seat: int) -> tuple[str, pygame.Color]:
    """A nation's badge in the list: its doctrine when nobody plays it, else who plays it."""
    palette = colours("#doctrines")
    played_by = match.seat_of.get(nation)
    if played_by is None:
        doctrine = match.index.doctrine[nation]
        return DOCTRINE_NAME[doctrine], palette[doctrine]
    if played_by == seat:
        return "Played by you", palette["yours"]
    return f"Played by {match.level.seats[played_by].name}", palette["rival"]


#: The scope choices' values for "no limit", and the prefix of a choice of a nation's whole land.
ANYONE, ANYWHERE, LAND = "anyone", "anywhere", "land:"


#: How an offer waiting for its answer is named: "Non-aggression pact offered to Britain".
PENDING_WORDS = {
    "alliance": "Alliance offered to {to}",
    "invite": "Invitation to {alliance} sent to {to}",
    "guarantee": "Guarantee offered to {to}",
    "pact": "Non-aggression pact offered to {to}",
    "peace": "Peace offered to {to}",
}


def awaiting_round_end(match: Match, nations: Collection[str]) -> list[Offer]:
    """Open offers from ``nations`` to nations nobody plays: those answer when the round ends."""
    pending = (o for o in match.offers.values() if o.sender in nations and w.is_npc(match, o.recipient))
    return sorted(pending, key=lambda o: o.id)


def pending_offer_html(match: Match, offer: Offer, by: bool = False) -> str:
    """An open offer as a short line: what was offered, to whom (and by whom when ``by``)."""
    alliance = match.alliances.get(offer.alliance or "")
    text = PENDING_WORDS[offer.kind].format(
        to=nation_html(match, offer.recipient, bold=False),
        alliance=esc(w.with_the(alliance.name)) if alliance else "the alliance",
    )
    if by:
        text += f" by {nation_html(match, offer.sender, bold=False)}"
    if offer.kind == "alliance" and offer.name:
        text += f": <i>{esc(offer.name)}</i>"
    if offer.scope.limited:
        text += f", binding {esc(w.scope_phrase(match, offer.scope))}"
    return text


def scope_note(match: Match, treaty: str, inline: bool = True) -> str:
    """A treaty's scope as a muted note: " (binds only against Germany)" inline, or a line of its own;
    "" for a treaty that binds against anyone, anywhere."""
    scope = w.scope_of(match, treaty)
    if not scope.limited:
        return ""
    phrase = esc(w.scope_phrase(match, scope))
    note = f" (binds {phrase})" if inline else f"<br>Binds {phrase}."
    return f"<font color='{hex_of(ink('muted'))}'>{note}</font>"


def forecast_phrase(match: Match, nation: str, accept: bool, reason: str) -> str:
    """ "Serbia would accept: it sides with the weaker side." with the verdict in colour."""
    verdict = "would accept" if accept else "would refuse"
    colour = hex_of(ink("good") if accept else ink("bad"))
    return f"{esc(w.nation_name(match, nation))} <font color='{colour}'>{verdict}</font>: {esc(reason)}."


ACTION_TIPS = {
    "propose_alliance": "Found a new alliance with the name above.",
    "offer_guarantee": "Take a one-way duty to defend it if it is attacked.",
    "propose_pact": "Promise not to attack each other.",
    "propose_peace": "Offer to end the war.",
    "invite": "Ask it to join this alliance.",
    "call_to_arms": "Ask this ally to join a war you started: no treaty obliges it, and a refusal costs the "
    "alliance cohesion.",
}


def action_tip(match: Match, action: Any, kind: str, legal: bool = True) -> str:
    """A button's tool tip: what a legal action does, with the numbers of the core's preview;
    for a refused one, the core's reason. A legal action whose tip has no number needs no preview."""
    if legal and kind in ACTION_TIPS:
        return ACTION_TIPS[kind]
    try:
        seen = preview(match, action)
    except Exception:  # noqa: BLE001 - a tool tip must never take the window down
        return "Not possible now."
    if seen.refusal is not None:
        reason = seen.refusal.reason
        return reason[:1].upper() + reason[1:] + "."
    if isinstance(action, RegimeAid):
        rise = seen.stability.get(action.to, 0)
        if not rise:
            return f"Its regime stability stays at {match.stability[action.to]}, but it remembers the donor."
        return f"Its regime stability rises by {rise}, and it remembers the donor."
    if isinstance(action, JointExercise):
        gain = seen.cohesion.get(action.alliance, 0)
        if not gain:
            return "Train together: the alliance's cohesion is as high as it goes (socialization)."
        return f"Train together: the alliance's cohesion rises by {gain} (socialization)."
    if isinstance(action, LeaveTreaty):
        credibility = change_phrase(
            "credibility", seen.credibility.get(action.nation, 0), match.credibility[action.nation]
        )
        passed = sum(1 for e in seen.events if isinstance(e, BuckPassed) and e.nation == action.nation)
        duties = f", and {passed} open dut{'y counts' if passed == 1 else 'ies count'} as passed" if passed else ""
        what = f"{LEAVE_WORDS[_treaty_kind(match, action.treaty)]} {w.the_treaty(match, action.treaty)}"
        return f"{what}: {credibility}{duties}."
    return ACTION_TIPS.get(kind, "")


#: How a treaty is left: an alliance is left, a guarantee revoked, a pact renounced.
LEAVE_WORDS = {"alliance": "Leave", "guarantee": "Revoke", "pact": "Renounce"}


def _treaty_kind(match: Match, treaty: str) -> str:
    return "alliance" if treaty in match.alliances else "guarantee" if treaty in match.guarantees else "pact"


class DiplomacyWindow(Dialog):
    """Treaties, standing and offers of every nation; D or Esc closes it (D types a letter in the name field)."""

    close_keys = (pygame.K_d,)

    def __init__(
        self,
        app: App,
        match: Match,
        seat: int,
        legal: list[Any],
        area: pygame.Rect | None,
        my_turn: bool,
        acting: str | None = None,
        focus: str | None = None,
        private_offers: bool = False,
    ) -> None:
        self.app = app
        self.match = match
        self.seat = seat
        self.my_turn = my_turn
        #: Hot-seat privacy (Settings): the rival's offers to nations nobody plays stay unsaid until the round ends.
        self.private_offers = private_offers
        nations = w.seat_nations(match, seat)
        self.acting = acting if acting in nations else (nations[0] if nations else "")
        others = self._others()
        foreign = [n for n in others if n not in nations]
        self.focus: str | None = focus if focus in others else next(iter(foreign or others), None)
        self.answers: list[str] = []
        #: What columns B and C show: the nation in focus ("nation") or the table of all relations ("relations").
        self.view = "nation"
        #: The table's rows as shown: (the nations, the kind, the terms), in plain words.
        self.relation_rows: list[tuple[str, str, str]] = []
        #: Names the player typed, by the nation they would ally with; the others follow the nation acting.
        self.alliance_name: dict[str, str] = {}
        self._default_name = ""
        self.article_5 = True
        #: The scope chosen for a proposed alliance or guarantee, by the nation it would be made with:
        #: a nation it binds against ("" for anyone) and where it applies ("" for anywhere).
        self.scope_against: dict[str, str] = {}
        self.scope_area: dict[str, str] = {}
        if area is None:
            # Below the top bar, so the victory points stay in sight while the player negotiates.
            area = pygame.Rect(0, TOP_BAR_HEIGHT, app.size[0], app.size[1] - TOP_BAR_HEIGHT)
        # As large as the screen allows, up to a size that still reads at a glance.
        size = (max(MIN_WIDTH, min(MAX_WIDTH, area.width - 2 * MARGIN)), min(MAX_HEIGHT, area.height - 2 * MARGIN))
        self._open(app, size, "Diplomacy", area)
        self._parts: dict[str, list[Any]] = {}
        #: Each column's scrolling container, so a rebuild can put it back where the player left it.
        self._scrolls: dict[str, UIScrollingContainer] = {}
        self._part = "a"
        self._buttons: dict[Any, tuple[str, Any]] = {}
        self._nation_buttons: dict[str, Any] = {}
        self._statuses: tuple[str, ...] = ()
        self.purse: Any = None
        self.legal = legal
        self.build()

    # Life cycle -------------------------------------------------------------
    def refresh(self, legal: list[Any], my_turn: bool, answers: list[str] | None = None) -> None:
        """Rebuild after the match changed; ``answers`` are the sentences of the last action's events."""
        self.legal = legal
        self.my_turn = my_turn
        if answers is not None:
            self.answers = answers
        self._remember_inputs()
        others = self._others()
        if self.focus not in others:
            self.focus = others[0] if others else None
        # Widgets are slow to make: rebuild the nations column only when a nation's standing changed.
        self.build("abc" if self._status_signature() != self._statuses else "bc")
        if self.purse is not None and self.purse.alive():
            self.purse.set_text(self._purse_text())

    def _status_signature(self) -> tuple[str, ...]:
        return tuple(f"{n}:{self._status_word(n)}" for n in self._others())

    def _purse_text(self) -> str:
        m = self.match
        return f"Treasury {m.treasury[self.acting]} gold  ·  credibility {m.credibility[self.acting]}"

    def _others(self) -> list[str]:
        return [n for n in w.active_nations(self.match) if n != self.acting]

    def _remember_inputs(self) -> None:
        entry = getattr(self, "name_entry", None)
        if entry is not None and entry.alive() and self.focus is not None:
            if entry.get_text() != self._default_name:
                self.alliance_name[self.focus] = entry.get_text()
            else:
                self.alliance_name.pop(self.focus, None)
        box = getattr(self, "article_box", None)
        if box is not None and box.alive():
            self.article_5 = bool(box.is_checked)

    def _add(self, element: Any) -> Any:
        self._parts.setdefault(self._part, []).append(element)
        return element

    def build(self, parts: str = "abc") -> None:
        """(Re)make columns ``a`` (nations), ``b`` (the chosen nation) and ``c`` (treaties)."""
        width, height = inner_size(self.window)
        nations, treaties_width = (
            (WIDE_NATIONS_WIDTH, WIDE_TREATIES_WIDTH) if width >= WIDE_WINDOW else (NATIONS_WIDTH, TREATIES_WIDTH)
        )
        col_a = pygame.Rect(PAD, PAD, nations, height - 2 * PAD)
        col_c = pygame.Rect(width - PAD - treaties_width, PAD, treaties_width, height - 2 * PAD)
        col_b = pygame.Rect(col_a.right + 16, PAD, col_c.x - col_a.right - 32, height - 2 * PAD)
        builders = {
            "a": (self._build_nations, col_a),
            "b": (self._build_focus, col_b),
            "c": (self._build_treaties, col_c),
        }
        if self.view == "relations":  # the table takes both columns
            table = pygame.Rect(col_b.x, PAD, col_c.right - col_b.x, height - 2 * PAD)
            builders["b"] = (self._build_relations, table)
            builders["c"] = (lambda _area: None, col_c)
        for part in parts:
            old_scroll = self._scrolls.pop(part, None)
            position = old_scroll.vert_scroll_bar.start_percentage if old_scroll and old_scroll.vert_scroll_bar else 0.0
            for element in self._parts.pop(part, []):
                element.kill()
                self._buttons.pop(element, None)
            if part == "b":
                self.name_entry: UITextEntryLine | None = None
                self.article_box: UICheckBox | None = None
                self.against_menu: UIDropDownMenu | None = None
                self.area_menu: UIDropDownMenu | None = None
            self._part = part
            builder, area = builders[part]
            builder(area)
            scroll = self._scrolls.get(part)
            if scroll is not None and scroll.vert_scroll_bar is not None:
                scroll.vert_scroll_bar.set_scroll_from_start_percentage(position)
        if "a" in parts:
            self._statuses = self._status_signature()

    # Column A: who acts, and with whom ---------------------------------------
    def _build_nations(self, area: pygame.Rect) -> None:
        m, manager, win = self.match, self.app.manager, self.window
        y = area.y
        nations = w.seat_nations(m, self.seat)
        self._add(label(pygame.Rect(area.x, y, area.width, 20), "ACTING FOR", manager, win, "@small"))
        y += 22
        if len(nations) > 1:
            bw = (area.width - 6 * (len(nations) - 1)) // len(nations)
            for i, nation in enumerate(nations):
                button = self._add(
                    UIButton(
                        pygame.Rect(area.x + i * (bw + 6), y, bw, 30),
                        w.nation_name(m, nation),
                        manager,
                        container=win,
                        object_id=ObjectID(class_id="@segment", object_id=f"#acting_{nation}"),
                    )
                )
                if nation == self.acting:
                    button.select()
                self._buttons[button] = ("acting", nation)
        else:
            self._add(label(pygame.Rect(area.x, y, area.width, 30), w.nation_name(m, self.acting), manager, win))
        y += 34
        self.purse = self._add(
            label(pygame.Rect(area.x, y, area.width, 20), self._purse_text(), manager, win, "@small")
        )
        y += 26
        self.relations_button = self._add(
            UIButton(
                pygame.Rect(area.x, y, area.width, 30),
                "All relations",
                manager,
                container=win,
                object_id=ObjectID(class_id="@segment", object_id="#relations_table"),
            )
        )
        if self.view == "relations":
            self.relations_button.select()
        self._buttons[self.relations_button] = ("relations", None)
        y += 38
        self._add(label(pygame.Rect(area.x, y, area.width, 20), "NATIONS", manager, win, "@small"))
        y += 22
        others = self._others()
        self._nation_buttons = {}
        scroll = self.nation_list = self._scrolls["a"] = self._add(
            UIScrollingContainer(
                pygame.Rect(area.x, y, area.width, area.bottom - y), manager, container=win, allow_scroll_x=False
            )
        )
        scroll.set_scrollable_area_dimensions((area.width - 20, max(len(others) * (NATION_ROW + 4), 10)))
        self.badges: dict[str, Badge] = {}
        for i, nation in enumerate(others):
            top = i * (NATION_ROW + 4)
            swatch = pygame.Surface((8, NATION_ROW), pygame.SRCALPHA)
            pygame.draw.rect(swatch, nation_colour(m, nation), swatch.get_rect(), border_radius=3)
            self._add(UIImage(pygame.Rect(0, top, 8, NATION_ROW), swatch, manager, container=scroll))
            status = self._status_word(nation)
            caption = w.nation_name(m, nation) + (f"  ·  {status}" if status else "")
            button = self._add(
                UIButton(
                    pygame.Rect(12, top, area.width - 34, NATION_ROW),
                    caption,
                    manager,
                    container=scroll,
                    object_id=ObjectID(class_id="@nation_row", object_id=f"#nation_{nation}"),
                )
            )
            if nation == self.focus and self.view == "nation":
                button.select()
            self._buttons[button] = ("focus", nation)
            self._nation_buttons[nation] = button
            text, fill = badge_of(m, nation, self.seat)
            badge_top = top + NATION_ROW - number("#doctrines", "badge_height") - 6
            self.badges[nation] = self._add(Badge(self.app, (22, badge_top), text, fill, scroll))

    def _status_word(self, nation: str) -> str:
        """The standing of the nation acting towards ``nation``: its seat-mate's wars are in column B, named."""
        m, acting = self.match, self.acting
        if nation in w.seat_nations(m, self.seat):
            return "yours"
        if w.at_war(m, acting, nation):
            return "at war"
        if w.allied(m, acting, nation):
            return "ally"
        if w.has_pact(m, acting, nation):
            return "pact"
        if treaties.truce_until(m, acting, nation) is not None:
            return "truce"
        return ""

    # Column B: the chosen nation and what may be done with it ------------------
    def _relations(self, nation: str) -> list[str]:
        m = self.match
        good, bad = hex_of(ink("good")), hex_of(ink("bad"))
        lines = []
        for mine in w.seat_nations(m, self.seat):
            if mine == nation:
                continue
            who = nation_html(m, mine, bold=False)
            if w.at_war(m, mine, nation):
                lines.append(f"<font color='{bad}'>At war with</font> {who}")
            for alliance in w.shared_alliances(m, mine, nation):
                lines.append(
                    f"<font color='{good}'>Allied with</font> {who} in {esc(w.with_the(alliance.name))}"
                    + scope_note(m, alliance.id)
                )
            if w.has_pact(m, mine, nation):
                lines.append(f"Non-aggression pact with {who}")
            until = treaties.truce_until(m, mine, nation)
            if until is not None:
                lines.append(f"Truce with {who}: neither may attack the other before round {until}")
            given = w.guarantee_id(m, mine, nation)
            if given:
                lines.append(f"Guaranteed by {who}" + scope_note(m, given))
            taken = w.guarantee_id(m, nation, mine)
            if taken:
                lines.append(f"Guarantees {who}" + scope_note(m, taken))
        return lines or ["No treaty with your nations."]

    def _courted(self, nation: str) -> list[str]:
        """Who courts ``nation`` this round, when it is a nation nobody plays (the kinds are in column C)."""
        m = self.match
        mine = w.seat_nations(m, self.seat)
        senders = [o.sender for o in awaiting_round_end(m, list(m.seat_of)) if o.recipient == nation]
        if not senders:
            return []
        suitors = ["you"] if any(s in mine for s in senders) else []
        rivals = list(dict.fromkeys(esc(w.nation_name(m, s)) for s in senders if s not in mine))
        if rivals and not self.private_offers:
            suitors.append(" and ".join(rivals) + " (your rival)")
        return [
            f"<font color='{hex_of(ink('warn'))}'>Courted this round by {' and '.join(suitors)}: "
            "it answers when the round ends.</font>"
        ]

    def _build_focus(self, area: pygame.Rect) -> None:
        """The nation in focus: who it is, what may be done with it, and how it would answer today.

        On a window wide enough the column splits in two, so a busy nation needs no scrolling: on the
        left the nation and the actions that court it; on the right, beside those buttons, the core's
        forecast of its answer, then the acting nation's alliances and its calls to arms. On a
        narrow window the same blocks stack, the forecast above the buttons it speaks of.
        """
        manager = self.app.manager
        nation = self.focus
        if nation is None:
            return
        width = area.width - SCROLL_BAR
        # The left half holds the Article 5 clause's caption on one line (a check box's caption never wraps).
        article_room = CHECK_BOX_ROOM + int(manager.get_theme().get_font(["check_box"]).size(ARTICLE_5)[0])
        left_width = max((width - HALVES_GAP) // 2, article_room)
        right_width = width - HALVES_GAP - left_width
        halves = right_width >= MIN_HALF
        # On a narrow window the answers to the last action stay in sight under the actions, which scroll
        # when they outgrow the window; split in halves, they follow the shorter half.
        if self.answers and not halves:
            self._add(
                UITextBox(
                    f"<font color='{hex_of(ink('heading'))}'><b>Just now</b></font><br>{'<br>'.join(self.answers)}",
                    pygame.Rect(area.x - 4, area.bottom - ANSWERS_HEIGHT + 8, area.width + 8, ANSWERS_HEIGHT - 8),
                    manager,
                    container=self.window,
                    object_id="@card_text",
                )
            )
            area = pygame.Rect(area.x, area.y, area.width, area.height - ANSWERS_HEIGHT)
        column = self.focus_column = self._scrolls["b"] = self._add(
            UIScrollingContainer(area, manager, container=self.window, allow_scroll_x=False)
        )
        if halves:
            left = self._focus_actions(nation, 0, self._focus_nation(nation, 0, 0, left_width), left_width)
            right_x = left_width + HALVES_GAP
            right = self._focus_forecast(nation, right_x, 0, right_width)
            right = self._focus_alliances(nation, right_x, right, right_width)
            if self.answers:  # "Just now:" leads its first line, so one answer takes no line more than it needs
                inline = f"<font color='{hex_of(ink('heading'))}'><b>Just now:</b></font> {'<br>'.join(self.answers)}"
                x, y, room = (0, left, left_width) if left <= right else (right_x, right, right_width)
                placed = y + self._text(inline, pygame.Rect(x - 4, y, room + 8, -1), column)
                left, right = (placed, right) if x == 0 else (left, placed)
            bottom = max(left, right)
        else:
            y = self._focus_nation(nation, 0, 0, width)
            y = self._focus_forecast(nation, 0, y, width)
            bottom = self._focus_alliances(nation, 0, self._focus_actions(nation, 0, y, width), width)
        column.set_scrollable_area_dimensions((width, bottom))

    def _focus_nation(self, nation: str, x: int, y: int, width: int) -> int:
        """Who the nation is: doctrine or player, size, its treaties with the seat, its standing bars.

        Returns the y below.
        """
        m, manager, column = self.match, self.app.manager, self.focus_column
        seat = m.seat_of.get(nation)
        who = (
            f"Played by {esc(m.level.seats[seat].name)} (seat {seat + 1})."
            if seat is not None
            else esc(DOCTRINE_TEXT[m.index.doctrine[nation]])
        )
        fragile = "  ·  fragile regime" if w.is_fragile(m, nation) else ""
        details = (
            f"<font size=5>{nation_html(m, nation)}</font><br>{who}<br>"
            f"Ideology: {esc(m.index.ideology[nation].replace('_', '-'))}  ·  "
            f"{plural(len(w.territories_of(m, nation)), 'territory')}  ·  "
            f"{plural(w.total_forces(m, nation), 'troop')}"
            f"<font color='{hex_of(ink('warn'))}'>{fragile}</font><br>"
            + "<br>".join(self._relations(nation) + self._courted(nation))
        )
        y += self._text(details, pygame.Rect(x - 4, y - 4, width + 8, -1), column) + 4
        half = (width - 8) // 2
        font = self.app.font(font_size("label"), bold=True)
        for i, (name, value) in enumerate((("Credibility", m.credibility[nation]), ("Stability", m.stability[nation]))):
            image = bar_surface(
                (half, 16), value / 100, ink("heading") if i == 0 else ink("ai"), f"{name} {value}", font
            )
            self._add(UIImage(pygame.Rect(x + i * (half + 8), y, half, 16), image, manager, container=column))
        return y + 28

    def _focus_actions(self, nation: str, x: int, y: int, width: int) -> int:
        """The treaties the nation acting may offer it: the alliance's name and clause, the scope, a button
        for each offer. Returns the y below."""
        m, manager, column = self.match, self.app.manager, self.focus_column
        self._add(label(pygame.Rect(x, y, width, 20), "ACTIONS", manager, column, "@small"))
        y += 24
        # Found an alliance: a name and the Article 5 clause.
        proposal = next(
            (a for a in self.legal if isinstance(a, ProposeAlliance) and a.nation == self.acting and a.to == nation),
            None,
        )
        self._default_name = (
            proposal.name if proposal else f"{w.nation_name(m, self.acting)}–{w.nation_name(m, nation)} Alliance"
        )
        self.name_entry = self._add(
            UITextEntryLine(pygame.Rect(x, y, width, 32), manager, container=column, object_id="#alliance_name")
        )
        self.name_entry.set_text(self.alliance_name.get(nation, self._default_name)[:80])
        y += 36
        self.article_box = self._add(
            UICheckBox(
                pygame.Rect(x, y + 4, 20, 20),
                ARTICLE_5,
                manager,
                container=column,
                initial_state=self.article_5,
            )
        )
        y += 30
        y = self._build_scope_choice(nation, x, width, y)
        rows: list[tuple[str, Any, str]] = [
            ("Propose alliance", ProposeAlliance(nation=self.acting, to=nation, name="x"), "propose_alliance"),
            ("Offer guarantee", OfferGuarantee(nation=self.acting, to=nation), "offer_guarantee"),
            ("Propose pact", ProposePact(nation=self.acting, to=nation), "propose_pact"),
            ("Propose peace", ProposePeace(nation=self.acting, to=nation), "propose_peace"),
            (f"Regime aid ({w.regime_aid_cost()} gold)", RegimeAid(nation=self.acting, to=nation), "regime_aid"),
        ]
        half = (width - 8) // 2
        for i, (caption, action, kind) in enumerate(rows):
            rect = pygame.Rect(x + (i % 2) * (half + 8), y + (i // 2) * 40, half, 34)
            self._action_button(rect, caption, action, kind)
        return y + ((len(rows) + 1) // 2) * 40 + 4

    def _focus_forecast(self, nation: str, x: int, y: int, width: int) -> int:
        """How the nation's doctrine would answer each offer, as things stand (none for a nation a player
        answers). Returns the y below."""
        forecasts = self._forecasts(nation)
        if not forecasts:
            return y
        title = f"IF {w.nation_name(self.match, nation).upper()} ANSWERED TODAY"
        self._add(label(pygame.Rect(x, y, width, 20), title, self.app.manager, self.focus_column, "@small"))
        y += 20
        return y + self._text("<br>".join(forecasts), pygame.Rect(x - 4, y, width + 8, -1), self.focus_column) + 8

    def _focus_alliances(self, nation: str, x: int, y: int, width: int) -> int:
        """A row for each alliance of the nation acting (invite the nation in, or exercise with it), then the
        wars it started that the nation in focus could be called into. Returns the y below."""
        m, manager, column = self.match, self.app.manager, self.focus_column
        # The alliance's name in full on the left (it wraps, never cut), the action on the right. A name in a
        # button would be cut: players name alliances as long as they like.
        alliances = sorted(w.alliances_of(m, self.acting), key=lambda al: al.id)
        if alliances:
            title = f"ALLIANCES OF {w.nation_name(m, self.acting).upper()}"
            self._add(label(pygame.Rect(x, y, width, 20), title, manager, column, "@small"))
            y += 24
        for alliance in alliances:
            if nation in alliance.members:
                caption = f"Joint exercise ({w.exercise_cost()} gold)"
                action: Any = JointExercise(nation=self.acting, alliance=alliance.id, partner=nation)
                kind = "joint_exercise"
            else:
                caption, kind = "Invite to join", "invite"
                action = InviteToAlliance(nation=self.acting, alliance=alliance.id, to=nation)
            name_rect = pygame.Rect(x - 4, y + 2, width - ROW_BUTTON, -1)
            name_height = self._text(f"<b>{esc(alliance.name)}</b>", name_rect, column)
            self._action_button(pygame.Rect(x + width - ROW_BUTTON, y, ROW_BUTTON, 34), caption, action, kind)
            y += max(name_height, 34) + 6
        # Calls to arms: the wars this nation started that the ally in focus could be called into.
        summons = [a for a in self.legal if isinstance(a, CallToArms) and a.nation == self.acting and a.to == nation]
        if summons:
            self._add(label(pygame.Rect(x, y, width, 20), "CALL TO ARMS", manager, column, "@small"))
            y += 24
        for summons_action in summons:
            caption = f"Call it into the war on {w.nation_name(m, summons_action.enemy)}"
            self._action_button(pygame.Rect(x, y, width, 34), caption, summons_action, "call_to_arms")
            y += 40
        return y

    def _forecasts(self, nation: str) -> list[str]:
        """How ``nation`` (if nobody plays it) would answer, today, each offer the nation acting may make it
        and each one waiting for the round's end: the core's forecast, with its doctrine's reason."""
        m = self.match
        if not w.is_npc(m, nation):
            return []
        lines = []
        muted = hex_of(ink("muted"))
        for offer in awaiting_round_end(m, w.seat_nations(m, self.seat)):
            seen = forecast_offer(m, offer) if offer.recipient == nation else None
            if seen is not None:
                what = PENDING_WORDS[offer.kind].split(" ")[0].replace("Non-aggression", "Pact")
                lines.append(
                    f"<b>{esc(what)}</b> <font color='{muted}'>(offered)</font> — "
                    + forecast_phrase(m, nation, seen.accept, seen.reason)
                )
        offers: list[tuple[str, Any]] = [
            ("Alliance", ProposeAlliance(nation=self.acting, to=nation, name="x")),
            ("Guarantee", OfferGuarantee(nation=self.acting, to=nation)),
            ("Pact", ProposePact(nation=self.acting, to=nation)),
            ("Peace", ProposePeace(nation=self.acting, to=nation)),
        ]
        offers += [
            (f"Join {w.with_the(alliance.name)}", InviteToAlliance(nation=self.acting, alliance=alliance.id, to=nation))
            for alliance in sorted(w.alliances_of(m, self.acting), key=lambda al: al.id)
            if nation not in alliance.members
        ]
        # Offers answered alike for one reason share a line: "Alliance or guarantee — Italy would refuse: ...".
        answers: dict[tuple[bool, str], list[str]] = {}
        for caption, action in offers:
            if not self._is_legal(action):
                continue  # its button says why it cannot be offered
            seen = forecast(m, self._concrete(action))
            if seen is not None:
                answers.setdefault((seen.accept, seen.reason), []).append(caption)
        for (accept, reason), captions in answers.items():
            what = w.listed([captions[0], *(c[:1].lower() + c[1:] for c in captions[1:])], "or")
            lines.append(f"<b>{esc(what)}</b> — " + forecast_phrase(m, nation, accept, reason))
        return lines

    # Columns B and C together: every relation as a table --------------------------
    def _build_relations(self, area: pygame.Rect) -> None:
        m, manager = self.match, self.app.manager
        scroll = self._scrolls["b"] = self._add(
            UIScrollingContainer(area, manager, container=self.window, allow_scroll_x=False)
        )
        inner = area.width - SCROLL_BAR
        self._add(label(pygame.Rect(0, 0, inner, 30), "All relations", manager, scroll, "@heading"))
        y = 32
        mine = set(w.seat_nations(m, self.seat))
        mark = hex_of(ink("heading"))
        intro = (
            f"Every war, truce and treaty in force in round {m.round}, the most dangerous first. "
            f"A <font color='{mark}'>gold bar</font> on the left marks those your nations take part in."
        )
        y += self._text(intro, pygame.Rect(-4, y, inner + 8, -1), scroll) + 6
        x_kind = MARK_ROOM + PARTIES_WIDTH
        x_terms = x_kind + KIND_WIDTH
        for x, caption in ((MARK_ROOM, "BETWEEN"), (x_kind, "RELATION"), (x_terms, "TERMS")):
            self._add(label(pygame.Rect(x, y, 120, 20), caption, manager, scroll, "@small"))
        y += 24
        palette = colours("#relations")
        self.relation_rows = []
        rows = relations(m)
        for relation in rows:
            parties, terms = self._relation_parties(relation), self._relation_terms(relation)
            word = RELATION_WORDS[relation.kind]
            kind = f"<font color='{hex_of(palette[relation.kind])}'><b>{word}</b></font>"
            height = max(
                self._text(parties, pygame.Rect(MARK_ROOM - 4, y, PARTIES_WIDTH, -1), scroll),
                self._text(kind, pygame.Rect(x_kind - 4, y, KIND_WIDTH, -1), scroll),
                self._text(terms, pygame.Rect(x_terms - 4, y, inner - x_terms + 8, -1), scroll),
            )
            if any(n in mine for n in relation.nations):
                bar = pygame.Surface((4, max(height - 8, 4)), pygame.SRCALPHA)
                bar.fill(ink("heading"))
                self._add(UIImage(pygame.Rect(0, y + 4, 4, bar.get_height()), bar, manager, container=scroll))
            plain = [re.sub(r"<[^>]+>", "", text) for text in (parties, word, terms)]
            self.relation_rows.append((plain[0], plain[1], plain[2]))
            y += height + 2
        if not rows:
            self._add(label(pygame.Rect(MARK_ROOM, y, inner, 24), "No wars, truces or treaties yet.", manager, scroll))
            y += 26
        scroll.set_scrollable_area_dimensions((inner, y + 8))

    def _relation_parties(self, relation: Relation) -> str:
        m = self.match
        names = [nation_html(m, n, bold=False) for n in relation.nations]
        if relation.kind == "guarantee":
            return f"{names[0]} guarantees {names[1]}"
        if relation.kind == "alliance":
            return ", ".join(names)
        return " and ".join(names)

    def _relation_terms(self, relation: Relation) -> str:
        m = self.match
        muted = hex_of(ink("muted"))
        if relation.kind == "truce":
            left = relation.rounds_left or 0
            return (
                f"{left} round{'s' if left != 1 else ''} left: neither may attack the other "
                f"before round {relation.until_round}"
            )
        if relation.kind == "alliance" and relation.treaty in m.alliances:
            alliance = m.alliances[relation.treaty]
            clause = "Article 5" if alliance.collective_defence else "no Article 5"
            return (
                f"<b>{esc(alliance.name)}</b><br><font color='{muted}'>{clause} · cohesion {alliance.cohesion}</font>"
                + scope_note(m, alliance.id, inline=False)
            )
        if relation.kind == "guarantee" and relation.treaty is not None:
            scope = w.scope_of(m, relation.treaty)
            return f"Binds {esc(w.scope_phrase(m, scope))}" if scope.limited else "Binds against any attacker"
        if relation.kind == "pact":
            return "A promise not to attack each other"
        return f"<font color='{muted}'>No peace yet</font>"

    def _build_scope_choice(self, nation: str, x: int, width: int, y: int) -> int:
        """Two compact choices for a proposed alliance or guarantee: whom it binds against, and where.

        Returns the y below them. The choices are the player's; whether the core accepts the scope is
        its preview's answer, on the two buttons.
        """
        m = self.match
        # Not the seat's own nations: a seat never fights itself, so a treaty against one would bind against nobody.
        left_out = {nation, *w.side_of(m, self.acting)}
        against = [("anyone", ANYONE)] + [(w.nation_name(m, n), n) for n in w.active_nations(m) if n not in left_out]
        parties = (nation, self.acting)  # the nation courted first: a guarantee protects its land only
        area = [("any territory", ANYWHERE)]
        area += [(f"{w.nation_name(m, n)}'s land", LAND + n) for n in parties]
        area += [(w.territory_name(m, t), t) for n in parties for t in w.territories_of(m, n)]
        manager, column = self.app.manager, self.focus_column
        menus = []
        for row, (caption, key, options, chosen) in enumerate(
            (
                ("Binds against", "against", against, self.scope_against),
                ("Binds in", "area", area, self.scope_area),
            )
        ):
            top = y + row * 34
            self._add(label(pygame.Rect(x, top, SCOPE_LABEL, 30), caption, manager, column))
            where = (x + SCOPE_LABEL + 6, top, width - SCOPE_LABEL - 6)
            menus.append(self._scope_menu(key, options, chosen.get(nation), where))
        self.against_menu, self.area_menu = menus
        return y + 72

    def _scope_menu(
        self, key: str, options: list[tuple[str, str]], chosen: str | None, where: tuple[int, int, int]
    ) -> UIDropDownMenu:
        current = next((option for option in options if option[1] == chosen), options[0])
        x, y, width = where
        menu: UIDropDownMenu = self._add(
            UIDropDownMenu(
                options,  # type: ignore[arg-type]
                current,
                pygame.Rect(x, y, width, 30),
                self.app.manager,
                container=self.focus_column,
                object_id=ObjectID(class_id="@scope_choice", object_id=f"#scope_{key}"),
            )
        )
        return menu

    def _scope(self, nation: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The scope chosen for a treaty with ``nation``, as an action's ``against`` and ``territories``."""
        against = self.scope_against.get(nation, ANYONE)
        area = self.scope_area.get(nation, ANYWHERE)
        if area.startswith(LAND):
            territories = tuple(w.territories_of(self.match, area[len(LAND) :]))
        else:
            territories = (area,) if area != ANYWHERE else ()
        return ((against,) if against != ANYONE else ()), territories

    def _action_button(self, rect: pygame.Rect, caption: str, action: Any, kind: str) -> None:
        """A button for ``action``: enabled when it is legal now, its tool tip says what it does or why not.

        An alliance or guarantee with a scope chosen is asked of the core's preview as it would be sent.
        """
        legal = self._is_legal(action)
        concrete = self._concrete(action)
        tip = action_tip(self.match, concrete, kind, legal)
        if legal and (getattr(concrete, "against", ()) or getattr(concrete, "territories", ())):
            refusal = preview(self.match, concrete).refusal
            if refusal is not None:
                legal, tip = False, refusal.reason[:1].upper() + refusal.reason[1:] + "."
            else:
                scope = Scope(concrete.against, concrete.territories)
                tip += f" It binds {w.scope_phrase(self.match, scope)}."
        button = self._add(
            make_button(
                rect,
                caption,
                self.app.manager,
                container=self.focus_column,
                tooltip=tip,
                object_id=f"#{kind}",
                enabled=legal and self.my_turn,
            )
        )
        self._buttons[button] = ("act", action)

    def _is_legal(self, action: Any) -> bool:
        """Is an action of this shape among the legal actions (names and clauses are the player's choice)?"""
        for legal in self.legal:
            if type(legal) is not type(action):
                continue
            if isinstance(action, ProposeAlliance | OfferGuarantee):  # name, clause and scope are the player's
                if legal.nation == action.nation and legal.to == action.to:
                    return True
            elif legal == action:
                return True
        return False

    def _concrete(self, action: Any) -> Any:
        if isinstance(action, ProposeAlliance):
            name = (self.name_entry.get_text() if self.name_entry else action.name).strip() or "Alliance"
            checked = bool(self.article_box.is_checked) if self.article_box else True
            against, territories = self._scope(action.to)
            return ProposeAlliance(
                nation=action.nation,
                to=action.to,
                name=name[:80],
                collective_defence=checked,
                against=against,
                territories=territories,
            )
        if isinstance(action, OfferGuarantee):
            against, territories = self._scope(action.to)
            return OfferGuarantee(nation=action.nation, to=action.to, against=against, territories=territories)
        return action

    # Column C: what needs an answer, and every treaty in force -----------------
    def _build_treaties(self, area: pygame.Rect) -> None:  # noqa: C901 - one block per kind of entry
        m, manager, win = self.match, self.app.manager, self.window
        scroll = self._add(UIScrollingContainer(area, manager, container=win, allow_scroll_x=False))
        self._scrolls["c"] = scroll
        inner = area.width - 22
        y = 0
        small_font = self.app.font(font_size("label"), bold=True)
        questions = w.open_questions(m, self.seat)
        duties, offers = questions.duties, questions.offers
        if questions:
            self._add(label(pygame.Rect(0, y, inner, 20), "WAITING FOR YOUR ANSWER", manager, scroll, "@small"))
            y += 22
        for duty in duties:
            text = (
                f"<b>{esc(treaty_name(m, duty.treaty))}</b>: {nation_html(m, duty.nation, bold=False)} "
                f"is called to war against {nation_html(m, duty.aggressor, bold=False)}, who attacked "
                f"{esc(w.nation_name(m, duty.target))}."
            )
            y += self._text(text, pygame.Rect(-4, y, inner + 8, -1), scroll) + 2
            honour = HonourDuty(nation=duty.nation, duty=duty.id)
            passing = PassTheBuck(nation=duty.nation, duty=duty.id)
            half = (inner - 6) // 2
            for i, (caption, action, cls) in enumerate(
                (("Honour", honour, "@primary"), ("Pass the buck", passing, "@danger"))
            ):
                button = self._add(
                    make_button(
                        pygame.Rect(i * (half + 6), y, half, 30),
                        caption,
                        manager,
                        container=scroll,
                        class_id=cls,
                        object_id=f"#duty_{duty.id}_{'honour' if i == 0 else 'pass'}",
                        enabled=action in self.legal and self.my_turn,
                    )
                )
                self._buttons[button] = ("act", action)
            y += 38
        for offer in offers:
            y += self._text(esc(offer_sentence(m, offer)), pygame.Rect(-4, y, inner + 8, -1), scroll) + 2
            half = (inner - 6) // 2
            accept = AnswerOffer(nation=offer.recipient, offer=offer.id, accept=True)
            reject = AnswerOffer(nation=offer.recipient, offer=offer.id, accept=False)
            for i, (caption, action, cls) in enumerate((("Accept", accept, "@primary"), ("Reject", reject, None))):
                button = self._add(
                    make_button(
                        pygame.Rect(i * (half + 6), y, half, 30),
                        caption,
                        manager,
                        container=scroll,
                        class_id=cls,
                        object_id=f"#offer_{offer.id}_{'accept' if i == 0 else 'reject'}",
                        enabled=action in self.legal and self.my_turn,
                    )
                )
                self._buttons[button] = ("act", action)
            y += 38
        y = self._build_awaiting(scroll, y, inner)
        self._add(label(pygame.Rect(0, y, inner, 20), "TREATIES IN FORCE", manager, scroll, "@small"))
        y += 24
        leaves = {a.treaty for a in self.legal if isinstance(a, LeaveTreaty) and a.nation == self.acting}
        for alliance in sorted(m.alliances.values(), key=lambda al: al.id):
            clause = "Article 5" if alliance.collective_defence else "no Article 5"
            members = ", ".join(nation_html(m, n, bold=False) for n in alliance.members)
            y += self._text(
                f"<b>{esc(alliance.name)}</b> <font color='{hex_of(ink('muted'))}'>({clause})</font><br>{members}"
                + scope_note(m, alliance.id, inline=False),
                pygame.Rect(-4, y, inner + 8, -1),
                scroll,
            )
            bar_w = inner - (86 if alliance.id in leaves else 0)
            colour = ink("good") if alliance.cohesion >= 60 else ink("warn") if alliance.cohesion >= 30 else ink("bad")
            image = bar_surface(
                (bar_w, 18), alliance.cohesion / 100, colour, f"cohesion {alliance.cohesion}", small_font
            )
            self._add(UIImage(pygame.Rect(0, y + 4, bar_w, 18), image, manager, container=scroll))
            if alliance.id in leaves:
                button = self._add(
                    make_button(
                        pygame.Rect(inner - 80, y, 80, 26),
                        "Leave",
                        manager,
                        container=scroll,
                        tooltip=action_tip(m, LeaveTreaty(nation=self.acting, treaty=alliance.id), "leave"),
                        object_id=f"#leave_{alliance.id}",
                        enabled=self.my_turn,
                    )
                )
                self._buttons[button] = ("act", LeaveTreaty(nation=self.acting, treaty=alliance.id))
            y += 40
        for treaty, (a, b) in sorted({**m.guarantees, **m.pacts}.items()):
            kind = "Guarantee" if treaty in m.guarantees else "Pact"
            text = (
                f"<b>{kind}</b>: {nation_html(m, a, bold=False)} guarantees {nation_html(m, b, bold=False)}"
                + scope_note(m, treaty, inline=False)
                if kind == "Guarantee"
                else f"<b>Pact</b>: {nation_html(m, a, bold=False)} and {nation_html(m, b, bold=False)}"
            )
            leave = treaty in leaves
            height = self._text(text, pygame.Rect(-4, y, inner + 8 - (86 if leave else 0), -1), scroll)
            if leave:
                button = self._add(
                    make_button(
                        pygame.Rect(inner - 80, y + 6, 80, 26),
                        "Revoke" if kind == "Guarantee" else "Renounce",
                        manager,
                        container=scroll,
                        tooltip=action_tip(m, LeaveTreaty(nation=self.acting, treaty=treaty), "leave"),
                        object_id=f"#leave_{treaty}",
                        enabled=self.my_turn,
                    )
                )
                self._buttons[button] = ("act", LeaveTreaty(nation=self.acting, treaty=treaty))
            y += max(height, 38) + 4
        if not m.alliances and not m.guarantees and not m.pacts:
            self._add(UILabel(pygame.Rect(0, y, inner, 24), "None yet.", manager, container=scroll))
            y += 26
        scroll.set_scrollable_area_dimensions((inner, y + 8))

    def _build_awaiting(self, scroll: Any, y: int, inner: int) -> int:
        """The seat's offers that nations nobody plays will answer when the round ends, and the rival's.

        Returns the y below the section (unchanged when nothing waits).
        """
        m = self.match
        mine = w.seat_nations(m, self.seat)
        ours = awaiting_round_end(m, mine)
        theirs = [] if self.private_offers else awaiting_round_end(m, w.seat_nations(m, 1 - self.seat))
        if not ours and not theirs:
            return y
        muted = hex_of(ink("muted"))
        self._add(
            label(pygame.Rect(0, y, inner, 20), "ANSWERED WHEN THE ROUND ENDS", self.app.manager, scroll, "@small")
        )
        y += 22
        lines = []
        for offer in ours:
            seen = forecast_offer(m, offer)
            today = ""
            if seen is not None:
                colour = hex_of(ink("good") if seen.accept else ink("bad"))
                verdict = "would accept" if seen.accept else "would refuse"
                today = f" <font color='{colour}'>(today it {verdict})</font>"
            lines.append(f"• {pending_offer_html(m, offer, by=len(mine) > 1)}{today}")
        if theirs:
            lines.append(f"<font color='{muted}'>Your rival's offers, weighed with yours:</font>")
            lines += [f"• {pending_offer_html(m, o, by=True)}" for o in theirs]
        lines.append(
            f"<font color='{muted}'>Each nation nobody plays weighs every suitor of the round together "
            "and answers by its doctrine.</font>"
        )
        y += self._text("<br>".join(lines), pygame.Rect(-4, y, inner + 8, -1), scroll) + 12
        return y

    def _text(self, html: str, rect: pygame.Rect, container: Any) -> int:
        """A text box as tall as its text (height -1); returns that height."""
        box = self._add(UITextBox(html, rect, self.app.manager, container=container, object_id="@card_text"))
        return int(box.get_relative_rect().height)

    # Input ------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> UICommand | None:
        if event.type == pygame_gui.UI_WINDOW_CLOSE:
            return super().handle(event)
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED and self.focus is not None:
            chosen = {id(self.against_menu): self.scope_against, id(self.area_menu): self.scope_area}.get(
                id(event.ui_element)
            )
            if chosen is not None:
                chosen[self.focus] = str(getattr(event, "selected_option_id", "") or ANYONE)
                self._remember_inputs()
                self.build("b")  # the buttons ask the core about the treaty as it would now be sent
                return HANDLED
        if event.type != pygame_gui.UI_BUTTON_PRESSED:
            return None
        entry = self._buttons.get(event.ui_element)
        if entry is None:
            return None
        what, value = entry
        if what == "acting":
            self._remember_inputs()
            self.acting = value
            if self.focus == value or self.focus is None:
                others = self._others()
                self.focus = others[0] if others else None
            self.answers = []
            self.build()  # the lists keep their scroll positions, so the nation chosen stays in view
            return HANDLED
        if what == "relations":
            self._remember_inputs()
            self.view = "relations"
            self._scrolls.pop("b", None)
            for button in self._nation_buttons.values():
                button.unselect()
            self.relations_button.select()
            self.build("bc")
            return HANDLED
        if what == "focus":
            self._remember_inputs()
            was = self.view
            self.view = "nation"
            self.focus = value
            self._scrolls.pop("b", None)  # a new nation's column starts at its top
            for nation, button in self._nation_buttons.items():
                if nation == value:
                    button.select()
                else:
                    button.unselect()
            self.relations_button.unselect()
            self.build("bc" if was == "relations" else "b")
            return HANDLED
        return Act(self._concrete(value))

    def key(self, key: int) -> UICommand | None:
        if key == pygame.K_d and self.name_entry is not None and self.name_entry.is_focused:
            return None  # a letter of the alliance's name
        return super().key(key)
