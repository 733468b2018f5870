"""Abstract building blocks shared by the apps' models (no tables of their own)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from leitstand.core.language import in_reader_language


class BilingualName(models.Model):
    """A row named in German and English (capabilities, data objects): rows from a reference
    catalogue carry its key; the reader sees the name in their language, or the other one if
    only that is given. Each model keeps its own "has a name" constraint."""

    key = models.SlugField(_("catalogue key"), max_length=60, blank=True, editable=False)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    name_de = models.CharField(_("name (German)"), max_length=120, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_reader_language(self.name_en, self.name_de)
