"""What can be imported: one `ImportTarget` per entity, listing its fields and how to read them.

Adding an entity means adding a target here: its model, its fields with their kind, the
references it resolves by name, and a block of header synonyms in catalogue/headers.yaml.
Reading, preview, matching and writing are generic.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

from leitstand.flows.models import DataObject, Integration, integration_rule_errors
from leitstand.imports.quantities import combine_rates
from leitstand.inventory.models import (
    Capability,
    Department,
    Person,
    System,
    Vendor,
    system_rule_errors,
)
from leitstand.tenancy.models import Organisation


@dataclass(frozen=True)
class Reference:
    """A related entity found by name; `build` makes a missing one (None: it must exist, and
    a row naming a missing one is skipped with `missing` as the reason)."""

    key: str
    model: type[models.Model]
    label_plural: object
    names: Callable[[models.Model], Iterable[str]]
    build: Callable[[Organisation, str], models.Model] | None = None
    missing: object = _("“%(name)s” does not exist yet.")


DEPARTMENTS = Reference(
    "departments",
    Department,
    _("departments"),
    lambda department: [department.name],
    lambda organisation, name: Department(organisation=organisation, name=name[:120]),
)
PEOPLE = Reference(
    "people",
    Person,
    _("people"),
    lambda person: [person.name],
    lambda organisation, name: Person(organisation=organisation, name=name[:120]),
)
VENDORS = Reference(
    "vendors",
    Vendor,
    _("vendors"),
    lambda vendor: [vendor.name],
    lambda organisation, name: Vendor(organisation=organisation, name=name[:200]),
)
CAPABILITIES = Reference(
    "capabilities",
    Capability,
    _("capabilities"),
    lambda capability: [capability.name_de, capability.name_en],
    lambda organisation, name: Capability(
        organisation=organisation, name_de=name[:120], name_en=name[:120]
    ),
)
SYSTEMS_BY_NAME = Reference(
    "systems",
    System,
    _("systems"),
    lambda system: [system.name],
    missing=_(
        "There is no system “%(name)s”. Add it to the inventory (or import the systems "
        "first), then import this list again."
    ),
)
DATA_OBJECTS = Reference(
    "data_objects",
    DataObject,
    _("data objects"),
    lambda data_object: [data_object.name_de, data_object.name_en],
    lambda organisation, name: DataObject(
        organisation=organisation, name_de=name[:120], name_en=name[:120]
    ),
)


@dataclass(frozen=True)
class FieldSpec:
    """One importable field. `kind` says how a cell is read (see cells.read_cell)."""

    name: str
    kind: str
    label: object  # the column title in the template, in the user's language
    reference: Reference | None = None
    required: bool = False
    #: Where the value goes: "row" (a field of the target's model) or "assessment" (an
    #: assessment record of the row's system, see imports/assessments.py).
    part: str = "row"

    @property
    def on_row(self) -> bool:
        return self.part == "row"


@dataclass(frozen=True)
class ImportTarget:
    key: str
    model: type[models.Model]
    fields: tuple[FieldSpec, ...]
    #: Fields whose values identify an existing row (compared case-insensitively; a
    #: reference among them must exist, and is compared by the object it names).
    identity: tuple[str, ...] = ("name",)
    #: Fields whose columns show that a sheet holds this list (see headers.detect_lists).
    signature: tuple[str, ...] = ("name",)
    label: object = ""
    #: Checks across fields of one row: function(values) -> [(field, message), ...]. A check
    #: may also complete the values ("40 pro Tag" gives the frequency and the count).
    checks: tuple[Callable[[dict], list[tuple[str, str]]], ...] = ()
    #: How the preview and the report name a row, and why a row is skipped.
    describe: Callable[[dict], str] = lambda values: str(values.get("name") or "")
    totals_reason: object = _("A totals row, not a system.")
    repeated_reason: object = _("Same name as row %(row)s; only the first is imported.")
    _by_name: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def row_fields(self) -> tuple[FieldSpec, ...]:
        """The fields stored on the target's own rows."""
        return tuple(spec for spec in self.fields if spec.on_row)

    def field(self, name: str) -> FieldSpec:
        if not self._by_name:
            self._by_name.update({spec.name: spec for spec in self.fields})
        return self._by_name[name]

    def model_field(self, name: str) -> models.Field:
        return self.model._meta.get_field(name)

    def label_for(self, name: str) -> str:
        return str(self.field(name).label)


