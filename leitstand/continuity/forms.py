"""The business impact form: the damage table, RTO and RPO, and the outage-cost inputs."""

from django import forms
from django.utils.translation import gettext_lazy as _

from leitstand.analysis.continuity.impact import DAMAGE_POINTS_HOURS, DamageCategory, damage_field
from leitstand.continuity.models import BusinessImpact
from leitstand.core.forms import OrgModelForm
from leitstand.processes.models import Process

NUMBER = {"min": "0", "step": "any", "inputmode": "decimal"}
CATEGORY_LABELS = {
    DamageCategory.MONEY: _("Money"),
    DamageCategory.CONTRACTS: _("Contracts and law"),
    DamageCategory.REPUTATION: _("Customers and reputation"),
}
FIGURES = [
    "rto_hours",
    "rpo_hours",
    "margin_percent",
    "people_idle",
    "penalty_per_hour",
    "operating_hours_per_day",
    "notes",
]


class BusinessImpactForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = BusinessImpact
        fields = [
            *(damage_field(c, h) for c in DamageCategory for h in DAMAGE_POINTS_HOURS),
            *FIGURES,
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, process: Process, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.process = process
        for name in FIGURES[:-1]:
            self.fields[name].widget.attrs.update(NUMBER)
        self.fields["margin_percent"].widget.attrs["max"] = "100"
        self.fields["operating_hours_per_day"].widget.attrs["max"] = "24"
        for category in DamageCategory:
            for hours in DAMAGE_POINTS_HOURS:
                field = self.fields[damage_field(category, hours)]
                field.choices = [("", _("not rated")), *field.choices[1:]]
                field.widget.attrs["aria-label"] = field.label

    def damage_rows(self) -> list[tuple[str, list]]:
        """The table: per category its label and the bound fields for 1 h ... 1 week."""
        return [
            (
                CATEGORY_LABELS[category],
                [self[damage_field(category, hours)] for hours in DAMAGE_POINTS_HOURS],
            )
            for category in DamageCategory
        ]


AFTER = {
    1: _("after 1 hour"),
    4: _("after 4 hours"),
    24: _("after 1 day"),
    72: _("after 3 days"),
    168: _("after 1 week"),
}


def point_labels() -> list[str]:
    """The column titles of the damage table, 'after 1 hour' ... 'after 1 week'."""
    return [str(AFTER[hours]) for hours in DAMAGE_POINTS_HOURS]
