"""The maturity sheet in the xlsx/csv export (listed in leitstand/exports/sheets.py): one row
per answer, with its assessment's date and the question in the reader's language."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from leitstand.core.sheets import Column, ExportSheet, field
from leitstand.maturity.catalogue import load_catalogue
from leitstand.maturity.models import MaturityAnswer


def _question(answer: MaturityAnswer) -> str:
    item = load_catalogue().item_by_key.get(answer.item)
    return item.question.get(get_language()) if item else answer.item


def _axis(answer: MaturityAnswer) -> str:
    catalogue = load_catalogue()
    item = catalogue.item_by_key.get(answer.item)
    return catalogue.axis_by_key[item.axis].name.get(get_language()) if item else ""


MATURITY_SHEETS = (
    ExportSheet(
        "maturity_answers",
        _("Maturity answers"),
        lambda org: (
            MaturityAnswer.objects.for_org(org)
            .select_related("assessment")
            .order_by("-assessment__assessed_on", "assessment_id", "item")
        ),
        (
            Column(_("Date"), lambda a: a.assessment.assessed_on),
            Column(_("Status"), lambda a: a.assessment.get_status_display()),
            Column(_("Axis"), _axis),
            field("item", _("Item")),
            Column(_("Question"), _question),
            field("value", _("Answer")),
            field("source", _("Source")),
            field("suggested", _("Suggested answer")),
            field("note", _("Note")),
        ),
    ),
)
