"""Nation colours a player can tell apart: measured, and reassigned where a level's own fail.

Two measures, each where it is the right one:

* **Map fills** are told apart by hue and lightness side by side, so they are compared with
  CIEDE2000 (ΔE₀₀), the CIE's perceptual colour difference: unlike plain RGB distance or
  CIE76 it does not overstate differences among saturated blues and yellows, which is exactly
  where a level's blue nation and the blue sea run together. About 2 is the smallest
  difference anyone notices; neighbouring nations need :data:`MIN_NEIGHBOUR_DELTA_E`, and
  land against sea :data:`MIN_SEA_DELTA_E`.
* **Text** is read by its lightness against its background, so it uses the WCAG 2 contrast
  ratio of relative luminances (:func:`contrast_ratio`), ≥ 4.5:1 for body text.

:func:`nation_fills` keeps each level colour that passes and replaces only those that fail,
first by shifting the nation's own colour lighter or darker (France stays blue), then from
the theme's candidate list; the result depends only on the level, so it is the same on every
machine and every turn. The colour-blind-safe scheme runs the same check as people with
deuteranopia, protanopia and tritanopia would see the colours (Machado et al. 2009) and draws
replacements from the theme's colour-blind-safe list (Okabe & Ito, Tol).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Literal

from game.core import Level
from game.core.level import geography_of, per_level

RGB = tuple[int, int, int]
Scheme = Literal["standard", "colour_blind"]
SCHEMES: tuple[Scheme, ...] = ("standard", "colour_blind")

#: Neighbouring nations' fills: about five noticeable differences apart, so a border between two
#: nations reads without its line (a greater margin runs out of colours on a 20-nation continent).
MIN_NEIGHBOUR_DELTA_E = 12.0
#: Land against the sea: land must stand out from water at a glance, more than two nations do.
MIN_SEA_DELTA_E = 20.0
#: WCAG 2 (success criterion 1.4.3): body text against its background.
MIN_TEXT_CONTRAST = 4.5
#: How far the nations nobody plays are muted toward grey, so the seats' own nations stand out.
NPC_MUTE = 0.25
NPC_GREY: RGB = (120, 120, 120)


# Colour science ------------------------------------------------------------------------------
def parse_hex(text: str) -> RGB:
    value = text.lstrip("#")[:6]
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def hex_of(rgb: Sequence[int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb[:3])


def mix(a: Sequence[int], b: Sequence[int], t: float) -> RGB:
    """Blend colour ``a`` toward ``b`` by ``t`` (0..1)."""
    return (
        int(a[0] + (b[0] - a[0]) * t),
        int(a[1] + (b[1] - a[1]) * t),
        int(a[2] + (b[2] - a[2]) * t),
    )


def _linear(channel: float) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _encoded(linear: float) -> int:
    linear = max(0.0, min(1.0, linear))
    c = linear * 12.92 if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055
    return int(round(c * 255))


def relative_luminance(rgb: Sequence[int]) -> float:
    """WCAG 2 relative luminance: 0 for black, 1 for white."""
    r, g, b = (_linear(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Sequence[int], b: Sequence[int]) -> float:
    """WCAG 2 contrast ratio, from 1 (the same) to 21 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


_WHITE = (0.95047, 1.0, 1.08883)  # D65


def to_lab(rgb: Sequence[int]) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in rgb[:3])
    xyz = (
        0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
        0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
        0.0193339 * r + 0.1191920 * g + 0.9503041 * b,
    )

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = (f(v / w) for v, w in zip(xyz, _WHITE, strict=True))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def from_lab(lab: tuple[float, float, float]) -> RGB:
    """The sRGB colour nearest a CIELAB one (out-of-gamut channels clipped)."""
    lightness, a, b = lab
    fy = (lightness + 16) / 116
    fx, fz = fy + a / 500, fy - b / 200

    def g(t: float) -> float:
        return t**3 if t**3 > 216 / 24389 else (116 * t - 16) / (24389 / 27)

    x, y, z = (g(v) * w for v, w in zip((fx, fy, fz), _WHITE, strict=True))
    r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z
    gg = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z
    bb = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z
    return _encoded(r), _encoded(gg), _encoded(bb)


