"""Organisations (tenants), who belongs to them in which role, and the base for owned data."""

import hashlib
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from leitstand.core.choices import CachedChoiceLabels


class FederalState(models.TextChoices):
    BW = "BW", "Baden-Württemberg"
    BY = "BY", _("Bavaria")
    BE = "BE", "Berlin"
    BB = "BB", "Brandenburg"
    HB = "HB", "Bremen"
    HH = "HH", "Hamburg"
    HE = "HE", _("Hesse")
    MV = "MV", "Mecklenburg-Vorpommern"
    NI = "NI", _("Lower Saxony")
    NW = "NW", _("North Rhine-Westphalia")
    RP = "RP", _("Rhineland-Palatinate")
    SL = "SL", "Saarland"
    SN = "SN", _("Saxony")
    ST = "ST", _("Saxony-Anhalt")
    SH = "SH", "Schleswig-Holstein"
    TH = "TH", _("Thuringia")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("short name in links"),
        max_length=60,
        unique=True,
        help_text=_(
            "Lower-case letters, digits and hyphens; used in links and on the command line."
        ),
    )
    industry = models.CharField(_("industry"), max_length=120, blank=True)
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    annual_revenue = models.DecimalField(
        _("annual revenue (EUR)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    federal_state = models.CharField(
        _("federal state"), max_length=2, choices=FederalState.choices, blank=True
    )
    labour_cost_per_hour = models.DecimalField(
        _("labour cost per hour (EUR)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal(settings.LEITSTAND_DEFAULT_LABOUR_COST_PER_HOUR),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Loaded cost of one working hour, used for every euro figure (default 45)."),
    )
    working_days_per_year = models.PositiveSmallIntegerField(
        _("working days per year"),
        default=settings.LEITSTAND_DEFAULT_WORKING_DAYS_PER_YEAR,
        validators=[MinValueValidator(1), MaxValueValidator(366)],
        help_text=_("Turns 'per day' into 'per year' (default 220)."),
    )
    productive_hours_per_fte = models.PositiveIntegerField(
        _("productive hours per full-time employee"),
        default=settings.LEITSTAND_DEFAULT_PRODUCTIVE_HOURS_PER_FTE,
        validators=[MinValueValidator(1), MaxValueValidator(8784)],
        help_text=_("Hours one full-time person works in a year (default 1,600)."),
    )
    wrap_min_manual_hours = models.PositiveIntegerField(
        _("manual hours a year that make a wrap pay"),
        default=settings.LEITSTAND_DEFAULT_WRAP_MIN_MANUAL_HOURS,
        validators=[MaxValueValidator(100_000)],
        help_text=_(
            "An API layer in front of an application is advised only where its manual "
            "transfers add up to at least this many hours a year (default 100)."
        ),
    )
    require_2fa = models.BooleanField(
        _("require two-factor login"),
        default=False,
        help_text=_(
            "Members must set up an authenticator app before they can open this organisation."
        ),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("cockpit:home", kwargs={"org": self.slug})

    def get_additional_data(self) -> dict:
        return {"organisation": self.pk}


class Role(models.TextChoices):
    """Ordered from least to most rights; `rank` compares them."""

    VIEWER = "viewer", pgettext_lazy("member role", "viewer")
    EDITOR = "editor", pgettext_lazy("member role", "editor")
    OWNER = "owner", pgettext_lazy("member role", "owner")

    @property
    def rank(self) -> int:
        return [Role.VIEWER, Role.EDITOR, Role.OWNER].index(self)

    @property
    def description(self) -> str:
        return str(ROLE_DESCRIPTIONS[self])


ROLE_DESCRIPTIONS = {
    Role.VIEWER: _("reads everything, changes nothing"),
    Role.EDITOR: _("records and changes content"),
    Role.OWNER: _("everything, including members and settings"),
}


class LandscapeStamp(models.Model):
    """Changes whenever anything the analysis of an organisation reads changes.

    A random token rather than a counter: a row never goes back to an earlier value, and no
    other save of the organisation can write a stale one. `leitstand.tenancy.stamps` keeps
    it current; `leitstand.landscape.cache` keys cached analyses by it.
    """

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    token = models.UUIDField(default=uuid.uuid4)

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.token}"


class Membership(CachedChoiceLabels, models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.VIEWER)
    created_at = models.DateTimeField(_("member since"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="membership_unique_user_org"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation} ({self.role})"

    def has_role(self, required: "Role | str") -> bool:
        return Role(self.role).rank >= Role(required).rank

    @property
    def can_edit(self) -> bool:
        return self.has_role(Role.EDITOR)

    @property
    def is_owner(self) -> bool:
        return self.has_role(Role.OWNER)

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Invitation(models.Model):
    """An e-mailed link that makes its recipient a member. Only the token's hash is stored."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.VIEWER)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    # The link carries the token, which only the recipient knows; this URL is built from it.
    token: str = ""

    def get_absolute_url(self) -> str:
        return reverse("invitation", kwargs={"token": self.token}) if self.token else "/"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class TenantQuerySet(models.QuerySet):
    def for_org(self, organisation: Organisation) -> "TenantQuerySet":
        """Rows of this organisation, each knowing its organisation without another query."""
        queryset = self.filter(organisation=organisation)
        field = self.model._meta.get_field("organisation")
        # Django's own mechanism for related managers: fetched rows get this object attached.
        queryset._known_related_objects = {
            **queryset._known_related_objects,
            field: {organisation.pk: organisation},
        }
        return queryset


class TenantModel(CachedChoiceLabels, models.Model):
    """Base of every row an organisation owns: the organisation is a required key.

    Query through `Model.objects.for_org(org)`; fetch one object with
    `leitstand.tenancy.access.get_for_org`.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )

    objects = TenantQuerySet.as_manager()
    #: Whether a change of these rows changes the landscape stamp (see tenancy.stamps):
    #: False for bookkeeping no analysis reads (an API token's last use).
    in_landscape = True

    class Meta:
        abstract = True

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}
