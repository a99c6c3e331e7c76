"""Article 5, chain-ganging and buck-passing, checked against history (DESIGN.md §3).

The level is tests/fixtures/europe1914.json: seat 1 plays Germany and Austria-Hungary,
seat 2 France and Russia; Italy, Britain, Serbia and Belgium are played by the rules.
The Triple Alliance (Germany, Austria-Hungary, Italy) and the Franco-Russian alliance
carry an Article 5 clause; the Entente Cordiale (Britain, France, Russia) does not.
Russia guarantees Serbia; Britain guarantees Belgium (1839).

Each attack below is made with a single soldier against a strong garrison, so the
battle is lost and nothing but the war and its duties changes.
"""

from __future__ import annotations

from typing import Any

from game.core import doctrines, duties, legal_actions, rules
from game.core import world as w
from game.core.actions import (
    Attack,
    EndTurn,
    HonourDuty,
    LeaveTreaty,
    PassTheBuck,
    ProposeAlliance,
    ProposePeace,
)
from game.core.events import Event
from game.core.state import AllianceState
from tests.builder import Game

LEVEL = "europe1914.json"


def europe(seed: int = 1) -> Game:
    return Game.from_level(LEVEL, seed=seed)


def border(game: Game, attacker: str, defender: str) -> tuple[str, str]:
    """The first (source, target) pair where ``attacker``'s ground touches ``defender``'s."""
    m = game.match
    for source in sorted(w.territories_of(m, attacker)):
        for target in sorted(w.adjacent(m, source)):
            if m.owner[target] == defender:
                return source, target
    raise AssertionError(f"{attacker} does not border {defender} in {LEVEL}")


def probe(game: Game, attacker: str, defender: str) -> list[Event]:
    """``attacker`` attacks ``defender`` with one soldier against ten: war, duties, and a lost battle."""
    source, target = border(game, attacker, defender)
    game.give_forces(source, **{attacker: 1})
    game.give_forces(target, **{defender: 10})
    events = game.act(Attack(nation=attacker, source=source, target=target, amount=1))
    assert not game.events_of("battle", events)[0].attacker_won
    return events


def called(game: Game, events: list[Event]) -> list[tuple[str, str]]:
    """(nation, treaty) of every duty the events raised."""
    return [(e.nation, e.treaty) for e in game.events_of("duty_raised", events)]


def russia_to_play_after_austria_attacks_serbia() -> Game:
    game = europe()
    probe(game, "austria_hungary", "serbia")
    game.end_turn()
    return game


def france_to_play_after_germany_attacks_russia() -> Game:
    game = europe()
    probe(game, "germany", "russia")
    game.end_turn()
    return game


def guarantee(game: Game, guarantor: str, guaranteed: str) -> str:
    gid = w.guarantee_id(game.match, guarantor, guaranteed)
    assert gid is not None
    return gid


# ---------------------------------------------------------------------------
# The historical check


def test_the_level_is_1914_as_the_history_books_have_it() -> None:
    m = europe().match
    assert m.level.seats[0].nations == ["germany", "austria_hungary"]
    assert m.level.seats[1].nations == ["france", "russia"]
    assert sorted(m.alliances["triple_alliance"].members) == ["austria_hungary", "germany", "italy"]
    assert m.alliances["triple_alliance"].collective_defence
    assert sorted(m.alliances["franco_russian"].members) == ["france", "russia"]
    assert m.alliances["franco_russian"].collective_defence
    assert sorted(m.alliances["entente_cordiale"].members) == ["britain", "france", "russia"]
    assert not m.alliances["entente_cordiale"].collective_defence
    assert sorted(m.guarantees.values()) == [("britain", "belgium"), ("russia", "serbia")]


def test_austria_hungary_attacking_serbia_calls_russia_by_its_guarantee_and_germany_not_at_all() -> None:
    game = europe()
    events = probe(game, "austria_hungary", "serbia")
    assert called(game, events) == [("russia", guarantee(game, "russia", "serbia"))]
    assert game.events_of("duty_raised", events)[0].text == (
        "Serbia is attacked: the guarantee of Serbia by Russia calls on Russia to join the war against Austria-Hungary."
    )


