"""The words of alliance theory, explained in plain English, and when a match first shows each.

The glossary is what turns the rules into a lesson: the first time a match produces an
event that *is* one of these ideas (an Article 5 call, a duty honoured, a buck passed,
an NPC siding with the strong), the match screen shows that term's card once. Two rules
of play that surprise newcomers have cards too: the first seat alternates every round,
and a nation nobody plays answers offers only when the round ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.core import Match, first_seat, fixed_opener
from game.core import world as w


@dataclass(frozen=True)
class Term:
    """An idea: its title, the glossary's full text, and the one-line hint shown when it first happens."""

    key: str
    title: str
    text: str
    hint: str = ""


TERMS: dict[str, Term] = {
    t.key: t
    for t in (
        Term(
            "article_5",
            "Article 5 (collective defence)",
            "An alliance with a collective-defence clause treats an attack on one member as an attack on all, "
            "as NATO's Article 5 does. When a member is attacked, every other member receives a duty to join "
            "the war against the aggressor by the end of its next turn. An aggressor cannot call on its own "
            "allies this way. A duty stands until it is answered, even if the nation attacked falls; it ends "
            "early only when nothing is left to answer (peace is made, the treaty ends), and the chronicle says why.",
            hint="An attack on one member calls every other member to war.",
        ),
        Term(
            "chain_ganging",
            "Chain-ganging",
            "Honouring a duty drags a nation into a war it did not start, and its own allies may be pulled in "
            "after it: the alliance is chained together. Honouring raises the alliance's cohesion and the "
            "nation's credibility, but the war is now yours too.",
            hint="Honouring a duty pulls you into a war you did not start.",
        ),
        Term(
            "entrapment",
            "Entrapment and abandonment",
            "An ally that starts a war of its own may call its allies to arms. No treaty obliges them: Article 5 "
            "binds only in defence. Joining is entrapment: you fight a war you did not want, and the enemy's "
            "allies are called against you. Refusing is abandonment: no promise is broken, but the alliance's "
            "cohesion falls and your ally learns what you are worth. An ally sure of your support dares more "
            "(Austria-Hungary in 1914, Bulgaria in 1915).",
            hint="Joining an ally's own war is entrapment; refusing it, abandonment.",
        ),
        Term(
            "buck_passing",
            "Buck-passing",
            "Refusing a duty lets others carry the cost of stopping the aggressor. It is cheaper today, but the "
            "alliance's cohesion and the nation's credibility fall, and every nation nobody plays remembers it "
            "when it weighs an offer from you.",
            hint="Refusing a duty lets others pay; cohesion and credibility fall.",
        ),
        Term(
            "bandwagoning",
            "Bandwagoning",
            "A weak nation may side with the strongest threatening power instead of resisting it, when opposing "
            "it would cost more than it gains: a strategy for the weak. Bandwagoners join whoever looks like "
            "the winner, so strength attracts allies.",
            hint="A weak nation may side with the strongest power instead of resisting it.",
        ),
        Term(
            "balancing",
            "Balancing: power or threat",
            "Balancers join the weaker side to stop the stronger from gaining more (Waltz: balance of power). "
            "Threat-balancers oppose whoever threatens them most: power, nearness, troops on the border and an "
            "aggressive record, softened by shared ideology (Walt: balance of threat).",
            hint="Some join the weaker side; others oppose the most threatening.",
        ),
        Term(
            "socialization",
            "Socialization and cohesion",
            "Allies who train together fight together. Joint exercises raise an alliance's cohesion, which "
            "makes allied troops defending one territory stronger and NPC members more faithful. Cohesion fades "
            "without exercises, with ideological distance and with every passed buck.",
            hint="Joint exercises raise cohesion; allied defenders fight better.",
        ),
        Term(
            "regime_protection",
            "Regime protection",
            "Fragile regimes align with whoever keeps them in power at home rather than with whoever balances "
            "power abroad (Steven David's omnibalancing). Regime aid raises a nation's stability, and it "
            "remembers the donor when it chooses a side.",
            hint="Fragile regimes side with whoever keeps them in power at home.",
        ),
        Term(
            "tripwire",
            "Forward presence and tripwires",
            "Allies may station troops on each other's soil. Those troops make an attack there an attack on "
            "their nation too: the garrison is a tripwire that brings its country into the war at once, which "
            "is exactly why it deters.",
            hint="Troops on an ally's soil bring their nation into any war there.",
        ),
        Term(
            "pact",
            "Non-aggression pact",
            "Two nations promise not to attack each other. It binds no one to fight, but breaking it by "
            "attacking the partner costs heavy credibility, and NPCs remember a nation that broke a pact.",
            hint="A promise not to attack each other; breaking it costs credibility.",
        ),
        Term(
            "truce",
            "Peace and the truce",
            f"Peace ends a war, and a truce follows it: for {w.truce_rounds()} rounds neither nation may attack "
            "the other, "
            "so a peace offer cannot be used to catch a breath and strike again next turn. A truce forbids "
            "aggression only: an alliance may still call one of them to war against the other.",
            hint="After peace, neither nation may attack the other for a few rounds.",
        ),
        Term(
            "guarantee",
            "Guarantee",
            "A one-way promise: the guarantor takes a duty to defend the guaranteed nation if it is attacked, "
            "and asks nothing in return, as Britain guaranteed Belgium in 1839. The guaranteed nation owes "
            "nothing back.",
            hint="A one-way promise to defend a nation if it is attacked.",
        ),
        Term(
            "scope",
            "Treaty scope (casus foederis)",
            "A treaty may say when it binds. Some name the attacker: Britain's 1939 guarantee of Poland bound it "
            "only against Germany, and the Polish-Romanian alliance only against the USSR. Others name the place: "
            "NATO's Article 6 covers an area, so the Falklands war of 1982 called no ally. An attack outside a "
            "treaty's scope calls nobody to war, and costs nobody credibility for staying out.",
            hint="A treaty may bind only against some attackers or places.",
        ),
        Term(
            "prior_alliance",
            "A prior alliance wins",
            "No treaty calls a nation to war against its own ally. Austria had guaranteed Belgium in 1839, but in "
            "1914 Germany, its ally, was the attacker: the guarantee was void against it, and Austria owed Belgium "
            "nothing.",
            hint="No treaty calls a nation to war against its own ally.",
        ),
        Term(
            "courtship",
            "Courting a nation nobody plays",
            "A nation nobody plays answers offers when the round ends, not at once: both seats may court it in "
            "the same round, and it weighs every suitor together and picks by its doctrine. Moving first wins "
            "nobody over; what counts is what its doctrine makes of each side.",
            hint="They answer at the round's end, weighing every suitor together.",
        ),
        Term(
            "turn_order",
            "Turn order",
            "The seat that moves first alternates: seat 1 opens the odd rounds, seat 2 the even ones, and the "
            "nations nobody plays act last in every round. So neither side always has to answer the other's "
            "moves, nor always has the last word before the round ends. A scenario may fix the order instead, "
            "to hand that last word to the side the map is against: the top bar says who opens.",
            hint="The first seat alternates every round; nations nobody plays act last.",
        ),
    )
}

