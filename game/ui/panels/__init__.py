"""The match screen's panels and dialogs. Each reads the match and returns intents; none changes it.

A panel's ``handle(event)`` returns a typed command from :mod:`game.ui.commands` (``Act(action)``
for the match scene to apply through the core, ``Close()``, ``OpenGlossary()``...), or None.
"""

from game.ui.panels.chronicle import ChroniclePanel, event_html
from game.ui.panels.common import CLOSE
from game.ui.panels.diplomacy import DiplomacyWindow
from game.ui.panels.duty import LATER, CallDialog, ConfirmDialog, DutyDialog, OfferDialog
from game.ui.panels.glossary import GlossaryCard, GlossaryWindow
from game.ui.panels.orders import CombatPreview, MoveDialog, attack_consequences
from game.ui.panels.territory import TerritoryPanel
from game.ui.panels.top_bar import TopBar

__all__ = [
    "CLOSE",
    "LATER",
    "ChroniclePanel",
    "CombatPreview",
    "ConfirmDialog",
    "DiplomacyWindow",
    "CallDialog",
    "DutyDialog",
    "GlossaryCard",
    "GlossaryWindow",
    "MoveDialog",
    "OfferDialog",
    "TerritoryPanel",
    "TopBar",
    "attack_consequences",
    "event_html",
]