def test_germany_attacking_russia_calls_france_by_the_franco_russian_alliance() -> None:
    game = europe()
    events = probe(game, "germany", "russia")
    # Britain is Russia's partner in the Entente Cordiale, which has no Article 5: no call.
    assert called(game, events) == [("france", "franco_russian")]


def test_germany_attacking_belgium_calls_britain_by_the_guarantee_of_1839() -> None:
    game = europe()
    events = probe(game, "germany", "belgium")
    assert called(game, events) == [("britain", guarantee(game, "britain", "belgium"))]


def test_in_the_july_crisis_each_attack_calls_its_defender_and_italy_is_never_called() -> None:
    game = europe()
    crisis = probe(game, "austria_hungary", "serbia") + probe(game, "germany", "russia")
    crisis += probe(game, "germany", "belgium")
    assert [nation for nation, _ in called(game, crisis)] == ["russia", "france", "britain"]
    # Italy is bound to Germany and Austria-Hungary, the aggressors: nobody is bound to help the side
    # that started it. Through the rest of the round, whatever the others answer, it is never called.
    game.play_until_seat(0)
    game.play_until_seat(0)
    assert [e for e in game.match.events if e.kind == "duty_raised" and e.nation == "italy"] == []
    assert [d for d in game.match.declarations if d.aggressor == "italy"] == []


def test_the_aggressors_own_allies_receive_no_duty() -> None:
    game = europe()
    events = probe(game, "austria_hungary", "serbia")
    assert not {"germany", "italy"} & {nation for nation, _ in called(game, events)}


# ---------------------------------------------------------------------------
# Honouring a duty: chain-ganging


def test_honouring_a_duty_goes_to_war_with_the_aggressor_without_declaring_it() -> None:
    game = russia_to_play_after_austria_attacks_serbia()
    duty = game.duty_of("russia")
    declarations = list(game.match.declarations)
    events = game.act(HonourDuty(nation="russia", duty=duty.id))
    assert game.at_war("russia", "austria_hungary")
    assert game.events_of("war_declared", events) == []
    assert [(e.nation, e.enemy, e.cause) for e in game.events_of("entered_war", events)] == [
        ("russia", "austria_hungary", "duty")
    ]
    assert game.match.declarations == declarations


def test_a_nation_honouring_its_duty_is_no_aggressor_so_its_enemys_allies_are_not_called() -> None:
    game = russia_to_play_after_austria_attacks_serbia()
    events = game.act(HonourDuty(nation="russia", duty=game.duty_of("russia").id))
    # Russia now fights Austria-Hungary, a Triple Alliance member, yet Germany and Italy owe nothing.
    assert game.events_of("duty_raised", events) == []
    assert game.duties_of("germany") == [] and game.duties_of("italy") == []


def test_honouring_a_guarantee_raises_the_guarantors_credibility() -> None:
    game = russia_to_play_after_austria_attacks_serbia()
    before = game.match.credibility["russia"]
    game.act(HonourDuty(nation="russia", duty=game.duty_of("russia").id))
    assert game.match.credibility["russia"] == min(100, before + rules.HONOUR_CREDIBILITY)
    assert game.match.duties_honoured["russia"] == 1


def test_honouring_an_article_5_duty_raises_the_alliances_cohesion_and_the_nations_credibility() -> None:
    game = france_to_play_after_germany_attacks_russia()
    cohesion = game.match.alliances["franco_russian"].cohesion
    credibility = game.match.credibility["france"]
    events = game.act(HonourDuty(nation="france", duty=game.duty_of("france").id))
    assert game.match.alliances["franco_russian"].cohesion == min(100, cohesion + rules.HONOUR_COHESION)
    assert game.match.credibility["france"] == min(100, credibility + rules.HONOUR_CREDIBILITY)
    assert game.at_war("france", "germany")
    assert game.events_of("duty_honoured", events)[0].text == "France honours its duty to Russia."


# ---------------------------------------------------------------------------
# Passing the buck


def test_passing_the_buck_lowers_the_alliances_cohesion_and_the_nations_credibility() -> None:
    game = france_to_play_after_germany_attacks_russia()
    cohesion = game.match.alliances["franco_russian"].cohesion
    credibility = game.match.credibility["france"]
    cost = duties.pass_cohesion(game.match, game.duty_of("france"))
    game.act(PassTheBuck(nation="france", duty=game.duty_of("france").id))
    assert cost < 0
    assert game.match.alliances["franco_russian"].cohesion == max(0, cohesion + cost)
    assert game.match.credibility["france"] == max(0, credibility + rules.PASS_CREDIBILITY)
    assert not game.at_war("france", "germany")


