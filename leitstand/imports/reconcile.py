"""People, departments and capabilities named in a list, reconciled before anything is created.

- "Fr. Krüger" and "Frau Krüger" are one person (equal keys, see names.py); "T. Becker" and
  "Thomas Becker", "Vertieb" and "Vertrieb" are proposed as one, and merged once a person
  confirms (preview) or the command runs with --yes-merge.
- "IT", "Marketing", "alle" in an owner column are no people: left out, with a warning.
  "IT / Hr. Bauer" holds a department and a person; a second person in the owner column
  becomes the deputy when the row names none.
- "alle" / "all" in a department column means every department.
- A purpose ("Buchhaltung und Lohn") is matched to the capability catalogue by its names and
  synonyms; only what matches nothing becomes a new capability.
Each distinct cell is worked out once.
"""

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from leitstand.imports import names
from leitstand.imports.decisions import Decisions
from leitstand.imports.rows import SKIP, RowResult
from leitstand.imports.targets import CAPABILITIES, DEPARTMENTS, PEOPLE, ImportTarget
from leitstand.imports.understanding import normalise_value

PEOPLE_KEY, DEPARTMENTS_KEY = PEOPLE.key, DEPARTMENTS.key
#: A capability name close to a known one by at least this much is that one.
SAME_CAPABILITY = 90
_CAPABILITY_PARTS = (" und ", " and ", " & ", "/", " + ", " sowie ")


@dataclass(frozen=True)
class MergeProposal:
    """Two names that are probably one person or department."""

    reference: str  # "people" or "departments"
    key: str  # of the name as written
    name: str
    same_as_key: str
    same_as: str  # the name it becomes
    rows: int  # rows that name it
    exists: bool  # `same_as` is already in the organisation
    decided: bool | None  # True: the same; False: kept apart; None: nobody said yet

    @property
    def field_name(self) -> str:
        """The form field of the confirm step."""
        return f"merge:{self.reference}:{self.key}"


def reconcile(
    target: ImportTarget, rows: list[RowResult], known: dict, decisions: Decisions
) -> list[MergeProposal]:
    """Rewrite the rows' names to the names they mean; return what needs a person's word."""
    active = [row for row in rows if row.action != SKIP]
    specs = {spec.reference.key: spec for spec in target.fields if spec.reference}
    proposals: list[MergeProposal] = []
    department_keys: set[str] = set()
    if DEPARTMENTS_KEY in specs:
        found, department_keys = _departments(active, specs, known, decisions)
        proposals += found
    if PEOPLE_KEY in specs:
        proposals += _people(target, active, known, decisions, department_keys)
    if CAPABILITIES.key in specs:
        _capabilities(active, specs[CAPABILITIES.key].name, known[CAPABILITIES.key])
    return proposals


# --- departments --------------------------------------------------------------------------


def _departments(active, specs, known, decisions) -> tuple[list[MergeProposal], set[str]]:
    name = specs[DEPARTMENTS_KEY].name
    existing = {names.department_key(obj.name): obj.name for obj in known[DEPARTMENTS_KEY].values()}
    cells = Counter(  # each distinct cell text, in the order of first use, is read once
        department for row in active for department in row.values.get(name) or ()
    )
    written: dict[str, Counter] = {}
    split: dict[str, list[str]] = {}
    for department, rows in cells.items():
        split[department] = _split_department(department)
        for part in split[department]:
            if not names.is_everyone(part):
                _count(written, names.department_key(part), part, rows)
    canonical = _canonical(written, existing)
    rows_of = {key: sum(spellings.values()) for key, spellings in written.items()}
    pairs = names.similar_departments(canonical)
    proposals, same = _proposals(DEPARTMENTS_KEY, pairs, canonical, existing, rows_of, decisions)
    every = sorted({canonical[_follow(same, key)] for key in canonical}, key=str.lower)
    rewritten: dict[tuple, list[str]] = {}
    for row in active:
        value = row.values.get(name)
        if not value:
            continue
        combination = tuple(value)
        if combination not in rewritten:
            rewritten[combination] = _departments_of(combination, split, canonical, same, every)
        row.values[name] = list(rewritten[combination])
    return proposals, set(canonical)


