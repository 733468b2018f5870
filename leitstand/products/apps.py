from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ProductsConfig(AppConfig):
    name = "leitstand.products"
    verbose_name = _("Product catalogue")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.core.extensions import (
            system_form_panels,
            system_form_saved,
            system_panels,
        )
        from leitstand.core.sheets import export_sheets
        from leitstand.core.wording import wording
        from leitstand.landscape.parts import snapshot_parts
        from leitstand.products import explanations
        from leitstand.products.exports import PRODUCTS_SHEETS
        from leitstand.products.models import ProductLink, RecurringPayment, StatementScan
        from leitstand.products.panels import (
            catalogue_panel,
            link_saved_system,
            proposal_form_panel,
        )
        from leitstand.products.records import regulation_record
        from leitstand.products.services import sync_end_of_support

        for model in (ProductLink, StatementScan, RecurringPayment):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDED_FIELDS)
        system_panels.register(catalogue_panel, order=15)
        system_form_panels.register(proposal_form_panel, order=10)
        system_form_saved.register(link_saved_system)
        snapshot_parts.register("regulation", regulation_record, on_map=False)
        wording.register(
            templates=explanations.REGULATION_TEMPLATES,
            kinds=explanations.REGULATION_KINDS,
            gap_fields=explanations.REGULATION_GAP_FIELDS,
            order=95,
        )
        export_sheets.register(*PRODUCTS_SHEETS, order=160)

        def sync_after_migrate(sender, **kwargs) -> None:
            # A newer Leitstand brings a newer catalogue: linked systems follow its dates.
            sync_end_of_support()

        post_migrate.connect(
            sync_after_migrate, sender=self, weak=False, dispatch_uid="products-sync"
        )