def delta_e(one: Sequence[int], two: Sequence[int]) -> float:
    """CIEDE2000 colour difference of two sRGB colours."""
    return delta_e_lab(to_lab(one), to_lab(two))


def delta_e_lab(one: tuple[float, float, float], two: tuple[float, float, float]) -> float:
    """CIEDE2000 colour difference of two CIELAB colours (Sharma, Wu & Dalal 2005)."""
    l1, a1, b1 = one
    l2, a2, b2 = two
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = a1 * (1 + g), a2 * (1 + g)
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dl, dc = l2 - l1, c2p - c1p
    dh = 0.0
    if c1p * c2p:
        dh = h2p - h1p
        if dh > 180:
            dh -= 360
        elif dh < -180:
            dh += 360
    dhh = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_bar, c_bar_p = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_bar - 30))
        + 0.24 * math.cos(math.radians(2 * h_bar))
        + 0.32 * math.cos(math.radians(3 * h_bar + 6))
        - 0.20 * math.cos(math.radians(4 * h_bar - 63))
    )
    sl = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    sc = 1 + 0.045 * c_bar_p
    sh = 1 + 0.015 * c_bar_p * t
    rt = (
        -2
        * math.sqrt(c_bar_p**7 / (c_bar_p**7 + 25**7))
        * math.sin(math.radians(60 * math.exp(-(((h_bar - 275) / 25) ** 2))))
    )
    return math.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dhh / sh) ** 2 + rt * (dc / sc) * (dhh / sh))