def test_a_passed_duty_is_remembered() -> None:
    game = france_to_play_after_germany_attacks_russia()
    assert game.match.buck_passed.get("france", 0) == 0
    game.act(PassTheBuck(nation="france", duty=game.duty_of("france").id))
    assert game.match.buck_passed["france"] == 1
    assert not doctrines.unreliable(game.match, "france")  # once is a lapse


def serbias_answer(game: Game) -> list[Any]:
    """Serbia's answers to France, given in the rules' phase that follows France's turn."""
    events = game.end_turn()
    return [e for e in events if e.kind == "offer_answered" and e.recipient == "serbia"]


def test_a_nation_of_the_rules_rejects_an_alliance_with_a_nation_that_passed_the_buck_twice() -> None:
    game = france_to_play_after_germany_attacks_russia()
    game.act(PassTheBuck(nation="france", duty=game.duty_of("france").id))
    offer = ProposeAlliance(nation="france", to="serbia", name="Balkan Accord")
    # Once is a lapse: Serbia, threatened by Austria-Hungary next door, still takes France's hand.
    once = Game(game.match.clone())
    once.act(offer)
    assert [e.accepted for e in serbias_answer(once)] == [True]
    game.match.buck_passed["france"] += 1  # a second time, earlier in the war
    assert doctrines.unreliable(game.match, "france")
    game.act(offer)
    [answer] = serbias_answer(game)
    assert not answer.accepted
    assert answer.reason == "France passed the buck when its allies needed it"
    assert "balkan_accord" not in game.match.alliances


# ---------------------------------------------------------------------------
# Cohesion decides whether an ally the rules play stands firm


def italy_called_to_defend_germany(cohesion: int, russian_reserves: int = 0) -> list[Any]:
    """Russia attacks Germany with the Triple Alliance at ``cohesion``; the events of the rules' phase.

    ``russian_reserves`` more troops in Warsaw tip the war's balance toward Russia.
    """
    game = europe().set_cohesion("triple_alliance", cohesion)
    game.end_turn()
    if russian_reserves:
        game.give_forces("warsaw", russia=game.match.forces["warsaw"].get("russia", 0) + russian_reserves)
    probe(game, "russia", "germany")
    assert game.duty_of("italy").treaty == "triple_alliance"
    return game.end_turn()


def italys_answer(events: list[Any]) -> list[str]:
    return [e.text for e in events if e.kind in ("duty_honoured", "buck_passed") and e.nation == "italy"]


def test_an_ally_the_rules_play_answers_by_its_doctrine() -> None:
    # Italy, a bandwagoner, joins a war its side would win, whatever the cohesion.
    assert italys_answer(italy_called_to_defend_germany(cohesion=50)) == [
        "Italy honours its duty to Germany: with it, Germany and its allies would outweigh Russia and its allies."
    ]


def test_an_ally_the_rules_play_stands_by_a_cohesive_alliance_in_a_war_its_doctrine_alone_would_shun() -> None:
    # With 40 more Russian troops the war leans to Russia: at cohesion 50 Italy stays out; at 90 the
    # alliance moves its threshold, and it says both why it would have stayed out and why it came.
    lost = "Russia and its allies would outweigh Germany and its allies even with it"
    assert italys_answer(italy_called_to_defend_germany(cohesion=50, russian_reserves=40)) == [
        f"Italy passes the buck and stays out of the war on Germany: {lost}."
    ]
    assert italys_answer(italy_called_to_defend_germany(cohesion=90, russian_reserves=40)) == [
        f"Italy honours its duty to Germany: {lost}, but the alliance stands together."
    ]


def test_an_ally_the_rules_play_walks_out_of_a_hollow_alliance_instead_of_answering_its_call() -> None:
    events = italy_called_to_defend_germany(cohesion=rules.LOW_COHESION - 5)
    answers = ("duty_honoured", "buck_passed", "treaty_left")
    assert [e.kind for e in events if e.kind in answers and e.nation == "italy"] == ["buck_passed", "treaty_left"]
    assert "triple_alliance" in [e.treaty for e in events if e.kind == "treaty_left"]
    left = next(e for e in events if e.kind == "treaty_left")
    assert left.reason == f"its cohesion has fallen to {rules.LOW_COHESION - 5}"


