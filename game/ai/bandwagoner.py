"""The bandwagoner: the AI opponent players meet. It plays the doctrine of the weak.

- It courts: nations nobody plays are offered alliances (or invited into its alliances)
  when their own doctrine would say yes, which it checks by asking that doctrine first;
  fragile regimes get regime aid when that would bring them over.
- It piles onto isolated weak targets: an attack is weighed by its exact odds, what the
  territory is worth in victory points, the troops it will cost, and who would answer
  the declaration of war: every collective-defence ally and guarantor of the victim gets
  a duty, and the bot asks each one's doctrine whether it would honour it. A war that
  would bring a coalition stronger than its own bloc down on it is not started.
- It honours a duty when the aggressor is weaker than the side it would join, and passes
  the buck when the aggressor is stronger.
- When its coalition leads, it holds joint exercises to keep its alliances' cohesion up.
- It answers offers by the same arithmetic: alliances from NPCs yes, peace when behind
  in strength or ahead on points, pacts when the other side is the stronger.

Difficulties differ in how well it plays, never in bonuses (see :data:`DIFFICULTIES`):

- easy weighs three targets, attacks at 45% odds, throws three attacks in ten at a random
  open target, courts without asking the doctrine first, never foresees a duty, keeps no
  garrisons and leaves its troops where they stand;
- normal foresees who would honour a duty and never provokes a superior coalition, courts
  only those who would say yes, guards its capital and deters reprisals with small
  garrisons, masses its recruits, combines attacks on one target and marches to the front;
  in the second half of a match, behind on points, it takes bigger risks;
- hard does all that over every target, foresees exactly what the nations it would make
  enemies could take back, starts reading the race for points earlier, and knows the match
  ends: in the last rounds troops lost and wars started cost nothing once the points are
  counted.

Each match the bot also draws a temperament from the match's seed (how early it presses
when behind, how heavily a new war weighs), so no two matches play out alike.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache

from game.ai.assess import (
    UNIT_WORTH,
    WINNING_WORTH,
    Board,
    Strike,
    WarForecast,
    answer,
    battle,
    checked,
    forecast_war,
    frontier_steps,
    odds_of,
    pile_on_odds,
)
from game.core import Action, IllegalAction, Match, apply, calls, current_seat, doctrines, rules, treaties, victory
from game.core import world as w
from game.core.actions import (
    AnswerCall,
    CallToArms,
    EndTurn,
    HonourDuty,
    InviteToAlliance,
    JointExercise,
    Move,
    PassTheBuck,
    ProposeAlliance,
    ProposePact,
    Recruit,
    RegimeAid,
)
from game.core.npc import strikes as npc_strikes
from game.core.state import Call, Duty, Offer

Courtship = ProposeAlliance | InviteToAlliance


@dataclass(frozen=True)
class Skill:
    """How well the bot plays. Every field is a way to play worse or better, never a bonus."""

    min_odds: float  # it attacks only at least this likely to win
    candidates: int  # how many targets it weighs in full (war forecast, exposure), best first
    foresee_duties: bool  # asks each doctrine whether it would honour an Article 5 duty
    superior_ratio: float  # refuses a war whose foes would be this much stronger than its bloc
    pile_on: bool  # combines attacks from several sources on one target
    garrison: bool  # keeps garrisons where an attack would leave land exposed; fears for its capital
    hold: bool  # sizes an attack so the conquest can be held
    consolidate: bool  # marches idle troops from the interior to the front
    court: bool  # offers alliances only to those whose doctrine would accept, and buys fragile regimes
    lookahead: bool  # foresees reprisals; counts new foes when leaving a garrison
    blunder: float  # chance of taking a random open attack instead of the best one
    urgency: float  # behind on points it takes bigger risks from this share of the match on (1: never)
    endgame: bool  # knows the match ends: troops and future wars are worth nothing after the last round


DIFFICULTIES: dict[str, Skill] = {
    "easy": Skill(
        min_odds=0.45,
        candidates=3,
        foresee_duties=False,
        superior_ratio=9.0,
        pile_on=False,
        garrison=False,
        hold=False,
        consolidate=False,
        court=False,
        lookahead=False,
        blunder=0.3,
        urgency=1.0,
        endgame=False,
    ),
    "normal": Skill(
        min_odds=0.6,
        candidates=8,
        foresee_duties=True,
        superior_ratio=1.0,
        pile_on=True,
        garrison=True,
        hold=True,
        consolidate=True,
        court=True,
        lookahead=False,
        blunder=0.0,
        urgency=0.5,
        endgame=False,
    ),
    "hard": Skill(
        min_odds=0.55,
        candidates=64,
        foresee_duties=True,
        superior_ratio=1.0,
        pile_on=True,
        garrison=True,
        hold=True,
        consolidate=True,
        court=True,
        lookahead=True,
        blunder=0.0,
        urgency=0.4,
        endgame=True,
    ),
}

# War costs, in victory points: what a declaration does to the rest of the match.
PACT_BREAKING_COST = 2.0  # heavy credibility loss; every NPC remembers
OWN_DUTY_COST = 3.0  # a duty handed to one of its own nations
JOINER_COST = 2.0  # per nation of the rules joining against it, as strong as its whole bloc
RIVAL_ENTRY_COST = 1.0  # the other seat entering the war by a duty, not as an aggressor
# The chance of losing a territory next turn it accepts when it attacks out of it.
ACCEPTED_RISK = 0.3
ACCEPTED_CAPITAL_RISK = 0.12
# Recruits weigh the safety of a border territory at this many times its stake: losing one
# opens the way to the next, so it costs more than its own points.
SAFETY_WEIGHT = 3.0
# The largest garrison it will plan for; a territory needing more cannot be held.
MAX_GARRISON = 120
# The endgame: the last rounds, in which the future is worth less and less (see _future).
ENDGAME_ROUNDS = 3
# How far a match's temperament strays from the skill's settings, either way.
TEMPERAMENT_SPREAD = 0.25
# How far a whim moves the bot's estimate of one choice, either way (see _whim).
WHIM = 0.2
_ABOVE_ONE = 1.0 + 1e-9  # a chance the odds' sums round a hair above 1 still stays under the ceiling
# Cohesion it keeps its alliances at when its coalition leads.
COHESION_TARGET = 85


@dataclass(frozen=True)
class Temperament:
    """How this bot plays this one match, within its skill: no two matches play the same.

    A player learns a fixed script in three games; a temperament keeps the bot's timing
    and nerve uncertain without making it play worse on average.
    """

    press_from: float  # the share of the match after which being behind makes it bold (1: never)
    caution: float  # how heavily the cost of a new war weighs, around 1


def temperament(skill: Skill, seed: int, seat: int) -> Temperament:
    draw = random.Random(f"alliances-temperament/{seed}/{seat}")
    spread = draw.uniform(-TEMPERAMENT_SPREAD, TEMPERAMENT_SPREAD)
    press_from = 1.0 if skill.urgency >= 1.0 else min(0.9, max(0.0, skill.urgency + spread))
    return Temperament(press_from, draw.uniform(1.0 - TEMPERAMENT_SPREAD, 1.0 + TEMPERAMENT_SPREAD))


@dataclass
class _TurnMemory:
    key: tuple[int, int, int, int]
    forecasts: dict[tuple[str, str], WarForecast]
    refused: set[str]  # nations whose doctrine would refuse its offers this turn
    aided: set[str] = field(default_factory=set)  # nations it sent regime aid this turn


@lru_cache(maxsize=4096)
def _whim_draw(seed: int, seat: int, round_: int, choice: str) -> float:
    """The whim's die, kept: seeding a generator from text hashes it, and a turn asks the same ones often."""
    return random.Random(f"alliances-whim/{seed}/{seat}/{round_}/{choice}").random()


