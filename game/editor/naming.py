"""Names, ids and map codes for new things: place names from a syllable table, and ids and
codes that no other territory or nation already uses.

>>> slug("Ost-Varenna")
'ost_varenna'
>>> unused_code("Varenna", {"V", "Va"})
'Vr'
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Collection

# Soft, pronounceable pieces: onset + vowel (+ coda), two or three times, then an ending.
_ONSETS = ("b", "br", "c", "d", "dr", "f", "g", "gr", "k", "l", "m", "n", "p", "r", "s", "st", "t", "tr", "v", "z")
_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "o", "ei", "au")
_CODAS = ("", "", "", "", "n", "r", "l", "s", "m")
_ENDINGS = ("", "", "ia", "a", "ar", "en", "heim", "mark", "holm", "grad", "ov", "ine", "stad", "ora")
_ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def place_name(rng: random.Random) -> str:
    """A made-up place name such as "Brelmark" or "Tauvora"."""
    parts = []
    for _ in range(rng.choice((1, 2, 2, 2, 3))):
        parts.append(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS))
    word = "".join(parts)
    ending = rng.choice(_ENDINGS)
    if ending and ending[0] in "aeiou":
        word = word.rstrip("aeiou") or word  # no vowel pile-ups: "Stau" + "ia" makes "Stia"
    return (word + ending).capitalize()


def unique_place_name(rng: random.Random, taken: set[str]) -> str:
    """A place name, 4 to 10 letters long, whose slug is not in ``taken`` (the slug joins it),
    so no two names drawn with the same set read alike or make the same id."""
    while True:
        name = place_name(rng)
        key = slug(name)
        if 4 <= len(name) <= 10 and key not in taken:
            taken.add(key)
            return name


def slug(name: str) -> str:
    """A lower_snake_case id from a display name ("Ost-Varenna" -> "ost_varenna")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())
    text = "_".join(words)[:40].strip("_") or "unnamed"
    return text if text[0].isalpha() else f"x_{text}"[:40]


def unused_id(name: str, taken: Collection[str]) -> str:
    """An id for ``name`` that is not in ``taken``: its slug, numbered if need be."""
    base = slug(name)
    if base not in taken:
        return base
    number = 2
    while f"{base[:36]}_{number}" in taken:
        number += 1
    return f"{base[:36]}_{number}"


def unused_code(name: str, taken: Collection[str]) -> str:
    """A short map code for ``name`` not in ``taken``: its initial, then initial plus another of its
    letters, then any free one to three characters."""
    letters = [ch for ch in unicodedata.normalize("NFKD", name) if ch.isascii() and ch.isalnum()] or ["X"]
    first = letters[0].upper()
    candidates = [first] + [first + ch.lower() for ch in letters[1:]]
    candidates += [first + ch for ch in _ALPHANUMERIC]
    for code in candidates:
        if code not in taken:
            return code
    for a in _ALPHANUMERIC:
        for b in _ALPHANUMERIC:
            for code in (a + b, first + a + b):
                if code not in taken:
                    return code
    raise ValueError("every map code is taken")  # 62 ** 3 territories: not a map anyone draws
