"""The two ways the window opens: ``alliances play`` (a player) and ``alliances screenshot`` (headless).

Both return an exit code and print one clear sentence when they cannot do their job;
the command line (game/cli.py) only parses flags and calls them.
"""

from __future__ import annotations

import contextlib
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from game.core import Level, Match, apply, current_seat, new_match
from game.io.atomic import write_problem
from game.io.levels import LevelError, find_level, load_level, load_named_level
from game.ui import flow

if TYPE_CHECKING:
    from game.terminal import Update
    from game.ui.app import App

#: The match map's modes and the nation palettes (game.ui.map_view.MODES, game.ui.palette.SCHEMES),
#: named here too so the command line lists them without importing pygame.
MAP_MODES = ("political", "alliances", "forces")
PALETTES = ("standard", "colour_blind")
SCENES = (
    "menu",
    "match",
    "diplomacy",
    "relations",
    "handover",
    "report",
    "gameover",
    "settings",
    "load",
    "help",
    "pause",
    "editor",
)
#: Scenes that need the match screen (game.ui.scenes.match) to exist.
MATCH_SCENES = ("match", "diplomacy", "relations", "handover", "report", "pause")
SETTLE_FRAMES = 6


def _fail(message: str, code: int = 1) -> int:
    print(f"alliances: {message}", file=sys.stderr)
    return code


def _load(name: str | None) -> Level | int:
    """The level the player named (path or shipped name), the default (tutorial) if none; or an exit code."""
    if name is None:
        entry = flow.default_level()
        if entry is None or entry.level is None:
            return _fail("no level given and none is shipped in levels/")
        return entry.level
    try:
        return load_named_level(name)
    except LevelError as err:
        for problem in err.problems:
            print(f"{err.source}: {problem}", file=sys.stderr)
        return 1


def play(level: str | None = None, vs_ai: str | None = None, human_seat: int = 1, seed: int | None = None) -> int:
    """Open the window: the main menu, or with a level, an AI difficulty or a seed, straight into a match.

    Without a level the match is on the default level (the tutorial).
    """
    match: Match | None = None
    if level is not None or vs_ai is not None or seed is not None:
        loaded = _load(level)
        if isinstance(loaded, int):
            return loaded
        controllers = flow.controllers_for(vs_ai, human_seat - 1)
        match = flow.begin_match(loaded, flow.new_seed() if seed is None else seed, controllers)

    import pygame

    from game.ui.app import App

    try:
        app = App()
    except pygame.error as err:
        return _fail(f"cannot open a window: {err}")
    if match is None:
        flow.to_menu(app)
    else:
        flow.open_match(app, match)
    app.run()
    return 0


def edit(level: str | None = None) -> int:
    """Open the window on the map editor: a blank map, or ``level`` (a file, shipped name or draft)."""
    from game.ui.scenes.editor import load_draft

    loaded: Level | None = None
    path: Path | None = None
    if level is not None:
        try:
            path = Path(find_level(level))
        except LevelError as err:
            return _fail(f"{level}: {err.problems[0]}")
        if not path.exists():
            return _fail(f"{level}: no such file")
        try:
            loaded = load_draft(path)
        except LevelError as err:
            for problem in err.problems:
                print(f"{path}: {problem}", file=sys.stderr)
            return 1

    import pygame

    from game.ui.app import App
    from game.ui.scenes.editor import EditorScene

    try:
        app = App()
    except pygame.error as err:
        return _fail(f"cannot open a window: {err}")
    app.reset_to(EditorScene(app, loaded, path))
    app.run()
    return 0


# Screenshots ----------------------------------------------------------------


def screenshot(
    scene: str,
    level: str | None,
    out: str,
    size: tuple[int, int],
    seed: int = 1,
    map_mode: str = "political",
    palette: str = "standard",
) -> int:
    """Render one scene headless at ``size`` and write it as a PNG."""
    # Only here, never in the game: a screenshot must work without a display or a sound card.
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    if scene not in SCENES:
        return _fail(f"unknown scene '{scene}': choose from {', '.join(SCENES)}", 2)
    target = Path(out)
    if target.suffix.lower() != ".png":
        return _fail(f"--out '{out}': name a .png file (screenshots are PNG images)", 2)
    if target.is_dir():
        return _fail(f"{out}: is a folder; name a .png file", 2)
    loaded = _load(level)
    if isinstance(loaded, int):
        return loaded
    wants_match = scene in MATCH_SCENES or scene == "help"
    if scene == "load":
        # The Load screen is shown with sample saves in a scratch folder, never the player's own
        # (private, and perhaps none yet): the picture is the same on every machine.
        with tempfile.TemporaryDirectory(prefix="alliances-screenshot-") as scratch, _user_home(scratch):
            write_sample_saves(loaded, seed)
            return _shoot(scene, loaded, target, size, seed, wants_match, map_mode, palette)
    return _shoot(scene, loaded, target, size, seed, wants_match, map_mode, palette)


