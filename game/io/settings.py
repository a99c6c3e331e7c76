"""Player settings: a small pydantic model in the user data dir, written atomically."""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.io.atomic import write_atomic
from game.io.paths import settings_path


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    resolution: tuple[int, int] = (1280, 720)
    fullscreen: bool = False
    volume: float = Field(0.7, ge=0.0, le=1.0)
    muted: bool = False
    animation_speed: Literal["slow", "normal", "fast", "off"] = "normal"
    #: Nation colours: the level's own (adjusted where they clash), or checked for colour-blind eyes too.
    palette: Literal["standard", "colour_blind"] = "standard"
    #: How large the map's names, numbers, legend and minimap are drawn.
    ui_scale: Literal[1.0, 1.25, 1.5] = 1.0
    #: Hot-seat fairness: a seat's offers to nations nobody plays stay hidden from the other seat
    #: until the round ends and those nations answer.
    private_offers: bool = True


def load_settings() -> Settings:
    """The saved settings, or the defaults when there are none or they are damaged.

    Settings are a convenience: a broken file must never keep the game from starting.
    """
    path = settings_path()
    try:
        return Settings.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError):
        return Settings()


def save_settings(settings: Settings) -> None:
    write_atomic(settings_path(), settings.model_dump_json(indent=2) + "\n")
