"""The turn-start report: the news since the seat's last turn and what waits for its answer, in one card.

A turn used to open with a chain of modals (the news, an offer, another offer, a teaching
card), each swallowing clicks until dismissed. Now one card holds it all: the news (most
pressing first, as on the hand-over), then one line per duty, call to arms or offer with an
Answer button that opens that question's own dialog; after answering, the card comes back
with what is left. Continue (Enter) goes to the map: what is unanswered waits in Diplomacy,
and End turn says so before the turn ends. Space does nothing here: it skips the AI's
animation, and a second Space must not throw the news away unread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.core import Match
from game.core import world as w
from game.ui.commands import AnswerQuestion, QuestionKind, UICommand
from game.ui.panels.common import CLOSE, esc, label, opening_seat, plural, seat_label
from game.ui.panels.dialog import Choice, Dialog
from game.ui.theme import font_size

if TYPE_CHECKING:
    from game.ui.app import App

PAD = 16
#: Lines shown before "and N more in the chronicle": the card must fit without a scroll bar.
MOST = 8
#: Questions listed with their own button; more wait in Diplomacy.
MOST_QUESTIONS = 4
ROW = 40
WIDTH = 680


def open_question_list(match: Match, seat: int) -> list[tuple[QuestionKind, int, str]]:
    """The seat's open questions, duties first, each with the core's own sentence for it."""
    questions = w.open_questions(match, seat)
    said: dict[tuple[str, int], str] = {}
    for event in match.events:
        kind = getattr(event, "kind", "")
        if kind == "duty_raised":
            said[("duty", event.duty)] = event.text
        elif kind == "call_made":
            said[("call", event.call)] = event.text
        elif kind == "offer_made":
            said[("offer", event.offer)] = event.text
    found: list[tuple[QuestionKind, int, str]] = []
    for duty in questions.duties:
        found.append(("duty", duty.id, said.get(("duty", duty.id), f"A duty of {w.nation_name(match, duty.nation)}")))
    for call in questions.calls:
        found.append(("call", call.id, said.get(("call", call.id), f"A call to {w.nation_name(match, call.ally)}")))
    for offer in questions.offers:
        found.append(("offer", offer.id, said.get(("offer", offer.id), "An offer")))
    return found


class TurnReport(Dialog):
    """'Round 6: your turn' with the news, the questions to answer (each with Answer), and Continue (Enter).

    Not Space: it skips the AI's moves, and pressed twice it threw the news away unread.
    """

    glossary_keys = (pygame.K_g,)

    def __init__(
        self,
        app: App,
        match: Match,
        seat: int,
        lines: list[str],
        area: pygame.Rect,
        briefing: str | None = None,
    ) -> None:
        self.app = app
        self.seat = seat
        self.lines = lines
        self.briefing = briefing
        self.questions = open_question_list(match, seat)
        opener = opening_seat(match)
        order = "You move first this round." if opener == seat else f"{seat_label(match, opener)} moved first."
        listed = self.questions[:MOST_QUESTIONS]
        rows = len(listed) + (1 if len(self.questions) > MOST_QUESTIONS else 0)
        asks = 34 + rows * ROW if listed else 0
        shown = lines[:MOST]
        if len(lines) > MOST:
            shown.append(f"<i>… and {len(lines) - MOST} more in the chronicle.</i>")
        parts = []
        if briefing:
            parts.append(f"<i>{esc(briefing)}</i><br>")
        if shown:
            parts.append(f"<b>{esc(order)} Since your last turn:</b><br>" + "<br>".join(f"• {x}" for x in shown))
        elif not briefing:
            parts.append(f"<b>{esc(order)}</b> Nothing new touched your nations.")
        else:
            parts.append(f"<b>{esc(order)}</b>")
        html = "<br>".join(parts)
        width = min(WIDTH, app.size[0] - 24)
        # Measured first, so the card is as tall as its text and scrolls only when the window is too small.
        probe = UITextBox(html, pygame.Rect(-4000, -4000, width - 2 * PAD - 4, -1), app.manager, object_id="@card_text")
        text_height = probe.get_relative_rect().height
        probe.kill()
        title = f"Round {match.round}: your turn"
        height = text_height + asks + 130
        width, height = self._open(app, (width, int(min(height, area.height - 16))), title, area, "#turn_report")
        text_bottom = height - 64 - asks
        self.text = UITextBox(
            html,
            pygame.Rect(PAD - 4, 8, width - 2 * PAD + 8, text_bottom - 8),
            app.manager,
            container=self.window,
            object_id="@card_text",
        )
        self.answer_buttons: dict[UIButton, AnswerQuestion] = {}
        self.question_labels: list[UILabel] = []
        if listed:
            y = text_bottom + 6
            heading = f"WAITING FOR YOUR ANSWER ({len(self.questions)})"
            label(pygame.Rect(PAD, y, width - 2 * PAD, 22), heading, app.manager, self.window, "@small")
            y += 28
            font = app.font(font_size("body"))
            room = width - 2 * PAD - 120
            for kind, ident, sentence in listed:
                # The sentence is the core's; it is cut to one line, the dialog tells it whole.
                short = sentence if font.size(sentence)[0] <= room else _cut(font, sentence, room)
                self.question_labels.append(label(pygame.Rect(PAD, y + 4, room, 26), short, app.manager, self.window))
                question = AnswerQuestion(kind, ident)
                answer = Choice("Answer", 108, question, object_id=f"#answer_{kind}_{ident}", tooltip=sentence)
                button = self._button(pygame.Rect(width - PAD - 108, y, 108, 34), answer)
                self.answer_buttons[button] = question
                y += ROW
            if len(self.questions) > MOST_QUESTIONS:
                more = f"… and {plural(len(self.questions) - MOST_QUESTIONS, 'more question')} in Diplomacy (D)."
                label(pygame.Rect(PAD, y + 4, width - 2 * PAD, 26), more, app.manager, self.window, "@small")
        proceed = Choice(
            "Continue" if not self.questions else "To the map",
            190,
            CLOSE,
            "@primary",
            "#report_continue",
            tooltip="Enter. Unanswered questions wait in Diplomacy (D).",
        )
        _, (self.proceed,) = self._footer(None, (proceed,), height=42, bottom=54)

    def title(self) -> str:
        return str(getattr(self.window, "window_display_title", ""))

    def confirmed(self) -> UICommand:
        return CLOSE


def _cut(font: pygame.font.Font, text: str, width: int) -> str:
    """``text`` cut at a word with an ellipsis so it fits ``width`` pixels."""
    words = text.split(" ")
    while len(words) > 1 and font.size(" ".join(words) + "…")[0] > width:
        words.pop()
    return " ".join(words).rstrip(",;:") + "…"
