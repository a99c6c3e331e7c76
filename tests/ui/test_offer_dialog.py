"""An offer from a nation of the rules says why its doctrine made it, as its answers do."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from game.core import Match, apply, legal_actions, new_match
from game.core.actions import EndTurn, InviteToAlliance, OfferGuarantee
from game.core.state import Offer
from game.ui.panels import OfferDialog
from tests.builder import level_of
from tests.core.test_doctrines import match_of
from tests.small_world import small_world
from tests.ui.test_match_screen import Screen, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")


@contextmanager
def offer_dialog(m: Match, offer: Offer) -> Iterator[OfferDialog]:
    """The offer's dialog, as seat 2 sees it on the match screen."""
    screen = Screen(m)
    try:
        dialog = OfferDialog(screen.app, m, offer, legal_actions(m, 1), screen.scene.map_rect)
        yield dialog
        dialog.kill()
    finally:
        screen.close()


def test_an_npc_offer_shows_the_reason_its_doctrine_gave() -> None:
    m = match_of("bandwagoner", west=8, east=14)  # East clearly the stronger: the bandwagoner courts it
    order = [n.id for n in m.level.nations].index("middle")
    m.round = 3 - order % 3  # the bandwagoner's courting round
    apply(m, EndTurn())
    apply(m, EndTurn())
    (offer,) = [o for o in m.offers.values() if o.sender == "middle"]
    with offer_dialog(m, offer) as dialog:
        html = dialog.text.html_text
        reason = "East is the stronger side, and opposing it would cost more than it gains."
        assert reason in html and html.count(reason) == 1, "the reason, said once"


def test_an_offer_with_a_scope_says_when_the_treaty_would_bind() -> None:
    m = new_match(level_of("danzig_1939.json"), seed=1)
    apply(m, OfferGuarantee(nation="britain", to="germany", territories=("berlin",)))
    apply(m, EndTurn())
    (offer,) = m.offers.values()
    with offer_dialog(m, offer) as dialog:
        html = dialog.text.html_text
        assert "Britain offers a guarantee to Germany, binding only for an attack on Berlin." in html
        assert "The guarantee binds only for an attack on Berlin: an attack outside that scope calls nobody" in html
        assert dialog.text.scroll_bar is None, "the longer text still fits"


def test_an_invitation_into_an_alliance_whose_name_starts_with_the_says_the_once() -> None:
    level = small_world()
    level["treaties"]["alliances"][0]["name"] = "The Northern League"
    m = new_match(level_of(level), seed=1)
    apply(m, InviteToAlliance(nation="france", alliance="entente", to="germany"))
    apply(m, EndTurn())
    (offer,) = m.offers.values()
    with offer_dialog(m, offer) as dialog:
        html = dialog.text.html_text
        assert "France invites Germany to join The Northern League." in html
        assert "Accepting makes Germany a member of The Northern League, with its duties" in html
        assert "the The" not in html
