"""Choices remembered from the last import, proposed again in the next one.

Per organisation: the meaning a person gave to unclear values ("Appliance" is on-premises)
and which near-identical names are the same. Per file layout (the list's column titles): also
which column fills which field, the scales of score columns and the proposal switches. The
next upload of a file with the same titles starts with all of it; any other file still gets
the organisation's value choices.
"""

import hashlib

from leitstand.imports.decisions import Decisions
from leitstand.imports.models import ImportMemory, ImportRun
from leitstand.imports.understanding import normalise_value

ORGANISATION = ""  # the layout key of the organisation's choices for any file


def layout_of(target: str, headers: list) -> str:
    """A key for a list's layout: its kind and its column titles, as normalised text."""
    titles = [normalise_value(str(title)) for title in headers if title not in (None, "")]
    text = "|".join([target, *titles])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:40]


def recall(run: ImportRun, headers: list) -> bool:
    """Use what was chosen before for this kind of list: the organisation's value choices
    and, for a file of the same layout, its column mapping, scales and switches. True when
    the layout was seen before."""
    layout = layout_of(run.target, headers)
    stored = {
        memory.layout: memory
        for memory in ImportMemory.objects.for_org(run.organisation).filter(
            target=run.target, layout__in=[ORGANISATION, layout]
        )
    }
    remembered = Decisions()
    if ORGANISATION in stored:
        organisation = Decisions.from_json(stored[ORGANISATION].decisions)
        remembered = Decisions(values=organisation.values, merges=organisation.merges)
    seen = layout in stored
    if seen:
        remembered = Decisions.from_json(stored[layout].decisions).under(remembered)
        run.mapping = _mapping_by_title(stored[layout].columns, headers) or run.mapping
    run.decisions = Decisions.from_json(run.decisions).under(remembered).to_json()
    run.decisions["remembered"] = {"layout": seen, "values": _count(remembered)}
    return seen


def _mapping_by_title(columns: dict, headers: list) -> dict[str, str]:
    by_title = {normalise_value(title): field for title, field in columns.items()}
    mapping = {}
    for index, title in enumerate(headers):
        field = by_title.get(normalise_value(str(title))) if title not in (None, "") else None
        if field:
            mapping[str(index)] = field
    return mapping


def _count(decisions: Decisions) -> int:
    return sum(len(values) for values in decisions.values.values())


def remember(run: ImportRun, headers: list) -> None:
    """Keep this import's choices: the layout's mapping and decisions, and the value
    meanings and merges for the organisation (added to what it chose before)."""
    decisions = Decisions.from_json(run.decisions)
    decisions.merge_all = False  # the command line's --yes-merge is for one run only
    columns = {
        str(title): run.mapping.get(str(index), "")
        for index, title in enumerate(headers)
        if title not in (None, "")
    }
    layout = layout_of(run.target, headers)
    ImportMemory.objects.update_or_create(
        organisation=run.organisation,
        target=run.target,
        layout=layout,
        defaults={"columns": columns, "decisions": decisions.to_json(), "from_run": run},
    )
    organisation, _created = ImportMemory.objects.get_or_create(
        organisation=run.organisation, target=run.target, layout=ORGANISATION
    )
    before = Decisions.from_json(organisation.decisions)
    kept = Decisions(values=decisions.values, merges=decisions.merges).under(before)
    organisation.decisions = Decisions(values=kept.values, merges=kept.merges).to_json()
    organisation.from_run = run
    organisation.save(update_fields=["decisions", "from_run", "updated_at"])


def forget(organisation) -> int:
    """Forget every remembered choice of the organisation; returns how many were kept."""
    deleted, _by_model = ImportMemory.objects.for_org(organisation).delete()
    return deleted
