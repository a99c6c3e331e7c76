"""The hot-seat hand-over: it hides the map and tells the next player what happened to their nations."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core import Match, apply, new_match
from game.core.actions import Attack, EndTurn, ProposePact, ProposePeace
from game.io.settings import Settings
from game.ui.app import App
from game.ui.panels import DiplomacyWindow, DutyDialog
from game.ui.panels.common import hex_of, ink
from game.ui.panels.report import TurnReport
from game.ui.scenes.handover import HandoverScene, last_turn_end, news_lines, summary_lines
from tests.builder import level_of
from tests.core.test_treaty_scope import SOVIET_ATTACK, poland_1939
from tests.small_world import small_world
from tests.ui.test_match_hotseat import dismiss_cards, press_end_turn
from tests.ui.test_match_screen import Screen, fixture_level, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")  # autosaves go to a temporary folder


def test_the_summary_names_attacks_duties_offers_and_npc_answers_for_that_seat() -> None:
    match = new_match(fixture_level(), seed=2)
    since = len(match.events)
    apply(match, ProposePact(nation="germany", to="britain"))  # an NPC: it answers when the round ends
    apply(match, ProposePact(nation="germany", to="france"))  # an offer waiting for seat 2
    apply(match, Attack(nation="germany", source="berlin", target="warsaw", amount=6))
    apply(match, EndTurn())

    lines = "\n".join(summary_lines(match, 1, since))

    assert "declares war on Russian Empire" in lines
    assert "captures Warsaw from Russian Empire" in lines
    assert "calls on France to join the war" in lines and "Answer it this turn" in lines
    assert "proposes a non-aggression pact to France" in lines and "waits for your answer" in lines
    # The rival's courtship of a nation nobody plays is news: seat 2 may court Britain too.
    assert "German Empire proposes a non-aggression pact to Britain, which will answer when the round ends" in lines
    assert "weigh every offer of the round together when it ends, yours included" in lines
    assert "Britain rejects" not in lines and "Britain accepts" not in lines  # not before the round ends
    assert "Munich" not in lines  # nothing about the seat's own quiet territories

    since = len(match.events)
    apply(match, EndTurn())  # seat 2 closes round 1; Britain answers in the NPC phase; seat 2 opens round 2

    lines = "\n".join(summary_lines(match, 1, since))
    assert "Britain rejects the pact offered by German Empire:" in lines  # the reason follows the colon
    assert "which will answer when the round ends" not in lines  # answered: no longer pending
    rejection = next(line for line in lines.splitlines() if "Britain rejects" in line)
    assert hex_of(ink("good")) in rejection, "the rival turned down is good news for seat 2"
    assert hex_of(ink("warn")) in next(line for line in summary_lines(match, 0, since) if "Britain rejects" in line), (
        "and a warning for the seat that was turned down"
    )


def test_a_quiet_turn_says_so() -> None:
    match = new_match(fixture_level(), seed=2)
    assert "quiet turn" in summary_lines(match, 1, len(match.events))[0]


def test_ending_a_turn_hides_the_map_until_the_next_player_continues(tmp_path: Path) -> None:
    match = new_match(fixture_level(), seed=2)
    screen = Screen(match)
    try:
        dismiss_cards(screen)
        screen.click_territory("berlin")
        screen.click_territory("warsaw")
        screen.press_button(screen.dialog.confirm)
        press_end_turn(screen)

        handover = screen.app.scene
        assert isinstance(handover, HandoverScene) and handover.opaque and handover.seat == 1
        assert "Seat 2, take the controls" in [getattr(e, "text", "") for e in handover.panel.get_container().elements]
        assert "captures Warsaw" in handover.summary_text()
        chronicle = screen.scene.chronicle
        assert chronicle is not None and chronicle.box is not None and not chronicle.box.visible
        screen.app.screenshot(tmp_path / "handover.png")  # draws without the map below

        screen.press_button(handover.continue_button)

        assert screen.app.scene is screen.scene
        assert chronicle.box.visible
        report = screen.dialog  # the turn's questions come after the hand-over, on one card
        assert isinstance(report, TurnReport) and [q[0] for q in report.questions] == ["duty"]
        assert not report.lines, "the hand-over told the news already"
    finally:
        screen.close()


def test_news_says_each_capture_once_coloured_by_whose_side_it_helps() -> None:
    match = new_match(fixture_level(), seed=2)
    since = len(match.events)
    apply(match, Attack(nation="germany", source="berlin", target="warsaw", amount=6))
    captured = next(e.text for e in match.events[since:] if e.kind == "territory_captured")
    battle = next(e.text for e in match.events[since:] if e.kind == "battle")

    theirs = news_lines(match, 1, since)  # Russia's seat: the war, then the loss, in red
    assert any(captured in line and hex_of(ink("bad")) in line for line in theirs)
    ours = news_lines(match, 0, since)  # Germany's seat: a gain
    assert any(captured in line and hex_of(ink("good")) in line for line in ours)
    assert not any(battle in line for line in theirs + ours), "the capture says it; the battle line would repeat it"


def test_a_nation_leaving_an_alliance_is_bad_news_for_its_allies_and_good_news_for_their_rivals() -> None:
    match = new_match(fixture_level(), seed=2)
    match.alliances["triple_alliance"].cohesion = 5  # Italy walks out when the round ends
    since = len(match.events)
    apply(match, EndTurn())
    apply(match, EndTurn())
    [left] = [e.text for e in match.events[since:] if e.kind == "treaty_left"]
    assert left.startswith("Italy leaves the Triple Alliance")
    assert any(left in line and hex_of(ink("warn")) in line for line in news_lines(match, 0, since))
    assert any(left in line and hex_of(ink("good")) in line for line in news_lines(match, 1, since))


# -- Duties that no longer stand ------------------------------------------------------------------


def a_duty_raised_then_ended_by_peace() -> Match:
    """Round 2, Germany to play: in round 1 Germany attacked Belgium (France, its ally and guarantor,
    was called) and then made peace with it in the NPC phase, which ended France's duty unanswered."""
    match = new_match(level_of(small_world()), seed=1)
    apply(match, EndTurn())  # France's turn ends: Germany to play
    match.forces["berlin"]["germany"] = 30
    match.forces["alsace"]["germany"] = 2
    match.forces["brussels"] = {"belgium": 8}  # no French troops there: no tripwire
    apply(match, Attack(nation="germany", source="alsace", target="brussels", amount=1))
    assert [d.nation for d in match.duties.values()] == ["france"]
    apply(match, ProposePeace(nation="germany", to="belgium"))
    apply(match, EndTurn())  # Belgium, much weaker, accepts in the NPC phase
    assert not match.duties and match.round == 2 and match.seat == 1
    return match


