"""Treaty scope (casus foederis): a treaty may bind only against some attackers, or only for an
attack on some territories, and a nation it spares is told so instead of being called.

The stage, one row of hexes with Britain apart across the sea::

    B1 . G1 P1 P2 U1

Seat 1 plays Britain; seat 2 plays Germany and the USSR; Poland is played by the rules.
Germany borders Poland's P1, the USSR its P2.
"""

from __future__ import annotations

from typing import Any

import pytest

from game.core import IllegalAction, UnknownId, preview, snapshot, state_hash
from game.core import world as w
from game.core.actions import Attack, LeaveTreaty, OfferGuarantee, ProposeAlliance
from game.core.doctrines import decide_offer
from game.core.state import Offer, Scope
from game.io.saves import match_from_text, save_to_text
from tests.builder import Game
from tests.worlds import level, nation


def poland_1939(
    guarantee: dict[str, Any] | None = None,
    alliances: list[dict[str, Any]] | None = None,
    seat_1: tuple[str, ...] = ("britain",),
    seat_2: tuple[str, ...] = ("germany", "ussr"),
) -> Game:
    """Seat 2 (Germany and the USSR) to play, each with troops on a Polish border."""
    data = level(
        ["B1 . G1 P1 P2 U1"],
        {
            "B1": ("britain", 3, "plains"),
            "G1": ("germany", 3, "plains"),
            "P1": ("poland", 2, "plains"),
            "P2": ("poland", 2, "plains"),
            "U1": ("ussr", 3, "plains"),
        },
        [
            nation("britain", "Britain", capital="b1"),
            nation("germany", "Germany", capital="g1"),
            nation("poland", "Poland", capital="p1", doctrine="balancer"),
            nation("ussr", "the USSR", capital="u1"),
        ],
        {"b1": {"britain": 4}, "g1": {"germany": 9}, "u1": {"ussr": 9}, "p1": {"poland": 2}, "p2": {"poland": 2}},
        seats=(list(seat_1), list(seat_2)),
        alliances=alliances,
    )
    if guarantee is not None:
        data["treaties"]["guarantees"] = [{"guarantor": "britain", "guaranteed": "poland", **guarantee}]
    game = Game.from_level(data)
    game.end_turn()  # Britain's turn ends: seat 2 to play
    return game


GERMAN_ATTACK = Attack(nation="germany", source="g1", target="p1", amount=9)
SOVIET_ATTACK = Attack(nation="ussr", source="u1", target="p2", amount=9)


# -- Against: only an attack by a named nation raises the duty -------------------------------------


def test_a_guarantee_against_germany_calls_britain_when_germany_attacks() -> None:
    game = poland_1939({"against": ["germany"]})
    game.act(GERMAN_ATTACK)
    assert game.duty_of("britain").aggressor == "germany"
    assert game.events_of("duty_spared") == []


def test_a_guarantee_against_germany_spares_britain_when_the_ussr_attacks_and_says_so() -> None:
    game = poland_1939({"against": ["germany"]})
    events = game.act(SOVIET_ATTACK)
    assert game.duties_of("britain") == []
    spared = game.events_of("duty_spared", events)
    assert [e.text for e in spared] == [
        "Britain's guarantee of Poland binds it only against Germany: it owes Poland no war against the USSR."
    ]
    assert (spared[0].nations, spared[0].clause, spared[0].treaty) == (
        ["britain"],
        "against",
        "guarantee_britain_poland",
    )


def test_a_guarantee_without_scope_still_calls_against_anyone() -> None:
    game = poland_1939({})
    game.act(SOVIET_ATTACK)
    assert game.duty_of("britain").aggressor == "ussr"


def test_an_alliance_against_one_nation_spares_all_its_members_in_one_sentence() -> None:
    pact = {"id": "polish_alliance", "name": "Anglo-Polish Agreement", "members": ["britain", "poland"]}
    game = poland_1939(alliances=[{**pact, "against": ["germany"]}])
    events = game.act(SOVIET_ATTACK)
    assert game.duties_of("britain") == []
    assert [e.text for e in game.events_of("duty_spared", events)] == [
        "The Anglo-Polish Agreement binds Britain only against Germany: it owes Poland no war against the USSR."
    ]