def _shoot(
    scene: str,
    loaded: Level,
    target: Path,
    size: tuple[int, int],
    seed: int,
    wants_match: bool,
    map_mode: str = "political",
    palette: str = "standard",
) -> int:
    from game.io.settings import Settings
    from game.ui.app import App

    app = App(settings=Settings(resolution=size, palette=palette), size=size)  # type: ignore[arg-type]
    app.autosaves = False  # a picture of a match must not replace the player's autosave
    if wants_match:
        stage_match(app, loaded, scene, seed)
        hud = getattr(app.scene, "hud", None)
        if hud is not None:
            hud.set_mode(map_mode)
    else:
        stage_shell(app, loaded, scene, seed)
    settle(app)
    try:
        app.screenshot(target)
    except OSError as err:
        return _fail(f"{target}: cannot write: {write_problem(err)}")
    print(f"{target}: {scene} at {size[0]}x{size[1]}")
    return 0


@contextlib.contextmanager
def _user_home(folder: str) -> Iterator[None]:
    """The player's files (saves, settings) live in ``folder`` for a while: a tool must not touch the real ones."""
    previous = os.environ.get("ALLIANCES_HOME")
    os.environ["ALLIANCES_HOME"] = folder
    try:
        yield
    finally:
        if previous is None:
            del os.environ["ALLIANCES_HOME"]
        else:
            os.environ["ALLIANCES_HOME"] = previous


def write_sample_saves(level: Level, seed: int) -> None:
    """A saves folder as a player's looks after a while: an autosave, a named save, a play-test, a damaged file."""
    from game.ai.random_bot import RandomBot
    from game.io.paths import autosave_path, saves_dir
    from game.io.saves import PLAYTEST_ID, save_match

    def played(controllers: tuple[str, str], rounds: int, match_id: str | None = None) -> Match:
        match = flow.begin_match(level, seed, controllers, match_id)
        bot, rng = RandomBot(), random.Random(seed)
        for _ in range(2_000):
            if current_seat(match) is None or match.round > rounds:
                break
            apply(match, bot.choose(match, match.seat, rng))
        return match

    folder = saves_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "torn.json").write_text('{"format_version": 4, "summary": {"title": ', encoding="utf-8")
    save_match(played((flow.HUMAN, flow.HUMAN), 1, PLAYTEST_ID), autosave_path(PLAYTEST_ID))
    save_match(played((flow.HUMAN, flow.HUMAN), 2), folder / "Hot-seat duel with Anna.json")
    vs_ai = played((flow.HUMAN, f"{flow.AI_DOCTRINE}:hard"), 3)
    save_match(vs_ai, autosave_path(vs_ai.match_id or "sample"))


def settle(app: App, frames: int = SETTLE_FRAMES) -> None:
    """Run a few frames so layouts, hover states and posted events have all been processed."""
    for _ in range(frames):
        app.step(1 / 60)


def press(key: int, unicode: str = "") -> None:
    import pygame

    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=unicode, scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode=unicode, scancode=0))


def stage_shell(app: App, level: Level, scene: str, seed: int) -> None:
    if scene == "editor":
        from game.ui.scenes.editor import EditorScene

        app.reset_to(EditorScene(app, level))  # the level shown as a draft, as `alliances edit` opens it
        return
    if scene == "gameover":
        from game.ui.scenes.gameover import GameOverScene

        app.reset_to(GameOverScene(app, finished_match(level, seed)))
        return
    from game.ui.scenes.menu import MenuScene

    app.reset_to(MenuScene(app, backdrop=level))
    if scene == "settings":
        from game.ui.scenes.settings_scene import SettingsScene

        app.push(SettingsScene(app))
    elif scene == "load":
        from game.ui.scenes.load_scene import LoadScene

        app.push(LoadScene(app))
    elif scene == "help":
        from game.ui.scenes.help import HelpScene

        app.push(HelpScene(app))


