"""Settings: window size, full screen, volume, mute, animation speed, nation colours, map text size
and hot-seat privacy.

Every change is applied at once (the window resizes, the volume changes while the
slider moves) and written to the settings file; the slider writes once it has been
still for a moment, or when the screen closes, rather than on every pixel of a drag.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UIDropDownMenu, UIHorizontalSlider, UILabel, UIPanel

from game.io.settings import Settings
from game.ui.scenes.modal import ModalScene
from game.ui.widgets import Segmented

if TYPE_CHECKING:
    from game.ui.app import App

RESOLUTIONS: tuple[tuple[int, int], ...] = (
    (1024, 640),
    (1280, 720),
    (1280, 800),
    (1366, 768),
    (1440, 900),
    (1600, 900),
    (1680, 1050),
    (1920, 1080),
    (2560, 1440),
)
SLIDER_SAVE_DELAY = 0.6  # seconds of stillness before a dragged volume is written
ANIMATION_SPEEDS = (("off", "Off"), ("slow", "Slow"), ("normal", "Normal"), ("fast", "Fast"))
PALETTE_CHOICES = (("standard", "Standard"), ("colour_blind", "Colour-blind safe"))
#: The map's text and HUD sizes, as the Segmented control's values (strings) and the settings' scales.
UI_SCALES = {"100": 1.0, "125": 1.25, "150": 1.5}
# Hot-seat: whether a seat sees the other's offers to nations nobody plays before the round ends.
PRIVACY = (("private", "Hidden till round ends"), ("shown", "Shown"))


def resolution_text(size: tuple[int, int]) -> str:
    return f"{size[0]} \u00d7 {size[1]}"


def resolution_choices(current: tuple[int, int]) -> list[tuple[int, int]]:
    """The common sizes, plus the current one if the player dragged the window to another."""
    choices = list(RESOLUTIONS)
    if current not in choices:
        choices.append(current)
        choices.sort()
    return choices


class SettingsScene(ModalScene):
    title = "Settings"
    card_size = (600, 604)

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.unsaved_for: float | None = None  # seconds since an unsaved change, None when saved
        self.resolution: UIDropDownMenu | None = None
        self.volume: UIHorizontalSlider | None = None
        self.volume_value: UILabel | None = None
        self.display: Segmented | None = None
        self.sound: Segmented | None = None
        self.animation: Segmented | None = None
        self.palette: Segmented | None = None
        self.ui_scale: Segmented | None = None
        self.privacy: Segmented | None = None
        self.back: UIButton | None = None

    # Layout ---------------------------------------------------------------
    def build(self, card: UIPanel, area: pygame.Rect) -> None:
        manager = self.app.manager
        settings = self.app.settings
        label_width = 170
        control = pygame.Rect(area.x + label_width, area.y, area.width - label_width, 36)
        row = 0

        def label(text: str) -> None:
            UILabel(
                pygame.Rect(area.x, control.y + row * 58, label_width - 10, 36),
                text,
                manager,
                container=card,
                object_id=ObjectID(class_id="@setting_label"),
            )

        def at(row_index: int, width: int | None = None) -> pygame.Rect:
            return pygame.Rect(control.x, control.y + row_index * 58, width or control.width, control.height)

        label("Window size")
        current = tuple(settings.resolution)
        choices = resolution_choices(current)  # type: ignore[arg-type]
        self._resolutions = {resolution_text(size): size for size in choices}
        self.resolution = UIDropDownMenu(
            [resolution_text(size) for size in choices],
            resolution_text(current),  # type: ignore[arg-type]
            at(row),
            manager,
            container=card,
            object_id=ObjectID(object_id="#resolution"),
        )
        row += 1
        label("Display")
        self.display = Segmented(
            at(row),
            (("window", "Window"), ("fullscreen", "Full screen")),
            "fullscreen" if settings.fullscreen else "window",
            manager,
            container=card,
        )
        row += 1
        label("Volume")
        self.volume = UIHorizontalSlider(
            at(row, control.width - 64),
            int(round(settings.volume * 100)),
            (0, 100),
            manager,
            container=card,
            click_increment=5,
            object_id=ObjectID(object_id="#volume"),
        )
        self.volume_value = UILabel(
            pygame.Rect(control.right - 56, control.y + row * 58, 56, 36),
            f"{round(settings.volume * 100)}%",
            manager,
            container=card,
            object_id=ObjectID(class_id="@value"),
        )
        row += 1
        label("Sound")
        self.sound = Segmented(
            at(row), (("on", "On"), ("muted", "Muted")), "muted" if settings.muted else "on", manager, container=card
        )
        row += 1
        label("Animations")
        self.animation = Segmented(at(row), ANIMATION_SPEEDS, settings.animation_speed, manager, container=card)
        row += 1
        label("Nation colours")
        self.palette = Segmented(at(row), PALETTE_CHOICES, settings.palette, manager, container=card)
        row += 1
        label("Map text size")
        scale = next((k for k, v in UI_SCALES.items() if v == settings.ui_scale), "100")
        self.ui_scale = Segmented(at(row), [(k, f"{k}%") for k in UI_SCALES], scale, manager, container=card)
        row += 1
        label("Rival's offers")
        privacy = "private" if settings.private_offers else "shown"
        self.privacy = Segmented(at(row), PRIVACY, privacy, manager, container=card)
        y = area.bottom - 44
        UILabel(
            pygame.Rect(area.x, y, area.width - 160, 42),
            "Changes apply at once and are saved.",
            manager,
            container=card,
            object_id=ObjectID(class_id="@small"),
        )
        self.back = UIButton(
            pygame.Rect(area.right - 140, y, 140, 42),
            "Done",
            manager,
            container=card,
            object_id=ObjectID(class_id="@primary", object_id="#settings_done"),
        )

    # Input ----------------------------------------------------------------
    def change(self, persist: bool = True, **changes: object) -> None:
        settings = Settings.model_validate(self.app.settings.model_dump() | changes)
        self.app.apply_settings(settings, persist=persist)
        self.unsaved_for = None if persist else 0.0

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED and event.ui_element is self.resolution:
            size = self._resolutions.get(event.text)
            if size is not None:
                self.change(resolution=size)
            return True
        if event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED and event.ui_element is self.volume:
            volume = max(0, min(100, int(event.value)))
            if self.volume_value is not None:
                self.volume_value.set_text(f"{volume}%")
            self.change(persist=False, volume=volume / 100)
            return True
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.back:
                self.close()
                return True
            if self.display is not None and self.display.handle(event):
                self.change(fullscreen=self.display.value == "fullscreen")
                return True
            if self.sound is not None and self.sound.handle(event):
                self.change(muted=self.sound.value == "muted")
                self.app.sound.play("click")
                return True
            if self.animation is not None and self.animation.handle(event):
                self.change(animation_speed=self.animation.value)
                return True
            if self.palette is not None and self.palette.handle(event):
                self.change(palette=self.palette.value)
                return True
            if self.ui_scale is not None and self.ui_scale.handle(event):
                self.change(ui_scale=UI_SCALES[self.ui_scale.value])
            if self.privacy is not None and self.privacy.handle(event):
                self.change(private_offers=self.privacy.value == "private")
                return True
        return super().handle_event(event)

    def update(self, dt: float) -> None:
        if self.unsaved_for is not None:
            self.unsaved_for += dt
            if self.unsaved_for >= SLIDER_SAVE_DELAY:
                self._persist()

    def _persist(self) -> None:
        if self.unsaved_for is not None:
            self.unsaved_for = None
            self.app.save_settings()

    def exit(self) -> None:
        self._persist()
        super().exit()
