"""The questions a turn opens with: a duty to answer, a call to arms, an offer to accept or reject.

What each answer costs is the core's :func:`~game.core.preview` of it, and the deadline the
core's :func:`~game.core.deadline_round`: the dialog restates no rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.elements import UIButton, UITextBox

from game.core import Match, Preview, deadline_round, preview
from game.core import world as w
from game.core.actions import AnswerCall, AnswerOffer, HonourDuty, PassTheBuck
from game.core.state import AllianceState, Call, Duty, Offer
from game.ui.commands import Act, DecideLater, UICommand
from game.ui.panels.common import CLOSE, change_phrase, esc, hex_of, ink, nation_html, treaty_name
from game.ui.panels.dialog import Choice, Dialog

if TYPE_CHECKING:
    from game.ui.app import App

LATER = DecideLater()


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def answer_price(match: Match, seen: Preview, nation: str, alliance: AllianceState | None) -> str:
    """What an answer to a duty moves, from the core's preview of it: "credibility +5; cohesion of the X +5".

    A measure already at its bound does not move; the sentence says where it stays rather than
    promising a change the rules will not make.
    """
    if seen.refusal is not None:
        return f"Not possible now: {esc(seen.refusal.reason)}"
    parts = [change_phrase("credibility", seen.credibility.get(nation, 0), match.credibility[nation])]
    if alliance is not None:
        cohesion = seen.cohesion.get(alliance.id, 0)
        parts.append(change_phrase(f"cohesion of {esc(w.with_the(alliance.name))}", cohesion, alliance.cohesion))
    return _first_upper("; ".join(parts))


#: How wide the questions are; each is as tall as its text (Dialog._open_to_fit).
DUTY_WIDTH, OFFER_WIDTH = 560, 520

LATER_TIP = "Look at the map first; answer from the Diplomacy window (D) before you end the turn."


class _ChoiceDialog(Dialog):
    """A question with two answers: each button sends its action; "Decide later", Esc or × defers."""

    cancel_command = LATER
    glossary_keys = (pygame.K_g,)

    def _ask(
        self, app: App, width: int, title: str, area: pygame.Rect, body: str, first: Choice, second: Choice
    ) -> tuple[UITextBox, UIButton, UIButton]:
        """Open the question ``width`` wide and as tall as its text: the text, "Decide later" on the
        left and its two answers on the right, the second rightmost."""
        text = self._open_to_fit(app, width, body, title, area)
        later, (one, two) = self._footer(Choice("Decide later", 120, LATER, tooltip=LATER_TIP), (first, second))
        assert later is not None
        self.later = later
        return text, one, two


def answer(
    caption: str, width: int, action: Any, legal: list[Any], object_id: str, class_id: str | None = None
) -> Choice:
    """An answer's button: it sends ``action`` to the core, and is greyed out when the action is not legal."""
    return Choice(caption, width, Act(action), class_id, object_id, enabled=action in legal)


#: What one declaration of war told about its treaties, in the order raise_duties tells it.
_CALL_KINDS = ("duty_raised", "duty_void", "duty_spared")


def spared_by_scope(match: Match, duty: Duty) -> list[str]:
    """The core's sentences for the nations that the declaration behind ``duty`` left alone because a
    treaty's scope does not reach it ("Britain's guarantee of Poland binds it only against Germany: …").

    Read from the chronicle: the duties, void treaties and spared nations of one declaration are told
    together, right where the duty was raised.
    """
    events = match.events
    start = next(
        (i for i in range(len(events) - 1, -1, -1) if events[i].kind == "duty_raised" and events[i].duty == duty.id),
        None,
    )
    if start is None:
        return []
    sentences = []
    for event in events[start:]:
        if event.kind not in _CALL_KINDS:
            break
        if event.kind == "duty_spared" and (event.aggressor, event.target) == (duty.aggressor, duty.target):
            sentences.append(str(event.text))
    return sentences


