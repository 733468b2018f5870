"""Loads a demo organisation: its inventory from one of the data modules beside this file,
then every app's part through the loaders registered with `leitstand.core.demo.demo_data`
(each app's `demo/<organisation-slug>.yaml`, or its Python demo module until converted), in
the order they build on each other. An app without data for an organisation (the small
second one) simply gets none.
"""

from types import ModuleType

from django.db import transaction

from leitstand.accounts.models import User
from leitstand.core.demo import PYTHON_MODULE, demo_data
from leitstand.inventory.models import Capability, Department, Person, System, Vendor
from leitstand.onboarding.services import create_organisation
from leitstand.tenancy.models import Membership, Organisation, Role


@transaction.atomic
def load_organisation(data: ModuleType, members: dict[User, Role]) -> Organisation:
    """Create the organisation with its inventory and members. It must not exist yet."""
    organisation = create_organisation(owner=None, **data.ORGANISATION)
    for user, role in members.items():
        Membership.objects.create(user=user, organisation=organisation, role=role)

    departments = {
        name: Department.objects.create(
            organisation=organisation, name=name, description=description
        )
        for name, description in data.DEPARTMENTS
    }
    people = {
        name: Person.objects.create(
            organisation=organisation,
            name=name,
            job_title=title,
            department=departments.get(department),
        )
        for name, title, department in data.PEOPLE
    }
    vendors = {
        name: Vendor.objects.create(
            organisation=organisation,
            name=name,
            country=country,
            jurisdiction=jurisdiction,
            contract_end=contract_end,
            notice_period_months=notice,
        )
        for name, country, jurisdiction, contract_end, notice in data.VENDORS
    }
    for name_de, name_en, differentiating in data.OWN_CAPABILITIES:
        Capability.objects.create(
            organisation=organisation,
            name_de=name_de,
            name_en=name_en,
            differentiating=differentiating,
        )
    capabilities = {}
    for capability in Capability.objects.for_org(organisation):
        capabilities[capability.key or capability.name_de] = capability

    for record in data.SYSTEMS:
        fields = dict(record)
        department_names = fields.pop("departments")
        capability_keys = fields.pop("capabilities")
        fields["owner"] = people.get(fields.pop("owner"))
        fields["deputy"] = people.get(fields.pop("deputy"))
        fields["vendor"] = vendors.get(fields.pop("vendor"))
        system = System(organisation=organisation, **fields)
        system.full_clean()
        system.save()
        system.departments.set([departments[name] for name in department_names])
        system.capabilities.set([capabilities[key] for key in capability_keys])
    for loader in demo_data.loaders():
        part = data if loader.reads == PYTHON_MODULE else loader.data_for(organisation.slug)
        if part is not None:
            loader.load(organisation, part)
    return organisation
