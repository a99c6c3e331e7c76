"""The arena: seeded matches between two bots, tallied per bot, with honest error bars."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.ai.arena import BotMisbehaved, percentile, play_match, run_arena, wilson_interval
from game.ai.commands import bench_ai
from game.cli import main
from game.core import Action, Level, Match
from game.core.actions import Attack
from tests.builder import level_of
from tests.small_world import small_world, write_level


def short_world() -> Level:
    data = small_world()
    data["round_limit"] = 5
    return level_of(data)


def test_a_short_arena_run_tallies_every_game_for_both_bots() -> None:
    report = run_arena(short_world(), "bandwagoner", "random", games=6, seed=3, alternate=True)
    a, b = report.bots
    assert report.games == 6
    assert a.wins + a.draws + a.losses == b.wins + b.draws + b.losses == 6
    assert a.wins == b.losses and a.draws == b.draws
    assert [r.seats for r in report.records[:2]] == [("bandwagoner", "random"), ("random", "bandwagoner")]
    assert report.records[0].seed == report.records[1].seed == 3, "alternating pairs share the dice"
    low, high = a.interval
    assert 0.0 <= low <= a.win_rate <= high <= 1.0
    assert a.turn_ms(0.5) <= a.turn_ms(0.95)
    assert 1 <= report.mean_rounds <= 5


def test_an_arena_run_is_repeatable() -> None:
    first = run_arena(short_world(), "greedy", "bandwagoner:easy", games=4, seed=11)
    second = run_arena(short_world(), "greedy", "bandwagoner:easy", games=4, seed=11)
    assert [r.final_hash for r in first.records] == [r.final_hash for r in second.records]


def test_a_mirror_match_keeps_the_two_bots_apart() -> None:
    report = run_arena(short_world(), "greedy", "greedy", games=4, seed=0, alternate=True)
    assert [s.label for s in report.bots] == ["greedy (A)", "greedy (B)"]
    assert report.first_seat_wins + report.draws + sum(1 for r in report.records if r.winner == 1) == 4


def test_the_report_reads_as_a_table_and_as_json() -> None:
    report = run_arena(short_world(), "bandwagoner", "greedy", games=2, seed=0)
    data = report.to_json()
    assert set(data) >= {"level", "games", "bots", "mean_rounds", "first_seat_win_rate", "end_reasons"}
    assert set(data["bots"][0]) >= {"wins", "draws", "losses", "win_rate_ci95", "turn_ms_p50", "turn_ms_p95"}
    json.dumps(data)
    table = report.table()
    assert "bandwagoner" in table and "first seat wins" in table and "95% CI" in table


def test_wilson_intervals_match_the_textbook() -> None:
    assert [round(x, 4) for x in wilson_interval(95, 100)] == [0.8882, 0.9785]
    assert wilson_interval(0, 0) == (0.0, 1.0)
    low, high = wilson_interval(0, 20)
    assert low == 0.0 and round(high, 3) == 0.161
    low, high = wilson_interval(20, 20)
    assert round(low, 3) == 0.839 and high == 1.0


def test_percentiles_interpolate() -> None:
    assert percentile([], 0.5) == 0.0
    assert percentile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert percentile([0.0, 10.0], 0.95) == pytest.approx(9.5)


class Cheater:
    name = "cheater"

    def choose(self, view: Match, seat: int, rng: object) -> Action:
        return Attack(nation="france", source="paris", target="berlin", amount=99)


def test_a_bot_that_cheats_is_caught_not_obeyed() -> None:
    with pytest.raises(BotMisbehaved, match="cheater .* chose an illegal attack"):
        play_match(short_world(), (Cheater(), Cheater()), 1)


def test_simulate_prints_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_level(tmp_path, small_world())
    args = ["simulate", str(path), "--seat1", "bandwagoner:easy", "--seat2", "random", "--games", "2"]
    assert main([*args, "--seed", "5", "--alternate"]) == 0
    out, err = capsys.readouterr()
    assert "bandwagoner:easy" in out and "random" in out and "seats alternating" in out
    assert err == "", "no progress bar when stderr is not a terminal"


def test_simulate_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_level(tmp_path, small_world())
    assert main(["simulate", str(path), "--seat1", "greedy", "--seat2", "random", "--games", "2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["games"] == 2 and data["bots"][0]["bot"] == "greedy"


def test_the_points_by_source_follow_every_game_to_its_end() -> None:
    report = run_arena(short_world(), "greedy", "bandwagoner:easy", games=4, seed=2, alternate=True)
    rows = report.split(every=1)
    assert [when for when, _, _ in rows][-1] == "end"
    assert rows[0][:2] == ("1", 4), "every game sees round 1 end"
    games_left = [games for when, games, _ in rows[:-1]]
    assert games_left == sorted(games_left, reverse=True), "a round counts only the games still going"
    for record in report.records:
        assert record.final_split is not None
        if record.winner is not None and record.reason == "round_limit":
            points = [part.total for part in record.final_split]
            assert points[record.winner] > points[1 - record.winner], "the split adds up to the score that won"
    assert "Victory points by source" in report.split_table()


def test_simulate_split_prints_each_seats_points_by_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_level(tmp_path, small_world())
    assert main(["simulate", str(path), "--seat1", "greedy", "--seat2", "random", "--games", "2", "--split"]) == 0
    out = capsys.readouterr().out
    assert "Victory points by source" in out and "West" in out and "Central" in out
    assert main(["simulate", str(path), "--games", "2", "--split", "--json"]) == 0
    split = json.loads(capsys.readouterr().out)["points_by_source"]
    assert split["seats"] == ["West", "Central"]
    assert split["end"]["games"] == 2 and set(split["end"]["by_seat"][0]) == {"own", "captured", "allies"}


def test_simulate_refuses_an_unknown_bot_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_level(tmp_path, small_world())
    assert main(["simulate", str(path), "--seat1", "deep-blue", "--games", "2"]) == 2
    out, err = capsys.readouterr()
    assert err.startswith("alliances simulate: unknown bot 'deep-blue'") and err.count("\n") == 1


def test_simulate_refuses_zero_games(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_level(tmp_path, small_world())
    assert main(["simulate", str(path), "--games", "0"]) == 2
    assert "at least 1" in capsys.readouterr().err


def test_bench_ai_reports_turn_times_per_difficulty() -> None:
    text = bench_ai([("small", short_world())], games=1)
    lines = text.splitlines()
    assert "p95 ms" in lines[1]
    assert [line.split()[1] for line in lines[2:]] == ["bandwagoner:easy", "bandwagoner:normal", "bandwagoner:hard"]
