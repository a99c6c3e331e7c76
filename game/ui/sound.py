"""Sounds synthesised at start-up: no recorded files, so nothing to license or ship.

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


class Sound:
    def __init__(self, settings: Settings) -> None:
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self.enabled = False
        try:
            pygame.mixer.init(frequency=RATE, size=-16, channels=2)
            self._sounds = {
                "click": pygame.mixer.Sound(buffer=_tone([880.0], 0.06, 40.0, 0.2)),
                "battle": pygame.mixer.Sound(buffer=_noise(0.45, 7.0)),
                "capture": pygame.mixer.Sound(buffer=_tone([392.0, 523.3, 659.3], 0.5, 4.0)),
                "duty": pygame.mixer.Sound(buffer=_tone([220.0, 277.2], 0.7, 3.0)),
                "turn": pygame.mixer.Sound(buffer=_tone([523.3, 784.0], 0.25, 8.0, 0.25)),
            }
            self.enabled = True
        except pygame.error:
            self.enabled = False
        self.configure(settings)

    def configure(self, settings: Settings) -> None:
        self.muted = settings.muted
        for sound in self._sounds.values():
            sound.set_volume(settings.volume)

    def play(self, name: str) -> None:
        if self.enabled and not self.muted and name in self._sounds:
            self._sounds[name].play()
