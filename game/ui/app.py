"""The window, the clock, the pygame_gui manager and the scene stack.

``App.step()`` runs exactly one frame, so tests and the screenshot command drive
the real game loop frame by frame, headless, with real pygame events.
"""

from __future__ import annotations

import io
import os
import time
import warnings
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.io.atomic import write_atomic_bytes
from game.io.paths import assets_dir
from game.io.settings import Settings, load_settings, save_settings
from game.ui.palette import use_scheme
from game.ui.scene import Scene
from game.ui.theme import THEME_PATH, colours, font_size

if TYPE_CHECKING:
    from game.core import Match

ASSETS = assets_dir()
MIN_SIZE = (960, 600)
TOAST_SECONDS = 4.0
FRAME_RATE = 60
# After input, frames run at full rate this long, so hover effects and widget transitions play out.
SETTLE_SECONDS = 0.5
# While idle, the loop wakes this often (ms) to redraw anything that changes on its own.
IDLE_WAKE_MS = 500
# While idle, how long it sleeps between looks at the input queue: the longest an input waits.
IDLE_POLL_SECONDS = 0.015


def _wait_for_input(seconds: float) -> list[pygame.event.Event]:
    """The next input, or nothing after ``seconds``: short sleeps between looks at the queue.

    ``pygame.event.wait`` with a timeout keeps SDL polling inside: 3% of a core for a window
    nobody touches, on X11 and headless alike. Sleeping ``IDLE_POLL_SECONDS`` between looks
    costs a tenth of that, and input still answers within a frame or so.
    """
    deadline = time.perf_counter() + seconds
    while True:
        events = pygame.event.get()
        left = deadline - time.perf_counter()
        if events or left <= 0:
            return events
        time.sleep(min(IDLE_POLL_SECONDS, left))


def _preloaded_fonts() -> list[dict[str, str | int | float]]:
    """The styles rich text (<b>, <i>, <font size=..>) asks for; loading them up front keeps pygame_gui quiet."""
    fonts: list[dict[str, str | int | float]] = []
    for size in (13, 14, 15, 16, 18):
        for style in ("bold", "italic", "bold_italic"):
            fonts.append({"name": "noto_sans", "point_size": size, "style": style})
    for html_size in (4, 5):
        for style in ("regular", "bold"):
            fonts.append({"name": "noto_sans", "html_size": html_size, "style": style})
    return fonts


@dataclass
class Toast:
    """A one-line notice at the bottom of the window ("Game saved", "Autosave failed: ...")."""

    text: str
    error: bool
    seconds_left: float


def font_path(bold: bool = False, italic: bool = False) -> str:
    """Noto Sans from the pygame_gui package (OFL), so the map's text matches the widgets'."""
    style = ("Bold" if bold else "") + ("Italic" if italic else "")
    name = f"NotoSans-{style or 'Regular'}.ttf"
    return str(resources.files("pygame_gui.data").joinpath(name))


