"""Company facts given as a JSON file (`leitstand funding match --facts FILE.json`).

Keys: state (ISO 3166-2 such as "DE-BY"), fte, turnover_eur, balance_sheet_eur,
linked_enterprises (true/false, or a list of {name, relation, share_percent, fte,
turnover_eur, balance_sheet_eur}), nace_section, founded, de_minimis_eur_last_3_years (a sum,
or a list of {date, amount_eur, grantor}), contract_signed (date or null), costs by category,
and optionally topics (what the project is about: process, security, ai, product,
consulting, basics).
Every problem is collected before anything is used.
"""

import json
from datetime import date
from decimal import Decimal, InvalidOperation

from leitstand.analysis.funding.catalogue import COST_CATEGORIES, NACE_SECTIONS, STATES, TOPICS
from leitstand.analysis.funding.company import CompanyFacts, DeMinimisAid, LinkedEnterprise

MAX_BYTES = 1_000_000
KNOWN_KEYS = {
    "state",
    "fte",
    "turnover_eur",
    "balance_sheet_eur",
    "linked_enterprises",
    "nace_section",
    "founded",
    "de_minimis_eur_last_3_years",
    "contract_signed",
    "costs",
    "topics",
}


class FactsError(ValueError):
    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


class _Reader:
    def __init__(self):
        self.errors: list[str] = []

    def number(self, value, where: str) -> Decimal | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            self.errors.append(f"{where}: a number is expected, not {value!r}")
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            self.errors.append(f"{where}: {value!r} is not a number")
            return None
        if not number.is_finite() or number < 0:
            self.errors.append(f"{where}: must be a number of 0 or more")
            return None
        return number

    def day(self, value, where: str) -> date | None:
        if value is None:
            return None
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.errors.append(f"{where}: {value!r} is not a date (YYYY-MM-DD)")
            return None


def _state(reader: _Reader, value) -> str | None:
    if value is None:
        return None
    code = str(value).upper().strip()
    code = code[3:] if code.startswith("DE-") else code
    if code not in STATES:
        reader.errors.append(f"state: {value!r} is not a German federal state (DE-BY, DE-NW, ...)")
        return None
    return code


def _linked(reader: _Reader, value) -> tuple[bool | None, tuple[LinkedEnterprise, ...]]:
    if value is None or isinstance(value, bool):
        return value, ()
    if not isinstance(value, list):
        reader.errors.append("linked_enterprises: true, false or a list of enterprises")
        return None, ()
    enterprises = []
    for index, item in enumerate(value):
        where = f"linked_enterprises[{index}]"
        if not isinstance(item, dict):
            reader.errors.append(f"{where}: an object is expected")
            continue
        relation = item.get("relation", "linked")
        if relation not in ("partner", "linked"):
            reader.errors.append(f"{where}.relation: partner or linked")
        enterprises.append(
            LinkedEnterprise(
                str(item.get("name") or f"#{index + 1}"),
                relation,
                reader.number(item.get("share_percent"), f"{where}.share_percent"),
                reader.number(item.get("fte"), f"{where}.fte"),
                reader.number(item.get("turnover_eur"), f"{where}.turnover_eur"),
                reader.number(item.get("balance_sheet_eur"), f"{where}.balance_sheet_eur"),
            )
        )
    return True, tuple(enterprises)


def _de_minimis(reader: _Reader, value):
    if value is None:
        return None, None
    if isinstance(value, list):
        aid = []
        for index, item in enumerate(value):
            where = f"de_minimis_eur_last_3_years[{index}]"
            if not isinstance(item, dict):
                reader.errors.append(f"{where}: an object with date, amount_eur, grantor")
                continue
            granted = reader.day(item.get("date"), f"{where}.date")
            amount = reader.number(item.get("amount_eur"), f"{where}.amount_eur")
            if granted is None or amount is None:
                reader.errors.append(f"{where}: date and amount_eur are required")
                continue
            aid.append(DeMinimisAid(granted, amount, str(item.get("grantor") or "")))
        return tuple(aid), None
    return None, reader.number(value, "de_minimis_eur_last_3_years")


def read_facts(raw: bytes) -> tuple[CompanyFacts, dict[str, Decimal]]:
    """The facts and the costs from a JSON document; raises FactsError listing every problem."""
    if len(raw) > MAX_BYTES:
        raise FactsError([f"the file is larger than {MAX_BYTES // 1000} kB"])
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FactsError([f"not a JSON document in UTF-8: {error}"]) from None
    if not isinstance(data, dict):
        raise FactsError(["the document must be a JSON object"])
    reader = _Reader()
    unknown = sorted(set(data) - KNOWN_KEYS)
    if unknown:
        reader.errors.append(f"unknown keys: {', '.join(unknown)}")
    section = data.get("nace_section")
    if section is not None and str(section).upper() not in NACE_SECTIONS:
        reader.errors.append(f"nace_section: {section!r} is not a NACE section (A to U)")
        section = None
    founded = data.get("founded")
    if founded is not None and (not isinstance(founded, int) or not 1800 <= founded <= 2200):
        reader.errors.append(f"founded: {founded!r} is not a year")
        founded = None
    has_linked, linked = _linked(reader, data.get("linked_enterprises"))
    aid, aid_total = _de_minimis(reader, data.get("de_minimis_eur_last_3_years"))
    costs_raw = data.get("costs") or {}
    costs = {}
    if not isinstance(costs_raw, dict):
        reader.errors.append("costs: an object of category: amount")
        costs_raw = {}
    for key, value in costs_raw.items():
        if key not in COST_CATEGORIES:
            reader.errors.append(f"costs.{key}: not a category ({', '.join(COST_CATEGORIES)})")
            continue
        costs[key] = reader.number(value, f"costs.{key}") or Decimal(0)
    topics = data.get("topics") or []
    if not isinstance(topics, list) or not set(topics) <= set(TOPICS):
        reader.errors.append(f"topics: a list of {', '.join(TOPICS)}")
        topics = []
    facts = CompanyFacts(
        state=_state(reader, data.get("state")),
        fte=reader.number(data.get("fte"), "fte"),
        turnover_eur=reader.number(data.get("turnover_eur"), "turnover_eur"),
        balance_sheet_eur=reader.number(data.get("balance_sheet_eur"), "balance_sheet_eur"),
        has_linked_enterprises=has_linked,
        linked_enterprises=linked,
        nace_section=str(section).upper() if section else None,
        founded=founded,
        de_minimis_aid=aid,
        de_minimis_total_eur=aid_total,
        contract_signed=reader.day(data.get("contract_signed"), "contract_signed"),
        topics=tuple(topics),
    )
    if reader.errors:
        raise FactsError(reader.errors)
    return facts, costs
