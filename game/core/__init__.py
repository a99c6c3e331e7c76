"""The rules of Alliances: pure Python, no pygame, no files.

Everything the UI and the bots may use is exported here.
"""

from game.core.hexgrid import Cell
from game.core.level import FORMAT_VERSION, Geography, Level, Problem, level_problems

__all__ = ["FORMAT_VERSION", "Cell", "Geography", "Level", "Problem", "level_problems"]