def test_a_duty_that_ended_after_a_peace_is_told_as_news_and_not_put_to_the_seat() -> None:
    match = a_duty_raised_then_ended_by_peace()
    lines = news_lines(match, 0, last_turn_end(match, 0))
    text = "\n".join(lines)
    assert "Answer it this turn" not in text
    assert "calls on France to join the war" not in text, "a call that no longer stands is not announced"
    ended = next(
        line for line in lines if "France's duty to Belgium ends: Belgium has made peace with Germany." in line
    )
    assert "Nothing to answer" in ended and hex_of(ink("muted")) in ended


def test_the_hand_over_after_a_peace_announces_no_duty_and_no_duty_dialog_follows() -> None:
    screen = Screen(a_duty_raised_then_ended_by_peace())
    try:
        if isinstance(screen.dialog, TurnReport):  # Germany's own news on opening the saved position
            screen.press_button(screen.dialog.proceed)
        dismiss_cards(screen)
        press_end_turn(screen)  # Germany ends its turn: the computer goes to seat 1
        handover = screen.app.scene
        assert isinstance(handover, HandoverScene) and handover.seat == 0
        assert "Answer it this turn" not in handover.summary_text()
        assert "France's duty to Belgium ends" in handover.summary_text()

        screen.press_button(handover.continue_button)
        dismiss_cards(screen)
        assert not isinstance(screen.dialog, DutyDialog)
        assert screen.scene.waiting() == 0
    finally:
        screen.close()


