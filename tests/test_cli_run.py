"""`alliances run`: the engine's scriptable face, as a script author meets it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = str(ROOT / "tests" / "fixtures" / "europe1914.json")


def _script(tmp_path: Path, *lines: str) -> str:
    path = tmp_path / "script.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _events(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def test_a_script_plays_headless_and_prints_every_event_as_a_json_line(tmp_path: Path, capsys) -> None:
    script = _script(
        tmp_path,
        "# Austria-Hungary strikes Serbia",
        '{"kind": "attack", "nation": "austria_hungary", "source": "bosnia", "target": "belgrade", "amount": 7}',
        "",
        '{"kind": "end_turn"}',
    )
    assert main(["run", FIXTURE, "--script", script, "--seed", "3"]) == 0
    events = _events(capsys.readouterr().out)
    kinds = [e["kind"] for e in events]
    assert kinds[0] == "turn_started"
    assert "war_declared" in kinds and "battle" in kinds
    duties = [e for e in events if e["kind"] == "duty_raised"]
    assert [d["nation"] for d in duties] == ["russia"]
    assert all(isinstance(e["text"], str) and e["text"] for e in events)


def test_the_same_script_and_seed_print_the_same_events(tmp_path: Path, capsys) -> None:
    script = _script(
        tmp_path, '{"kind": "attack", "nation": "germany", "source": "rhineland", "target": "brussels", "amount": 8}'
    )
    main(["run", FIXTURE, "--script", script, "--seed", "11"])
    first = capsys.readouterr().out
    main(["run", FIXTURE, "--script", script, "--seed", "11"])
    assert capsys.readouterr().out == first


def test_an_illegal_action_stops_the_run_with_its_line_number_and_reason(tmp_path: Path, capsys) -> None:
    script = _script(
        tmp_path,
        '{"kind": "end_turn"}',
        '{"kind": "recruit", "nation": "germany", "territory": "berlin", "amount": 1}',
    )
    assert main(["run", FIXTURE, "--script", script]) == 2
    err = capsys.readouterr().err
    assert f"{script}:2: illegal recruit:" in err
    assert "not played by seat 2" in err


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("{not json", "bad JSON at column 2"),
        ('{"kind": "mvoe"}', "not a valid action"),
        ('{"kind": "move", "nation": "germany"}', "not a valid action"),
        ("{}", 'the action has no "kind"'),
        ("[1, 2]", "each line must be one JSON object"),
        (
            '{"kind": "recruit", "nation": "france", "territory": "paris", "amount": ' + "9" * 5000 + "}",
            "bad JSON: a number is too long",
        ),
        ('{"kind": "end_turn", "kind": "undo"}', "bad JSON: the key 'kind' appears twice"),
        (
            '{"kind": "recruit", "nation": "france", "territory": "paris", "amount": "3"}',
            'not a valid action: recruit.amount: must be a whole number, not "3"',
        ),
        (
            '{"kind": "recruit", "nation": "france", "territory": "paris", "amount": true}',
            "not a valid action: recruit.amount: must be a whole number, not true",
        ),
        (
            '{"kind": "answer_offer", "nation": "france", "offer": 1, "accept": "yes"}',
            "not a valid action: answer_offer.accept: must",
        ),
    ],
)
def test_a_broken_line_is_reported_with_its_number(tmp_path: Path, capsys, line: str, fragment: str) -> None:
    script = _script(tmp_path, '{"kind": "end_turn"}', line)
    assert main(["run", FIXTURE, "--script", script]) == 2
    err = capsys.readouterr().err
    assert f"{script}:2: {fragment}" in err
    assert "Traceback" not in err and len(err.splitlines()) == 1


def test_a_missing_script_or_level_is_one_clear_message(tmp_path: Path, capsys) -> None:
    assert main(["run", FIXTURE, "--script", str(tmp_path / "nope.jsonl")]) == 2
    assert "nope.jsonl: no such file" in capsys.readouterr().err
    assert main(["run", str(tmp_path / "nope.json"), "--script", str(tmp_path / "x.jsonl")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_a_script_that_is_a_device_or_a_folder_is_refused_before_it_is_read(tmp_path: Path, capsys) -> None:
    assert main(["run", FIXTURE, "--script", "/dev/zero"]) == 2  # read blindly, it would never end
    assert "/dev/zero: is not a regular file" in capsys.readouterr().err
    assert main(["run", FIXTURE, "--script", str(tmp_path)]) == 2
    assert "is a folder, not a script file" in capsys.readouterr().err


def test_a_script_saved_with_a_byte_order_mark_plays(tmp_path: Path, capsys) -> None:
    script = tmp_path / "bom.jsonl"
    script.write_bytes(b'\xef\xbb\xbf{"kind": "end_turn"}\n')
    assert main(["run", FIXTURE, "--script", str(script)]) == 0
    started = [e["seat"] for e in _events(capsys.readouterr().out) if e["kind"] == "turn_started"]
    assert started == [0, 1], "the end_turn on the marked line was played"


def test_bench_engine_reports_each_level(capsys) -> None:
    assert main(["bench", "engine", "--level", FIXTURE, "--runs", "1", "--games", "1"]) == 0
    out = capsys.readouterr().out
    assert "actions/s" in out and "europe1914.json" in out
