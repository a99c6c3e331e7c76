"""Packaging beyond what pyproject.toml can say: levels/ and assets/ ship inside the package.

They stay at the top of the repository, where map and theme makers edit them, and a wheel
carries them as ``game/levels`` and ``game/assets`` (found with importlib.resources; see
game/io/paths.py), so an installed game plays without a checkout. pyproject.toml cannot map
a folder outside the package into it alongside package discovery, hence this file; the
project's metadata all lives in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["game", "game.*"]), "game.levels", "game.assets"],
    package_dir={"game.levels": "levels", "game.assets": "assets"},
    package_data={"game": ["py.typed"], "game.levels": ["*.json"], "game.assets": ["*", "**/*"]},
)