class BandwagonerBot:
    """The bandwagoning AI opponent, at one of three difficulties."""

    def __init__(self, difficulty: str = "normal") -> None:
        if difficulty not in DIFFICULTIES:
            raise ValueError(f"unknown difficulty '{difficulty}': choose from {', '.join(DIFFICULTIES)}")
        self.difficulty = difficulty
        self.skill = DIFFICULTIES[difficulty]
        self.name = f"bandwagoner:{difficulty}"
        self.fallbacks = 0  # actions it chose that the rules refused (a bug if ever non-zero)
        self._memory: _TurnMemory | None = None
        self._mood: tuple[tuple[int, int], Temperament] | None = None
        self._required_cache: dict[tuple[int, int, int, str, frozenset[str], str, bool], int | None] = {}

    # -- The protocol --------------------------------------------------------------------

    def choose(self, view: Match, seat: int, rng: random.Random) -> Action:
        if current_seat(view) != seat:
            return EndTurn()
        action = self._decide(view, seat, rng)
        safe = checked(view, action)
        if safe is not action:
            self.fallbacks += 1
        return safe

    def _decide(self, view: Match, seat: int, rng: random.Random) -> Action:
        board = Board(view, seat)
        mine = set(board.mine)
        for duty in sorted(view.duties.values(), key=lambda d: d.id):
            if duty.nation in mine:
                return self.answer_duty(view, seat, duty)
        for call in sorted(view.calls.values(), key=lambda c: c.id):
            if call.ally in mine:
                return AnswerCall(nation=call.ally, call=call.id, join=self.joins(view, call))
        for offer in sorted(view.offers.values(), key=lambda o: o.id):
            if offer.recipient in mine:
                return answer(view, offer, self.accepts(board, offer))
        summons = self._call_allies(view, mine)
        if summons is not None:
            return summons
        for step in (self._court, self._attack, self._seek_pact, self._march, self._exercise, self._recruit):
            action = step(board, rng)
            if action is not None:
                return action
        return EndTurn()

    def _memory_for(self, m: Match, seat: int) -> _TurnMemory:
        """What it worked out earlier this turn: who would honour a duty, who would refuse an offer."""
        key = (id(m.level), m.seed, m.turn, seat)
        if self._memory is None or self._memory.key != key:
            self._memory = _TurnMemory(key, {}, set())
        return self._memory

    def _forecasts(self, m: Match, seat: int) -> dict[tuple[str, str], WarForecast]:
        return self._memory_for(m, seat).forecasts

    def _temperament(self, m: Match, seat: int) -> Temperament:
        """This match's temperament, drawn from the match's seed: the same after a save and load."""
        key = (m.seed, seat)
        if self._mood is None or self._mood[0] != key:
            self._mood = (key, temperament(self.skill, m.seed, seat))
        return self._mood[1]

    def _whim(self, board: Board, choice: str) -> float:
        """A factor near 1 on its estimate of one choice this round, drawn from the match's seed.

        Two choices the bot rates alike are a coin toss to a person; without whims the bot
        would play one fixed line from the same position, every match (a player learns it in
        three games, and a level's balance would hang on that one line). Keyed by seed, seat,
        round and choice, so a saved and loaded match plays on the same.
        """
        m = board.m
        return 1.0 + WHIM * (2.0 * _whim_draw(m.seed, board.seat, m.round, choice) - 1.0)

    # -- Duties and offers ---------------------------------------------------------------

    def answer_duty(self, m: Match, seat: int, duty: Duty) -> Action:
        """Honour against a weaker aggressor, pass the buck against a stronger one."""
        if self.honours(m, seat, duty):
            return HonourDuty(nation=duty.nation, duty=duty.id)
        return PassTheBuck(nation=duty.nation, duty=duty.id)

    @staticmethod
    def honours(m: Match, seat: int, duty: Duty) -> bool:
        """The bandwagoner doctrine's own question, asked for the whole seat: would the war be won with us in it?"""
        attacker, defender = doctrines.war_balance(m, duty.aggressor, duty.target, w.seat_nations(m, seat))
        return attacker < defender

    @staticmethod
    def joins(m: Match, call: Call) -> bool:
        """A jackal, as its doctrine says: join an ally's war only while the ally's side is the stronger."""
        attacker, defender = doctrines.war_balance(m, call.caller, call.enemy, ())
        return attacker > defender

    def _call_allies(self, m: Match, mine: set[str]) -> Action | None:
        """Call into each war it started every ally of the rules whose doctrine would answer (none is wasted)."""
        for nation in sorted(mine):
            for enemy in w.enemies(m, nation):
                if not calls.aggressor_of(m, nation, enemy):
                    continue
                for ally, treaty in calls.callable_allies(m, nation, enemy):
                    if not w.is_npc(m, ally):
                        continue
                    trial = Call(0, nation, ally, enemy, treaty, m.turn, m.turn)
                    if doctrines.decide_call(m, trial).yes:
                        return CallToArms(nation=nation, to=ally, enemy=enemy)
        return None

    def accepts(self, board: Board, offer: Offer) -> bool:
        m, seat = board.m, board.seat
        from_npc = w.is_npc(m, offer.sender)
        mine, theirs = board.bloc_power(seat), board.bloc_power(1 - seat)
        if offer.kind == "guarantee":
            return True
        if offer.kind in ("alliance", "invite"):
            # Never tie its hands against the other seat, nor against easy prey.
            return from_npc and not self._prey(board, offer.sender)
        if offer.kind == "pact":
            if from_npc:
                return w.power(m, offer.sender) * 2 >= w.power(m, offer.recipient)  # weak ones are prey
            return theirs > mine
        # Peace: with a nation of the rules, unless it is there for the taking.
        if from_npc:
            return not self._within_reach(board, offer.sender, self.skill.min_odds)
        points = victory.victory_points(m)
        return mine < theirs or points[seat] > points[1 - seat]

    # -- Diplomacy -----------------------------------------------------------------------

    def _court(self, board: Board, rng: random.Random) -> Action | None:
        """Offer alliances to nations nobody plays, if their doctrine would accept; buy fragile regimes."""
        m = board.m
        lead = board.mine[0] if board.mine else None
        if lead is None:
            return None
        npcs = [n for n in w.active_nations(m) if w.is_npc(m, n) and not w.allied(m, lead, n)]
        # The strong first: a bandwagoner courts power.
        npcs.sort(key=lambda n: (-board.power(n), n))
        if not self.skill.court:
            # Without foresight: one offer a turn to a random nation, whatever it thinks.
            open_ = [n for n in npcs if self._may_offer(m, lead, n, "alliance")]
            if not open_ or rng.random() < 0.5:
                return None
            n = rng.choice(open_)
            return ProposeAlliance(nation=lead, to=n, name=_treaty_name(m, lead, n))
        refused = self._memory_for(m, board.seat).refused
        for npc in npcs:
            if npc in refused or any(w.at_war(m, x, npc) for x in board.mine) or self._prey(board, npc):
                continue
            offer = self._best_offer(m, board, npc)
            if offer is None:
                refused.add(npc)  # its answer will not change this turn: ask its doctrine once
                continue
            return offer
        memory = self._memory_for(m, board.seat)
        for npc in npcs:
            if npc in memory.aided:
                continue
            aid = self._regime_aid(m, board, npc)
            if aid is not None:
                memory.aided.add(npc)  # once a turn: then it is asked again, with the aid in hand
                refused.discard(npc)
                return aid
        return None

    def _prey(self, board: Board, npc: str) -> bool:
        """An isolated nation next door that it could take a territory from by next turn: conquer, don't court.

        Isolated: no collective-defence ally and no guarantor that could be called to its side.
        """
        if not self.skill.court:
            return False
        m = board.m
        if any(npc in g for g in m.guarantees.values()):
            return False
        if any(al.collective_defence and len(al.members) > 1 for al in w.alliances_of(m, npc)):
            return False
        return self._within_reach(board, npc, 0.75)

    @staticmethod
    def _within_reach(board: Board, nation: str, chance: float) -> bool:
        """Could its troops next door, with this turn's recruits, take a territory of ``nation`` next turn?"""
        m = board.m
        budget = sum(m.treasury[n] for n in board.mine) // rules.RECRUIT_COST
        for t in board.owned():
            for target in w.adjacent(m, t):
                if m.owner[target] != nation:
                    continue
                mine = sum(m.forces[t].get(n, 0) for n in board.mine) + budget
                if odds_of(mine, w.defenders(m, target), board.factor(target)) >= chance:
                    return True
        return False

    def _may_offer(self, m: Match, sender: str, to: str, kind: str) -> bool:
        if treaties.offered_already(m, sender, to, kind):
            return False
        return not w.at_war(m, sender, to) and not w.allied(m, sender, to)

    def _best_offer(self, m: Match, board: Board, npc: str) -> Courtship | None:
        """An invitation into its best alliance, else a new alliance, if the doctrine would say yes."""
        if self._courting(m, board, npc):
            return None
        for nation in board.mine:
            alliances = sorted(
                (al for al in w.alliances_of(m, nation) if al.collective_defence and npc not in al.members),
                key=lambda al: (-al.cohesion, al.id),
            )
            for alliance in alliances:
                if alliance.cohesion < 50 or (nation, npc, "invite") in m.proposed:
                    continue
                if any(w.at_war(m, member, npc) for member in alliance.members):
                    continue
                trial = Offer(0, "invite", nation, npc, 0, alliance=alliance.id)
                if doctrines.decide_offer(m, trial).yes:
                    return InviteToAlliance(nation=nation, alliance=alliance.id, to=npc)
            if self._may_offer(m, nation, npc, "alliance"):
                trial = Offer(0, "alliance", nation, npc, 0, name="trial")
                if doctrines.decide_offer(m, trial).yes:
                    return ProposeAlliance(nation=nation, to=npc, name=_treaty_name(m, nation, npc))
        return None

    @staticmethod
    def _courting(m: Match, board: Board, npc: str) -> bool:
        """Has the seat already asked ``npc`` to take its side this round? One suitor per seat is enough."""
        return any(
            o.recipient == npc and o.sender in board.mine and o.kind in ("alliance", "invite")
            for o in m.offers.values()
        )

    def _regime_aid(self, m: Match, board: Board, npc: str) -> Action | None:
        """Aid a fragile regime-seeker when, on a clone, that aid would make it accept an alliance."""
        if m.index.doctrine[npc] != "regime_seeker" or m.stability[npc] >= rules.FRAGILE_STABILITY:
            return None
        nation = board.mine[0]
        if m.treasury[nation] < rules.REGIME_AID_COST + rules.RECRUIT_COST or w.at_war(m, nation, npc):
            return None
        if not self._may_offer(m, nation, npc, "alliance") or self._courting(m, board, npc):
            return None
        trial = m.clone(record=False)  # a look ahead: the past is not needed
        try:
            apply(trial, RegimeAid(nation=nation, to=npc))
        except IllegalAction:
            return None
        offer = Offer(0, "alliance", nation, npc, 0, name="trial")
        if doctrines.decide_offer(trial, offer).yes:
            return RegimeAid(nation=nation, to=npc)
        return None

    def _seek_pact(self, board: Board, rng: random.Random) -> Action | None:
        """A non-aggression pact with the other seat while its bloc is clearly the stronger."""
        m, seat = board.m, board.seat
        if m.round % 3 != 1 or board.bloc_power(1 - seat) <= board.bloc_power(seat) * 1.2:
            return None  # an offer every third round: asking every turn is begging
        for nation in board.mine:
            for other in board.theirs:
                if w.at_war(m, nation, other) or w.has_pact(m, nation, other) is not None:
                    continue
                if self._may_offer(m, nation, other, "pact"):
                    return ProposePact(nation=nation, to=other)
        return None

    # -- War -----------------------------------------------------------------------------

    def _attack(self, board: Board, rng: random.Random) -> Action | None:
        """The attack with the best expected gain after losses, exposure and the war it starts."""
        m = board.m
        strikes = board.strikes()
        if not strikes:
            return None
        skill = self.skill
        if skill.blunder and rng.random() < skill.blunder:
            wild = [s for s in strikes if s.odds >= 0.3]
            if wild:
                return rng.choice(wild).action()
        by_target: dict[str, list[Strike]] = {}
        for s in strikes:
            by_target.setdefault(s.target, []).append(s)
        # A first, cheap ranking; only the best few are weighed in full.
        rough = sorted(by_target, key=lambda t: (-max(s.odds for s in by_target[t]) * board.worth(t), t))
        my_power = board.bloc_power(board.seat)
        forecasts = self._forecasts(m, board.seat)
        bold = self._boldness(board)
        wars: dict[tuple[str, str], tuple[float, frozenset[str]] | None] = {}
        best: tuple[float, Strike] | None = None
        for target in rough[: skill.candidates]:
            lead = max(by_target[target], key=lambda s: (s.amount, s.source, s.nation))
            defender = m.owner[target]
            cost = 0.0
            foes: frozenset[str] = frozenset()
            if not w.at_war(m, lead.nation, defender):
                key = (lead.nation, defender)
                if key not in wars:
                    wars[key] = self._war_cost(board, lead, forecasts, my_power, bold)
                war = wars[key]
                if war is None:
                    continue
                cost, foes = war
                cost *= (1.0 - 0.7 * bold) * self._temperament(m, board.seat).caution * self._future(board)
            whim = self._whim(board, target)
            # A plan is worth at most the territory (a sure capture, no losses): if even that would
            # not beat the best so far, planning it cannot change the choice.
            ceiling = (board.worth(target) * _ABOVE_ONE - cost) * whim
            if ceiling <= 0 or (best is not None and ceiling <= best[0]):
                continue
            plan = self._plan(board, target, by_target[target], foes, skill.min_odds - 0.15 * bold)
            if plan is None:
                continue
            strike, value = plan
            score = (value - cost) * whim
            if score > 0 and (best is None or score > best[0]):
                best = (score, strike)
        return best[1].action() if best is not None else None

    def _plan(
        self, board: Board, target: str, strikes: list[Strike], foes: frozenset[str], min_odds: float
    ) -> tuple[Strike, float] | None:
        """The first attack to make on ``target`` and what the plan is worth (None: not worth making).

        Each stack sends only what its territory can spare. With pile-on, the other stacks
        next to the target count as follow-up attacks and the biggest goes first, whole;
        alone, a stack sends what the odds, the losses and (with ``hold``) the chance of
        keeping the conquest favour.
        """
        m, skill = board.m, self.skill
        defenders = w.defenders(m, target)
        factor = board.factor(target)
        worth = board.worth(target)
        stacks: list[tuple[Strike, int]] = []
        for s in sorted(strikes, key=lambda s: (-s.amount, s.source, s.nation)):
            spare = self._spare(board, s, foes, target)
            if spare > 0:
                stacks.append((s, spare))
        if not stacks:
            return None
        lead, spare = stacks[0]
        followers = tuple(sp for _, sp in stacks[1:]) if skill.pile_on else ()
        best: tuple[float, int] | None = None
        future = self._future(board)
        for amount in [spare] if followers else _amounts(spare):
            if followers:
                chance = pile_on_odds((amount, *followers), defenders, factor)
                losses = battle(amount + sum(followers), defenders, factor)[1]
            else:
                chance, losses = battle(amount, defenders, factor)
            if chance < min_odds:
                continue
            value = chance * worth - losses * UNIT_WORTH * future
            if skill.hold:
                own_losses = battle(amount, defenders, factor)[1] if followers else losses
                survivors = max(1, round(amount - own_losses))
                back = board.risk(target, survivors, holder=lead.nation, extra=foes)
                value -= chance * back * worth * 0.5
            if best is None or value > best[0] + 1e-9:
                best = (value, amount)
        if best is None:
            return None
        value, amount = best
        return (lead if amount == lead.amount else _with_amount(m, lead, amount)), value

    def _spare(self, board: Board, s: Strike, foes: frozenset[str], target: str) -> int:
        """How many of a stack's ready troops may attack and leave their territory safe enough."""
        if not self.skill.garrison or not board.is_mine(s.source):
            return s.amount  # on an ally's soil the host defends
        extra = foes if self.skill.lookahead else frozenset()
        required = self._required(board, s.source, extra, skip=target)
        if required is None:
            # It cannot be held anyway: a capital keeps everything, elsewhere the troops may as well fight.
            return 0 if self._is_capital(board, s.source) else s.amount
        return max(0, min(s.amount, w.strength(board.m, s.source) - required))

    def _future(self, board: Board) -> float:
        """How much what happens after this round still matters: 1, falling to 0 in the last round.

        Troops lost and wars started in the last rounds cost nothing once the match is over;
        only the points on the board at the end count. Without ``endgame``, always 1.
        """
        if not self.skill.endgame:
            return 1.0
        m = board.m
        return min(1.0, max(0.0, (m.level.round_limit - m.round) / ENDGAME_ROUNDS))

    def _boldness(self, board: Board) -> float:
        """0 while the status quo wins; up to 1 when it is behind on points and the clock runs down.

        A bot content to sit on its alliances loses every race it starts behind in; a player
        behind on points late in the match must take risks, and the hard bot knows it.
        """
        start = self._temperament(board.m, board.seat).press_from
        if start >= 1.0:
            return 0.0
        m = board.m
        points = victory.victory_points(m)
        behind = points[1 - board.seat] - points[board.seat]
        if behind <= 0 or points[2] <= 0:
            return 0.0
        # Behind at the last round is a loss whatever the margin: a small gap is no comfort.
        gap = min(1.0, 0.5 + behind / (0.05 * points[2]))
        progress = m.round / max(1, m.level.round_limit)
        late = min(1.0, max(0.0, (progress - start) / ((1.0 - start) * 2 / 3)))
        return gap * late

    def _war_cost(
        self,
        board: Board,
        strike: Strike,
        forecasts: dict[tuple[str, str], WarForecast],
        my_power: float,
        bold: float = 0.0,
    ) -> tuple[float, frozenset[str]] | None:
        """What declaring this war would cost and whom it would bring in; None if a superior coalition.

        The other seat is a rival whatever happens, so only the nations of the rules a war
        would turn into foes (the victim and those expected to honour a duty to it) count
        as the coalition it must not provoke; the other seat joining costs a little.
        """
        m = board.m
        defender = m.owner[strike.target]
        cost = 0.0
        foes = {defender}
        if self.skill.foresee_duties:
            key = (strike.nation, defender)
            if key not in forecasts:
                forecasts[key] = forecast_war(m, strike)
            forecast = forecasts[key]
            npc_foes = [n for n in (defender, *forecast.joiners) if w.is_npc(m, n)]
            # Only the friends who would fight count: its own nations and the allies that would
            # answer its call to arms, not every name on its treaties.
            fighting = sum(board.power(n) for n in (*board.mine, *forecast.allies))
            if sum(board.power(n) for n in npc_foes) > fighting * self.skill.superior_ratio * (1.0 + bold):
                return None
            joiners = [n for n in forecast.joiners if w.is_npc(m, n)]
            cost += JOINER_COST * sum(board.power(n) for n in joiners) / max(1.0, my_power)
            cost += RIVAL_ENTRY_COST * sum(1 for n in forecast.joiners if not w.is_npc(m, n))
            cost += OWN_DUTY_COST * forecast.own_duties
            foes.update(forecast.joiners)
        if w.has_pact(m, strike.nation, defender) is not None:
            cost += PACT_BREAKING_COST
        # Retaliation: the new foes' troops already touching its land. The other seat's count too
        # (a war it enters by a duty costs it no Article 5 trouble), unless the bot is losing the
        # race anyway: then that army is its enemy whatever it does.
        touching = 0.0
        foresee = self.skill.lookahead
        for _, other, owner in board.door():
            if owner in foes:
                for n, st in m.forces[other].items():
                    if n in m.seat_of:
                        touching += st * (1.0 - bold) if n in foes else 0.0
                    elif n in foes and not foresee:
                        touching += st
        cost += touching * UNIT_WORTH * 0.5
        if foresee:
            cost += self._reprisals(board, strike, foes)
        return cost, frozenset(foes)

    def _reprisals(self, board: Board, strike: Strike, foes: set[str]) -> float:
        """What the nations of the rules a war turns into foes would take back in their next phase.

        They strike only at good odds and only so often (rules.NPC_ATTACK_MIN_ODDS,
        NPC_ATTACKS_PER_PHASE), so this is foreseen exactly from the stacks next to its land.
        """
        m = board.m
        exposed: dict[str, list[float]] = {}
        for territory, stacks in board.npc_stacks_at_door().items():  # only stacks big enough to strike
            defenders = w.strength(m, territory)
            if territory == strike.source:
                defenders -= strike.amount
            defenders = defenders if defenders > 0 else w.levy(m, territory)
            for other, owner, ready in stacks:
                if owner not in foes or other == strike.target:
                    continue
                if npc_strikes(ready, odds_of(ready, defenders, board.factor(territory))):
                    exposed.setdefault(owner, []).append(self._stake(board, territory))
        return sum(sum(sorted(stakes, reverse=True)[: rules.NPC_ATTACKS_PER_PHASE]) for stakes in exposed.values())

    # -- Safety --------------------------------------------------------------------------

    def _risk(
        self,
        board: Board,
        territory: str,
        defenders: int,
        extra: frozenset[str] = frozenset(),
        skip: str = "",
        worst: bool = False,
    ) -> float:
        """The chance of losing a territory of mine next turn; a capital also fears troops two steps away."""
        risk = board.risk(territory, defenders, extra=extra, skip=skip)
        if self.skill.garrison and self._is_capital(board, territory):
            risk = max(risk, board.home_risk(territory, defenders, worst))
        return risk

    def _required(
        self, board: Board, territory: str, extra: frozenset[str] = frozenset(), skip: str = "", worst: bool = False
    ) -> int | None:
        """The smallest garrison that keeps the risk to ``territory`` acceptable; None if none would.

        ``worst``: as if the other seat were about to play twice (see Board.home_risk).
        """
        if not self._is_capital(board, territory):
            # Elsewhere troops are worth more on the move; only a deterrent stays behind.
            return self._deterrent(board, territory)
        key = (board.m.seed, board.m.turn, len(board.m.log), territory, extra, skip, worst)
        if key in self._required_cache:
            return self._required_cache[key]
        accepted = self._accepted(board, territory)
        low, high = 0, MAX_GARRISON
        if self._risk(board, territory, high, extra, skip, worst) > accepted:
            found: int | None = None
        else:
            while low < high:  # the risk falls as defenders rise: bisect
                mid = (low + high) // 2
                if self._risk(board, territory, mid, extra, skip, worst) <= accepted:
                    high = mid
                else:
                    low = mid + 1
            found = low
        if len(self._required_cache) > 4096:
            self._required_cache.clear()
        self._required_cache[key] = found
        return found

    def _deterrent(self, board: Board, territory: str) -> int | None:
        """The smallest garrison that keeps every nation of the rules at war with its owner from attacking.

        Nations of the rules strike only at good odds (rules.NPC_ATTACK_MIN_ODDS), so a few
        troops hold off a neighbour that would walk into an empty territory. None when the
        deterrent would cost more than the territory is worth.
        """
        m = board.m
        foes = board.npc_foes(m.owner[territory])
        if not foes:
            return 0
        forces = m.forces
        if len(foes) == 1:
            foe = foes[0]
            biggest = max((forces[other].get(foe, 0) for other in w.adjacent(m, territory)), default=0)
        else:
            biggest = max((sum(forces[other].get(f, 0) for f in foes) for other in w.adjacent(m, territory)), default=0)
        if biggest < rules.NPC_MIN_ATTACKERS:  # too few for a nation of the rules to strike with
            return 0
        limit = 3 * m.index.value[territory] + 2
        return _least_deterrent(biggest, w.levy(m, territory), board.factor(territory), limit)

    def _is_capital(self, board: Board, territory: str) -> bool:
        return w.capital_owner(board.m, territory) == board.m.owner[territory]

    def _accepted(self, board: Board, territory: str) -> float:
        return ACCEPTED_CAPITAL_RISK if self._is_capital(board, territory) else ACCEPTED_RISK

    def _stake(self, board: Board, territory: str) -> float:
        """What losing a territory of mine would cost."""
        m = board.m
        stake = 2.0 * m.index.value[territory]
        if self._is_capital(board, territory):
            stake += rules.CAPITAL_INCOME_BONUS
            held = [w.capital_of(m, n) for n in board.mine if w.capital_held(m, n)]
            if held == [territory]:
                stake += WINNING_WORTH
        return stake

    def _shortfall(self, board: Board, territory: str) -> int | None:
        """Troops missing from a territory's garrison (0 if none); None if it cannot be held."""
        required = self._required(board, territory)
        if required is None:
            return None
        return max(0, required - w.strength(board.m, territory))

    def _surplus(self, board: Board, territory: str) -> int:
        """Troops a territory of mine can give away and stay safe (all, if it cannot be held and is no capital).

        A capital judges by the worst case: troops it sends away on a quiet turn would have to
        march straight back before the other seat's double turn.
        """
        required = self._required(board, territory, worst=True)
        here = w.strength(board.m, territory)
        if required is None:
            return 0 if self._is_capital(board, territory) else here
        return max(0, here - required)

    # -- Troops and treasury -------------------------------------------------------------

    def _march(self, board: Board, rng: random.Random) -> Action | None:
        """Reinforce land in danger from neighbours with troops to spare; march the idle to the border."""
        if not self.skill.consolidate:
            return None
        m = board.m
        for nation in board.mine:
            help_ = self._reinforce(board, nation)
            if help_ is not None:
                return help_
        for nation in board.mine:
            sources = [t for t in w.posts_of(m, nation) if w.ready(m, t, nation) > 0 and not board.is_frontier(t)]
            if not sources:
                continue
            frontier = {t for t in board.owned() if board.is_frontier(t)}
            steps = frontier_steps(m, nation, frontier)
            for source in sources:
                step = steps.get(source)
                if step is None or step == source:
                    continue
                amount = min(w.ready(m, source, nation), self._surplus(board, source) if board.is_mine(source) else 99)
                if amount > 0:
                    return Move(nation=nation, source=source, target=step, amount=amount)
        return None

    def _reinforce(self, board: Board, nation: str) -> Action | None:
        """Move ready troops into a territory short of its garrison from neighbours that can spare them."""
        m = board.m
        short = []
        front = board.npc_front(nation)
        for t in board.owned():
            if m.owner[t] != nation:
                continue
            if t not in front and not self._is_capital(board, t):
                continue  # no nation of the rules at war with it stands next door: its deterrent is 0
            missing = self._shortfall(board, t)
            if missing:
                short.append((-self._stake(board, t), t, missing))
        for _, t, missing in sorted(short):
            for other in sorted(w.adjacent(m, t), key=lambda o: (-w.ready(m, o, nation), o)):
                ready = w.ready(m, other, nation)
                if ready <= 0 or not board.is_mine(other):
                    continue
                amount = min(ready, missing, self._surplus(board, other))
                if amount > 0:
                    return Move(nation=nation, source=other, target=t, amount=amount)
        return None

    def _exercise(self, board: Board, rng: random.Random) -> Action | None:
        """When its coalition leads, train with its allies so the alliance holds together."""
        m, seat = board.m, board.seat
        if board.bloc_power(seat) <= board.bloc_power(1 - seat):
            return None
        wary = self.skill.lookahead and any(
            m.index.doctrine[n] == "threat_balancer" and doctrines.side_of(m, n) is None
            for n in w.active_nations(m)
            if w.is_npc(m, n)
        )
        for nation in board.mine:
            if nation in m.exercised or m.treasury[nation] < rules.EXERCISE_COST + rules.RECRUIT_COST:
                continue
            if any(self._shortfall(board, t) for t in board.owned() if m.owner[t] == nation):
                continue  # troops first while anything is in danger
            choices = []
            for alliance in w.alliances_of(m, nation):
                if alliance.cohesion >= COHESION_TARGET:
                    continue
                partners = [p for p in alliance.members if p != nation]
                npc_land = sum(m.index.value[t] for p in partners if w.is_npc(m, p) for t in w.territories_of(m, p))
                choices.append((npc_land * (100 - alliance.cohesion), alliance.id, partners))
            if not choices:
                continue
            _, alliance_id, partners = max(choices)
            partner = sorted(partners, key=lambda p: (not w.is_npc(m, p), p))[0]
            place = None
            if not wary:  # a border exercise alarms threat-balancers that have not chosen yet
                members = set(m.alliances[alliance_id].members)
                for t in board.owned():
                    if m.owner[t] == nation and any(m.owner[o] not in members for o in w.adjacent(m, t)):
                        place = t
                        break
            return JointExercise(nation=nation, alliance=alliance_id, partner=partner, territory=place)
        return None

    def _recruit(self, board: Board, rng: random.Random) -> Action | None:
        """Spend the treasury: first on garrisons that fall short, then all of it in one place, for an attack.

        Attrition favours the bigger stack, so it never spreads troops thinly: the rest goes
        to the border territory from which the recruits would best threaten a target next turn.
        """
        m = board.m
        for nation in board.mine:
            units = m.treasury[nation] // rules.RECRUIT_COST
            if units <= 0:
                continue
            places = [t for t in board.owned() if m.owner[t] == nation]
            if not places:
                continue
            if self.skill.garrison:
                short = []
                for t in places:
                    missing = self._shortfall(board, t)
                    if missing is None and self._is_capital(board, t):
                        missing = units  # a capital that cannot be held gets everything
                    if missing:
                        short.append((-self._stake(board, t), t, missing))
                if short:
                    _, t, missing = min(short)
                    return Recruit(nation=nation, territory=t, amount=min(units, missing))
            frontier = [t for t in places if board.is_frontier(t)] or places
            value = {t: self._recruit_value(board, t, units) * self._whim(board, t) for t in frontier}
            spot = max(frontier, key=lambda t: (value[t], board.danger(t), t))
            return Recruit(nation=nation, territory=spot, amount=units)
        return None

    def _recruit_value(self, board: Board, territory: str, extra: int) -> float:
        """What ``extra`` recruits here would be worth: safety for the territory, and odds against its best target."""
        m = board.m
        owner = m.owner[territory]
        here = w.strength(m, territory)
        safer = (
            (self._risk(board, territory, here) - self._risk(board, territory, here + extra))
            * self._stake(board, territory)
            * SAFETY_WEIGHT
        )
        attackers = m.forces[territory].get(owner, 0)
        best = 0.0
        for target in w.adjacent(m, territory):
            if treaties.shielded(m, owner, m.owner[target]):
                continue
            defenders, factor = w.defenders(m, target), board.factor(target)
            gain = odds_of(attackers + extra, defenders, factor) - odds_of(attackers, defenders, factor)
            best = max(best, gain * board.worth(target))
        return safer + best


