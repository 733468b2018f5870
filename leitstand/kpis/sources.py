"""Where a KPI's figure came from, when Leitstand itself wrote it ("computed from the process
steps", "survey “…”, 12 answers").

Such a text is stored in the language of whoever triggered it; `shown` puts it into the
reader's language, so that a German page never shows an English source and the other way round.
A source a person typed stays as typed.
"""

import re
from functools import cache

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

FROM_STEPS = gettext_noop("computed from the process steps")
FROM_SURVEY = gettext_noop("survey “%(title)s”, %(count)s answers")
WRITTEN_BY_LEITSTAND = (FROM_STEPS, FROM_SURVEY)
LANGUAGES = ("en", "de")


@cache
def _pattern(msgid: str, language: str) -> re.Pattern:
    with translation.override(language):
        text = _(msgid)
    parts = re.split(r"%\((\w+)\)s", text)
    regex = "".join(
        re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)"
        for index, part in enumerate(parts)
    )
    return re.compile(regex)


def shown(text: str) -> str:
    """The source in the current language if Leitstand wrote it, else as it is."""
    for msgid in WRITTEN_BY_LEITSTAND:
        for language in LANGUAGES:
            match = _pattern(msgid, language).fullmatch(text or "")
            if match:
                return _(msgid) % match.groupdict() if match.groupdict() else _(msgid)
    return text
