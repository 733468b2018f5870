"""The inventory (Bestandsaufnahme): departments, people, vendors, capabilities and systems."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Concat, Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from leitstand.analysis import vocabulary
from leitstand.core.dates import add_months
from leitstand.core.models import BilingualName
from leitstand.tenancy.models import TenantModel, TenantQuerySet

NON_NEGATIVE = [MinValueValidator(Decimal("0"))]


def unique_name(model_name: str, message) -> models.UniqueConstraint:
    """Names are unique per organisation, ignoring upper and lower case."""
    # Organisation first: the same index serves "this organisation's rows, by name".
    return models.UniqueConstraint(
        F("organisation"),
        Lower("name"),
        name=f"{model_name}_unique_name_per_org",
        violation_error_message=message,
    )


class Jurisdiction(models.TextChoices):
    EU = "eu", _("EU")
    NON_EU = "non_eu", _("outside the EU")


class Department(TenantModel):
    choice_label_field = "name"  # see core.widgets.FastSelect
    choices_url_name = "inventory:department_choices"  # see core.widgets.TypeAheadSelect
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = [Lower("name")]
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        constraints = [unique_name("department", _("A department with this name already exists."))]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "inventory:department_detail", kwargs={"org": self.organisation.slug, "pk": self.pk}
        )


class Person(TenantModel):
    """Someone who owns or runs things; a person need not be a user of Leitstand."""

    choice_label_field = "name"  # see core.widgets.FastSelect
    choices_url_name = "inventory:person_choices"  # see core.widgets.TypeAheadSelect

    name = models.CharField(_("name"), max_length=120)
    job_title = models.CharField(
        _("role"),
        max_length=120,
        blank=True,
        help_text=_("For example: head of sales, part-time IT."),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("department"),
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = [Lower("name")]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            unique_name(
                "person",
                _(
                    "A person with this name already exists. "
                    "Add a middle initial to tell them apart."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "inventory:person_detail", kwargs={"org": self.organisation.slug, "pk": self.pk}
        )

    def clean(self) -> None:
        if self.department_id and self.department.organisation_id != self.organisation_id:
            raise ValidationError({"department": _("Choose a department of this organisation.")})


class Vendor(TenantModel):
    choice_label_field = "name"  # see core.widgets.FastSelect
    choices_url_name = "inventory:vendor_choices"  # see core.widgets.TypeAheadSelect
    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=80, blank=True)
    jurisdiction = models.CharField(
        _("jurisdiction"),
        max_length=10,
        choices=Jurisdiction.choices,
        blank=True,
        help_text=_("Whose law applies to the vendor: matters for data protection (GDPR)."),
    )
    contract_end = models.DateField(_("contract end"), null=True, blank=True)
    notice_period_months = models.PositiveSmallIntegerField(
        _("notice period (months)"), null=True, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = [Lower("name")]
        verbose_name = _("vendor")
        verbose_name_plural = _("vendors")
        constraints = [unique_name("vendor", _("A vendor with this name already exists."))]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "inventory:vendor_detail", kwargs={"org": self.organisation.slug, "pk": self.pk}
        )

    @property
    def notice_deadline(self) -> date | None:
        """The last day to give notice before the contract renews."""
        if not self.contract_end or self.notice_period_months is None:
            return None
        return add_months(self.contract_end, -self.notice_period_months)


class Capability(TenantModel, BilingualName):
    """A business capability (what the company does, e.g. invoicing), named in both languages."""

    differentiating = models.BooleanField(
        _("differentiating"),
        default=False,
        help_text=_(
            "Sets the company apart from its competitors (build or tailor it). "
            "Otherwise it is standard (buy it)."
        ),
    )

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("capability")
        verbose_name_plural = _("capabilities")
        constraints = [
            models.UniqueConstraint(
                "organisation",
                "key",
                condition=~models.Q(key=""),
                name="capability_unique_key_per_org",
            ),
            models.CheckConstraint(
                condition=~(models.Q(name_en="") & models.Q(name_de="")),
                name="capability_has_a_name",
                violation_error_message=_("Give the capability a name."),
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse(
            "inventory:capability_detail", kwargs={"org": self.organisation.slug, "pk": self.pk}
        )


class SystemKind(models.TextChoices):
    """What a system is (analysis.vocabulary.SystemKind); empty means not known. Where it runs
    (on-premises, SaaS, ...) is its hosting, not its kind."""

    APPLICATION = vocabulary.SystemKind.APPLICATION, _("business application")
    SUITE = vocabulary.SystemKind.SUITE, _("office or collaboration suite")
    INFRASTRUCTURE = vocabulary.SystemKind.INFRASTRUCTURE, _("infrastructure")
    DEVICE = vocabulary.SystemKind.DEVICE, _("device class")
    SPREADSHEET = vocabulary.SystemKind.SPREADSHEET, _("spreadsheet or file")
    AUTHORITY_PORTAL = vocabulary.SystemKind.AUTHORITY_PORTAL, _("public authority portal")


class Hosting(models.TextChoices):
    ON_PREMISES = "on_premises", _("on-premises (own premises)")
    PRIVATE_CLOUD = "private_cloud", _("private cloud / hosted")
    PUBLIC_CLOUD = "public_cloud", _("public cloud (IaaS/PaaS)")
    SAAS = "saas", _("SaaS")


class Lifecycle(models.TextChoices):
    PLANNED = "planned", _("planned")
    ACTIVE = "active", _("active")
    PHASE_OUT = "phase_out", _("phase-out")
    RETIRED = "retired", _("retired")


class SystemQuerySet(TenantQuerySet):
    def in_use(self) -> "SystemQuerySet":
        return self.exclude(lifecycle=Lifecycle.RETIRED)

    def shadow_it(self) -> "SystemQuerySet":
        """Known not to be centrally managed; unknown is not shadow IT (see management_unknown)."""
        return self.filter(centrally_managed=False)

    def management_unknown(self) -> "SystemQuerySet":
        return self.filter(centrally_managed__isnull=True)

    def support_ends_before(self, day: date) -> "SystemQuerySet":
        """Support ended or ends before `day` (the day itself is still supported)."""
        return self.filter(end_of_support__isnull=False, end_of_support__lt=day)


def system_rule_errors(owner, deputy, introduced_on, end_of_support) -> dict:
    """The rules across a system's fields, whoever writes it: `System.clean()` gives owner and
    deputy as ids, the import as names in lower case (it checks rows before any exist)."""
    errors = {}
    if owner and owner == deputy:
        errors["deputy"] = _("The deputy must be someone other than the owner.")
    if introduced_on and end_of_support and end_of_support < introduced_on:
        errors["end_of_support"] = _("End of support cannot be before the system was introduced.")
    return errors


#: The System fields a person enters, in the order of the form: the form, the API and the
#: export sheet expose these (a test holds every other field to an explicit exclusion).
SYSTEM_FIELDS = [
    "name",
    "description",
    "kind",
    "lifecycle",
    "departments",
    "capabilities",
    "owner",
    "deputy",
    "vendor",
    "hosting",
    "jurisdiction",
    "user_count",
    "annual_cost",
    "one_off_cost",
    "introduced_on",
    "end_of_support",
    "version",
    "centrally_managed",
    "personal_data",
    "personal_data_categories",
    "url",
    "notes",
]


class System(TenantModel):
    """Anything the company runs: software, online services, devices, spreadsheets."""

    choice_label_field = "name"  # see core.widgets.FastSelect
    choices_url_name = "inventory:system_choices"  # see core.widgets.TypeAheadSelect

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=SystemKind.choices,
        blank=True,
        help_text=_(
            "What it is. Where it runs (own server, SaaS, ...) is its hosting. Empty: not known."
        ),
    )
    departments = models.ManyToManyField(
        Department, blank=True, related_name="systems", verbose_name=_("departments using it")
    )
    owner = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_systems",
        verbose_name=_("owner"),
        help_text=_("The person who answers for this system."),
    )
    deputy = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deputy_for_systems",
        verbose_name=_("deputy"),
        help_text=_("Who can run it when the owner is away."),
    )
    vendor = models.ForeignKey(
        Vendor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="systems",
        verbose_name=_("vendor"),
    )
    capabilities = models.ManyToManyField(
        Capability, blank=True, related_name="systems", verbose_name=_("capabilities")
    )
    hosting = models.CharField(_("hosting"), max_length=20, choices=Hosting.choices, blank=True)
    jurisdiction = models.CharField(
        _("provider jurisdiction"),
        max_length=10,
        choices=Jurisdiction.choices,
        blank=True,
        help_text=_("Where the provider that hosts the data is based: EU or outside the EU."),
    )
    user_count = models.PositiveIntegerField(_("number of users"), null=True, blank=True)
    annual_cost = models.DecimalField(
        _("annual recurring cost (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
        help_text=_(
            "Licences, subscriptions, maintenance, hosting per year. Leave empty if unknown."
        ),
    )
    one_off_cost = models.DecimalField(
        _("one-off cost (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
        help_text=_("Purchase or introduction cost, paid once."),
    )
    lifecycle = models.CharField(
        _("lifecycle"), max_length=20, choices=Lifecycle.choices, default=Lifecycle.ACTIVE
    )
    introduced_on = models.DateField(_("introduced on"), null=True, blank=True)
    end_of_support = models.DateField(
        _("vendor end of support"),
        null=True,
        blank=True,
        help_text=_("The day the vendor stops shipping updates for this version."),
    )
    version = models.CharField(_("version"), max_length=60, blank=True)
    centrally_managed = models.BooleanField(
        _("centrally managed"),
        null=True,
        blank=True,
        help_text=_(
            "No means shadow IT: introduced by a team or a person without IT's knowledge. "
            "Empty: not known."
        ),
    )
    personal_data = models.BooleanField(_("holds personal data"), null=True, blank=True)
    personal_data_categories = models.CharField(
        _("categories of personal data"),
        max_length=300,
        blank=True,
        help_text=_("For example: customer contacts, employee records, health data."),
    )
    url = models.URLField(_("address (URL)"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    #: What the list's search looks in, lower case, kept by the database itself. A trigram
    #: index serves `contains` on it on PostgreSQL (migration 0005); SQLite scans one column
    #: instead of four.
    search_text = models.GeneratedField(
        expression=Lower(
            Concat(
                "name",
                Value("\n"),
                "description",
                Value("\n"),
                "version",
                output_field=models.TextField(),
            )
        ),
        output_field=models.TextField(),
        db_persist=True,
        editable=False,
    )

    objects = SystemQuerySet.as_manager()

    class Meta:
        ordering = [Lower("name")]
        verbose_name = _("system")
        verbose_name_plural = _("systems")
        constraints = [
            unique_name(
                "system", _("A system with this name already exists in this organisation.")
            ),
            models.CheckConstraint(
                condition=models.Q(annual_cost__gte=0) | models.Q(annual_cost__isnull=True),
                name="system_annual_cost_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(one_off_cost__gte=0) | models.Q(one_off_cost__isnull=True),
                name="system_one_off_cost_not_negative",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "end_of_support"]),
            # The list sorted by cost: without it, every page sorted 10,000 rows (10 ms).
            models.Index(fields=["organisation", "annual_cost"]),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "inventory:system_detail", kwargs={"org": self.organisation.slug, "pk": self.pk}
        )

    @property
    def is_shadow_it(self) -> bool:
        """Known not to be centrally managed (unknown is not shadow IT)."""
        return self.centrally_managed is False

    def support_status(self, today: date | None = None) -> str:
        """'past', 'soon' (within 12 months), 'ok' or 'unknown'."""
        if self.end_of_support is None:
            return "unknown"
        today = today or timezone.localdate()
        if self.end_of_support < today:
            return "past"
        if self.end_of_support < add_months(today, 12):
            return "soon"
        return "ok"

    def clean(self) -> None:
        errors = {}
        for field in ("owner", "deputy", "vendor"):
            related = getattr(self, field)
            if related is not None and related.organisation_id != self.organisation_id:
                errors[field] = _("Choose an entry of this organisation.")
        errors.update(
            system_rule_errors(
                self.owner_id, self.deputy_id, self.introduced_on, self.end_of_support
            )
        )
        if errors:
            raise ValidationError(errors)
