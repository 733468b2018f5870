"""Creating an organisation with its starting data: the page, the import command, the demo
and the API of consultant templates all call `create_organisation`.

Above tenancy and the domain apps: tenancy keeps organisations and members and knows no
domain; the starting data (the capability catalogue, the common data objects) belongs to the
apps that own it. An app whose new organisations need starting data adds its seed call here.
"""

from django.db import transaction

from leitstand.accounts.models import User
from leitstand.exports.document import PARTS, export_document, load_document
from leitstand.flows.services import seed_data_objects
from leitstand.inventory.services import seed_capabilities
from leitstand.tenancy.models import Organisation, Role
from leitstand.tenancy.services import add_member

# What a consultant's template organisation passes on to a new client: its standards, none of
# its facts (no systems, people, figures or answers).
TEMPLATE_PARTS = (
    "departments",
    "capabilities",
    "data_objects",
    "processes",
    "process_steps",
    "surveys",
    "survey_questions",
)


def template_document(template: Organisation) -> dict:
    """The template's standards as a complete-export document (exports.document loads it):
    references to anything not passed on (a step's system, a process's owner) are left empty."""
    full = export_document(template)
    document = {"format": full["format"], "version": full["version"], "organisation": {}}
    copied = {part.model for part in PARTS if part.key in TEMPLATE_PARTS}
    for part in PARTS:
        if part.key not in TEMPLATE_PARTS:
            continue
        dropped = [
            field.name
            for field in [*part.model._meta.concrete_fields, *part.model._meta.many_to_many]
            if field.is_relation
            and field.name != "organisation"
            and field.related_model not in copied
        ]
        records = []
        for record in full[part.key]:
            record = dict(record)
            for name in dropped:
                if name in record:
                    record[name] = [] if isinstance(record[name], list) else None
            records.append(record)
        document[part.key] = records
    return document


@transaction.atomic
def create_organisation(
    *,
    owner: User | None,
    name: str,
    slug: str,
    template: Organisation | None = None,
    export: dict | None = None,
    **fields,
) -> Organisation:
    """A new organisation with its reference data, owned by `owner`; with the standards of a
    `template` organisation, or everything of a complete JSON `export` (exports.document).
    All or nothing: a broken export leaves no organisation behind."""
    organisation = Organisation(name=name, slug=slug, **fields)
    organisation.full_clean()
    organisation.save()
    if owner is not None:
        add_member(organisation, owner, Role.OWNER)
    seed_capabilities(organisation)
    seed_data_objects(organisation)
    if template is not None:
        load_document(organisation, template_document(template))
    if export is not None:
        load_document(organisation, export)
    return organisation
