"""The chronicle in the match screen's right column: the newest line in full, no stray blank lines, news not drowned."""

# The fixtures come from tests/ui/shell_driver.py: importing them is how pytest finds them.
# ruff: noqa: F811

from __future__ import annotations

from typing import Any

import pygame

from game.core import Match, apply, new_match
from game.core.actions import Attack
from game.core.events import CohesionChanged, Moved, NpcPhaseStarted, TurnStarted, new_event
from game.ui.app import App
from game.ui.panels.chronicle import ChroniclePanel, event_html
from game.ui.panels.common import hex_of, ink
from tests.ui.shell_driver import app, home, level, played_match  # noqa: F401
from tests.ui.test_match_screen import fixture_level

# Where the match screen puts the chronicle at 1280x720.
RECT = pygame.Rect(930, 456, 350, 264)


def rows_of(panel: ChroniclePanel) -> list[str]:
    """The text of each laid-out row of the chronicle, top to bottom."""
    assert panel.box is not None and panel.box.text_box_layout is not None
    return ["".join(getattr(item, "text", "") for item in row.items) for row in panel.box.text_box_layout.layout_rows]


def lines_of(panel: ChroniclePanel) -> list[str]:
    """The chronicle as a player reads it: one entry a line, however it wraps."""
    assert panel.box is not None and panel.box.text_box_layout is not None
    return [line.strip() for line in panel.box.text_box_layout.plain_text.split("\n")]


def newest_row_cut_off_by(panel: ChroniclePanel) -> int:
    """How many pixels of the newest row lie below the chronicle's visible window (0: all of it shows)."""
    box = panel.box
    assert box is not None and box.text_box_layout is not None and box.text_wrap_rect is not None
    if box.scroll_bar is None:
        return 0
    layout = box.text_box_layout
    top = int(box.scroll_bar.start_percentage * layout.layout_rect.height)  # how the box scrolls its text
    return max(0, layout.layout_rows[-1].bottom - (top + box.text_wrap_rect.height))


class Growing:
    """A match whose chronicle receives the events of ``source`` a few at a time, as a match in play does."""

    def __init__(self, source: Match) -> None:
        self.source = source
        self.events: list[Any] = []
        self.alliances = source.alliances
        self.level = source.level


def test_as_events_arrive_the_newest_line_is_always_shown_in_full(app: App) -> None:
    source = played_match(actions=120, seed=3)
    match = Growing(source)
    panel = ChroniclePanel(app, match, RECT)
    cut_off = []
    for end in range(1, len(source.events) + 1, 3):
        match.events.extend(source.events[len(match.events) : end])
        panel.sync()
        app.step(1 / 60)
        cut_off.append(newest_row_cut_off_by(panel))
    assert panel.box is not None and panel.box.scroll_bar is not None, "the test never filled the chronicle"
    assert max(cut_off) == 0, f"the newest line was cut off by up to {max(cut_off)} px"


def test_a_sentence_that_exactly_fills_the_width_is_not_followed_by_a_blank_line(app: App) -> None:
    match = new_match(level(), 1)
    match.events = [
        new_event(Moved, text="Austria-Hungary moves 2 from Tyrol to Vienna."),
        new_event(Moved, text="Russia moves 3 from St Petersburg to Estonia."),
    ]
    panel = ChroniclePanel(app, match, RECT)
    for width in range(200, 420):  # somewhere in here each sentence ends right at the edge
        panel.set_rect(pygame.Rect(RECT.x, RECT.y, width, RECT.height))
        rows = rows_of(panel)
        assert all(text.strip() for text in rows), f"a blank line at width {width}: {rows}"


def drift(alliance: str, cohesion: int, cause: str) -> Any:
    name = alliance.replace("_", " ").title()
    return new_event(
        CohesionChanged,
        alliance=alliance,
        cohesion=cohesion,
        delta=-2,
        cause=cause,
        text=f"Cohesion of the {name} falls to {cohesion} ({cause}).",
    )


def test_a_rounds_cohesion_drift_is_one_line_and_changes_from_actions_keep_their_own(app: App) -> None:
    match = new_match(level(), 1)
    passed = new_event(
        CohesionChanged,
        alliance="triple_alliance",
        cohesion=35,
        delta=-10,
        cause="a duty passed",
        text="Cohesion of the Triple Alliance falls to 35 (a duty passed).",
    )
    match.events = [new_event(TurnStarted, text="Round 1: Central Powers (seat 1) to play."), passed]
    panel = ChroniclePanel(app, match, RECT)
    end_of_round = [
        new_event(NpcPhaseStarted, text="Round 1: the nations nobody plays."),
        drift("triple_alliance", 34, "no recent exercises"),
        drift("dual_alliance", 69, "no recent exercises"),
        drift("dual_alliance", 68, "ideological distance"),
        new_event(TurnStarted, text="Round 2: Central Powers (seat 1) to play."),
    ]
    match.events.extend(end_of_round)  # arrive in play...
    panel.sync()
    shown = lines_of(panel)
    panel.rebuild()  # ...and after a load or an undo, the same
    assert lines_of(panel) == shown

    assert shown == [
        "Round 1: Central Powers (seat 1) to play.",
        "Cohesion of the Triple Alliance falls to 35 (a duty passed).",
        "",
        "Round 1: the nations nobody plays.",
        "Cohesion drifts: Triple Alliance 34 (\u22122), Franco-Russian Alliance 68 (\u22124).",
        "",
        "Round 2: Central Powers (seat 1) to play.",
    ]
    # Each line still knows the events it tells: the summary all three.
    assert [len(line) for line in panel.lines] == [1, 1, 1, 3, 1]
    assert panel.lines[3] == end_of_round[1:4]


def test_in_a_played_match_the_engines_drift_reaches_the_chronicle_only_summed_up(app: App) -> None:
    match = played_match(actions=120, seed=3)
    assert any(e.kind == "cohesion_changed" for e in match.events[-160:]), "no round ended in view"
    panel = ChroniclePanel(app, match, RECT)
    lines = lines_of(panel)
    assert any(line.startswith("Cohesion drifts: ") for line in lines)
    assert not any("(ideological distance)" in line or "(no recent exercises)" in line for line in lines)


def test_alone_against_the_ai_acts_of_war_are_coloured_by_whose_side_they_help() -> None:
    match = new_match(fixture_level(), seed=2)
    events = apply(match, Attack(nation="germany", source="berlin", target="warsaw", amount=6))
    captured = next(e for e in events if e.kind == "territory_captured")
    good, bad = hex_of(ink("good")), hex_of(ink("bad"))
    assert good in event_html(captured, match, viewer=0), "Germany's capture is good news for the Central Powers"
    assert bad in event_html(captured, match, viewer=1), "and bad news for the Entente"
    assert bad in event_html(captured), "without a viewer (hot-seat) it keeps the colour of its kind"
