"""The import history: each uploaded file, how its columns were mapped, and what it changed."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from leitstand.imports.targets import TARGETS, import_order
from leitstand.tenancy.models import TenantModel


def upload_path(instance: "ImportRun", filename: str) -> str:
    """imports/<organisation id>/<random>/<file name>: kept per organisation under MEDIA_ROOT."""
    safe = get_valid_filename(filename)[-120:] or "upload"
    return f"imports/{instance.organisation_id}/{uuid.uuid4().hex}/{safe}"


class ImportRun(TenantModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("not imported yet")
        DONE = "done", _("imported")

    target = models.CharField(_("what is imported"), max_length=30, default="systems")
    file = models.FileField(_("file"), upload_to=upload_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    sheet = models.CharField(_("sheet"), max_length=200, blank=True)
    header_row = models.PositiveIntegerField(_("header row"), null=True, blank=True)
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    #: The lists found in the file: [{"sheet": "Systeme", "target": "systems"}, ...]
    detected = models.JSONField(_("lists found in the file"), default=list, blank=True)
    continued_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="continuations",
        verbose_name=_("continues the import of"),
        help_text=_("The import of another sheet of the same file that came first."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now, editable=False)
    committed_at = models.DateTimeField(_("imported"), null=True, blank=True)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    skipped_count = models.PositiveIntegerField(_("skipped"), default=0)
    report = models.JSONField(_("report"), default=dict, blank=True)
    #: What a person decided in the preview (imports/decisions.py): the meaning of unclear
    #: values, merges of near-identical names, scales, proposal steps.
    decisions = models.JSONField(_("decisions"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        name = "imports:report" if self.status == self.Status.DONE else "imports:preview"
        return reverse(name, kwargs={"org": self.organisation.slug, "pk": self.pk})

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def target_label(self) -> str:
        return str(TARGETS[self.target].label) if self.target in TARGETS else self.target

    @property
    def next_list(self) -> dict | None:
        """A list in another sheet of the file that is imported after this one (the
        integrations after the systems they name), as {"sheet": ..., "target": ...}."""
        if self.target not in TARGETS:
            return None
        after = import_order(self.target)
        for found in self.detected:
            if (
                found.get("target") in TARGETS
                and found.get("sheet") != self.sheet
                and import_order(found["target"]) > after
            ):
                return found
        return None


class ImportMemory(TenantModel):
    """What was chosen in the last import of a list, to be proposed again: for the whole
    organisation (`layout` empty) the meaning of values and which names are the same person;
    per file layout (the column titles) also which column fills which field, and scales."""

    target = models.CharField(_("what is imported"), max_length=30)
    layout = models.CharField(_("file layout"), max_length=64, blank=True)
    #: {"column title": "field"} ("" for a column left out)
    columns = models.JSONField(_("column mapping"), default=dict, blank=True)
    decisions = models.JSONField(_("decisions"), default=dict, blank=True)
    from_run = models.ForeignKey(
        ImportRun,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last import"),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("remembered import choices")
        verbose_name_plural = _("remembered import choices")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "target", "layout"], name="import_memory_unique_layout"
            )
        ]

    def __str__(self) -> str:
        return f"{self.target} {self.layout or '*'}"