def _land(m: Match, nation: str) -> float:
    """The victory points a nation's territories are worth."""
    return float(sum(m.index.value[t] for t in w.territories_of(m, nation)))


def _amounts(ready: int) -> list[int]:
    """The attack sizes worth trying: every size up to 12, then a few steps to the whole stack."""
    if ready <= 12:
        return list(range(1, ready + 1))
    step = max(1, (ready - 12) // 6)
    return [*range(1, 13), *range(12 + step, ready, step), ready]


def _with_amount(m: Match, s: Strike, amount: int) -> Strike:
    chance, losses = battle(amount, w.defenders(m, s.target), w.defence_factor(m, s.target))
    return Strike(s.nation, s.source, s.target, amount, chance, losses)


def _treaty_name(m: Match, a: str, b: str) -> str:
    return f"{w.nation_name(m, a)}–{w.nation_name(m, b)} Treaty"[:80]


@lru_cache(maxsize=16384)
def _least_deterrent(biggest: int, levy: int, factor: float, limit: int) -> int | None:
    """The smallest garrison (up to ``limit``) at which a stack of ``biggest`` would not strike; None if none."""
    for garrison in range(limit + 1):
        if not npc_strikes(biggest, odds_of(biggest, garrison or levy, factor)):
            return garrison
    return None
