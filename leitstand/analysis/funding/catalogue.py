"""The programme catalogue as plain data: parsed and checked from the file's mapping.

The file (`leitstand/funding/catalogue/programmes.yaml`) is the single source of every
programme fact, its source link and the date it was last verified. `parse_catalogue`
collects every problem before it fails, so a broken edit names all its mistakes at once.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from leitstand.analysis.funding.company import ALL_CLASSES, DeMinimisRule, SizeThreshold
from leitstand.analysis.language import german

STATES = (
    "BW",
    "BY",
    "BE",
    "BB",
    "HB",
    "HH",
    "HE",
    "MV",
    "NI",
    "NW",
    "RP",
    "SL",
    "SN",
    "ST",
    "SH",
    "TH",
)
NACE_SECTIONS = tuple("ABCDEFGHIJKLMNOPQRSTU")
COST_CATEGORIES = (
    "external_consulting",
    "software_licences",
    "implementation",
    "hardware",
    "training",
    "internal_staff",
)
KINDS = ("grant", "loan_with_grant", "loan", "guarantee", "free_advice")
STATUSES = ("open", "paused", "ended", "successor")
#: What a project is about; a programme with topics funds only projects about one of them.
TOPICS = ("process", "security", "ai", "product", "consulting", "basics")
APPLY_WAYS = ("house_bank", "online_portal", "consultant", "written", "none")
DE_MINIMIS = ("yes", "no", "unknown")
DOCUMENTS = (
    "sme_declaration",
    "de_minimis_declaration",
    "quotes",
    "project_description",
    "annual_accounts",
    "business_plan",
    "consulting_report",
    "elster_certificate",
    "digitalisation_check",
    "proof_of_payment",
)
#: Facts a programme entry may name as not confirmed at its official source.
VERIFIABLE = ("status", "rate", "caps", "eligibility", "costs", "dates", "de_minimis", "successor")


class CatalogueError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Text:
    de: str
    en: str

    def get(self, language: str | None) -> str:
        return self.de if german(language) else self.en


@dataclass(frozen=True)
class Funding:
    rate_percent: Decimal | None
    rate_by_size: dict[str, Decimal]
    rate_by_state: dict[str, Decimal]
    base: str  # "eligible_costs" or "loan"
    min_eligible_eur: Decimal | None
    max_eligible_eur: Decimal | None
    max_eligible_by_size: dict[str, Decimal]
    min_amount_eur: Decimal | None
    max_amount_eur: Decimal | None
    max_loan_eur: Decimal | None
    category_limits_percent: dict[str, Decimal]

    def max_eligible_for(self, size_class: str | None) -> Decimal | None:
        if self.max_eligible_by_size:
            if size_class in self.max_eligible_by_size:
                return self.max_eligible_by_size[size_class]
            return min(self.max_eligible_by_size.values())
        return self.max_eligible_eur

    def rate_for(self, size_class: str | None, state: str | None) -> Decimal | None:
        if state and state in self.rate_by_state:
            return self.rate_by_state[state]
        if size_class and size_class in self.rate_by_size:
            return self.rate_by_size[size_class]
        if self.rate_by_size and size_class is None:
            return min(self.rate_by_size.values())  # the lowest until the class is known
        return self.rate_percent


@dataclass(frozen=True)
class Programme:
    id: str
    name: Text
    grantor: str
    level: str
    states: tuple[str, ...]  # empty: every state
    kind: str
    status: str
    successor: str | None
    size_classes: tuple[str, ...]
    staff_below: Decimal | None
    max_turnover_eur: Decimal | None
    sectors: tuple[str, ...]
    excluded_sectors: tuple[str, ...]
    min_age_years: int | None
    costs: tuple[str, ...]
    funding: Funding
    de_minimis: str
    apply_before_contract: bool
    how_to_apply: str
    how_to_apply_note: Text | None
    valid_from: date | None
    valid_until: date | None
    not_combinable_with: tuple[str, ...]
    confirm: tuple[Text, ...]
    documents: tuple[str, ...]
    summary: Text
    source: str
    sources: tuple[str, ...]
    last_verified: date
    unverified: tuple[str, ...]
    #: Whether the plan suggests it by itself; tiers that need special content do not.
    suggest: bool = True
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class StateNote:
    state: str
    note: Text
    source: str
    last_verified: date


@dataclass(frozen=True)
class Catalogue:
    thresholds: tuple[SizeThreshold, ...]
    sme_source: str
    de_minimis: DeMinimisRule
    de_minimis_source: str
    stale_after_days: int
    programmes: tuple[Programme, ...]
    none_open: dict[str, StateNote]

    def programme(self, programme_id: str) -> Programme | None:
        return next((p for p in self.programmes if p.id == programme_id), None)


class _Reader:
    """Reads typed values out of the raw mapping and remembers each problem with its place."""

    def __init__(self):
        self.problems: list[str] = []

    def fail(self, where: str, message: str):
        self.problems.append(f"{where}: {message}")

    def text(self, raw, where: str, required: bool = True) -> Text | None:
        if raw is None and not required:
            return None
        if not isinstance(raw, dict) or not all(
            isinstance(raw.get(k), str) and raw.get(k).strip() for k in ("de", "en")
        ):
            self.fail(where, "needs a German and an English text (de, en)")
            return Text("", "")
        return Text(raw["de"].strip(), raw["en"].strip())

    def money(self, raw, where: str) -> Decimal | None:
        if raw is None:
            return None
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            self.fail(where, f"{raw!r} is not a number")
            return None
        if value < 0:
            self.fail(where, "must not be negative")
        return value

    def day(self, raw, where: str, required: bool = False) -> date | None:
        if raw is None:
            if required:
                self.fail(where, "a date is required")
            return None
        if isinstance(raw, date):
            return raw
        try:
            return date.fromisoformat(str(raw))
        except ValueError:
            self.fail(where, f"{raw!r} is not a date (YYYY-MM-DD)")
            return None

    def choices(self, raw, allowed, where: str) -> tuple[str, ...]:
        values = tuple(raw or ())
        for value in values:
            if value not in allowed:
                self.fail(where, f"{value!r} is not one of {', '.join(allowed)}")
        return values

    def choice(self, raw, allowed, where: str) -> str:
        if raw not in allowed:
            self.fail(where, f"{raw!r} is not one of {', '.join(allowed)}")
        return raw

    def percents(self, raw, allowed, where: str, limit=100) -> dict[str, Decimal]:
        result = {}
        for key, value in (raw or {}).items():
            if key not in allowed:
                self.fail(where, f"{key!r} is not one of {', '.join(allowed)}")
            number = self.money(value, f"{where}.{key}")
            if number is not None:
                if limit is not None and number > limit:
                    self.fail(f"{where}.{key}", "a percentage above 100")
                result[key] = number
        return result


def _funding(reader: _Reader, raw: dict, where: str) -> Funding:
    rate = raw.get("rate_percent")
    by_size = rate if isinstance(rate, dict) else {}
    max_eligible = raw.get("max_eligible_eur")
    funding = Funding(
        rate_percent=None
        if isinstance(rate, dict)
        else reader.money(rate, f"{where}.rate_percent"),
        rate_by_size=reader.percents(by_size, ALL_CLASSES, f"{where}.rate_percent"),
        rate_by_state=reader.percents(
            raw.get("rate_percent_by_state"), STATES, f"{where}.rate_percent_by_state"
        ),
        base=reader.choice(
            raw.get("base", "eligible_costs"), ("eligible_costs", "loan"), f"{where}.base"
        ),
        min_eligible_eur=reader.money(raw.get("min_eligible_eur"), f"{where}.min_eligible_eur"),
        max_eligible_eur=None
        if isinstance(max_eligible, dict)
        else reader.money(max_eligible, f"{where}.max_eligible_eur"),
        max_eligible_by_size=reader.percents(
            max_eligible if isinstance(max_eligible, dict) else {},
            ALL_CLASSES,
            f"{where}.max_eligible_eur",
            limit=None,
        ),
        min_amount_eur=reader.money(raw.get("min_amount_eur"), f"{where}.min_amount_eur"),
        max_amount_eur=reader.money(raw.get("max_amount_eur"), f"{where}.max_amount_eur"),
        max_loan_eur=reader.money(raw.get("max_loan_eur"), f"{where}.max_loan_eur"),
        category_limits_percent=reader.percents(
            raw.get("category_limits_percent"), COST_CATEGORIES, f"{where}.category_limits_percent"
        ),
    )
    if funding.rate_percent is not None and funding.rate_percent > 100:
        reader.fail(f"{where}.rate_percent", "a percentage above 100")
    return funding


def _programme(reader: _Reader, raw: dict, index: int) -> Programme | None:
    where = f"programmes[{index}]"
    if not isinstance(raw, dict) or not raw.get("id"):
        reader.fail(where, "every programme needs an id")
        return None
    where = f"programme {raw['id']}"
    eligibility = raw.get("eligibility") or {}
    kind = reader.choice(raw.get("kind"), KINDS, f"{where}.kind")
    funding = _funding(reader, raw.get("funding") or {}, f"{where}.funding")
    has_rate = funding.rate_percent is not None or funding.rate_by_size or funding.rate_by_state
    rate_unverified = "rate" in (raw.get("unverified") or ())
    if kind in ("grant", "loan_with_grant") and not has_rate and not rate_unverified:
        reader.fail(f"{where}.funding", "a grant needs rate_percent (or rate unverified)")
    source = raw.get("source")
    if not isinstance(source, str) or not source.startswith(("https://", "http://")):
        reader.fail(f"{where}.source", "needs the official source link")
    age = eligibility.get("min_age_years")
    return Programme(
        id=str(raw["id"]),
        name=reader.text(raw.get("name"), f"{where}.name"),
        grantor=str(raw.get("grantor") or ""),
        level=reader.choice(raw.get("level"), ("federal", "state"), f"{where}.level"),
        states=reader.choices(raw.get("states"), STATES, f"{where}.states"),
        kind=kind,
        status=reader.choice(raw.get("status"), STATUSES, f"{where}.status"),
        successor=raw.get("successor"),
        size_classes=reader.choices(
            eligibility.get("size_classes") or ALL_CLASSES, ALL_CLASSES, f"{where}.size_classes"
        ),
        staff_below=reader.money(eligibility.get("staff_below"), f"{where}.staff_below"),
        max_turnover_eur=reader.money(
            eligibility.get("max_turnover_eur"), f"{where}.max_turnover_eur"
        ),
        sectors=reader.choices(eligibility.get("sectors"), NACE_SECTIONS, f"{where}.sectors"),
        excluded_sectors=reader.choices(
            eligibility.get("excluded_sectors"), NACE_SECTIONS, f"{where}.excluded_sectors"
        ),
        min_age_years=int(age) if age is not None else None,
        costs=reader.choices(raw.get("costs"), COST_CATEGORIES, f"{where}.costs"),
        funding=funding,
        de_minimis=reader.choice(
            raw.get("de_minimis", "unknown"), DE_MINIMIS, f"{where}.de_minimis"
        ),
        apply_before_contract=bool(raw.get("apply_before_contract", True)),
        how_to_apply=reader.choice(raw.get("how_to_apply"), APPLY_WAYS, f"{where}.how_to_apply"),
        how_to_apply_note=reader.text(
            raw.get("how_to_apply_note"), f"{where}.how_to_apply_note", False
        ),
        valid_from=reader.day(raw.get("valid_from"), f"{where}.valid_from"),
        valid_until=reader.day(raw.get("valid_until"), f"{where}.valid_until"),
        not_combinable_with=tuple(raw.get("not_combinable_with") or ()),
        confirm=tuple(
            reader.text(text, f"{where}.confirm[{i}]")
            for i, text in enumerate(raw.get("confirm") or ())
        ),
        documents=reader.choices(raw.get("documents"), DOCUMENTS, f"{where}.documents"),
        summary=reader.text(raw.get("summary"), f"{where}.summary"),
        source=source or "",
        sources=tuple(raw.get("sources") or ()),
        last_verified=reader.day(raw.get("last_verified"), f"{where}.last_verified", required=True)
        or date.min,
        unverified=reader.choices(raw.get("unverified"), VERIFIABLE, f"{where}.unverified"),
        suggest=bool(raw.get("suggest", True)),
        topics=reader.choices(raw.get("topics"), TOPICS, f"{where}.topics"),
    )


def _rules(reader: _Reader, raw: dict):
    sme = raw.get("sme") or {}
    thresholds = []
    for i, item in enumerate(sme.get("classes") or ()):
        where = f"rules.sme.classes[{i}]"
        thresholds.append(
            SizeThreshold(
                reader.choice(item.get("size_class"), ("micro", "small", "medium"), where),
                reader.money(item.get("staff_below"), where) or Decimal(0),
                reader.money(item.get("turnover_max_eur"), where) or Decimal(0),
                reader.money(item.get("balance_sheet_max_eur"), where) or Decimal(0),
            )
        )
    if len(thresholds) != 3:
        reader.fail("rules.sme.classes", "needs micro, small and medium")
    dm = raw.get("de_minimis") or {}
    rule = DeMinimisRule(
        reader.money(dm.get("ceiling_eur"), "rules.de_minimis.ceiling_eur") or Decimal(0),
        int(dm.get("period_years") or 0),
    )
    if rule.ceiling_eur <= 0 or rule.period_years <= 0:
        reader.fail("rules.de_minimis", "needs ceiling_eur and period_years")
    return tuple(thresholds), str(sme.get("source") or ""), rule, str(dm.get("source") or "")


def _check_references(reader: _Reader, programmes, none_open) -> None:
    ids = [p.id for p in programmes]
    for duplicate in {i for i in ids if ids.count(i) > 1}:
        reader.fail(f"programme {duplicate}", "the id is used twice")
    known = set(ids)
    for programme in programmes:
        for other in (
            *programme.not_combinable_with,
            *([programme.successor] if programme.successor else []),
        ):
            if other not in known:
                reader.fail(
                    f"programme {programme.id}", f"refers to the unknown programme {other!r}"
                )
        if programme.status == "successor" and not programme.successor:
            reader.fail(f"programme {programme.id}", "status successor needs the successor's id")
    current = {
        state
        for p in programmes
        if p.level == "state" and p.status in ("open", "paused")
        for state in p.states
    }
    for state in STATES:
        if state not in current and state not in none_open:
            reader.fail(
                f"state {state}", "needs a current programme or an explicit none_open entry"
            )


def parse_catalogue(raw: dict) -> Catalogue:
    """The catalogue from the file's mapping; raises CatalogueError with every problem."""
    reader = _Reader()
    if not isinstance(raw, dict):
        raise CatalogueError(["the file must hold a mapping"])
    thresholds, sme_source, rule, dm_source = _rules(reader, raw.get("rules") or {})
    programmes = tuple(
        p
        for i, item in enumerate(raw.get("programmes") or ())
        if (p := _programme(reader, item, i))
    )
    none_open = {}
    for state, item in (raw.get("states") or {}).items():
        where = f"states.{state}"
        if state not in STATES:
            reader.fail(where, "not a German federal state code")
            continue
        none_open[state] = StateNote(
            state,
            reader.text((item or {}).get("note"), f"{where}.note"),
            str((item or {}).get("source") or ""),
            reader.day((item or {}).get("last_verified"), f"{where}.last_verified", True)
            or date.min,
        )
    _check_references(reader, programmes, none_open)
    stale = int((raw.get("rules") or {}).get("stale_after_days") or 180)
    if reader.problems:
        raise CatalogueError(reader.problems)
    return Catalogue(thresholds, sme_source, rule, dm_source, stale, programmes, none_open)
