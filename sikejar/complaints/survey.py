"""The satisfaction survey of PermenPANRB 14/2017 and its index (IKM).

The regulation rates nine elements (unsur) of a service from 1 to 4, each
with its own four words (from the questionnaire in its annex). The index
of a period is the mean of the element means, weighted equally (1/9 each),
converted from the 1-4 scale to 25-100 by multiplying by 25, and placed in
one of four quality categories.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

SCORES = (1, 2, 3, 4)
CONVERSION = Decimal(25)
TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class SurveyElement:
    """One element: its field name, its name, its question and its four answers."""

    code: str
    title: StrPromise
    question: StrPromise
    answers: tuple[StrPromise, StrPromise, StrPromise, StrPromise]

    @property
    def choices(self) -> list[tuple[int, StrPromise]]:
        return list(zip(SCORES, self.answers, strict=True))


# The wording follows the regulation's example questionnaire; the Indonesian
# translation restores its exact words.
ELEMENTS = (
    SurveyElement(
        "requirements",
        _("Requirements"),
        _("How well do the requirements fit this service?"),
        (_("Not suitable"), _("Less suitable"), _("Suitable"), _("Very suitable")),
    ),
    SurveyElement(
        "procedure",
        _("System, mechanism and procedure"),
        _("How easy is the procedure of this service?"),
        (_("Not easy"), _("Less easy"), _("Easy"), _("Very easy")),
    ),
    SurveyElement(
        "duration",
        _("Completion time"),
        _("How fast was the service completed?"),
        (_("Not fast"), _("Less fast"), _("Fast"), _("Very fast")),
    ),
    SurveyElement(
        "cost",
        _("Cost or fee"),
        _("How fair was the cost of this service?"),
        (_("Very expensive"), _("Rather expensive"), _("Cheap"), _("Free")),
    ),
    SurveyElement(
        "product",
        _("Product specification of the service"),
        _("How well does the result match what the service standard promises?"),
        (_("Not suitable"), _("Less suitable"), _("Suitable"), _("Very suitable")),
    ),
    SurveyElement(
        "competence",
        _("Competence of the officers"),
        _("How competent were the officers?"),
        (
            _("Not competent"),
            _("Less competent"),
            _("Competent"),
            _("Very competent"),
        ),
    ),
    SurveyElement(
        "conduct",
        _("Conduct of the officers"),
        _("How polite and friendly were the officers?"),
        (
            _("Not polite and friendly"),
            _("Less polite and friendly"),
            _("Polite and friendly"),
            _("Very polite and friendly"),
        ),
    ),
    SurveyElement(
        "complaints",
        _("Handling of complaints, suggestions and input"),
        _("How are complaints from service users handled?"),
        (
            _("Not available"),
            _("Available but not working"),
            _("Working, not at its best"),
            _("Well managed"),
        ),
    ),
    SurveyElement(
        "facilities",
        _("Facilities and infrastructure"),
        _("What is the quality of the facilities, this system included?"),
        (_("Poor"), _("Fair"), _("Good"), _("Very good")),
    ),
)
ELEMENT_CODES = tuple(element.code for element in ELEMENTS)


class Quality(models.TextChoices):
    """The regulation's quality of service, from the converted index."""

    A = "A", _("Very good")
    B = "B", _("Good")
    C = "C", _("Less than good")
    D = "D", _("Not good")


# Lowest converted index of each category, best first (PermenPANRB 14/2017).
_THRESHOLDS = (
    (Decimal("88.31"), Quality.A),
    (Decimal("76.61"), Quality.B),
    (Decimal("65.00"), Quality.C),
)


def element_mean(total: int, respondents: int) -> Decimal:
    """The element's mean score (NRR): exact, rounded only for display."""
    return Decimal(total) / Decimal(respondents)


def satisfaction_index(means: list[Decimal]) -> Decimal:
    """IKM on the 25-100 scale: the equally weighted mean of the means, times 25.

    The regulation writes the weight as 0.111; we use 1/9 exactly, so that
    every element at 4 gives 100 rather than 99.90.
    """
    if len(means) != len(ELEMENTS):
        raise ValueError("The index needs one mean per element.")
    index = sum(means, Decimal(0)) / len(means) * CONVERSION
    return index.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def quality_of(index: Decimal) -> Quality:
    for lowest, quality in _THRESHOLDS:
        if index >= lowest:
            return quality
    return Quality.D
