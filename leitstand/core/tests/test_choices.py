"""get_FOO_display() through the per-language label cache."""

from django.utils import translation

from leitstand.inventory.models import System


def test_display_follows_the_active_language():
    system = System(name="ERP", lifecycle="phase_out", kind="suite")
    with translation.override("en"):
        assert system.get_lifecycle_display() == "phase-out"
    with translation.override("de"):
        german = system.get_lifecycle_display()
    assert german != "phase-out" and german
    with translation.override("en"):
        assert system.get_lifecycle_display() == "phase-out"  # no German label left behind


def test_an_unknown_value_is_shown_as_it_is():
    system = System(name="ERP", lifecycle="something-else")
    assert system.get_lifecycle_display() == "something-else"