def stage_match(app: App, level: Level, scene: str, seed: int) -> None:
    import pygame

    if scene == "report":
        stage_report(app, level, seed)
        return
    flow.open_match(app, new_match(level, seed, (flow.HUMAN, flow.HUMAN)))
    settle(app)
    if scene != "match":
        read_the_report(app)
    if scene == "pause":
        from game.ui.scenes.pause import PauseScene

        app.push(PauseScene(app, app.scene))
    elif scene == "help":
        from game.ui.scenes.help import HelpScene

        app.push(HelpScene(app))
    elif scene in ("diplomacy", "relations"):
        courted = court_a_nation_nobody_plays(app)  # so the window shows an offer waiting for the round's end
        press(pygame.K_d, "d")  # the match screen's own shortcut opens it
        if courted is not None:
            settle(app)
            app.scene.open_diplomacy(focus=courted)  # type: ignore[union-attr]
        if scene == "relations":
            settle(app)
            window = getattr(app.scene, "dialog", None)
            if window is not None and hasattr(window, "relations_button"):
                click_button(window.relations_button)
    elif scene == "handover":
        court_a_nation_nobody_plays(app)  # seat 2 must not hear of it (privacy setting): a pending offer
        end_the_turn(app)  # hot-seat hands the computer over
    elif scene == "match":
        show_a_turn(app)
    settle(app)


def read_the_report(app: App) -> None:
    """Close the turn-start report (the level's briefing on the first turn) as a player does: Enter."""
    import pygame

    from game.ui.panels.report import TurnReport

    if isinstance(getattr(app.scene, "dialog", None), TurnReport):
        press(pygame.K_RETURN, "\r")
        settle(app)


def end_the_turn(app: App) -> None:
    """End the turn as a player does: Enter, and Enter again when End turn warns what is left to do."""
    import pygame

    press(pygame.K_RETURN, "\r")
    settle(app)
    if getattr(app.scene, "end_warning", None):
        press(pygame.K_RETURN, "\r")


def stage_report(app: App, level: Level, seed: int) -> None:
    """The turn-start report against the AI: the player ends a first turn, the AI plays its own, the
    round ends, and the player's next turn opens on the news and the questions waiting."""
    from game.core import first_seat

    human = first_seat(new_match(level, seed, (flow.HUMAN, flow.HUMAN)), 1)
    controllers = [flow.HUMAN, flow.HUMAN]
    controllers[1 - human] = f"{flow.AI_DOCTRINE}:normal"
    app.settings = app.settings.model_copy(update={"animation_speed": "off"})
    flow.open_match(app, new_match(level, seed, (controllers[0], controllers[1])))
    settle(app)
    match: Match = app.scene.match  # type: ignore[union-attr]
    read_the_report(app)  # the briefing
    end_the_turn(app)
    for _ in range(3000):  # the AI thinks in its own thread
        if current_seat(match) == human and match.turn > 1:
            break
        app.step(1 / 60)
        time.sleep(0.001)


def click_button(button: object) -> None:
    """Post the press of a pygame_gui button, as a click on it would."""
    import pygame
    import pygame_gui

    pygame.event.post(pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, ui_element=button))


def court_a_nation_nobody_plays(app: App) -> str | None:
    """Seat 1 offers an alliance (else a pact) to a nation nobody plays: its first legal such offer.

    Returns the nation courted, if any.
    """
    from game.core import legal_actions
    from game.core import world as w
    from game.core.actions import ProposeAlliance, ProposePact

    scene = app.scene
    match: Match | None = getattr(scene, "match", None)
    if match is None or current_seat(match) is None:
        return None
    legal = list(legal_actions(match, match.seat))
    for kind in (ProposeAlliance, ProposePact):
        offer = next((a for a in legal if isinstance(a, kind) and w.is_npc(match, a.to)), None)
        if offer is not None:
            scene.act(offer)  # type: ignore[union-attr]
            return offer.to
    return None


def click_at(pos: tuple[float, float]) -> None:
    import pygame

    point = (int(pos[0]), int(pos[1]))
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=point, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=point, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=point, button=1))


