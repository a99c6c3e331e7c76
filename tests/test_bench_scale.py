"""``alliances bench scale`` measures every stage of a match on a generated map (smoke test, tiny map)."""

from __future__ import annotations

from game.bench_scale import COLUMNS, bench_scale


def test_the_scale_table_has_a_row_per_map_and_a_figure_per_stage() -> None:
    calls: list[tuple[int, int]] = []
    table = bench_scale(runs=1, sizes=((24, 16),), progress=lambda done, total: calls.append((done, total)))
    head, rule, row = table.splitlines()[1:4]
    assert [c.strip() for c in head.strip("|").split("|")] == ["territories", *(name for name, _ in COLUMNS)]
    figures = [float(c) for c in row.strip("|").split("|")]
    assert len(figures) == len(COLUMNS) + 1 and all(f >= 0 for f in figures)
    assert calls == [(1, 1)]