def _split_department(name: str) -> list[str]:
    """ "Vertrieb/Marketing" is two departments."""
    parts = [part.strip() for part in name.split("/")]
    return parts if all(len(part) >= 2 for part in parts) else [name]


def _departments_of(combination, split, canonical, same, every) -> list[str]:
    result: dict[str, str] = {}
    for department in combination:
        for part in split[department]:
            if names.is_everyone(part):
                result.update({entry.lower(): entry for entry in every})
            else:
                entry = canonical[_follow(same, names.department_key(part))]
                result.setdefault(entry.lower(), entry)
    return list(result.values())


# --- people -------------------------------------------------------------------------------


def _people(target, active, known, decisions, department_keys) -> list[MergeProposal]:
    fields = [spec.name for spec in target.fields if spec.reference is PEOPLE]
    existing = {names.person_key(obj.name): obj.name for obj in known[PEOPLE_KEY].values()}
    texts = Counter(  # each distinct cell text, in the order of first use, is read once
        text for row in active for field_name in fields if (text := row.values.get(field_name))
    )
    cells = {text: _people_in(text, department_keys) for text in texts}
    written: dict[str, Counter] = {}
    for text, rows in texts.items():
        for key, name in cells[text][0]:
            _count(written, key, name, rows)
    canonical = _canonical(written, existing)
    rows_of = {key: sum(spellings.values()) for key, spellings in written.items()}
    pairs = names.similar_people(canonical)
    proposals, same = _proposals(PEOPLE_KEY, pairs, canonical, existing, rows_of, decisions)
    named = {  # text -> (the people it names, as they are called now; its groups' warning)
        text: (
            [canonical[_follow(same, key)] for key, _name in people],
            _("“%(names)s” is a department or team, not a person: left out.")
            % {"names": ", ".join(groups)}
            if groups
            else "",
        )
        for text, (people, groups) in cells.items()
    }
    for row in active:
        _assign_people(row, fields, named)
    return proposals


