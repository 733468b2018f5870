"""What can be imported: one `ImportTarget` per entity, listing its fields and how to read them.

Adding an entity (integrations, ...) means adding a target here: its model, its fields with
their kind, the references it resolves by name, and a block of header synonyms in
catalogue/headers.yaml. Reading, preview, matching and writing are generic.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

from leitstand.inventory.models import Capability, Department, Person, System, Vendor
from leitstand.tenancy.models import Organisation


@dataclass(frozen=True)
class Reference:
    """A related entity found by name; `build` makes a missing one (None: it must exist)."""

    key: str
    model: type[models.Model]
    label_plural: object
    names: Callable[[models.Model], Iterable[str]]
    build: Callable[[Organisation, str], models.Model] | None = None


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


@dataclass(frozen=True)
class FieldSpec:
    """One importable field. `kind` says how a cell is read (see cells.read_cell)."""

    name: str
    kind: str
    label: object  # the column title in the template, in the user's language
    reference: Reference | None = None
    required: bool = False


@dataclass(frozen=True)
class ImportTarget:
    key: str
    model: type[models.Model]
    fields: tuple[FieldSpec, ...]
    #: Fields whose values identify an existing row (compared case-insensitively).
    identity: tuple[str, ...] = ("name",)
    label: object = ""
    #: Checks across fields of one row: function(values) -> [(field, message), ...]
    checks: tuple[Callable[[dict], list[tuple[str, str]]], ...] = ()
    _by_name: dict = field(default_factory=dict, compare=False, repr=False)

    def field(self, name: str) -> FieldSpec:
        if not self._by_name:
            self._by_name.update({spec.name: spec for spec in self.fields})
        return self._by_name[name]

    def model_field(self, name: str) -> models.Field:
        return self.model._meta.get_field(name)

    def label_for(self, name: str) -> str:
        return str(self.field(name).label)


def _system_checks(values: dict) -> list[tuple[str, str]]:
    """The same rules as System.clean(), on names instead of objects."""
    problems = []
    owner, deputy = values.get("owner"), values.get("deputy")
    if owner and deputy and owner.lower() == deputy.lower():
        problems.append(("deputy", str(_("The deputy must be someone other than the owner."))))
    introduced, end = values.get("introduced_on"), values.get("end_of_support")
    if introduced and end and end < introduced:
        message = _("End of support cannot be before the system was introduced.")
        problems.append(("end_of_support", str(message)))
    return problems


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
    ),
)

#: Every import target by key; later apps add theirs here (e.g. "integrations").
TARGETS: dict[str, ImportTarget] = {SYSTEMS.key: SYSTEMS}


def target_for(key: str) -> ImportTarget:
    return TARGETS[key]
