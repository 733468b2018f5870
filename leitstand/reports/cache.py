"""The organisation's analysis, kept between requests until its landscape changes
(`leitstand.tenancy.landscape_cache`)."""

from collections.abc import Callable

from leitstand.analysis import Analysis
from leitstand.tenancy.landscape_cache import cached_for_landscape
from leitstand.tenancy.models import Organisation


def cached_analysis(organisation: Organisation, compute: Callable[[], Analysis]) -> Analysis:
    """The organisation's analysis from memory, or `compute()`d and remembered."""
    return cached_for_landscape(organisation, "analysis", compute)
