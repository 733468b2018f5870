from decimal import Decimal

import factory

from leitstand.processes.models import AutomationScenario, Process, ProcessStep
from leitstand.tenancy.tests.factories import OrganisationFactory

SAME_ORGANISATION = factory.SelfAttribute("..organisation")


class ProcessFactory(factory.django.DjangoModelFactory):
    """40 runs a working day, like the demo's order intake."""

    class Meta:
        model = Process

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Process {n}")
    frequency = "day"
    runs_per_period = Decimal("40")


class ProcessStepFactory(factory.django.DjangoModelFactory):
    """A manual step of 10 minutes that goes wrong in 2 % of runs, 15 minutes to fix."""

    class Meta:
        model = ProcessStep

    organisation = factory.SubFactory(OrganisationFactory)
    process = factory.SubFactory(ProcessFactory, organisation=SAME_ORGANISATION)
    name = factory.Sequence(lambda n: f"Step {n}")
    position = factory.Sequence(lambda n: n + 1)
    minutes_per_run = Decimal("10")
    error_rate_percent = Decimal("2")
    minutes_to_fix_error = Decimal("15")


class AutomationScenarioFactory(factory.django.DjangoModelFactory):
    """Takes one step of its process from 10 minutes to 1, for 5,000 € once, 600 € a year."""

    class Meta:
        model = AutomationScenario
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    process = factory.SubFactory(ProcessFactory, organisation=SAME_ORGANISATION)
    name = factory.Sequence(lambda n: f"Scenario {n}")
    minutes_after = Decimal("1")
    error_rate_after_percent = Decimal("0")
    investment = Decimal("5000")
    running_cost_per_year = Decimal("600")

    @factory.post_generation
    def steps(self, create, extracted, **kwargs):
        if not create:
            return
        steps = extracted if extracted is not None else list(self.process.steps.all())
        if not steps:
            steps = [ProcessStepFactory(organisation=self.organisation, process=self.process)]
        self.steps.set(steps)
