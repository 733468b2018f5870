"""The company check's score (DOMAIN.md, "Resilience: the company check"). Pure, no ORM.

Answers arrive as {requirement number: {item key: "yes" | "no" | "unknown"}}; a missing item
counts as "unknown". A met requirement scores +1, a met TOP requirement +3, an unmet TOP -3,
any other unmet 0. "Not known" counts as not met and is listed as an open question. Only a
status question answered "no" makes a requirement not relevant: it drops out of score and
maximum.

Percent is the score as a share of the relevant maximum, rounded to one decimal. The score can
be negative (down to -15 when all TOP requirements are unmet); a negative score reaches 0 % of
the maximum, so the percentage never goes below 0 while the points keep their sign.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from leitstand.analysis.company_check.catalogue import STATUS, Catalogue, Requirement

YES, NO, UNKNOWN = "yes", "no", "unknown"
ANSWER_VALUES = (YES, NO, UNKNOWN)

#: Leitstand's own traffic-light bands (not part of DIN SPEC 27076), by percent reached.
GREEN_FROM_PERCENT = Decimal("80")
AMBER_FROM_PERCENT = Decimal("50")


class Outcome(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"  # counts as not met; its open parts are open questions
    NOT_RELEVANT = "not_relevant"


@dataclass(frozen=True)
class OpenQuestion:
    number: str
    item: str  # "status", a sub-question key or a part key


@dataclass(frozen=True)
class RequirementResult:
    requirement: Requirement
    outcome: Outcome
    open_items: tuple[str, ...] = ()

    @property
    def relevant(self) -> bool:
        return self.outcome != Outcome.NOT_RELEVANT

    @property
    def met(self) -> bool:
        return self.outcome == Outcome.MET

    @property
    def points(self) -> int:
        if not self.relevant:
            return 0
        return self.requirement.points_met if self.met else self.requirement.points_unmet

    @property
    def max_points(self) -> int:
        return self.requirement.points_met if self.relevant else 0


@dataclass(frozen=True)
class AreaResult:
    key: str
    score: int
    max_score: int
    met: int
    relevant: int


@dataclass(frozen=True)
class CheckResult:
    requirements: tuple[RequirementResult, ...]
    areas: tuple[AreaResult, ...]

    @property
    def score(self) -> int:
        return sum(r.points for r in self.requirements)

    @property
    def max_score(self) -> int:
        return sum(r.max_points for r in self.requirements)

    @property
    def min_score(self) -> int:
        return sum(r.requirement.points_unmet for r in self.requirements if r.relevant)

    @property
    def percent(self) -> Decimal:
        return percent_of_maximum(self.score, self.max_score)

    @property
    def top_unmet(self) -> tuple[int, ...]:
        return tuple(
            r.requirement.number_int
            for r in self.requirements
            if r.requirement.top and r.relevant and not r.met
        )

    @property
    def unmet(self) -> tuple[RequirementResult, ...]:
        """Relevant requirements not met, TOP requirements first, then by number."""
        rows = [r for r in self.requirements if r.relevant and not r.met]
        return tuple(sorted(rows, key=lambda r: (not r.requirement.top, r.requirement.number)))

    @property
    def open_questions(self) -> tuple[OpenQuestion, ...]:
        return tuple(
            OpenQuestion(r.requirement.number, item)
            for r in self.requirements
            for item in r.open_items
        )

    @property
    def band(self) -> str:
        """Leitstand's own traffic light: green, amber or red (an unmet TOP is never green)."""
        if self.percent >= GREEN_FROM_PERCENT and not self.top_unmet:
            return "green"
        return "amber" if self.percent >= AMBER_FROM_PERCENT else "red"

    @property
    def outcomes(self) -> dict[str, Outcome]:
        return {r.requirement.number: r.outcome for r in self.requirements}


def percent_of_maximum(score: int, max_score: int) -> Decimal:
    if max_score <= 0:
        return Decimal("0")
    share = Decimal(max(score, 0)) * 100 / Decimal(max_score)
    return share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def requirement_result(requirement: Requirement, answers: Mapping[str, str]) -> RequirementResult:
    """One requirement's outcome from its answers by item key."""
    open_items: list[str] = []
    if requirement.status is not None:
        status = answers.get(STATUS, UNKNOWN)
        if status == NO:
            return RequirementResult(requirement, Outcome.NOT_RELEVANT)
        if status != YES:
            open_items.append(STATUS)
        for sub in requirement.status.sub:
            if answers.get(sub.key, UNKNOWN) not in (YES, NO):
                open_items.append(sub.key)
    values = []
    for part in requirement.parts:
        if part.applies_if and answers.get(part.applies_if) == NO:
            continue
        value = answers.get(part.key, UNKNOWN)
        if value not in (YES, NO):
            open_items.append(part.key)
        values.append(value)
    if all(value == YES for value in values):
        outcome = Outcome.MET
    elif NO in values:
        outcome = Outcome.NOT_MET
    else:
        outcome = Outcome.UNKNOWN
    return RequirementResult(requirement, outcome, tuple(open_items))


def score_check(catalogue: Catalogue, answers: Mapping[str, Mapping[str, str]]) -> CheckResult:
    """The whole check's result from {number: {item: value}}."""
    results = tuple(
        requirement_result(requirement, answers.get(requirement.number, {}))
        for requirement in catalogue.requirements
    )
    by_number = {r.requirement.number: r for r in results}
    areas = []
    for area in catalogue.areas:
        rows = [by_number[r.number] for r in area.requirements]
        areas.append(
            AreaResult(
                key=area.key,
                score=sum(r.points for r in rows),
                max_score=sum(r.max_points for r in rows),
                met=sum(1 for r in rows if r.met),
                relevant=sum(1 for r in rows if r.relevant),
            )
        )
    return CheckResult(requirements=results, areas=tuple(areas))


def answers_for_outcome(requirement: Requirement, outcome: str) -> dict[str, str]:
    """The item answers that give a requirement this outcome (the JSON exchange's values)."""
    if outcome == Outcome.NOT_RELEVANT:
        return {STATUS: NO}
    value = {Outcome.MET: YES, Outcome.NOT_MET: NO}.get(outcome, UNKNOWN)
    answers = {item: value for item in requirement.items}
    if requirement.status is not None and outcome in (Outcome.MET, Outcome.NOT_MET):
        answers[STATUS] = YES
        for sub in requirement.status.sub:
            answers[sub.key] = YES
    return answers


@dataclass(frozen=True)
class Change:
    number: str
    before: Outcome
    after: Outcome

    @property
    def kind(self) -> str:
        if self.after == Outcome.MET:
            return "newly_met"
        if self.before == Outcome.MET:
            return "newly_unmet"
        if self.after == Outcome.NOT_RELEVANT:
            return "not_relevant_now"
        if self.before == Outcome.NOT_RELEVANT:
            return "relevant_now"
        return "other"


def compare(before: CheckResult, after: CheckResult) -> tuple[Change, ...]:
    """Per requirement whose outcome changed, in number order."""
    old = before.outcomes
    return tuple(
        Change(number, old[number], outcome)
        for number, outcome in after.outcomes.items()
        if old.get(number) != outcome
    )


def result_as_json(result: CheckResult) -> dict:
    """The keys of `leitstand check import` and of the analysis JSON's resilience.check."""
    return {
        "score": result.score,
        "max_score": result.max_score,
        "percent": float(result.percent),
        "top_unmet": list(result.top_unmet),
        "band": result.band,
        "requirements": {r.requirement.number: r.outcome.value for r in result.requirements},
        "open_questions": len(result.open_questions),
    }
