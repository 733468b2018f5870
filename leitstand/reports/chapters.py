"""The consulting report's chapters, in the order consultants and funding agencies expect."""

from django.utils.translation import gettext_lazy as _

CONSULTING_CHAPTERS = [
    ("situation", _("Starting situation")),
    ("analysis", _("Analysis")),
    ("findings", _("Findings by priority")),
    ("recommendations", _("Recommendations")),
    ("plan", _("Plan")),
    ("funding", _("Funding")),
    ("next_steps", _("Next steps")),
    ("appendix", _("Appendix: inventory and integration map")),
]
CHAPTER_KEYS = [key for key, _label in CONSULTING_CHAPTERS]