def _people_in(text: str, department_keys: set[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """(key, name) of each person in a cell, and the groups named in it."""
    people, groups = [], []
    for part in names.split_people(text):
        key = names.person_key(part)
        if not key:
            continue
        if names.is_group_word(part) or names.department_key(part) in department_keys:
            groups.append(part)
        else:
            people.append((key, names.person_name(part)))
    return people, groups


def _assign_people(row: RowResult, fields, named) -> None:
    """The first person of the owner column is the owner; the deputy column's first person
    is the deputy, or else the owner column's second one."""
    found: dict[str, list[str]] = {}
    for field_name in fields:
        text = row.values.get(field_name)
        if not text:
            continue
        people, groups_warning = named[text]
        found[field_name] = people
        if groups_warning:
            row.warnings[field_name] = groups_warning
    if not found:
        return
    owner_field, deputy_field = [*fields, None][:2]
    owners = found.get(owner_field, [])
    extra = owners[1:]
    if owner_field in found:
        row.values[owner_field] = owners[0] if owners else None
    if deputy_field is not None:
        deputies = found.get(deputy_field, [])
        extra += deputies[1:]
        if deputies:
            row.values[deputy_field] = deputies[0]
        elif extra and not row.values.get(deputy_field):
            row.values[deputy_field] = extra.pop(0)
        elif deputy_field in found:
            row.values[deputy_field] = None
    if extra:
        row.warnings.setdefault(
            owner_field,
            _("Only one owner and one deputy are kept; also named: %(names)s.")
            % {"names": ", ".join(extra)},
        )


# --- shared -------------------------------------------------------------------------------


def _proposals(reference, pairs, canonical, existing, rows_of, decisions):
    """Each near-identical pair as a proposal from the rarer name to the commoner (an
    existing name always stays); confirmed ones (or all, with --yes-merge) are merged."""
    proposals, same = [], {}
    for left, right in pairs:
        if left in existing and right in existing:
            continue  # two entries the organisation keeps already: not the import's business
        variant, target_key = _direction(left, right, existing, rows_of, canonical)
        if variant not in rows_of:
            continue
        said = decisions.merge_decision(reference, variant)
        decided = None if said is None else said == target_key
        if said is None and decisions.merge_all:
            decided = True
        proposals.append(
            MergeProposal(
                reference,
                variant,
                canonical[variant],
                target_key,
                canonical[target_key],
                rows_of.get(variant, 0),
                target_key in existing,
                decided,
            )
        )
        if decided:
            same[variant] = target_key
    return proposals, same


def _direction(left, right, existing, rows_of, canonical) -> tuple[str, str]:
    """(variant, the name it becomes): an existing name, else a full first name rather than
    an initial or the last name alone, else the one more rows use, else the longer."""

    def weight(key: str) -> tuple:
        words = key.split()
        initial = bool(words) and len(words[0]) == 1
        rows = rows_of.get(key, 0)
        return (key in existing, not initial, len(words), rows, len(canonical[key]), key)

    return (left, right) if weight(left) < weight(right) else (right, left)


def _count(written: dict[str, Counter], key: str, spelling: str, rows: int) -> None:
    spellings = written.get(key)
    if spellings is None:
        spellings = written[key] = Counter()
    spellings[spelling] += rows


def _follow(same: dict[str, str], key: str) -> str:
    seen = {key}
    while key in same and same[key] not in seen:
        key = same[key]
        seen.add(key)
    return key


def _canonical(written: dict[str, Counter], existing: dict[str, str]) -> dict[str, str]:
    """key -> the name it gets: the existing entry's, else the spelling most rows use."""
    canonical = {key: existing.get(key) or _most_common(seen) for key, seen in written.items()}
    for key, name in existing.items():
        canonical.setdefault(key, name)
    return canonical


def _most_common(spellings: Counter) -> str:
    return max(spellings.items(), key=lambda item: (item[1], len(item[0]), item[0]))[0]


# --- capabilities -------------------------------------------------------------------------


def _capabilities(active, field_name: str, known: dict) -> None:
    """Each purpose to the catalogue's capabilities it names (by name, synonym or closeness),
    in parts if need be; what matches nothing stays as written (a new capability)."""
    by_key = {normalise_value(name): name for name in known}
    choices = [key for key in by_key if len(key) >= names.MIN_LENGTH]
    matched: dict[str, list[str]] = {}
    for row in active:
        value = row.values.get(field_name)
        if not value:
            continue
        result: dict[str, str] = {}
        for purpose in value:
            if purpose not in matched:
                matched[purpose] = _capability_names(purpose, known, by_key, choices)
            for name in matched[purpose]:
                result.setdefault(name.lower(), name)
        row.values[field_name] = list(result.values())


def _capability_names(purpose: str, known: dict, by_key: dict, choices: list[str]) -> list[str]:
    found = _one_capability(purpose, known, by_key, choices)
    if found:
        return [found]
    parts = [purpose]
    for separator in _CAPABILITY_PARTS:
        parts = [piece.strip() for part in parts for piece in part.split(separator)]
    parts = [part for part in parts if part]
    if len(parts) > 1:
        each = [_one_capability(part, known, by_key, choices) for part in parts]
        if all(each):
            return list(dict.fromkeys(each))
    return [purpose]


def _one_capability(text: str, known: dict, by_key: dict, choices: list[str]) -> str | None:
    if text.lower() in known:
        return text
    key = normalise_value(text)
    if key in by_key:
        return by_key[key]
    if len(key) < names.MIN_LENGTH or not choices:
        return None
    close = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=SAME_CAPABILITY)
    return by_key[close[0]] if close else None