def test_the_turn_report_against_the_ai_tells_the_ended_duty_and_asks_nothing() -> None:
    match = a_duty_raised_then_ended_by_peace()
    apply(match, EndTurn())  # Germany, played by the AI from now on, ends its turn: France to play
    screen = Screen(match, ai={1: "bandwagoner:normal"})
    try:
        report = screen.dialog
        assert isinstance(report, TurnReport)
        assert report.lines == news_lines(match, 0, last_turn_end(match, 0), explain=False, asks=False)
        assert any("France's duty to Belgium ends" in line for line in report.lines)
        assert not any("Answer it this turn" in line for line in report.lines)
        screen.press_button(report.proceed)
        assert not isinstance(screen.dialog, DutyDialog)
    finally:
        screen.close()


def test_the_diplomacy_window_puts_no_ended_duty_to_the_seat() -> None:
    match = a_duty_raised_then_ended_by_peace()
    apply(match, EndTurn())
    screen = Screen(match)
    try:
        screen.scene.open_diplomacy()
        window = screen.dialog
        assert isinstance(window, DiplomacyWindow)
        ids = {element.most_specific_combined_id for element in screen.app.manager.get_sprite_group().sprites()}
        assert not any("#duty_" in str(i) for i in ids), "no Honour or Pass button for a duty that ended"
    finally:
        screen.close()


def test_a_scope_that_spares_a_nation_is_news_for_its_holder_its_attacker_and_the_nation_left_alone() -> None:
    game = poland_1939({"against": ["germany"]})
    since = len(game.match.events)
    game.act(SOVIET_ATTACK)
    apply(game.match, EndTurn())
    spared = "Britain's guarantee of Poland binds it only against Germany: it owes Poland no war against the USSR."
    holder = next(line for line in news_lines(game.match, 0, since) if spared in line)
    assert "Nothing to answer" in holder and hex_of(ink("muted")) in holder
    attacker = next(line for line in news_lines(game.match, 1, since) if spared in line)
    assert hex_of(ink("good")) in attacker, "one enemy fewer for the seat that attacked"

    alone = poland_1939({"against": ["germany"]}, seat_1=("poland",))  # Britain played by the rules
    since = len(alone.match.events)
    alone.act(SOVIET_ATTACK)
    victim = next(line for line in news_lines(alone.match, 0, since) if spared in line)
    assert hex_of(ink("warn")) in victim, "the guarantor will not come: a warning for the nation attacked"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_a_quiet_hand_over_reads_as_one_centred_block_without_an_empty_middle(size: tuple[int, int]) -> None:
    match = new_match(fixture_level(), seed=2)
    app = App(Settings(muted=True, animation_speed="off", resolution=size), size=size)
    handover = HandoverScene(app, match, 1, len(match.events))
    app.push(handover)
    app.step(1 / 60)
    try:
        assert handover.panel is not None and handover.summary is not None and handover.continue_button is not None
        shown = [e for e in handover.panel.get_container().elements if e.visible]
        top = min(e.get_relative_rect().top for e in shown)
        bottom = max(e.get_relative_rect().bottom for e in shown)
        assert abs(top - (size[1] - bottom)) <= 24, f"the block runs {top}..{bottom} of {size[1]}: not centred"
        news = handover.summary.get_relative_rect()
        assert abs(news.centerx - size[0] // 2) <= 2, "the news sits under the title, not to its left"
        assert bottom - top < 420, f"{bottom - top} px from heading to Continue for one line of news"
        order = next(e for e in shown if e.object_ids[-1] == "#handover_order")
        assert news.height > order.get_relative_rect().height, "the news reads larger than the small print"
    finally:
        handover.exit()
        app.scenes.clear()
