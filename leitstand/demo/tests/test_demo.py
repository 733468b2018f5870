from collections import Counter

import pytest
from django.core.management import call_command

from leitstand.accounts.models import User
from leitstand.inventory.models import Department, System
from leitstand.tenancy.models import Membership, Organisation, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(monkeypatch, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("LEITSTAND_DEMO_PASSWORD", "secret-demo")
    call_command("load_demo", verbosity=0)
    return Organisation.objects.get(slug="muster-logistik")


def test_demo_company_has_the_documented_shape(demo):
    assert demo.name == "Muster Logistik GmbH"
    assert System.objects.for_org(demo).count() == 23
    assert Department.objects.for_org(demo).count() == 6
    assert System.objects.for_org(demo).shadow_it().count() >= 3
    erp = System.objects.get(organisation=demo, name="ProLog ERP 9")
    assert erp.end_of_support.year == 2027
    assert erp.deputy is None
    assert System.objects.for_org(demo).filter(one_off_cost__gt=0).exists()


def test_seven_tools_share_a_capability_with_another(demo):
    """Besides the licensed suite (Microsoft 365 records files, tasks and chat too): it is the
    home the overlapping tools move to, not one of them (issue 20)."""
    systems = System.objects.for_org(demo).prefetch_related("capabilities")
    counts = Counter(
        capability.pk for system in systems for capability in system.capabilities.all()
    )
    overlapping = {
        system.name
        for system in systems
        if system.kind != "suite" and any(counts[c.pk] > 1 for c in system.capabilities.all())
    }
    assert len(overlapping) == 7


def test_demo_user_owns_the_company_and_only_reads_the_bakery(demo):
    user = User.objects.get(email="demo@example.com")
    assert user.check_password("secret-demo")
    roles = dict(Membership.objects.filter(user=user).values_list("organisation__slug", "role"))
    assert roles == {"muster-logistik": Role.OWNER, "baeckerei-beispiel": Role.VIEWER}


def test_loading_twice_creates_no_duplicates(demo, monkeypatch):
    monkeypatch.setenv("LEITSTAND_DEMO_PASSWORD", "changed")
    call_command("load_demo", verbosity=0)
    assert (
        Organisation.objects.filter(slug__in=["muster-logistik", "baeckerei-beispiel"]).count() == 2
    )
    assert System.objects.for_org(demo).count() == 23
    assert User.objects.get(email="demo@example.com").check_password("changed")


def test_reset_reloads_a_changed_demo(demo):
    System.objects.for_org(demo).first().delete()
    call_command("load_demo", reset=True, verbosity=0)
    organisation = Organisation.objects.get(slug="muster-logistik")
    assert System.objects.for_org(organisation).count() == 23