def _system_checks(values: dict) -> list[tuple[str, str]]:
    """System.clean()'s rules (inventory.models.system_rule_errors), on names."""
    owner, deputy = values.get("owner"), values.get("deputy")
    errors = system_rule_errors(
        owner.lower() if owner else owner,
        deputy.lower() if deputy else deputy,
        values.get("introduced_on"),
        values.get("end_of_support"),
    )
    return [(field, str(message)) for field, message in errors.items()]


SYSTEMS = ImportTarget(
    key="systems",
    model=System,
    label=_("systems"),
    checks=(_system_checks,),
    fields=(
        FieldSpec("name", "text", _("Name"), required=True),
        FieldSpec("description", "text", _("Description")),
        FieldSpec("kind", "choice", _("Kind")),
        FieldSpec("lifecycle", "choice", _("Lifecycle")),
        FieldSpec("departments", "many", _("Departments"), DEPARTMENTS),
        FieldSpec("capabilities", "many", _("Capabilities"), CAPABILITIES),
        FieldSpec("owner", "one", _("Owner"), PEOPLE),
        FieldSpec("deputy", "one", _("Deputy"), PEOPLE),
        FieldSpec("vendor", "one", _("Vendor"), VENDORS),
        FieldSpec("hosting", "choice", _("Hosting")),
        FieldSpec("jurisdiction", "choice", _("Provider jurisdiction")),
        FieldSpec("user_count", "integer", _("Number of users")),
        FieldSpec("annual_cost", "money", _("Annual cost (EUR)")),
        FieldSpec("one_off_cost", "money", _("One-off cost (EUR)")),
        FieldSpec("introduced_on", "date", _("Introduced on")),
        FieldSpec("end_of_support", "date", _("End of support")),
        FieldSpec("version", "text", _("Version")),
        FieldSpec("centrally_managed", "bool", _("Centrally managed")),
        FieldSpec("personal_data", "bool", _("Personal data")),
        FieldSpec("personal_data_categories", "text", _("Categories of personal data")),
        FieldSpec("url", "url", _("Address (URL)")),
        FieldSpec("notes", "text", _("Notes")),
        FieldSpec("criticality", "score", _("Business criticality (1-4)"), part="assessment"),
        FieldSpec("health", "score", _("Technical health (1-4)"), part="assessment"),
        FieldSpec(
            "integration_capability",
            "score",
            _("Integration capability (1-4)"),
            part="assessment",
        ),
        FieldSpec("assessed_on", "date", _("Assessed on"), part="assessment"),
        FieldSpec("assessed_by", "person", _("Assessed by"), part="assessment"),
    ),
)


def _integration_checks(values: dict) -> list[tuple[str, str]]:
    """Integration.clean()'s rule (flows.models.integration_rule_errors), on names."""
    source, target = values.get("source"), values.get("target")
    errors = integration_rule_errors(
        source.strip().lower() if source else source,
        target.strip().lower() if target else target,
    )
    return [(field, str(message)) for field, message in errors.items()]


def _describe_integration(values: dict) -> str:
    source, target = values.get("source") or "?", values.get("target") or "?"
    return f"{source} → {target}"


INTEGRATIONS = ImportTarget(
    key="integrations",
    model=Integration,
    label=_("integrations"),
    identity=("source", "target", "method"),
    signature=("source", "target"),
    checks=(combine_rates, _integration_checks),
    describe=_describe_integration,
    totals_reason=_("A totals row, not an integration."),
    repeated_reason=_("Same systems and method as row %(row)s; only the first is imported."),
    fields=(
        FieldSpec("source", "one", _("From system"), SYSTEMS_BY_NAME, required=True),
        FieldSpec("target", "one", _("To system"), SYSTEMS_BY_NAME, required=True),
        FieldSpec("data_objects", "many", _("Data carried"), DATA_OBJECTS),
        FieldSpec("method", "choice", _("Method"), required=True),
        FieldSpec("frequency", "rate", _("Frequency")),
        FieldSpec("runs_per_period", "rate", _("Number of runs")),
        FieldSpec("minutes_per_run", "minutes", _("Minutes of manual work per run")),
        FieldSpec("error_rate_percent", "percent", _("Error rate (%)")),
        FieldSpec("minutes_to_fix_error", "minutes", _("Minutes to fix one error")),
        FieldSpec("status", "choice", _("Status")),
        FieldSpec("notes", "text", _("Notes")),
    ),
)

#: Every import target by key, in the order a workbook's lists are imported: a list that
#: refers to another comes after it (integrations name systems).
TARGETS: dict[str, ImportTarget] = {SYSTEMS.key: SYSTEMS, INTEGRATIONS.key: INTEGRATIONS}


def target_for(key: str) -> ImportTarget:
    return TARGETS[key]


def import_order(key: str) -> int:
    return list(TARGETS).index(key)
