"""Sounds synthesised when first played: no recorded files, so nothing to license or ship.

When there is no audio device (CI, a headless server), sound is silently off.
"""

from __future__ import annotations

import array
import math

import pygame

from game.io.settings import Settings

RATE = 22050


def _tone(freqs: list[float], seconds: float, decay: float, volume: float = 0.35) -> bytes:
    samples = array.array("h")
    total = int(RATE * seconds)
    for i in range(total):
        t = i / RATE
        envelope = math.exp(-decay * t) * min(1.0, i / 200)
        value = sum(math.sin(2 * math.pi * f * t) for f in freqs) / len(freqs)
        sample = int(32767 * volume * envelope * value)
        samples.extend((sample, sample))
    return samples.tobytes()


def _noise(seconds: float, decay: float, volume: float = 0.4) -> bytes:
    samples = array.array("h")
    state = 12345
    for i in range(int(RATE * seconds)):
        state = (1103515245 * state + 12345) & 0x7FFFFFFF
        value = (state / 0x3FFFFFFF) - 1.0
        sample = int(32767 * volume * math.exp(-decay * i / RATE) * value)
        samples.extend((sample, sample))
    return samples.tobytes()


# Each sound's recipe: synthesised the first time it plays, so start-up does not wait for all of
# them (a quarter of a second of pure-Python sample loops, before the first frame).
RECIPES = {
    "click": lambda: _tone([880.0], 0.06, 40.0, 0.2),
    "battle": lambda: _noise(0.45, 7.0),
    "capture": lambda: _tone([392.0, 523.3, 659.3], 0.5, 4.0),
    "duty": lambda: _tone([220.0, 277.2], 0.7, 3.0),
    "turn": lambda: _tone([523.3, 784.0], 0.25, 8.0, 0.25),
}


class Sound:
    def __init__(self, settings: Settings) -> None:
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self.enabled = False
        try:
            pygame.mixer.init(frequency=RATE, size=-16, channels=2)
            self.enabled = True
        except pygame.error:
            self.enabled = False
        self.configure(settings)

    def configure(self, settings: Settings) -> None:
        self.muted = settings.muted
        self.volume = settings.volume
        for sound in self._sounds.values():
            sound.set_volume(settings.volume)

    def play(self, name: str) -> None:
        if not self.enabled or self.muted or name not in RECIPES:
            return
        sound = self._made(name)
        if sound is not None:
            sound.play()

    def prepare_one(self) -> None:
        """Synthesise one sound not made yet: an idle window has the time, and the first battle then does not wait."""
        if self.enabled and not self.muted:
            name = next((n for n in RECIPES if n not in self._sounds), None)
            if name is not None:
                self._made(name)

    def _made(self, name: str) -> pygame.mixer.Sound | None:
        sound = self._sounds.get(name)
        if sound is None:
            try:
                sound = self._sounds[name] = pygame.mixer.Sound(buffer=RECIPES[name]())
            except pygame.error:
                self.enabled = False
                return None
            sound.set_volume(self.volume)
        return sound