class DutyDialog(_ChoiceDialog):
    def __init__(self, app: App, match: Match, duty: Duty, legal: list[Any], area: pygame.Rect) -> None:
        self.duty = duty
        m = match
        is_guarantee = duty.treaty in m.guarantees
        title = "A guarantee is called" if is_guarantee else "Article 5 is invoked"
        nation, aggressor, target = duty.nation, duty.aggressor, duty.target
        warn, good, bad = hex_of(ink("warn")), hex_of(ink("good")), hex_of(ink("bad"))
        alliance = m.alliances.get(duty.treaty)
        honour = HonourDuty(nation=nation, duty=duty.id)
        passing = PassTheBuck(nation=nation, duty=duty.id)
        self.honour_preview, self.pass_preview = preview(m, honour), preview(m, passing)
        honour_price = answer_price(m, self.honour_preview, nation, alliance)
        pass_price = answer_price(m, self.pass_preview, nation, alliance)
        enemies_of_aggressor = [n for n in w.enemies(m, aggressor) if n != nation]
        fighting = ", ".join(nation_html(m, n, bold=False) for n in enemies_of_aggressor) or "nobody yet"
        muted = hex_of(ink("muted"))
        scope = w.scope_of(m, duty.treaty)
        within = f" It binds {esc(w.scope_phrase(m, scope))}, and this attack is within it." if scope.limited else ""
        self.spared = spared_by_scope(m, duty)
        # Who else the treaties of this attack leave out: the buck-passing that is not one.
        others = "".join(f"<br><font color='{muted}'>{esc(text)}</font>" for text in self.spared)
        body = (
            f"<font color='{warn}'><b>{esc(w.nation_name(m, aggressor))} has attacked "
            f"{esc(w.nation_name(m, target))}.</b></font><br>"
            f"The {esc(treaty_name(m, duty.treaty))} calls on {nation_html(m, nation)} to join the war against "
            f"{nation_html(m, aggressor)}.{within} Already fighting it: {fighting}.{others}<br>"
            f"Answer by the end of your turn (round {deadline_round(duty)}); left unanswered, the duty counts as "
            "passed.<br><br>"
            f"<font color='{good}'><b>Honour the duty</b></font>: {esc(w.nation_name(m, nation))} enters the war. "
            f"{honour_price}. Its war is now yours: chain-ganging.<br><br>"
            f"<font color='{bad}'><b>Pass the buck</b></font>: it stays out and lets others carry the cost. "
            f"{pass_price}, and every nation nobody plays remembers it.<br><br>"
            f"Credibility of {esc(w.nation_name(m, nation))} now: {m.credibility[nation]}."
        )
        self.text, self.pass_button, self.honour_button = self._ask(
            app,
            DUTY_WIDTH,
            title,
            area,
            body,
            answer("Pass the buck", 160, passing, legal, "#pass_the_buck", "@danger"),
            answer("Honour the duty", 170, honour, legal, "#honour_duty", "@primary"),
        )


def call_sentence(match: Match, call: Call) -> str:
    """The core's own sentence for the call, from its CallMade event (it carries the caller's reason)."""
    for event in reversed(match.events):
        if getattr(event, "kind", "") == "call_made" and event.call == call.id:
            return str(event.text)
    return f"{w.nation_name(match, call.caller)} calls {w.nation_name(match, call.ally)} to arms."


def join_consequences(match: Match, seen: Preview) -> str:
    """Who a declaration by the joiner would call against it, from the core's preview: chain-ganging, spelled out."""
    if seen.refusal is not None:
        return f"Not possible now: {esc(seen.refusal.reason)}"
    called = sorted({w.nation_name(match, d.nation) for d in seen.duties})
    if not called:
        return "No treaty calls anyone to the enemy's aid."
    return f"It is a declaration of your own: {esc(', '.join(called))} will be called to defend the enemy."


def cohesion_price(match: Match, seen: Preview, alliance: AllianceState | None) -> str:
    """What an answer to a call moves: only the alliance's cohesion (no treaty obliged, so no credibility)."""
    if seen.refusal is not None:
        return f"Not possible now: {esc(seen.refusal.reason)}"
    if alliance is None:
        return "Nothing changes"
    name = f"cohesion of {esc(w.with_the(alliance.name))}"
    return _first_upper(change_phrase(name, seen.cohesion.get(alliance.id, 0), alliance.cohesion))


class CallDialog(_ChoiceDialog):
    """An ally started a war and asks you into it: entrapment (join) or abandonment (refuse)."""

    def __init__(self, app: App, match: Match, call: Call, legal: list[Any], area: pygame.Rect) -> None:
        self.call = call
        m = match
        warn, good, bad = hex_of(ink("warn")), hex_of(ink("good")), hex_of(ink("bad"))
        ally, caller, enemy = call.ally, call.caller, call.enemy
        alliance = m.alliances.get(call.treaty)
        joining = AnswerCall(nation=ally, call=call.id, join=True)
        refusing = AnswerCall(nation=ally, call=call.id, join=False)
        self.join_preview, self.refuse_preview = preview(m, joining), preview(m, refusing)
        join_price = cohesion_price(m, self.join_preview, alliance)
        refuse_price = cohesion_price(m, self.refuse_preview, alliance)
        body = (
            f"<font color='{warn}'><b>{esc(call_sentence(m, call))}</b></font><br>"
            f"No treaty obliges {nation_html(m, ally)}: Article 5 binds only when an ally is attacked, and "
            f"{nation_html(m, caller)} started this war. Answer by the end of your turn; left unanswered, the call "
            "counts as refused.<br><br>"
            f"<font color='{bad}'><b>Join the war</b></font> (entrapment): {esc(w.nation_name(m, ally))} declares "
            f"war on {esc(w.nation_name(m, enemy))}. {join_price}. {join_consequences(m, self.join_preview)}<br><br>"
            f"<font color='{good}'><b>Stay out</b></font> (abandonment): {refuse_price}. No promise is broken, so "
            f"credibility is untouched, but {esc(w.nation_name(m, caller))} learns what your alliance is worth."
        )
        self.text, self.refuse_button, self.join_button = self._ask(
            app,
            DUTY_WIDTH,
            "A call to arms",
            area,
            body,
            answer("Stay out", 160, refusing, legal, "#refuse_call"),
            answer("Join the war", 170, joining, legal, "#join_call", "@danger"),
        )


