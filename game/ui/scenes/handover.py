"""Hot-seat hand-over: an opaque screen between two people's turns, so neither sees the other's plans.

It names the seat to play and who opens the round (the order usually alternates, so a seat may
play twice in a row across a round's end), and sums up what happened to its nations since its last
turn: attacks on them, the duties raised for them that still stand (and why any other ended or
was never owed), offers made to them, the rival's offers still waiting for a nation nobody
plays, and how those nations answered, with their reasons.
Everything is read from the match's events and the core's turn order.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UIPanel, UITextBox

from game.core import Match, first_seat, fixed_opener
from game.core import world as w
from game.ui.panels.common import (
    alliance_members_ever,
    esc,
    hex_of,
    ink,
    on_side_of,
    opener_phrase,
    opening_seat,
    plural,
    seat_label,
)
from game.ui.scene import Scene

if TYPE_CHECKING:
    from game.ui.app import App

#: Above every widget the match screen creates, so none of them shows through.
HANDOVER_LAYER = 60


def last_turn_end(match: Match, seat: int) -> int:
    """Where the seat's news starts in a match resumed from a save: the end of its previous turn.

    The chronicle marks every turn's start; the seat's previous turn ended where the next turn
    or rules' phase began. A seat that has not played yet hears everything from the start.
    """
    starts = [i for i, e in enumerate(match.events) if getattr(e, "kind", "") == "turn_started" and e.seat == seat]
    if match.phase == "seat" and match.seat == seat and starts:
        starts.pop()  # the turn being played now
    if not starts:
        return 0
    for i in range(starts[-1] + 1, len(match.events)):
        if getattr(match.events[i], "kind", "") in ("turn_started", "npc_phase_started"):
            return i
    return len(match.events)


def news_lines(  # noqa: C901 - one rule per kind of news
    match: Match, seat: int, since: int, explain: bool = True, private_offers: bool = False, asks: bool = True
) -> list[str]:
    """What happened to a seat's world since ``since``, as HTML lines.

    The duties to answer come first; then the news in the order it happened, so a cause is read
    before what it caused ("France declares war on Belgium" before "Belgium has fallen"). Each
    line is coloured by what it means for this seat: red or amber when it hurts, green when it
    helps. Leaves out the rival's routine (recruits and moves): :func:`summary_lines` adds that.
    With ``private_offers`` the rival's offers to nations nobody plays stay unsaid until the
    round ends and those nations answer (hot-seat fairness: see :func:`offer_is_private`). With
    ``explain``, a line after the news says how nations nobody plays weigh the rival's courtship
    (the hand-over teaches it; a report every turn against the AI would only repeat it). Without
    ``asks`` the duties and offers still to answer are left out: the turn report lists them itself.
    """
    mine = set(match.level.seats[seat].nations)
    bad, warn, good, muted = (hex_of(ink(n)) for n in ("bad", "warn", "good", "muted"))
    friend = on_side_of(match, seat)
    rivals = set(match.level.seats[1 - seat].nations)

    duties: list[str] = []
    story: list[str] = []
    courted = False
    # Offers answered now may have been made before ``since`` (the seat's own, in its last turn).
    senders = {e.offer: e.sender for e in match.events if getattr(e, "kind", "") == "offer_made"}
    # Only duties that still stand are put to the seat: one ended since by peace or a fallen nation is not.
    standing = {duty.id for duty in w.open_questions(match, seat).duties}
    events = match.events[since:]
    told_previous = False  # whether the event before this one made a line
    for index, event in enumerate(events):
        kind = getattr(event, "kind", "")
        text = esc(getattr(event, "text", ""))
        told = len(story) + len(duties)
        if kind == "war_declared" and event.target in mine:
            story.append(f"<font color='{bad}'><b>{text}</b></font>")
        elif kind == "entered_war" and event.enemy in mine:
            story.append(f"<font color='{bad}'>{text}</font>")
        elif kind == "battle" and not event.attacker_won and (event.defender in mine or event.attacker in mine):
            colour = good if event.defender in mine else warn  # held, or repulsed
            story.append(f"<font color='{colour}'>{text}</font>")
        elif kind == "territory_captured" and event.previous_owner in mine:
            story.append(f"<font color='{bad}'><b>{text}</b></font>")
        elif kind == "territory_captured" and friend(event.previous_owner):
            story.append(
                f"<font color='{warn}'>{text} ({esc(w.nation_name(match, event.previous_owner))} is on "
                "your side.)</font>"
            )
        elif kind == "territory_captured" and friend(event.nation):
            story.append(f"<font color='{good}'>{text}</font>")
        elif kind == "nation_eliminated" and friend(event.nation):
            story.append(f"<font color='{bad}'><b>{text}</b></font>")
        elif kind == "nation_eliminated":
            story.append(f"<b>{text}</b>")
        elif kind == "duty_raised" and event.nation in mine:
            if event.duty in standing and asks:  # one that has ended since says so itself (duty_ended)
                duties.append(f"<font color='{warn}'><b>{text}</b></font> Answer it this turn.")
        elif kind == "duty_ended" and event.nation in mine:
            story.append(f"<font color='{muted}'>{text} Nothing to answer.</font>")
        elif kind in ("duty_void", "duty_spared"):
            # A treaty that calls nobody: nothing to answer for its holder, a defender missing for the
            # nation attacked, and one enemy fewer for the attacker.
            holders = set(event.nations) if kind == "duty_spared" else {event.nation}
            if holders & mine:
                story.append(f"<font color='{muted}'>{text} Nothing to answer.</font>")
            elif event.target in mine:
                story.append(f"<font color='{warn}'>{text}</font>")
            elif event.aggressor in mine:
                story.append(f"<font color='{good}'>{text}</font>")
        elif kind == "buck_passed" and event.nation in mine and event.expired:
            story.append(f"<font color='{warn}'>{text}</font>")
        elif kind == "offer_made" and event.recipient in mine:
            if event.offer in match.offers and asks:  # still open: its sender may have fallen since
                story.append(f"{text} It waits for your answer.")
        elif kind == "offer_made" and event.recipient not in match.seat_of and event.offer in match.offers:
            # The rival courts it, unanswered yet; private until the round ends when the setting says so.
            if event.sender in match.seat_of and event.sender not in mine and not private_offers:
                story.append(f"<font color='{warn}'>{text}</font>")
                courted = True
        elif kind == "offer_answered" and not event.expired and event.recipient not in match.seat_of:
            # Good news when a nation takes our side or turns the rival down; a warning otherwise.
            ours = senders.get(event.offer) in mine
            story.append(f"<font color='{good if ours == event.accepted else warn}'>{text}</font>")
        elif kind == "offer_answered" and senders.get(event.offer) in mine:
            story.append(f"<font color='{good}'>{text}</font>")
        elif kind == "buck_passed" and event.nation not in match.seat_of:
            # A nation that will not fight us is good news; one that fails our side is not.
            story.append(f"<font color='{good if event.aggressor in mine else warn}'>{text}</font>")
        elif kind == "duty_honoured" and event.nation not in match.seat_of and event.aggressor not in mine:
            story.append(f"<font color='{good if friend(event.nation) else warn}'>{text}</font>")
        elif kind == "treaty_signed" and index and told_previous and _accepted(events[index - 1]):
            told_previous = False
            continue  # the acceptance just before it, already told, says the same
        elif kind == "treaty_left" and event.nation not in match.seat_of:
            # A nation walking out of the rival's alliance helps us; out of ours, it hurts.
            left = alliance_members_ever(match).get(event.treaty, set()) - {event.nation}
            colour = warn if left & mine else good if left & rivals else None
            story.append(f"<font color='{colour}'>{text}</font>" if colour else text)
        elif kind == "treaty_signed" and set(event.nations) & rivals:
            # The rival's new alliance (between its own nations too): news as weighty as an answer.
            story.append(f"<font color='{warn}'>{text}</font>")
        elif kind in ("treaty_signed", "treaty_left", "treaty_dissolved", "peace_made", "war_declared", "entered_war"):
            story.append(text)
        told_previous = len(story) + len(duties) > told
    news = duties + story
    if explain and courted:
        news.append(
            f"<font color='{muted}'>Nations nobody plays weigh every offer of the round together when it ends, "
            "yours included.</font>"
        )
    return news


def offer_is_private(match: Match, event: object, viewer: int) -> bool:
    """Whether ``event`` is the other seat's offer to a nation nobody plays, still unanswered.

    Such a nation answers when the round ends, weighing every suitor together; a hot-seat player
    who read the rival's offers first could court each one with full knowledge. With the privacy
    setting on, the hand-over, the report and the chronicle keep them unsaid until then.
    """
    if getattr(event, "kind", "") != "offer_made":
        return False
    sender = match.seat_of.get(event.sender)  # type: ignore[attr-defined]
    return (
        sender is not None
        and sender != viewer
        and event.recipient not in match.seat_of  # type: ignore[attr-defined]
        and event.offer in match.offers  # type: ignore[attr-defined]
    )


def _accepted(event: object) -> bool:
    return getattr(event, "kind", "") == "offer_answered" and bool(getattr(event, "accepted", False))


def summary_lines(match: Match, seat: int, since: int, private_offers: bool = False) -> list[str]:
    """What a seat should know on taking the controls: the news, then the rival's routine."""
    muted = hex_of(ink("muted"))
    lines = news_lines(match, seat, since, private_offers=private_offers)
    recruited = moved = 0
    for event in match.events[since:]:
        nation = getattr(event, "nation", None)
        if nation in match.seat_of and match.seat_of[nation] != seat:
            if event.kind == "recruited":
                recruited += event.amount
            elif event.kind == "moved":
                moved += 1
    if recruited or moved:
        other = match.level.seats[1 - seat].name
        lines.append(
            f"<font color='{muted}'>{esc(other)} recruited {plural(recruited, 'troop')} and made "
            f"{plural(moved, 'move')}.</font>"
        )
    if not lines:
        lines.append(f"<font color='{muted}'>A quiet turn: nothing touched your nations.</font>")
    return lines


