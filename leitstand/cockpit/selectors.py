"""The cockpit's figures, each with the list filter that shows the systems behind it."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Q, Sum
from django.utils import timezone

from leitstand.core.dates import add_months
from leitstand.inventory.models import Department, Lifecycle, System
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
    management_unknown: int  # not known whether IT manages them: neither shadow IT nor managed
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
        management_unknown=Count("pk", filter=Q(centrally_managed__isnull=True)),
        total_cost=Sum("annual_cost"),
        cost_unknown=Count("pk", filter=Q(annual_cost__isnull=True)),
        support_past=Count("pk", filter=Q(end_of_support__lt=today)),
        support_within_12_months=Count("pk", filter=Q(end_of_support__lt=add_months(today, 12))),
        without_owner=Count("pk", filter=Q(owner__isnull=True)),
        without_deputy=Count("pk", filter=Q(deputy__isnull=True)),
    )
    counts["annual_cost"] = counts.pop("total_cost") or Decimal("0")
    return InventoryFigures(**counts, cost_by_department=cost_by_department(organisation))


# Each link (system, department) carries the system's cost divided by its number of departments.
# One grouped query; the ORM can only express the division per row as a correlated subquery,
# which is twice as slow at 10,000 systems.
_SHARED_COST_SQL = """
WITH links AS (
    SELECT l.system_id, l.department_id
    FROM inventory_system_departments l
    JOIN inventory_system s ON s.id = l.system_id
    WHERE s.organisation_id = %s AND s.lifecycle <> %s
), counts AS (
    SELECT system_id, COUNT(*) AS n FROM links GROUP BY system_id
)
SELECT links.department_id, COUNT(*), SUM(CAST(s.annual_cost AS DOUBLE PRECISION) / counts.n)
FROM links
JOIN counts ON counts.system_id = links.system_id
JOIN inventory_system s ON s.id = links.system_id
GROUP BY links.department_id
"""


def cost_by_department(organisation: Organisation) -> list[DepartmentCost]:
    """Annual cost per department; a system used by several departments is split equally.

    `systems` counts every system in use in the department, also those without a known cost.
    """
    with connection.cursor() as cursor:
        cursor.execute(_SHARED_COST_SQL, [organisation.pk, Lifecycle.RETIRED])
        per_department = cursor.fetchall()
    names = dict(Department.objects.for_org(organisation).values_list("pk", "name"))
    rows = [
        DepartmentCost(
            name=names[department_id],
            eur_per_year=_cents(total),
            systems=systems,
            filter=f"in_use=true&department={department_id}",
        )
        for department_id, systems, total in per_department
    ]
    in_use = System.objects.for_org(organisation).in_use()
    without = in_use.filter(departments__isnull=True).aggregate(
        systems=Count("pk"), total=Sum("annual_cost")
    )
    if without["systems"]:
        rows.append(
            DepartmentCost(
                name="",
                eur_per_year=_cents(without["total"]),
                systems=without["systems"],
                filter="in_use=true&no_department=true",
            )
        )
    return sorted(rows, key=lambda row: (-row.eur_per_year, row.name))


def _cents(value) -> Decimal:
    return Decimal(str(value or 0)).quantize(Decimal("0.01"))
