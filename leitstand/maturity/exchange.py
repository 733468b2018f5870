"""The exchange format of one maturity assessment (JSON), for consultants who prepare or
archive an assessment outside Leitstand:

    {"format": "leitstand-maturity", "version": 1, "date": "2026-11-20",
     "assessor": "...", "notes": "...", "dii_variant": "v3",
     "answers": {"dii_erp": {"answer": "yes", "source": "confirmed", "note": ""},
                 "strategy_plan": "partly", ...}}

An answer is a word (yes, partly, no, unknown) or an object with `answer` and optionally
`source` and `note`. Items missing from the file count as not known. Every problem is
collected before anything is written; a file with one problem writes nothing.
"""

import json
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from leitstand.analysis.maturity.model import UNKNOWN, Catalogue

FORMAT = "leitstand-maturity"
VERSION = 1
MAX_BYTES = 1_000_000
MAX_NOTE = 5_000
SOURCES = ("prefilled", "confirmed", "manual")


class ExchangeError(ValueError):
    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class ExchangeAnswer:
    value: str
    source: str = "manual"
    suggested: str = ""
    note: str = ""


@dataclass(frozen=True)
class Exchange:
    assessed_on: date | None
    assessor: str
    notes: str
    dii_variant: str
    answers: dict[str, ExchangeAnswer] = field(default_factory=dict)


def _load(data) -> object:
    if isinstance(data, bytes | bytearray):
        if len(data) > MAX_BYTES:
            raise ExchangeError([_("The file is larger than 1 MB; an assessment is much smaller.")])
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ExchangeError([_("The file is not UTF-8 text.")]) from None
    if isinstance(data, str):
        try:
            return json.loads(data)
        except json.JSONDecodeError as error:
            raise ExchangeError(
                [_("The file is not valid JSON (line %(line)s).") % {"line": error.lineno}]
            ) from None
    return data


def _text(record: dict, key: str, limit: int, problems: list[str]) -> str:
    value = record.get(key, "")
    if not isinstance(value, str):
        problems.append(_("“%(key)s” must be text.") % {"key": key})
        return ""
    if len(value) > limit:
        problems.append(
            _("“%(key)s” is longer than %(limit)s characters.") % {"key": key, "limit": limit}
        )
    return value.strip()


def _date(record: dict, problems: list[str]) -> date | None:
    raw = record.get("date")
    if raw in (None, ""):
        return None
    try:
        day = date.fromisoformat(str(raw))
    except ValueError:
        problems.append(_("“date” must be a date like 2026-11-20."))
        return None
    if day > timezone.localdate():
        problems.append(_("An assessment cannot be dated in the future."))
    return day


def _answer(key: str, raw, choices: tuple[str, ...], problems: list[str]) -> ExchangeAnswer | None:
    if isinstance(raw, str):
        raw = {"answer": raw}
    if not isinstance(raw, dict):
        problems.append(_("%(item)s: give the answer as a word or an object.") % {"item": key})
        return None
    value = str(raw.get("answer", "")).strip().lower()
    if value not in (*choices, UNKNOWN):
        problems.append(
            _("%(item)s: “%(value)s” is not an answer; use one of %(choices)s.")
            % {"item": key, "value": value, "choices": ", ".join((*choices, UNKNOWN))}
        )
        return None
    source = str(raw.get("source", "manual")).strip().lower()
    if source not in SOURCES:
        problems.append(
            _("%(item)s: the source must be prefilled, confirmed or manual.") % {"item": key}
        )
        return None
    note = _text(raw, "note", MAX_NOTE, problems)
    suggested = value if source != "manual" else ""
    if source != "manual" and value == UNKNOWN:
        source, suggested = "manual", ""
    return ExchangeAnswer(value=value, source=source, suggested=suggested, note=note)


def parse_exchange(data, catalogue: Catalogue) -> Exchange:
    document = _load(data)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ExchangeError([_("This is not a Leitstand maturity assessment file.")])
    problems: list[str] = []
    if document.get("version") != VERSION:
        problems.append(
            _("This file has version %(version)s; Leitstand reads version %(supported)s.")
            % {"version": document.get("version"), "supported": VERSION}
        )
    variant = str(document.get("dii_variant") or catalogue.dii.key)
    if variant != catalogue.dii.key:
        problems.append(
            _("The file follows DII variant %(file)s; this Leitstand asks the items of %(ours)s.")
            % {"file": variant, "ours": catalogue.dii.key}
        )
    raw_answers = document.get("answers", {})
    if not isinstance(raw_answers, dict):
        problems.append(_("“answers” must map item keys to answers."))
        raw_answers = {}
    answers = {}
    for key, raw in raw_answers.items():
        item = catalogue.item_by_key.get(str(key))
        if item is None:
            problems.append(_("Unknown item “%(item)s”.") % {"item": str(key)[:60]})
            continue
        answer = _answer(item.key, raw, item.choices, problems)
        if answer is not None:
            answers[item.key] = answer
    for item in catalogue.items:
        answers.setdefault(item.key, ExchangeAnswer(UNKNOWN))
    exchange = Exchange(
        assessed_on=_date(document, problems),
        assessor=_text(document, "assessor", 200, problems),
        notes=_text(document, "notes", MAX_NOTE, problems),
        dii_variant=variant,
        answers=answers,
    )
    if problems:
        raise ExchangeError(problems)
    return exchange


def export_document(assessment, answers) -> dict:
    """`answers`: the assessment's MaturityAnswer rows by item key."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "date": assessment.assessed_on.isoformat(),
        "assessor": assessment.assessor,
        "notes": assessment.notes,
        "dii_variant": assessment.dii_variant,
        "answers": {
            key: {"answer": row.value, "source": row.source, "note": row.note}
            for key, row in sorted(answers.items())
        },
    }