def test_a_duty_left_unanswered_expires_as_passed_at_the_end_of_the_holders_next_turn() -> None:
    game = europe()
    probe(game, "germany", "russia")
    events = game.end_turn()
    assert game.events_of("buck_passed", events) == []
    duty = game.duty_of("france")
    events = game.end_turn()  # France's turn ends without an answer
    passed = game.events_of("buck_passed", events)
    assert [(e.duty, e.nation, e.expired) for e in passed] == [(duty.id, "france", True)]
    assert passed[0].text == "France lets the deadline pass and stays out of the war on Russia."
    assert game.match.buck_passed["france"] == 1
    assert game.duties_of("france") == []


def test_a_duty_raised_on_the_other_seats_turn_lasts_through_the_holders_own_next_turn() -> None:
    game = europe()
    game.end_turn()
    probe(game, "russia", "germany")  # Austria-Hungary and Italy are Germany's allies
    duty = game.duty_of("austria_hungary")
    game.end_turn()  # the rules' phase and a new round, which Russia's seat opens: still open
    assert (game.match.round, game.seat) == (2, 1) and game.duties_of("austria_hungary") == [duty]
    game.end_turn()
    assert (game.match.round, game.seat) == (2, 0) and game.duties_of("austria_hungary") == [duty]
    events = game.end_turn()
    assert [(e.nation, e.expired) for e in game.events_of("buck_passed", events)] == [("austria_hungary", True)]


# ---------------------------------------------------------------------------
# Duties of the nations the rules play


def test_a_nation_of_the_rules_answers_its_duty_in_the_rules_phase_with_its_reason() -> None:
    game = europe()
    probe(game, "germany", "belgium")
    game.end_turn()
    assert game.duties_of("britain"), "Britain's duty waits for the rules' phase"
    events = game.end_turn()
    answers = [e for e in events if e.kind in ("duty_honoured", "buck_passed") and e.nation == "britain"]
    assert len(answers) == 1
    answer = answers[0]
    assert answer.reason and answer.text.endswith(f": {answer.reason}.")
    assert not getattr(answer, "expired", False)
    assert game.duties_of("britain") == []
    assert game.at_war("britain", "germany") == (answer.kind == "duty_honoured")


def test_every_duty_of_the_nations_the_rules_play_is_settled_before_the_seats_play_again() -> None:
    game = europe()
    probe(game, "austria_hungary", "serbia")
    probe(game, "germany", "russia")
    probe(game, "germany", "belgium")
    game.play_until_seat(0)
    assert [d for d in game.match.duties.values() if w.is_npc(game.match, d.nation)] == []


# ---------------------------------------------------------------------------
# A duty survives the victim's fall; one that ends for another reason ends without blame


def test_a_duty_survives_the_fall_of_the_nation_it_protects_and_may_still_be_honoured() -> None:
    # Britain and France went to war for Poland as it fell: the fall does not void the promise.
    game = europe()
    for territory in w.territories_of(game.match, "serbia")[1:]:
        game.match.owner[territory] = "austria_hungary"  # Serbia is down to its last province
        game.give_forces(territory, serbia=0)
    source, target = border(game, "austria_hungary", "serbia")
    game.give_forces(source, austria_hungary=30).give_forces(target, serbia=0)
    serbian_guarantee = guarantee(game, "russia", "serbia")
    events = game.act(Attack(nation="austria_hungary", source=source, target=target, amount=30))
    assert called(game, events) == [("russia", serbian_guarantee)]
    assert "serbia" in game.match.eliminated
    duty = game.duty_of("russia")
    game.play_until_seat(game.match.seat_of["russia"])
    game.act(HonourDuty(nation="russia", duty=duty.id))
    assert game.at_war("russia", "austria_hungary")


