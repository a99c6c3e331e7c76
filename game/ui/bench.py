"""Render benchmark behind ``alliances bench render``: frame times of the match screen while the camera moves.

The frames are real ones: pygame events are posted (a right-button drag that sweeps the
map, mouse-wheel zooms at the cursor every so often) and ``App.step`` handles them,
updates the scene and draws everything, widgets included. Times are wall-clock per
frame in milliseconds. Use the dummy video driver for numbers that compare across machines.
"""

from __future__ import annotations

import math
import os
import time
from pathlib import Path

WARM_UP_FRAMES = 20  # the first frames build fonts, widgets and tiles: reported apart, not in the list
ZOOM_EVERY = 45  # frames between two wheel notches


def render_frame_times(
    level_path: str | os.PathLike[str], frames: int = 600, size: tuple[int, int] = (1280, 720), cpu: bool = False
) -> list[float]:
    """Milliseconds per frame of the match screen on ``level_path`` while panning and zooming.

    The camera sweeps a Lissajous path across the map with a right-button drag and zooms
    in and out at the cursor every :data:`ZOOM_EVERY` frames (two steps in, two out).
    The :data:`WARM_UP_FRAMES` frames before the measurement are not included.
    ``cpu=True`` times the UI thread's CPU time instead of the wall clock: steadier on a
    busy machine, blind to waiting (the wall clock is what a player feels).
    """
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from game.core import new_match
    from game.io.levels import load_level
    from game.io.settings import Settings
    from game.ui.app import App
    from game.ui.scenes.match import MatchScene

    level = load_level(Path(level_path))
    app = App(Settings(muted=True), size=size)
    scene = MatchScene(app, new_match(level, seed=1))
    app.push(scene)
    assert scene.map_view is not None
    view = scene.map_view.rect
    centre = view.center
    for _ in range(WARM_UP_FRAMES):
        app.step(1 / 60)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=centre, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=centre, button=3))
    app.step(1 / 60)
    times: list[float] = []
    x, y = centre
    zoom_plan = (1, 1, 1, 1, -1, -1, -1, -1)  # four steps in, four out
    for frame in range(frames):
        t = frame / 60.0
        nx = centre[0] + math.sin(t * 0.9) * view.width * 0.35
        ny = centre[1] + math.sin(t * 1.3) * view.height * 0.35
        dx, dy = round(nx - x), round(ny - y)
        x, y = x + dx, y + dy
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(x, y), rel=(dx, dy), buttons=(0, 0, 1)))
        if frame % ZOOM_EVERY == ZOOM_EVERY - 1:
            step = zoom_plan[(frame // ZOOM_EVERY) % len(zoom_plan)]
            pygame.event.post(
                pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=step, flipped=False, precise_x=0.0, precise_y=float(step))
            )
        clock = time.thread_time if cpu else time.perf_counter
        started = clock()
        app.step(1 / 60)
        times.append((clock() - started) * 1000.0)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x, y), button=3))
    app.step(1 / 60)
    while app.scenes:
        app.pop()  # the match scene's exit() stops its workers and frees its widgets
    return times


def percentile(values: list[float], share: float) -> float:
    """The ``share`` (0..1) percentile by nearest rank."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(0, min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1))
    return ordered[rank]


def summarise(times: list[float]) -> str:
    """One line: median, p95, p99 and worst frame."""
    return (
        f"{len(times)} frames: median {percentile(times, 0.5):.2f} ms, p95 {percentile(times, 0.95):.2f} ms, "
        f"p99 {percentile(times, 0.99):.2f} ms, worst {max(times, default=0.0):.2f} ms"
    )


if __name__ == "__main__":  # pragma: no cover - a convenience for measuring by hand
    import sys

    for path in sys.argv[1:]:
        print(path, "wall:", summarise(render_frame_times(path)))
        print(path, "cpu: ", summarise(render_frame_times(path, cpu=True)))


def idle_cpu_share(scene_name: str, level_path: str | os.PathLike[str], seconds: float = 10.0) -> float:
    """The share of one core the window uses while nobody touches it, on the menu or a match.

    The real loop runs (``App.step`` with no ``dt``, so it paces and sleeps as in play) for
    ``seconds`` after a short settling time; the result is process CPU time over wall time.
    """
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.core import new_match
    from game.io.levels import load_level
    from game.io.settings import Settings
    from game.ui.app import SETTLE_SECONDS, App
    from game.ui.scenes.match import MatchScene
    from game.ui.scenes.menu import MenuScene

    app = App(Settings(muted=True), size=(1280, 720))
    if scene_name == "match":
        app.push(MatchScene(app, new_match(load_level(Path(level_path)), seed=1)))
    else:
        app.push(MenuScene(app))
    settle = time.perf_counter() + SETTLE_SECONDS + 0.5
    while time.perf_counter() < settle:
        app.step()
    wall, cpu = time.perf_counter(), time.process_time()
    while time.perf_counter() - wall < seconds:
        app.step()
    share = (time.process_time() - cpu) / (time.perf_counter() - wall)
    while app.scenes:
        app.pop()
    return share


def ai_turn_seconds(
    level_path: str | os.PathLike[str], turns: int = 8, speed: str = "normal", seed: int = 1
) -> list[tuple[float, int]]:
    """Wall-clock seconds a player watches each AI turn, and the AI's orders in it, on the match screen.

    A real (headless) match screen against ``bandwagoner:normal`` at 60 frames a second with
    ``speed`` animations; the human seat ends each of its turns at once, and the clock runs from
    that End turn until the human's next turn opens (the AI's orders, its pauses, the NPC phase).
    Run: ``python -c "from game.ui.bench import ai_turn_seconds; print(ai_turn_seconds('levels/continent.json'))"``.
    """
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.core import current_seat, new_match
    from game.core.actions import EndTurn
    from game.io.levels import load_level
    from game.io.settings import Settings
    from game.ui.app import App
    from game.ui.scenes.match import MatchScene

    app = App(Settings(muted=True, animation_speed=speed), size=(1280, 720))  # type: ignore[arg-type]
    app.autosaves = False
    match = new_match(load_level(Path(level_path)), seed, ("human", "bandwagoner:normal"))
    scene = MatchScene(app, match, ai={1: "bandwagoner:normal"})
    app.push(scene)
    seen: list[tuple[float, int]] = []
    for _ in range(5):
        app.step(1 / 60)
    for _ in range(60 * 60):  # where the AI opens the round (the continent's Entente), its first turn is not timed
        if current_seat(match) != 1:
            break
        app.step(1 / 60)
        time.sleep(1 / 60)
    for _ in range(turns):
        for _ in range(5):
            app.step(1 / 60)
        if current_seat(match) != 0:
            break
        scene.act(EndTurn())  # the human ends at once, past the End turn warning
        start = last = time.perf_counter()
        actions = len(match.log)
        while current_seat(match) == 1:
            now = time.perf_counter()
            app.step(now - last)
            last = now
            time.sleep(max(0.0, 1 / 60 - (time.perf_counter() - now)))
        seen.append((time.perf_counter() - start, len(match.log) - actions))
    app.pop()
    return seen