def plays_again(match: Match, seat: int) -> bool:
    """Did ``seat`` also play the turn before this one (it closed the last round and opens this one)?"""
    started = [e.seat for e in match.events if getattr(e, "kind", "") == "turn_started"]
    return len(started) >= 2 and started[-1] == seat and started[-2] == seat


def order_line(match: Match, seat: int, again: bool) -> str:
    """The round's turn order as the seat to play should hear it (the order itself is the core's)."""
    r = match.round
    first = opening_seat(match)
    if again:
        return f"You closed round {r - 1} and open round {r}: the first seat alternates, so you play twice in a row."
    other = seat_label(match, 1 - seat)
    if seat == first:
        text = f"You move first, then {other}, then the nations nobody plays."
    else:
        text = f"You move second, after {other}, then the nations nobody plays."
    if fixed_opener(match.level) is not None:
        opener = "you open" if first == seat else f"{seat_label(match, first)} opens"
        text += f" This scenario fixes the order: {opener} every round."
    elif r < match.level.round_limit:
        opener = first_seat(match, r + 1)
        who = "you open" if opener == seat else f"{seat_label(match, opener)} opens"
        text += f" The first seat alternates: {who} round {r + 1}."
    return text


class HandoverScene(Scene):
    """``Seat 2, take the controls``: Continue (Enter or Space) returns to the match."""

    opaque = True

    def __init__(
        self, app: App, match: Match, seat: int, since: int = 0, on_continue: Callable[[], None] | None = None
    ) -> None:
        super().__init__(app)
        self.match = match
        self.seat = seat
        self.since = since
        self.on_continue = on_continue
        self.panel: UIPanel | None = None
        self.continue_button: UIButton | None = None
        self.summary: UITextBox | None = None
        self.order: UILabel | None = None

    def enter(self) -> None:
        self.build()

    def resize(self, size: tuple[int, int]) -> None:
        self.build()

    def build(self) -> None:
        Scene.exit(self)
        m, manager = self.match, self.app.manager
        width, height = self.app.size
        self.panel = UIPanel(
            pygame.Rect(0, 0, width, height),
            starting_height=HANDOVER_LAYER,
            manager=manager,
            object_id=ObjectID(object_id="#handover"),
        )
        self.own(self.panel)
        card_w = min(760, width - 80)
        x = (width - card_w) // 2
        # The news first, sized to what it says: the screen is laid out around it, all of it centred,
        # where a fixed box left a quiet turn's one line at the top of a large empty middle.
        lines = summary_lines(m, self.seat, self.since, self.app.settings.private_offers)
        self.summary = self._summary("<br>".join(f"\u2022 {line}" for line in lines), card_w, height)
        box = self.summary.get_relative_rect()
        # Heading, title, seat, order line and caption above the news; the look-away line and Continue below.
        above, below = 206, 12 + 24 + 16 + 54
        top = max(40, (height - (above + box.height + below)) // 2)
        self.summary.set_relative_position(((width - box.width) // 2, top + above))
        seat = m.level.seats[self.seat]
        UILabel(
            pygame.Rect(x, top, card_w, 30),
            f"ROUND {m.round} OF {m.level.round_limit}  ·  {opener_phrase(m).upper()}",
            manager,
            container=self.panel,
            object_id="@heading",
        )
        again = plays_again(m, self.seat)
        UILabel(
            pygame.Rect(x, top + 34, card_w, 64),
            f"Seat {self.seat + 1}, {'keep' if again else 'take'} the controls",
            manager,
            container=self.panel,
            object_id=ObjectID(class_id="@title", object_id="#handover_title"),
        )
        nations = " and ".join(w.nation_name(m, n) for n in w.seat_nations(m, self.seat))
        UILabel(
            pygame.Rect(x, top + 100, card_w, 28),
            f"{seat.name}: {nations}",
            manager,
            container=self.panel,
            object_id="@subtitle",
        )
        self.order = UILabel(
            pygame.Rect(x, top + 132, card_w, 24),
            order_line(m, self.seat, again),
            manager,
            container=self.panel,
            object_id=ObjectID(class_id="@small", object_id="#handover_order"),
        )
        UILabel(
            pygame.Rect(x, top + 176, card_w, 22),
            "SINCE YOUR LAST TURN",
            manager,
            container=self.panel,
            object_id=ObjectID(class_id="@small", object_id="#handover_since"),
        )
        bottom = top + above + box.height + 12
        other = m.level.seats[1 - self.seat].name
        UILabel(
            pygame.Rect(x, bottom, card_w, 24),
            f"{other}: please look away while {seat.name} plays.",
            manager,
            container=self.panel,
            object_id="@small",
        )
        self.continue_button = UIButton(
            pygame.Rect(width // 2 - 110, bottom + 40, 220, 54),
            "Continue",
            manager,
            container=self.panel,
            tool_tip_text="Enter or Space",
            object_id=ObjectID(class_id="@primary", object_id="#handover_continue"),
        )

    def _summary(self, html: str, widest: int, height: int) -> UITextBox:
        """The news in a box as wide as its longest line (at most ``widest``) and as tall as it runs,
        up to what the window leaves (then it scrolls)."""
        room = max(120, height - 360)
        make = partial(
            UITextBox,
            html,
            manager=self.app.manager,
            container=self.panel,
            object_id=ObjectID(class_id="@card_text", object_id="#handover_summary"),
        )
        box = make(relative_rect=pygame.Rect(0, 0, -1, -1))  # one line per item, unwrapped: its natural width
        if box.get_relative_rect().width > widest:
            box.kill()
            box = make(relative_rect=pygame.Rect(0, 0, widest, -1))
        if box.get_relative_rect().height > room:
            size = box.get_relative_rect().size
            box.kill()
            box = make(relative_rect=pygame.Rect(0, 0, size[0], room))
        return box

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.continue_button:
            self.proceed()
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.proceed()
            return True
        return False

    def proceed(self) -> None:
        if self.app.scene is self:
            self.app.sound.play("click")
            self.app.pop()
        if self.on_continue is not None:
            self.on_continue()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(ink("bar_bg"))

    def summary_text(self) -> Any:
        """The summary as shown (tests read it)."""
        return self.summary.html_text if self.summary is not None else ""