def test_a_nation_spared_by_one_treaty_is_still_called_by_another_that_binds() -> None:
    pact = {"id": "polish_alliance", "name": "Anglo-Polish Agreement", "members": ["britain", "poland"]}
    game = poland_1939({}, alliances=[{**pact, "against": ["germany"]}])  # the guarantee names nobody
    events = game.act(SOVIET_ATTACK)
    assert game.duty_of("britain").treaty == "guarantee_britain_poland"
    assert game.events_of("duty_spared", events) == [], "a nation that is called was not spared"


# -- Territories: only an attack on the treaty's area raises the duty ------------------------------


def test_a_guarantee_of_one_territory_binds_for_an_attack_there() -> None:
    game = poland_1939({"territories": ["p1"]})
    game.act(GERMAN_ATTACK)
    assert game.duty_of("britain").target == "poland"


def test_a_guarantee_of_one_territory_spares_its_guarantor_for_an_attack_elsewhere() -> None:
    game = poland_1939({"territories": ["p1"]})
    events = game.act(SOVIET_ATTACK)
    assert game.duties_of("britain") == []
    spared = game.events_of("duty_spared", events)
    assert [e.text for e in spared] == [
        "Britain's guarantee of Poland binds it only for an attack on P1: the attack on P2 is outside its scope, "
        "so it owes Poland no war."
    ]
    assert (spared[0].clause, spared[0].territory) == ("territories", "p2")


def test_a_scope_is_kept_in_the_match_from_the_level_and_changes_its_hash() -> None:
    scoped = poland_1939({"against": ["germany"], "territories": ["p1", "p2"]})
    plain = poland_1939({})
    assert w.scope_of(scoped.match, "guarantee_britain_poland") == Scope(("germany",), ("p1", "p2"))
    assert w.scope_of(plain.match, "guarantee_britain_poland") == Scope()
    assert "scopes" not in snapshot(plain.match), "a match without scopes hashes as it did before scopes"
    assert scoped.hash != plain.hash
    assert state_hash(scoped.match.clone()) == scoped.hash


def test_the_attack_preview_tells_who_the_scope_spares() -> None:
    game = poland_1939({"against": ["germany"]})
    seen = preview(game.match, SOVIET_ATTACK)
    assert seen.duties == ()
    assert [e.kind for e in seen.events if e.kind == "duty_spared"] == ["duty_spared"]


# -- Offers: a scoped alliance or guarantee is proposed, signed and then binds as written -----------


def test_a_guarantee_offered_against_one_nation_is_signed_with_that_scope() -> None:
    game = poland_1939(seat_2=("germany", "ussr", "poland"))  # one seat's offer to its own nation: signed at once
    events = game.act(OfferGuarantee(nation="germany", to="poland", against=("britain",)))
    assert "Germany offers a guarantee to Poland, binding only against Britain." in [e.text for e in events]
    assert w.scope_of(game.match, "guarantee_germany_poland") == Scope(against=("britain",))
    signed = game.events_of("treaty_signed", events)[0]
    assert signed.text.endswith("(the guarantee binds only against Britain).")


def test_an_alliance_offer_carries_its_scope_until_it_is_answered() -> None:
    game = poland_1939()
    game.act(ProposeAlliance(nation="germany", to="poland", name="Eastern Accord", territories=("g1", "p1")))
    (offer,) = game.match.offers.values()
    assert offer.scope == Scope(territories=("g1", "p1"))
    assert snapshot(game.match)["offers"][str(offer.id)]["scope"] == {"against": [], "territories": ["g1", "p1"]}


def test_a_nation_nobody_plays_answers_a_scoped_offer_by_its_doctrine_as_it_would_an_unscoped_one() -> None:
    game = poland_1939()
    plain = Offer(99, "guarantee", "germany", "poland", 0)
    scoped = Offer(99, "guarantee", "germany", "poland", 0, scope=Scope(against=("ussr",)))
    assert decide_offer(game.match, scoped) == decide_offer(game.match, plain)


