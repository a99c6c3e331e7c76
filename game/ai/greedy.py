"""The greedy bot: the best immediate gain, no thought for tomorrow.

Each call it answers what is waiting (duties honoured, offers from nations nobody plays
accepted), then takes the capture with the best odds-weighted victory value, then spends
its treasury on the most threatened border, then ends its turn. It never courts anyone,
never looks at who an attack would bring into the war, and never moves troops.
"""

from __future__ import annotations

import random

from game.ai.assess import UNIT_WORTH, Board, answer, checked
from game.core import Action, Match, rules
from game.core import world as w
from game.core.actions import AnswerCall, EndTurn, HonourDuty, Recruit

# Attacks below these odds are not worth the losses to a greedy player.
MIN_ODDS = 0.6


class GreedyBot:
    name = "greedy"

    def __init__(self) -> None:
        self.fallbacks = 0  # actions it chose that the rules refused (a bug if ever non-zero)

    def choose(self, view: Match, seat: int, rng: random.Random) -> Action:
        action = self._choose(view, seat)
        safe = checked(view, action)
        if safe is not action:
            self.fallbacks += 1
        return safe

    def _choose(self, view: Match, seat: int) -> Action:
        board = Board(view, seat)
        mine = set(board.mine)
        for duty in sorted(view.duties.values(), key=lambda d: d.id):
            if duty.nation in mine:
                return HonourDuty(nation=duty.nation, duty=duty.id)
        for call in sorted(view.calls.values(), key=lambda c: c.id):
            if call.ally in mine:  # greedy never turns down a war
                return AnswerCall(nation=call.ally, call=call.id, join=True)
        for offer in sorted(view.offers.values(), key=lambda o: o.id):
            if offer.recipient in mine:
                accept = w.is_npc(view, offer.sender) or offer.kind in ("peace", "guarantee")
                return answer(view, offer, accept)
        best = None
        best_score = 0.0
        for strike in board.strikes():
            if strike.odds < MIN_ODDS:
                continue
            score = strike.odds * board.worth(strike.target) - strike.expected_losses * UNIT_WORTH
            if score > best_score:
                best, best_score = strike, score
        if best is not None:
            return best.action()
        for nation in board.mine:
            amount = view.treasury[nation] // rules.RECRUIT_COST
            territories = [t for t in board.owned() if view.owner[t] == nation]
            if amount > 0 and territories:
                spot = max(territories, key=lambda t: (board.danger(t) - w.strength(view, t), board.is_frontier(t)))
                return Recruit(nation=nation, territory=spot, amount=amount)
        return EndTurn()