OFFER_MEANING = {
    "alliance": "Accepting founds the alliance. {clause}",
    "invite": "Accepting makes {recipient} a member of {alliance}, with its duties and its protection.",
    "guarantee": "{sender} takes a duty to defend {recipient} if it is attacked; {recipient} owes nothing back.",
    "pact": "Neither may attack the other without breaking the pact, which costs {pact} credibility.",
    "peace": "The war between {sender} and {recipient} ends.",
}


def offer_sentence(match: Match, offer: Offer) -> str:
    """The engine's own sentence for the offer, from its OfferMade event."""
    for event in reversed(match.events):
        if getattr(event, "kind", "") == "offer_made" and event.offer == offer.id:
            return str(event.text)
    return f"{w.nation_name(match, offer.sender)} makes an offer to {w.nation_name(match, offer.recipient)}."


def offer_meaning(match: Match, offer: Offer) -> str:
    sender, recipient = w.nation_name(match, offer.sender), w.nation_name(match, offer.recipient)
    alliance = match.alliances.get(offer.alliance or "")
    clause = (
        "With its Article 5 clause, an attack on either calls the other to war."
        if offer.collective_defence
        else "It has no Article 5 clause: nobody is bound to fight for the other."
    )
    meaning = OFFER_MEANING[offer.kind].format(
        sender=sender,
        recipient=recipient,
        alliance=w.with_the(alliance.name) if alliance else "the alliance",
        clause=clause,
        pact=-w.broken_pact_credibility(),
    )
    if offer.scope.limited:
        treaty = "alliance" if offer.kind == "alliance" else "guarantee"
        meaning += (
            f" The {treaty} binds {w.scope_phrase(match, offer.scope)}: an attack outside that scope "
            "calls nobody to war."
        )
    return meaning


class OfferDialog(_ChoiceDialog):
    def __init__(self, app: App, match: Match, offer: Offer, legal: list[Any], area: pygame.Rect) -> None:
        self.offer = offer
        m = match
        heading = hex_of(ink("heading"))
        name = f"<br>Name: <i>{esc(offer.name)}</i>." if offer.kind == "alliance" and offer.name else ""
        # The engine's sentence already ends with the sender's reason: "…: Russia is the stronger in troops and income."
        body = (
            f"<font color='{heading}'><b>{esc(offer_sentence(m, offer))}</b></font>{name}<br><br>"
            f"{esc(offer_meaning(m, offer))}<br><br>"
            f"Credibility of {nation_html(m, offer.sender, bold=False)}: {m.credibility[offer.sender]}. "
            "Unanswered, the offer lapses at the end of your turn."
        )
        accept = AnswerOffer(nation=offer.recipient, offer=offer.id, accept=True)
        reject = AnswerOffer(nation=offer.recipient, offer=offer.id, accept=False)
        refused = None if accept in legal else "The treaty's conditions no longer hold."
        # As tall as its text: a named alliance's name, a scope, long nation names each add their lines.
        self.text, self.reject_button, self.accept_button = self._ask(
            app,
            OFFER_WIDTH,
            f"An offer from {w.nation_name(m, offer.sender)}",
            area,
            body,
            answer("Reject", 130, reject, legal, "#reject_offer"),
            Choice("Accept", 150, Act(accept), "@primary", "#accept_offer", accept in legal, refused),
        )


class ConfirmDialog(Dialog):
    """A yes/no question: 'End the turn with a duty unanswered?' Enter says yes, Esc no."""

    def __init__(
        self, app: App, title: str, html: str, yes: str, no: str, area: pygame.Rect, intent: UICommand
    ) -> None:
        self.intent = intent
        self._open(app, (460, 230), title, area)
        self._body(html)
        no_button, (self.yes,) = self._footer(
            Choice(no, 150, CLOSE), (Choice(yes, 150, intent, "@primary", "#confirm_yes"),)
        )
        assert no_button is not None
        self.no = no_button

    def confirmed(self) -> UICommand:
        return self.intent
