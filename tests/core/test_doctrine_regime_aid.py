"""The regime seeker (David) remembers its protectors: recent aid counts more, a tie is the dice's, no cliff.

Middle, between West and East (tests/worlds.py), is a regime seeker. Regime aid raises its
stability by 10 and is remembered by the round it was given; an aid three rounds old counts
half a fresh one.
"""

from __future__ import annotations

from game.core import state_hash
from game.core.actions import ProposeAlliance, RegimeAid, Undo
from game.core.doctrines import protector, top_donor
from game.core.standing import regime_support
from tests.builder import Game
from tests.core.test_doctrines import answer, match_of
from tests.worlds import crossroads


def aided_by_both(seed: int) -> Game:
    """A fragile Middle aided once by West and once by East in round 1."""
    game = Game.from_level(crossroads("regime_seeker", stability=10), seed=seed)
    game.set_treasury("west", 20).set_treasury("east", 20)
    game.act(RegimeAid(nation="west", to="middle"))
    game.end_turn()
    game.act(RegimeAid(nation="east", to="middle"))
    return game


def test_aid_is_remembered_by_the_round_it_was_given() -> None:
    game = Game.from_level(crossroads("regime_seeker", stability=20))
    game.set_treasury("west", 20)
    game.act(RegimeAid(nation="west", to="middle"), RegimeAid(nation="west", to="middle"))
    assert game.match.aid_received == {"middle": {"west": [1, 1]}}
    assert regime_support(game.match, "middle") == {"west": 2.0}


def test_recent_aid_counts_more_than_old_aid() -> None:
    m = match_of("regime_seeker", stability=20)
    m.round = 7
    m.aid_received["middle"] = {"west": [1, 1], "east": [6]}  # two aids six rounds ago, one last round
    assert regime_support(m, "middle") == {"west": 0.5, "east": 0.5 ** (1 / 3)}
    assert top_donor(m, "middle") == "east"
    assert answer(m, "east") == (True, "East keeps its fragile regime alive")
    assert answer(m, "west") == (False, "East, not West, props up its regime")


def test_a_tie_between_donors_is_settled_by_the_match_dice_and_the_same_seed_settles_it_the_same() -> None:
    chosen = {seed: top_donor(aided_by_both(seed).match, "middle") for seed in range(1, 17)}
    assert set(chosen.values()) == {"west", "east"}, "not always the donor whose id sorts first"
    assert all(top_donor(aided_by_both(seed).match, "middle") == chosen[seed] for seed in range(1, 17))


def test_the_donor_the_dice_chose_is_the_one_the_regime_sides_with() -> None:
    m = aided_by_both(seed=1).match
    donor = top_donor(m, "middle")
    rival = "east" if donor == "west" else "west"
    name, rival_name = donor.title(), rival.title()
    assert answer(m, donor) == (True, f"{name} keeps its fragile regime alive")
    assert answer(m, rival) == (False, f"{name}, not {rival_name}, props up its regime")


def test_regime_aid_rolls_the_dice_only_on_a_genuine_tie() -> None:
    game = Game.from_level(crossroads("regime_seeker", stability=20))
    game.set_treasury("west", 20).set_treasury("east", 20)
    dice = game.match.rng.getstate()
    game.act(RegimeAid(nation="west", to="middle"))
    assert game.match.rng.getstate() == dice and game.match.aid_lots == {}, "one donor: nothing to settle"
    game.end_turn()
    dice = game.match.rng.getstate()
    game.act(RegimeAid(nation="east", to="middle"))
    assert game.match.rng.getstate() != dice, "two donors alike: the dice settle it"
    assert set(game.match.aid_lots["middle"]) == {"west", "east"}


def test_taking_back_a_tied_regime_aid_puts_the_dice_back_as_they_were() -> None:
    """The undo checkpoint shares the match's dice (nothing it can take back draws), except a tied
    aid, which rolls: taking it back must leave the dice, lots and all, as before it was given."""
    game = Game.from_level(crossroads("regime_seeker", stability=20))
    game.set_treasury("west", 20).set_treasury("east", 20)
    game.act(RegimeAid(nation="west", to="middle"))
    game.end_turn()
    dice, lots, before = game.match.rng.getstate(), dict(game.match.aid_lots), state_hash(game.match)
    game.act(ProposeAlliance(nation="east", to="middle", name="East Accord"), RegimeAid(nation="east", to="middle"))
    assert game.match.rng.getstate() != dice, "the tie was settled by the dice"
    game.act(Undo(), Undo())
    assert game.match.rng.getstate() == dice and game.match.aid_lots == lots
    assert state_hash(game.match) == before
    # Given again, the aid draws the very same lots: the take-back left no trace in the dice.
    again = game.act(RegimeAid(nation="east", to="middle"))
    assert again and game.match.aid_lots["middle"] == aided_lots(game)


def aided_lots(game: Game) -> dict[str, float]:
    """The lots a fresh game, played the same way without the take-back, draws for the tie."""
    fresh = Game.from_level(crossroads("regime_seeker", stability=20))
    fresh.set_treasury("west", 20).set_treasury("east", 20)
    fresh.act(RegimeAid(nation="west", to="middle"))
    fresh.end_turn()
    fresh.act(RegimeAid(nation="east", to="middle"))
    return fresh.match.aid_lots["middle"]


def test_a_regime_just_lifted_out_of_danger_stays_with_its_protector() -> None:
    # One aid lifts Middle from 35 to 45, over the line of 40: it still sides with West that round.
    game = Game.from_level(crossroads("regime_seeker", stability=35))
    game.set_treasury("west", 20)
    game.act(RegimeAid(nation="west", to="middle"), ProposeAlliance(nation="west", to="middle", name="West Accord"))
    assert game.match.stability["middle"] == 45
    game.end_turn()
    events = game.end_turn()
    (accepted,) = [e for e in events if e.kind == "offer_answered" and e.recipient == "middle"]
    assert accepted.accepted and accepted.reason == "West's aid has just lifted its regime out of danger"


def test_a_regime_out_of_danger_lets_go_of_its_protector_as_the_aid_fades() -> None:
    m = match_of("regime_seeker", stability=45, west=4, east=12)
    m.aid_received["middle"] = {"west": [1]}
    m.round = 2  # last round's aid still accounts for most of its margin over danger
    assert protector(m, "middle") == "west"
    assert answer(m, "east") == (False, "West, not East, props up its regime")
    m.round = 4  # three rounds on, the aid counts half: the regime stands on its own
    assert protector(m, "middle") is None
    assert answer(m, "west") == (True, "East is the greater threat")


def test_a_secure_regime_aided_once_does_not_lean_on_its_donor() -> None:
    m = match_of("regime_seeker", stability=70, west=4, east=12)
    m.aid_received["middle"] = {"east": [1]}
    assert protector(m, "middle") is None
    assert answer(m, "east") == (False, "East threatens it more than West does")


def test_a_clone_remembers_aid_apart_from_its_original() -> None:
    game = aided_by_both(seed=3)
    copy = game.match.clone()
    assert state_hash(copy) == state_hash(game.match)
    copy.aid_received["middle"]["west"].append(2)
    copy.aid_lots["middle"]["west"] = 2.0
    assert game.match.aid_received["middle"]["west"] == [1]
    assert game.match.aid_lots["middle"]["west"] != 2.0