# Which doctrine an NPC's answer illustrates: its reasons are the lesson.
_DOCTRINE_TERM = {
    "bandwagoner": "bandwagoning",
    "balancer": "balancing",
    "threat_balancer": "balancing",
    "regime_seeker": "regime_protection",
}


def term_text(term: str, match: Match) -> str:
    """A term's text as this match should tell it: a scenario with a fixed order is no place to
    say that the first seat alternates."""
    opener = fixed_opener(match.level)
    if term == "turn_order" and opener is not None:
        first = match.level.seats[opener].name
        return (
            f"In this scenario {first} opens every round, and the nations nobody plays act last. Usually the "
            "first seat alternates, so neither side always answers the other's moves; here the other side "
            "always answers and has the last word before the round ends, an edge the map is meant to offset."
        )
    return TERMS[term].text


def term_hint(term: str, match: Match) -> str:
    """The one line (at most about fifteen words) shown when a term first happens; the glossary keeps the rest."""
    opener = fixed_opener(match.level)
    if term == "turn_order" and opener is not None:
        return f"In this scenario {match.level.seats[opener].name} opens every round; nations nobody plays act last."
    return TERMS[term].hint


def terms() -> list[Term]:
    """Every term, in teaching order."""
    return list(TERMS.values())


def term_for_event(event: Any, match: Match) -> str | None:  # noqa: C901 - one line per kind of event
    """The glossary term an event illustrates, if any (read from the event and the match's treaties)."""
    kind = getattr(event, "kind", "")
    if kind == "duty_raised":
        return "guarantee" if event.treaty in match.guarantees or event.treaty.startswith("guarantee_") else "article_5"
    if kind == "duty_ended":
        return "article_5"
    if kind == "duty_spared":
        return "scope"
    if kind == "duty_void":
        return "prior_alliance"
    if kind == "duty_honoured":
        return "chain_ganging"
    if kind == "buck_passed":
        return "buck_passing"
    if kind == "call_made":
        return "entrapment"
    if kind == "offer_made" and event.sender in match.seat_of and event.recipient not in match.seat_of:
        return "courtship"
    if kind == "turn_started" and event.round > 1 and event.seat == first_seat(match, event.round):
        return "turn_order"  # a new round opens: the first time (round 2), the order has just flipped
    if kind == "offer_answered" and not event.expired and event.reason:
        return _DOCTRINE_TERM.get(match.index.doctrine.get(event.recipient, ""))
    if kind in ("joint_exercise_held", "cohesion_changed"):
        return "socialization"
    if kind == "regime_aid_given":
        return "regime_protection"
    if kind == "entered_war" and event.cause == "tripwire":
        return "tripwire"
    if kind == "moved" and match.owner.get(event.target) not in (None, event.nation):
        return "tripwire"  # troops on an ally's soil: forward presence
    if kind == "war_declared" and event.broke_pact:
        return "pact"
    if kind == "peace_made":
        return "truce"
    if kind == "treaty_signed":
        if event.treaty_kind == "pact":
            return "pact"
        if event.treaty_kind == "guarantee":
            return "guarantee"
        alliance = match.alliances.get(event.treaty)
        if alliance is not None and alliance.collective_defence:
            return "article_5"
    return None