def show_a_turn(app: App) -> None:
    """The match as a player sees it mid-turn: the opening report read, their capital selected."""
    for element in app.manager.get_sprite_group().sprites():
        name = (getattr(element, "object_ids", None) or [""])[-1]
        if name in ("#dismiss_card", "#report_continue") and element.visible:
            click_at(element.rect.center)
            settle(app)
            break
    scene = app.scene
    match: Match | None = getattr(scene, "match", None)
    view = getattr(scene, "map_view", None)
    if match is None or view is None or current_seat(match) is None:
        return
    nations = match.level.seats[match.seat].nations
    capitals = [n.capital for n in match.level.nations if n.id in nations and n.capital is not None]
    if capitals:
        click_at(view.territory_centre(capitals[0]))


def finished_match(level: Level, seed: int, max_actions: int = 20_000) -> Match:
    """Play ``level`` to its end with random bots: a real finished match, every rule applied."""
    from game.ai.random_bot import RandomBot

    bot = RandomBot()
    rng = random.Random(seed)
    match = new_match(level, seed, (flow.HUMAN, flow.HUMAN))
    for _ in range(max_actions):
        seat = current_seat(match)
        if seat is None:
            break
        apply(match, bot.choose(match, seat, rng))
    return match


def parse_size(text: str) -> tuple[int, int]:
    """'1280x720' -> (1280, 720); ValueError with a reason otherwise."""
    from game.ui.app import MIN_SIZE

    try:
        width, height = (int(part) for part in text.lower().replace("\u00d7", "x").split("x"))
    except ValueError:
        raise ValueError(f"size '{text}' is not WIDTHxHEIGHT, e.g. 1280x720") from None
    if not (MIN_SIZE[0] <= width <= 7680 and MIN_SIZE[1] <= height <= 4320):
        raise ValueError(f"size '{text}' is out of range ({MIN_SIZE[0]}x{MIN_SIZE[1]} to 7680x4320)")
    return width, height


# Render benchmark -------------------------------------------------------------


def first_frame_ms(level_path: str, size: tuple[int, int] = (1280, 720)) -> float:
    """Milliseconds from creating the App to the first drawn frame of a match on ``level_path``."""
    import time

    from game.io.settings import Settings
    from game.ui.app import App

    started = time.perf_counter()
    app = App(Settings(muted=True), size=size)
    app.autosaves = False
    flow.open_match(app, new_match(load_level(level_path), 1))
    app.step(1 / 60)
    elapsed = (time.perf_counter() - started) * 1000.0
    while app.scenes:
        app.pop()
    return elapsed


def bench_render(paths: list[str], frames: int, progress: Update | None = None) -> str:
    """``alliances bench render``: per level, p50 and p95 frame time while the camera moves, and start-up.

    ``progress(done, total)`` is told after each level.
    """
    # A bench needs no window on screen; the dummy driver also makes numbers comparable across machines.
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    with tempfile.TemporaryDirectory(prefix="alliances-bench-") as scratch:
        # The match screen autosaves each turn: a benchmark must leave the player's saves alone.
        previous = os.environ.get("ALLIANCES_HOME")
        os.environ["ALLIANCES_HOME"] = scratch
        try:
            return _render_report(paths, frames, progress)
        finally:
            if previous is None:
                del os.environ["ALLIANCES_HOME"]
            else:
                os.environ["ALLIANCES_HOME"] = previous


def _render_report(paths: list[str], frames: int, progress: Update | None) -> str:
    from game.terminal import table
    from game.ui.bench import percentile, render_frame_times

    heading = (
        f"render benchmark: {frames} frames per level, panning and zooming the match screen at 1280x720 "
        f"(SDL video driver: {os.environ['SDL_VIDEODRIVER']}; budget 8 ms a frame)"
    )
    rows = []
    for done, path in enumerate(paths, start=1):
        times = render_frame_times(path, frames)
        startup = first_frame_ms(path)
        p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
        rows.append((Path(path).name, f"{p50:.2f}", f"{p95:.2f}", f"{startup:.0f}"))
        if progress is not None:
            progress(done, len(paths))
    return heading + "\n" + table(("level", "p50 ms", "p95 ms", "App() to first frame ms"), rows)
