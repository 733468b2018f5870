"""Reports: each generated report is kept as a dated snapshot (who, when, on which data, its key
figures) with its PDF and xlsx, so a later report can say what changed since; and the settings
a consultant keeps for the next report (chapters, own text per chapter, engagement dates)."""

import base64

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from leitstand.tenancy.models import TenantModel, TenantQuerySet


class ReportKind(models.TextChoices):
    SUMMARY = "summary", _("Management summary")
    CONSULTING = "consulting", _("Consulting report")
    RISK = "risk", _("Risk report")


class ReportLanguage(models.TextChoices):
    GERMAN = "de", _("German")
    ENGLISH = "en", _("English")


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("waiting")
    RUNNING = "running", _("being written")
    DONE = "done", _("ready")
    FAILED = "failed", _("failed")


class ReportSnapshotQuerySet(TenantQuerySet):
    def without_files(self) -> "ReportSnapshotQuerySet":
        """The list needs the rows, not the documents (megabytes each)."""
        return self.defer("pdf", "xlsx")


class ReportSnapshot(TenantModel):
    kind = models.CharField(_("report"), max_length=20, choices=ReportKind.choices)
    language = models.CharField(_("language"), max_length=5, choices=ReportLanguage.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_by_name = models.CharField(_("created by"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    options = models.JSONField(_("settings"), default=dict, blank=True)
    figures = models.JSONField(_("key figures"), default=dict, blank=True)
    data_stamp = models.CharField(_("state of the data"), max_length=40, blank=True)
    systems = models.PositiveIntegerField(_("systems"), default=0)
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    xlsx = models.BinaryField(null=True, blank=True, editable=False)
    error = models.TextField(_("error"), blank=True)

    objects = ReportSnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [models.Index(fields=["organisation", "kind", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def ready(self) -> bool:
        return self.status == ReportStatus.DONE

    @property
    def pending(self) -> bool:
        return self.status in (ReportStatus.QUEUED, ReportStatus.RUNNING)

    def file_name(self, extension: str) -> str:
        stamp = f"{self.created_at:%Y-%m-%d}" if self.created_at else ""
        return f"{self.organisation.slug}-{self.kind}-{stamp}.{extension}"


class ReportSettings(TenantModel):
    """What the consultant chose for the last report of a kind, offered again next time."""

    kind = models.CharField(_("report"), max_length=20, choices=ReportKind.choices)
    chapters = models.JSONField(_("chapters"), default=list, blank=True)
    texts = models.JSONField(_("own text per chapter"), default=dict, blank=True)
    engagement_start = models.DateField(_("engagement from"), null=True, blank=True)
    engagement_end = models.DateField(_("engagement until"), null=True, blank=True)
    author = models.CharField(_("prepared by"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("report settings")
        verbose_name_plural = _("report settings")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind"],
                name="reports_settings_one_per_kind",
                violation_error_message=_("This organisation already has settings for it."),
            )
        ]

    def __str__(self) -> str:
        return str(self.get_kind_display())


class Letterhead(TenantModel):
    """The organisation's logo on the cover of its reports (PNG or JPEG, checked on upload)."""

    logo = models.BinaryField(_("logo"), editable=False)
    content_type = models.CharField(max_length=20)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("report logo")
        verbose_name_plural = _("report logos")
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="reports_one_letterhead")
        ]

    def __str__(self) -> str:
        return str(_("report logo"))

    @property
    def data_uri(self) -> str:
        return f"data:{self.content_type};base64,{base64.b64encode(bytes(self.logo)).decode()}"
