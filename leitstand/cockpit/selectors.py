"""The cockpit's figures, each with the list filter that shows the systems behind it."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone

from leitstand.core.dates import add_months
from leitstand.inventory.models import Department, System
from leitstand.tenancy.models import Organisation


@dataclass
class DepartmentCost:
    name: str
    eur_per_year: Decimal
    systems: int
    filter: str  # query string of the system list that shows them


@dataclass
class InventoryFigures:
    systems: int
    shadow_it: int
    annual_cost: Decimal
    cost_unknown: int
    support_past: int
    support_within_12_months: int
    without_owner: int
    without_deputy: int
    cost_by_department: list[DepartmentCost] = field(default_factory=list)


def inventory_figures(organisation: Organisation) -> InventoryFigures:
    """Counts over systems in use (not retired), in a fixed number of queries."""
    today = timezone.localdate()
    in_use = System.objects.for_org(organisation).in_use()
    counts = in_use.aggregate(
        systems=Count("pk"),
        shadow_it=Count("pk", filter=Q(centrally_managed=False)),
        total_cost=Sum("annual_cost"),
        cost_unknown=Count("pk", filter=Q(annual_cost__isnull=True)),
        support_past=Count("pk", filter=Q(end_of_support__lt=today)),
        support_within_12_months=Count("pk", filter=Q(end_of_support__lt=add_months(today, 12))),
        without_owner=Count("pk", filter=Q(owner__isnull=True)),
        without_deputy=Count("pk", filter=Q(deputy__isnull=True)),
    )
    counts["annual_cost"] = counts.pop("total_cost") or Decimal("0")
    return InventoryFigures(**counts, cost_by_department=cost_by_department(organisation))


def cost_by_department(organisation: Organisation) -> list[DepartmentCost]:
    """Annual cost per department; a system used by several departments is split equally.

    `systems` counts every system in use in the department, also those without a known cost.
    """
    in_use = System.objects.for_org(organisation).in_use()
    links = System.departments.through.objects.filter(system__in=in_use).values_list(
        "system_id", "department_id"
    )
    departments_of: dict[int, list[int]] = {}
    for system_id, department_id in links:
        departments_of.setdefault(system_id, []).append(department_id)
    names = dict(Department.objects.for_org(organisation).values_list("pk", "name"))
    totals: dict[int | None, Decimal] = {}
    system_counts: dict[int | None, int] = {}
    for system_id, cost in in_use.values_list("pk", "annual_cost"):
        shares = departments_of.get(system_id) or [None]
        for department_id in shares:
            share = cost / len(shares) if cost is not None else Decimal("0")
            totals[department_id] = totals.get(department_id, Decimal("0")) + share
            system_counts[department_id] = system_counts.get(department_id, 0) + 1
    rows = [
        DepartmentCost(
            name=names.get(department_id, ""),
            eur_per_year=total.quantize(Decimal("0.01")),
            systems=system_counts[department_id],
            filter=(
                f"in_use=true&department={department_id}"
                if department_id
                else "in_use=true&no_department=true"
            ),
        )
        for department_id, total in totals.items()
    ]
    return sorted(rows, key=lambda row: (-row.eur_per_year, row.name))