class App:
    def __init__(self, settings: Settings | None = None, size: tuple[int, int] | None = None) -> None:
        pygame.init()
        self.settings = settings or load_settings()
        use_scheme(self.settings.palette)
        width, height = size or self.settings.resolution
        pygame.display.set_caption("Alliances")
        self.screen = self._set_mode((width, height), self.settings.fullscreen)
        self.size: tuple[int, int] = self.screen.get_size()
        self.manager = pygame_gui.UIManager(self.size, str(THEME_PATH))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "already loaded" by the theme: fine
            self.manager.preload_fonts(_preloaded_fonts())
        self.clock = pygame.time.Clock()
        self.scenes: list[Scene] = []
        self.running = True
        self._fonts: dict[tuple[int, bool, bool], pygame.font.Font] = {}
        self.toasts: list[Toast] = []
        self._since_input = 0.0  # seconds since the last input event
        #: False for headless tools (screenshots, benchmarks) that must never touch the player's autosave.
        self.autosaves = True
        from game.ui.sound import Sound

        self.sound = Sound(self.settings)

    # Fonts ------------------------------------------------------------------
    def font(self, size: int, bold: bool = False, italic: bool = False) -> pygame.font.Font:
        key = (size, bold, italic)
        if key not in self._fonts:
            self._fonts[key] = pygame.font.Font(font_path(bold, italic), size)
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
    def apply_settings(self, settings: Settings, persist: bool = True) -> None:
        """Use ``settings`` at once; ``persist=False`` while a slider is still being dragged."""
        previous = self.settings
        self.settings = settings
        use_scheme(settings.palette)
        if persist:
            self.save_settings()
        self.sound.configure(settings)
        if settings.fullscreen != previous.fullscreen:
            self.resize(tuple(settings.resolution), force=True)  # type: ignore[arg-type]
        elif not settings.fullscreen and tuple(settings.resolution) != tuple(previous.resolution):
            self.resize(tuple(settings.resolution))  # type: ignore[arg-type]

    def save_settings(self) -> bool:
        """Write the current settings; a read-only disk costs a notice, never the game."""
        try:
            save_settings(self.settings)
        except OSError as err:
            self.toast(f"Settings not saved: {err.strerror or err}", error=True)
            return False
        return True

    @staticmethod
    def _set_mode(size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
        """Open or reshape the window: never smaller than MIN_SIZE nor larger than the desktop."""
        headless = os.environ.get("SDL_VIDEODRIVER") == "dummy"
        if fullscreen and not headless:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        width, height = max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1])
        if not headless:
            desktops = pygame.display.get_desktop_sizes()
            if desktops:
                width, height = min(width, desktops[0][0]), min(height, desktops[0][1])
        return pygame.display.set_mode((width, height), pygame.RESIZABLE)

    def resize(self, size: tuple[int, int], force: bool = False) -> None:
        """Reshape the window to ``size`` (at least MIN_SIZE); ``force`` reopens it (full screen on or off)."""
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        surface = pygame.display.get_surface()
        if force or surface is None or os.environ.get("SDL_VIDEODRIVER") == "dummy":
            self.screen = self._set_mode(size, self.settings.fullscreen)
        else:
            # The player dragged the window: SDL already resized the surface, unless it went below the minimum.
            self.screen = surface
            if self.screen.get_size() != size and not self.settings.fullscreen:
                self.screen = self._set_mode(size, self.settings.fullscreen)
        size = self.screen.get_size()
        self.size = size
        self.manager.set_window_resolution(size)
        for scene in self.scenes:
            scene.resize(size)

    # The loop --------------------------------------------------------------
    def step(self, dt: float | None = None) -> None:
        """One frame: events, update, draw. ``dt`` in seconds (measured when None, and then paced).

        A turn-based game is still most of the time: while nothing moves (no input for a moment,
        no animation, no AI at work, no notice fading) the loop sleeps in ``pygame.event.wait``
        and wakes on the next input at once, or a few times a second to redraw (a blinking text
        cursor, a tooltip that came up). Otherwise it runs at 60 frames a second.
        """
        quiet = False  # woken by the clock alone, with nothing to show for it so far
        if dt is None:
            if self.lively():
                elapsed = self.clock.tick(FRAME_RATE) / 1000.0
            else:
                woken = _wait_for_input(IDLE_WAKE_MS / 1000.0)
                elapsed = self.clock.tick() / 1000.0
                quiet = not woken
                for event in woken:
                    self._since_input = 0.0
                    self.dispatch(event)
        else:
            elapsed = dt
        self._since_input += elapsed
        for event in pygame.event.get():
            self._since_input = 0.0
            quiet = False
            self.dispatch(event)
        scene = self.scene
        if scene is None:
            self.running = False
            return
        widgets = self._widgets_shown()
        scene.update(elapsed)
        self.manager.update(elapsed)
        self._age_toasts(elapsed)
        if quiet and not self._changes_on_its_own(widgets):
            self.sound.prepare_one()
            return  # the screen shows what it showed: drawing it again is all an idle window would cost
        self.draw()
        pygame.display.flip()

    def _widgets_shown(self) -> tuple[tuple[int, int, bool], ...]:
        """What the widgets look like, cheaply: each one and its picture, shown or not."""
        return tuple((id(w), id(w.image), bool(w.visible)) for w in self.manager.get_sprite_group().sprites())

    def _changes_on_its_own(self, widgets_before: tuple[tuple[int, int, bool], ...]) -> bool:
        """Whether an idle wake has something new to draw: a text cursor blinking in a focused field,
        a widget's tool tip that just came up or went (the widgets changed), a scene in motion."""
        return bool(self.manager.get_focus_set()) or self._widgets_shown() != widgets_before or self.lively()

    def lively(self) -> bool:
        """Whether the next frame must come at full rate: recent input, a notice, or a scene in motion."""
        return (
            self._since_input < SETTLE_SECONDS or bool(self.toasts) or any(scene.animating() for scene in self.scenes)
        )

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
        self._draw_toasts(self.screen)

    def run(self) -> None:
        while self.running and self.scenes:
            self.step()
        pygame.quit()

    def quit(self) -> None:
        """Leave the loop after this frame."""
        self.running = False

    # Saves and notices -----------------------------------------------------
    def autosave(self, match: Match) -> bool:
        """Write ``match`` to its own autosave. A failure is shown as a notice and play goes on."""
        from game.io.paths import autosave_path
        from game.io.saves import ensure_match_id, save_match

        if not self.autosaves:
            return False
        try:
            save_match(match, autosave_path(ensure_match_id(match)))
        # Deliberately broad: whatever goes wrong with the disk or the save, the match must not end.
        except Exception as err:  # noqa: BLE001
            self.toast(f"Autosave failed: {getattr(err, 'strerror', None) or err}", error=True)
            return False
        return True

    def toast(self, text: str, error: bool = False, seconds: float = TOAST_SECONDS) -> None:
        """Show a short notice above everything else for a few seconds."""
        self.toasts = [t for t in self.toasts if t.text != text][-2:]
        self.toasts.append(Toast(text, error, seconds))

    def _age_toasts(self, elapsed: float) -> None:
        for toast in self.toasts:
            toast.seconds_left -= elapsed
        self.toasts = [t for t in self.toasts if t.seconds_left > 0]

    def _draw_toasts(self, surface: pygame.Surface) -> None:
        if not self.toasts:
            return
        palette = colours("#toast")
        font = self.font(font_size("strong"))
        y = self.size[1] - 24
        for toast in reversed(self.toasts):
            text = font.render(toast.text, True, palette["text"])
            box = pygame.Rect(0, 0, min(text.get_width() + 36, self.size[0] - 40), text.get_height() + 16)
            box.midbottom = (self.size[0] // 2, y)
            fade = max(0.0, min(1.0, toast.seconds_left / 0.4))
            panel = pygame.Surface(box.size, pygame.SRCALPHA)
            pygame.draw.rect(panel, palette["background"], panel.get_rect(), border_radius=6)
            accent = palette["error"] if toast.error else palette["border"]
            pygame.draw.rect(panel, accent, panel.get_rect(), 1, border_radius=6)
            pygame.draw.rect(panel, accent, (0, 6, 4, box.height - 12), border_radius=2)
            panel.blit(text, (18, 8), area=pygame.Rect(0, 0, box.width - 26, text.get_height()))
            panel.set_alpha(int(255 * fade))
            surface.blit(panel, box.topleft)
            y = box.top - 8

    def screenshot(self, path: str | os.PathLike[str]) -> None:
        """Draw a frame and write it as a PNG, atomically (OSError if the path cannot be written)."""
        self.draw()
        buffer = io.BytesIO()
        pygame.image.save(self.screen, buffer, "screenshot.png")
        write_atomic_bytes(path, buffer.getvalue())