@pytest.mark.parametrize(
    ("offer", "error", "reason"),
    [
        (OfferGuarantee(nation="germany", to="poland", against=("poland",)), IllegalAction, "one of its own parties"),
        (OfferGuarantee(nation="germany", to="poland", against=("atlantis",)), UnknownId, "unknown nation 'atlantis'"),
        (OfferGuarantee(nation="germany", to="poland", territories=("x9",)), UnknownId, "unknown territory 'x9'"),
        (
            OfferGuarantee(nation="germany", to="poland", territories=("g1",)),
            IllegalAction,
            "G1 belongs to Germany, which the guarantee would not protect",
        ),
        (
            ProposeAlliance(nation="germany", to="poland", name="A", against=("britain", "britain")),
            IllegalAction,
            "names 'britain' twice",
        ),
    ],
)
def test_a_scope_that_cannot_be_is_refused_and_changes_nothing(offer: Any, error: type, reason: str) -> None:
    game = poland_1939()
    refusal = game.refusal(offer)
    assert isinstance(refusal, error) and reason in str(refusal)


def test_a_revoked_scoped_guarantee_leaves_no_scope_behind() -> None:
    game = poland_1939({"against": ["germany"]})
    game.play_until_seat(0)
    game.act(LeaveTreaty(nation="britain", treaty="guarantee_britain_poland"))
    assert game.match.scopes == {}


def test_a_scoped_treaty_signed_in_play_survives_a_save_and_a_load() -> None:
    game = poland_1939()
    game.act(ProposeAlliance(nation="germany", to="poland", name="Eastern Accord", against=("britain",)))
    game.end_turn()
    loaded = match_from_text(save_to_text(game.match))
    assert state_hash(loaded) == game.hash
    assert {o.scope for o in loaded.offers.values()} == {o.scope for o in game.match.offers.values()}


# -- Danzig, 1939: the fixture's treaties as written -----------------------------------------------


def danzig(troops: dict[str, dict[str, int]]) -> Game:
    """The Danzig fixture with seat 2 (Germany and the USSR) to play and ``troops`` placed."""
    game = Game.from_level("danzig_1939.json")
    game.end_turn()
    for territory, strengths in troops.items():
        game.give_forces(territory, **strengths)
    return game


def called_and_spared(game: Game, attack: Attack) -> tuple[dict[str, str], dict[str, str]]:
    """Who the attack calls (nation -> treaty) and who a scope spares (nation -> clause)."""
    events = game.act(attack)
    called = {e.nation: e.treaty for e in game.events_of("duty_raised", events)}
    spared = {n: e.clause for e in game.events_of("duty_spared", events) for n in e.nations}
    return called, spared


def test_germany_attacking_danzig_calls_britain_and_france_and_spares_romania() -> None:
    game = danzig({"berlin": {"germany": 9}})
    called, spared = called_and_spared(game, Attack(nation="germany", source="berlin", target="danzig", amount=9))
    assert called == {"britain": "anglo_polish", "france": "franco_polish"}
    assert spared == {"romania": "against"}


def test_the_ussr_attacking_warsaw_calls_france_and_romania_and_spares_britain() -> None:
    game = danzig({"byelorussia": {"ussr": 9}})
    called, spared = called_and_spared(game, Attack(nation="ussr", source="byelorussia", target="warsaw", amount=9))
    assert called == {"france": "franco_polish", "romania": "polish_romanian"}
    assert spared == {"britain": "against"}


def test_the_ussr_taking_bessarabia_calls_poland_but_not_france_whose_guarantee_stops_short_of_it() -> None:
    game = danzig({"ukraine": {"ussr": 9}})
    called, spared = called_and_spared(game, Attack(nation="ussr", source="ukraine", target="bessarabia", amount=9))
    assert called == {"poland": "polish_romanian"}
    assert spared == {"france": "territories"}


def test_germany_attacking_moldavia_calls_france_by_its_guarantee_and_spares_poland() -> None:
    game = danzig({"silesia": {"germany": 9}})
    called, spared = called_and_spared(game, Attack(nation="germany", source="silesia", target="moldavia", amount=9))
    assert called == {"france": "guarantee_france_romania"}
    assert spared == {"poland": "against"}
