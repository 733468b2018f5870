"""The guided questions: catalogue data in catalogue/<axis>.yaml, read once, in both languages.

Each axis file names how its answers combine into a score (`highest`, `average`) and lists
questions with options; an option has a score from 1 to 4 and may cap the axis (`cap`).
Question keys are unique across the axes: an assessment stores its answers as one mapping
{question key: option key}.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from leitstand.core.language import is_german

CATALOGUE = Path(__file__).parent / "catalogue"
AXES = ("criticality", "health", "integration")
COMBINATIONS = frozenset({"highest", "average"})


def _in_language(entry: dict) -> str:
    return entry["de"] if is_german() else entry["en"]


@dataclass(frozen=True)
class Option:
    key: str
    score: int
    cap: int | None
    texts: dict

    @property
    def text(self) -> str:
        return _in_language(self.texts)


@dataclass(frozen=True)
class Question:
    key: str
    axis: str
    texts: dict
    options: tuple[Option, ...]

    @property
    def text(self) -> str:
        return _in_language(self.texts)

    def option(self, key: str) -> Option | None:
        return next((option for option in self.options if option.key == key), None)


@dataclass(frozen=True)
class AxisQuestions:
    axis: str
    combine: str
    questions: tuple[Question, ...]


def _option(entry: dict) -> Option:
    score = int(entry["score"])
    if not 1 <= score <= 4:
        raise ValueError(f"option {entry['key']!r}: score {score} is outside 1 to 4")
    cap = entry.get("cap")
    return Option(entry["key"], score, None if cap is None else int(cap), entry)


def _load(axis: str) -> AxisQuestions:
    with (CATALOGUE / f"{axis}.yaml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if data["axis"] != axis or data["combine"] not in COMBINATIONS:
        raise ValueError(f"catalogue/{axis}.yaml: wrong axis or combination")
    questions = tuple(
        Question(entry["key"], axis, entry, tuple(_option(o) for o in entry["options"]))
        for entry in data["questions"]
    )
    return AxisQuestions(axis, data["combine"], questions)


@cache
def catalogue() -> dict[str, AxisQuestions]:
    """{axis: its questions}; question keys must be unique across all axes."""
    axes = {axis: _load(axis) for axis in AXES}
    keys = [question.key for axis in axes.values() for question in axis.questions]
    if len(keys) != len(set(keys)):
        raise ValueError("question keys must be unique across the axes")
    return axes


def question_by_key() -> dict[str, Question]:
    return {q.key: q for axis in catalogue().values() for q in axis.questions}


def answer_texts(answers: dict) -> list[tuple[str, str, int]]:
    """(question, answer, score) in the reader's language, for answers the catalogue knows."""
    texts = []
    for key, option_key in answers.items():
        question = question_by_key().get(key)
        option = question.option(str(option_key)) if question else None
        if option is not None:
            texts.append((question.text, option.text, option.score))
    return texts
