"""Map editing without a screen: operations on a level, undo and redo, and a map generator.

Every operation takes a :class:`~game.core.Level` and returns a new one, never changing
its input; refused input raises :class:`EditError` and changes nothing. Drafts may still
have problems (a nation with no land yet): :func:`game.core.level_problems` lists them for
the editor's problems panel. :class:`EditHistory` keeps the levels for undo and redo.

>>> level = new_level(6, 4, "Two shores")
>>> level = create_nation(level, "north", "North")
>>> level = create_territory(level, "cape", "Cape", "C", "north", cells=brush((1, 1), 1))
>>> eyedropper(level, (1, 1))
Pick(token='C', territory='cape')
>>> level.map.rows[:2]
['. C C . . .', 'C C C . . .']
"""

from game.editor.errors import EditError
from game.editor.generate import generate_level
from game.editor.history import EditHistory
from game.editor.nations import assign_seat, create_nation, delete_nation, update_nation
from game.editor.operations import (
    Pick,
    brush,
    eyedropper,
    fill,
    new_level,
    paint,
    rename_seat,
    resize_map,
    set_meta,
)
from game.editor.territories import (
    create_territory,
    delete_territory,
    set_capital,
    set_garrison,
    update_territory,
)
from game.editor.treaties import (
    add_alliance,
    add_guarantee,
    add_pact,
    add_war,
    remove_alliance,
    remove_guarantee,
    remove_pact,
    remove_war,
    update_alliance,
    update_guarantee,
)

__all__ = [
    "EditError",
    "EditHistory",
    "Pick",
    "add_alliance",
    "add_guarantee",
    "add_pact",
    "add_war",
    "assign_seat",
    "brush",
    "create_nation",
    "create_territory",
    "delete_nation",
    "delete_territory",
    "eyedropper",
    "fill",
    "generate_level",
    "new_level",
    "paint",
    "remove_alliance",
    "remove_guarantee",
    "remove_pact",
    "remove_war",
    "rename_seat",
    "resize_map",
    "set_capital",
    "set_garrison",
    "set_meta",
    "update_alliance",
    "update_guarantee",
    "update_nation",
    "update_territory",
]