def test_when_the_attacked_nation_leaves_the_alliance_its_former_allies_owe_it_nothing() -> None:
    game = europe()
    game.match.alliances["franco_russian"].members.append("britain")  # three members: leaving does not dissolve it
    probe(game, "germany", "russia")
    game.end_turn()
    events = game.act(LeaveTreaty(nation="russia", treaty="franco_russian"))
    assert game.duties_of("france") == [] and game.duties_of("britain") == []
    ended = sorted(e.text for e in game.events_of("duty_ended", events))
    assert ended == [
        "Britain's duty to Russia ends: the Franco-Russian Alliance no longer binds it to Russia.",
        "France's duty to Russia ends: the Franco-Russian Alliance no longer binds it to Russia.",
    ]
    game.end_turn()
    assert game.match.buck_passed.get("france", 0) == 0
    assert not game.at_war("britain", "germany")


def test_when_the_guaranteed_nation_renounces_its_guarantee_the_guarantor_owes_it_nothing() -> None:
    game = europe()
    game.match.guarantees["guarantee_britain_france"] = ("britain", "france")
    probe(game, "germany", "france")
    assert [d.treaty for d in game.duties_of("britain")] == ["guarantee_britain_france"]
    game.end_turn()
    game.act(LeaveTreaty(nation="france", treaty="guarantee_britain_france"))
    assert game.duties_of("britain") == []


# ---------------------------------------------------------------------------
# A seat is one side: its nations never fight each other


def test_a_guarantee_does_not_call_its_guarantor_to_war_against_its_own_seat_mate() -> None:
    game = europe()
    game.match.guarantees["guarantee_germany_serbia"] = ("germany", "serbia")
    events = probe(game, "austria_hungary", "serbia")
    assert called(game, events) == [("russia", "guarantee_russia_serbia")]
    game.play_until_seat(0)
    assert not game.at_war("germany", "austria_hungary")
    assert game.match.buck_passed.get("germany", 0) == 0


def test_attacking_an_ally_of_a_seat_mate_is_refused_until_that_alliance_is_left() -> None:
    game = europe()
    game.match.alliances["german_serbian"] = AllianceState(
        id="german_serbian",
        name="German–Serbian Alliance",
        members=["germany", "serbia"],
        collective_defence=True,
        cohesion=50,
    )
    source, target = border(game, "austria_hungary", "serbia")
    game.give_forces(source, austria_hungary=5)
    game.give_forces(target, serbia=10)
    attack = Attack(nation="austria_hungary", source=source, target=target, amount=5)
    assert attack not in legal_actions(game.match, 0)
    reason = game.refused(attack)
    assert "Serbia is an ally of Germany" in reason and "leave that alliance first" in reason

    game.act(LeaveTreaty(nation="germany", treaty="german_serbian"))
    assert attack in legal_actions(game.match, 0)
    game.act(attack)
    assert game.at_war("austria_hungary", "serbia")
    assert not game.at_war("germany", "austria_hungary")


def test_nations_of_one_seat_cannot_attack_each_other_even_outside_any_alliance() -> None:
    game = europe()
    game.act(LeaveTreaty(nation="germany", treaty="triple_alliance"))
    assert not w.allied(game.match, "germany", "austria_hungary")
    source, target = border(game, "austria_hungary", "germany")
    game.give_forces(source, austria_hungary=5)
    attack = Attack(nation="austria_hungary", source=source, target=target, amount=5)
    assert attack not in legal_actions(game.match, 0)
    assert "played by the same seat" in game.refused(attack)


# ---------------------------------------------------------------------------
# Known bugs: each test shows what a player would expect; the reason says what happens instead


def test_when_the_attacked_nation_makes_peace_its_defenders_are_released_from_their_duty() -> None:
    # Serbia answers in the rules' phase. In round 2 the Central Powers play last, so the rules'
    # phase comes before Russia's next turn: the duty is still open when peace is made.
    game = europe()
    game.play_until_seat(0)
    assert (game.match.round, game.seat) == (2, 0)
    probe(game, "austria_hungary", "serbia")
    duty = game.duty_of("russia")
    game.match.stability["serbia"] = 10  # a fragile regime takes any peace
    game.act(ProposePeace(nation="austria_hungary", to="serbia"))
    events = game.end_turn()  # the rules' phase
    assert game.events_of("peace_made", events), "Serbia should accept peace"
    assert not game.at_war("austria_hungary", "serbia")
    assert duty.id not in game.match.duties
    game.act(EndTurn(), EndTurn())
    assert game.match.buck_passed.get("russia", 0) == 0
