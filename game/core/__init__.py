"""The rules of Alliances: pure Python, no pygame, no files.

Everything the UI and the bots may use is exported here: start a match with
:func:`new_match`, ask :func:`legal_actions`, see what an action would do with
:func:`preview`, change it only with :func:`apply`.
"""

from game.core.actions import Action, action_problem, parse_action
from game.core.bonds import Relation, relations
from game.core.combat import Odds, odds
from game.core.duties import deadline_round
from game.core.engine import apply, can_undo, current_seat, is_legal, new_match, view
from game.core.errors import AlreadyOffered, CannotAfford, IllegalAction, NotYourTurn, Shielded, UnknownId
from game.core.events import Event
from game.core.flow import first_seat, fixed_opener
from game.core.hexgrid import Cell
from game.core.ids import NationId, TerritoryId, TreatyId
from game.core.legal import LegalActions, legal_actions
from game.core.level import FORMAT_VERSION, Geography, Level, Problem, level_problems
from game.core.preview import DutyCall, Forecast, Preview, Refusal, forecast, forecast_offer, preview
from game.core.state import Match, Outcome, snapshot, state_hash

__all__ = [
    "FORMAT_VERSION",
    "Action",
    "AlreadyOffered",
    "CannotAfford",
    "NationId",
    "NotYourTurn",
    "Shielded",
    "TerritoryId",
    "TreatyId",
    "UnknownId",
    "Cell",
    "DutyCall",
    "Event",
    "Forecast",
    "Geography",
    "IllegalAction",
    "LegalActions",
    "Level",
    "Match",
    "Odds",
    "Outcome",
    "Preview",
    "Problem",
    "Refusal",
    "Relation",
    "action_problem",
    "apply",
    "can_undo",
    "current_seat",
    "deadline_round",
    "first_seat",
    "fixed_opener",
    "forecast",
    "forecast_offer",
    "is_legal",
    "legal_actions",
    "level_problems",
    "new_match",
    "odds",
    "parse_action",
    "preview",
    "relations",
    "snapshot",
    "state_hash",
    "view",
]
