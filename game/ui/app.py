"""The window, the clock, the pygame_gui manager and the scene stack.

``App.step()`` runs exactly one frame, so tests and the screenshot command drive
the real game loop frame by frame, headless, with real pygame events.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import pygame
import pygame_gui

from game.io.settings import Settings, load_settings, save_settings
from game.ui.scene import Scene

ASSETS = Path(__file__).resolve().parents[2] / "assets"
THEME_PATH = ASSETS / "theme.json"
MIN_SIZE = (960, 600)


def font_path(bold: bool = False) -> str:
    """Noto Sans from the pygame_gui package (OFL), so the map's text matches the widgets'."""
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    return str(resources.files("pygame_gui.data").joinpath(name))


class App:
    def __init__(self, settings: Settings | None = None, size: tuple[int, int] | None = None) -> None:
        pygame.init()
        self.settings = settings or load_settings()
        self.size = size or tuple(self.settings.resolution)  # type: ignore[assignment]
        flags = pygame.RESIZABLE
        if self.settings.fullscreen and os.environ.get("SDL_VIDEODRIVER") != "dummy":
            flags |= pygame.FULLSCREEN
        pygame.display.set_caption("Alliances")
        self.screen = pygame.display.set_mode(self.size, flags)
        self.manager = pygame_gui.UIManager(self.size, str(THEME_PATH))
        self.clock = pygame.time.Clock()
        self.scenes: list[Scene] = []
        self.running = True
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        from game.ui.sound import Sound

        self.sound = Sound(self.settings)

    # Fonts ------------------------------------------------------------------
    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        key = (size, bold)
        if key not in self._fonts:
            self._fonts[key] = pygame.font.Font(font_path(bold), size)
        return self._fonts[key]

    # Scene stack -----------------------------------------------------------
    @property
    def scene(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        self.scenes.append(scene)
        scene.enter()

    def pop(self) -> Scene | None:
        if not self.scenes:
            return None
        scene = self.scenes.pop()
        scene.exit()
        if self.scene is not None:
            self.scene.resume()
        return scene

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for another (menu -> match, match -> game over)."""
        if self.scenes:
            self.scenes.pop().exit()
        self.push(scene)

    def reset_to(self, scene: Scene) -> None:
        """Clear the whole stack (back to the main menu)."""
        while self.scenes:
            self.scenes.pop().exit()
        self.push(scene)

    # Settings --------------------------------------------------------------
    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        save_settings(settings)
        self.sound.configure(settings)
        if tuple(settings.resolution) != self.size:
            self.resize(tuple(settings.resolution))  # type: ignore[arg-type]

    def resize(self, size: tuple[int, int]) -> None:
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        self.size = size
        if os.environ.get("SDL_VIDEODRIVER") == "dummy" or pygame.display.get_surface() is None:
            self.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        else:
            self.screen = pygame.display.get_surface()
            if self.screen.get_size() != size:
                self.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.manager.set_window_resolution(size)
        for scene in self.scenes:
            scene.resize(size)

    # The loop --------------------------------------------------------------
    def step(self, dt: float | None = None) -> None:
        """One frame: events, update, draw. ``dt`` in seconds (measured when None)."""
        elapsed = self.clock.tick(60) / 1000.0 if dt is None else dt
        for event in pygame.event.get():
            self.dispatch(event)
        scene = self.scene
        if scene is None:
            self.running = False
            return
        scene.update(elapsed)
        self.manager.update(elapsed)
        self.draw()
        pygame.display.flip()

    def dispatch(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type == pygame.VIDEORESIZE:
            self.resize((event.w, event.h))
            return
        scene = self.scene
        # The top scene sees pygame_gui's own events (button presses) first...
        if event.type >= pygame.USEREVENT and scene is not None:
            if scene.handle_event(event):
                return
        # ...widgets next: a click on a button must not also land on the map below it...
        if self.manager.process_events(event):
            return
        if event.type < pygame.USEREVENT and scene is not None:
            scene.handle_event(event)

    def draw(self) -> None:
        first = len(self.scenes) - 1
        while first > 0 and not self.scenes[first].opaque:
            first -= 1
        for scene in self.scenes[first:]:
            scene.draw(self.screen)
        self.manager.draw_ui(self.screen)

    def run(self) -> None:
        while self.running and self.scenes:
            self.step()
        pygame.quit()

    def screenshot(self, path: str | os.PathLike[str]) -> None:
        self.draw()
        pygame.image.save(self.screen, str(path))