# How colours look with each kind of dichromacy (Machado, Oliveira & Fernandes 2009, severity 1),
# applied in linear RGB.
_DICHROMACY: dict[str, tuple[tuple[float, float, float], ...]] = {
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def seen_with(kind: str, rgb: Sequence[int]) -> RGB:
    """``rgb`` as a person with ``kind`` of colour blindness sees it."""
    matrix = _DICHROMACY[kind]
    linear = [_linear(c) for c in rgb[:3]]
    out = [sum(m * c for m, c in zip(row, linear, strict=True)) for row in matrix]
    return _encoded(out[0]), _encoded(out[1]), _encoded(out[2])


Vision = Callable[[RGB], RGB]


def _typical(rgb: RGB) -> RGB:
    return rgb


def visions(scheme: Scheme) -> tuple[Vision, ...]:
    """The eyes a scheme's colours must work for."""
    if scheme == "colour_blind":
        return (
            _typical,
            lambda c: seen_with("deuteranopia", c),
            lambda c: seen_with("protanopia", c),
            lambda c: seen_with("tritanopia", c),
        )
    return (_typical,)


def difference(a: RGB, b: RGB, scheme: Scheme = "standard") -> float:
    """The smallest CIEDE2000 difference between ``a`` and ``b`` for any eye ``scheme`` serves."""
    return min(delta_e(see(a), see(b)) for see in visions(scheme))


#: The scheme in use: the settings' choice, which the App sets whenever settings apply
#: (every screen that shows a nation's colour asks for it, most without the App at hand).
_scheme: list[Scheme] = ["standard"]


def use_scheme(scheme: Scheme) -> None:
    """Draw nations in ``scheme`` from now on (the Settings screen's Colours choice)."""
    _scheme[0] = scheme


def current_scheme() -> Scheme:
    return _scheme[0]


# Nation colours --------------------------------------------------------------------------------
def nation_neighbours(level: Level) -> dict[str, set[str]]:
    """Which nations' land touches at the level's start (their fills meet along a border)."""
    geo = geography_of(level)
    owner = {t.id: t.owner for t in level.territories}
    touching: dict[str, set[str]] = {n.id: set() for n in level.nations}
    for territory, others in geo.adjacent.items():
        a = owner.get(territory)
        for other in others:
            b = owner.get(other)
            if a is not None and b is not None and a != b and a in touching and b in touching:
                touching[a].add(b)
                touching[b].add(a)
    return touching


def _played(level: Level) -> set[str]:
    return {n for seat in level.seats for n in seat.nations}


def displayed(level: Level, nation: str, colour: RGB) -> RGB:
    """The fill a nation's colour becomes on the map (the nations nobody plays are muted a little)."""
    return colour if nation in _played(level) else mix(colour, NPC_GREY, NPC_MUTE)


def _variants(colour: RGB) -> list[RGB]:
    """The nation's own hue made lighter or darker, and a little stronger or softer, nearest first."""
    lightness, a, b = to_lab(colour)
    found: list[tuple[float, RGB]] = []
    for dl in (-30, -24, -18, -12, -6, 0, 6, 12, 18, 24, 30):
        for chroma in (0.7, 1.0, 1.3):
            candidate = from_lab((max(5.0, min(95.0, lightness + dl)), a * chroma, b * chroma))
            found.append((abs(dl) + abs(chroma - 1) * 20, candidate))
    found.sort(key=lambda pair: pair[0])
    return [c for _, c in found]


def assign_fills(
    nations: Sequence[tuple[str, RGB]],
    neighbours: dict[str, set[str]],
    sea: RGB,
    candidates: Iterable[RGB],
    scheme: Scheme = "standard",
    show: Callable[[str, RGB], RGB] = lambda nation, colour: colour,
) -> dict[str, RGB]:
    """A fill per nation, each at least the thresholds from the sea and from its neighbours.

    ``nations`` in the order they choose (the seats' nations first); a nation keeps its own
    colour when it passes, else takes the first passing variant of its own hue, else the first
    passing candidate, else whichever of these is farthest from its nearest clash. ``show``
    turns a chosen colour into the fill drawn (for example, muted for nations nobody plays).
    """
    base = list(candidates)
    # Lightness survives every kind of colour blindness: each candidate lighter and darker too.
    pool = base + [v for c in base for v in _variants(c)[1:]]
    chosen: dict[str, RGB] = {}

    def worst(nation: str, fill: RGB) -> float:
        """How far ``fill`` clears the thresholds: negative when it fails one."""
        margin = difference(fill, sea, scheme) - MIN_SEA_DELTA_E
        for other in neighbours.get(nation, ()):
            if other in chosen:
                margin = min(margin, difference(fill, chosen[other], scheme) - MIN_NEIGHBOUR_DELTA_E)
        return margin

    for nation, own in nations:
        best: tuple[float, RGB] | None = None
        for colour in [own, *_variants(own), *pool]:
            fill = show(nation, colour)
            margin = worst(nation, fill)
            if margin >= 0:
                best = (margin, fill)
                break
            if best is None or margin > best[0]:
                best = (margin, fill)
        assert best is not None
        chosen[nation] = best[1]
    return chosen


def _build_fills(
    level: Level, sea: RGB, standard: tuple[RGB, ...], safe: tuple[RGB, ...], scheme: Scheme
) -> dict[str, RGB]:
    neighbours = nation_neighbours(level)
    played = _played(level)
    land = {n.id: 0 for n in level.nations}
    for t in level.territories:
        if t.owner in land:
            land[t.owner] += 1
    # The seats' nations choose first (a player knows them), then the largest: a small nation adapts.
    order = sorted(level.nations, key=lambda n: (n.id not in played, -land[n.id], n.id))
    nations = [(n.id, parse_hex(n.colour)) for n in order]
    return assign_fills(
        nations,
        neighbours,
        sea,
        safe if scheme == "colour_blind" else standard,
        scheme,
        show=lambda nation, colour: displayed(level, nation, colour),
    )


_FILLS: OrderedDict[str, dict[tuple[object, ...], dict[str, RGB]]] = OrderedDict()


def nation_fills(
    level: Level, sea: RGB, standard: tuple[RGB, ...], safe: tuple[RGB, ...], scheme: Scheme = "standard"
) -> dict[str, RGB]:
    """Every nation's map fill for ``scheme``: worked out once per level and kept."""
    per = per_level(_FILLS, level, lambda _: {})
    key = (sea, standard, safe, scheme)
    found = per.get(key)
    if found is None:
        found = per[key] = _build_fills(level, sea, standard, safe, scheme)
    return found


def readable_on(colour: RGB, backgrounds: Iterable[RGB], minimum: float = MIN_TEXT_CONTRAST) -> RGB:
    """``colour`` lightened just enough that text in it reads on every one of ``backgrounds``."""
    grounds = list(backgrounds)
    for step in range(0, 21):
        candidate = mix(colour, (255, 255, 255), step / 20)
        if all(contrast_ratio(candidate, g) >= minimum for g in grounds):
            return candidate
    return (255, 255, 255)
