"""The JSON exchange of a check's answers, for consultants who prepare interviews offline:

    {"answers": {"01": "met", "07": "not_relevant", "11": "not_met", ...}}

One of met / not_met / unknown / not_relevant per two-digit requirement number. A requirement
missing from "answers" counts as "unknown": not met, and listed as an open question. Optional
keys: "date" (YYYY-MM-DD, not in the future), "interviewer", "notes"; "format" and "version"
are written by the export and accepted back. Any error rejects the whole file.
"""

import json
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from leitstand.analysis.company_check.scoring import CheckResult, Outcome
from leitstand.security_check.catalogue import load_catalogue

FORMAT = "leitstand-company-check"
VERSION = 1
KNOWN_KEYS = {"answers", "date", "interviewer", "notes", "format", "version"}


class ExchangeError(ValueError):
    """The file cannot be imported; `messages` say why, in the user's language."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class Exchange:
    outcomes: dict[str, str]  # every requirement number, missing ones as "unknown"
    checked_on: date | None = None
    interviewer: str = ""
    notes: str = ""


def _loaded(data):
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ExchangeError([_("The file is not UTF-8 text.")]) from None
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as error:
            raise ExchangeError(
                [
                    _("The file is not valid JSON (line %(line)d): %(error)s")
                    % {"line": error.lineno, "error": error.msg}
                ]
            ) from None
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise ExchangeError(
            [_('The file needs an object "answers" with one entry per requirement.')]
        )
    return data


def _date(raw, errors: list[str]) -> date | None:
    if raw is None:
        return None
    try:
        day = date.fromisoformat(str(raw))
    except ValueError:
        errors.append(_('"date" must be a date like 2026-11-23.'))
        return None
    if day > timezone.localdate():
        errors.append(_("A check cannot be dated in the future."))
    return day


def parse_exchange(data) -> Exchange:
    data = _loaded(data)
    catalogue = load_catalogue()
    errors = [_('Unknown key "%(key)s".') % {"key": key} for key in sorted(set(data) - KNOWN_KEYS)]
    values = ", ".join(outcome.value for outcome in Outcome)
    outcomes = {number: Outcome.UNKNOWN.value for number in catalogue.by_number}
    for number, value in data["answers"].items():
        requirement = catalogue.by_number.get(number)
        if requirement is None:
            errors.append(
                _('Unknown requirement number "%(number)s": use 01 to 27.') % {"number": number}
            )
        elif value not in Outcome._value2member_map_:
            errors.append(
                _('Requirement %(number)s: unknown value "%(value)s"; use one of %(values)s.')
                % {"number": number, "value": value, "values": values}
            )
        elif value == Outcome.NOT_RELEVANT and requirement.status is None:
            errors.append(
                _(
                    "Requirement %(number)s cannot be not relevant: only 07, 24, 25 and 26 "
                    "depend on the company's situation."
                )
                % {"number": number}
            )
        else:
            outcomes[number] = value
    checked_on = _date(data.get("date"), errors)
    for key in ("interviewer", "notes"):
        if key in data and not isinstance(data[key], str):
            errors.append(_('"%(key)s" must be text.') % {"key": key})
    if errors:
        raise ExchangeError(errors)
    return Exchange(
        outcomes=outcomes,
        checked_on=checked_on,
        interviewer=data.get("interviewer", "")[:200],
        notes=data.get("notes", ""),
    )


def export_document(checked_on: date, interviewer: str, notes: str, result: CheckResult) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "date": checked_on.isoformat(),
        "interviewer": interviewer,
        "notes": notes,
        "answers": {r.requirement.number: r.outcome.value for r in result.requirements},
    }
