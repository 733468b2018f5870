"""Schemathesis over the whole served OpenAPI schema, with every check (`--checks all`) and
bounded examples per operation: no server errors, every response matches the schema, invalid
data is refused and valid data accepted.

Each operation gets schemathesis' three phases: the schema's examples, the coverage phase (the
boundary values the schema defines) and fuzzing (12 generated cases, valid and invalid ones).
By default the coverage phase builds only valid cases; fuzzing still sends invalid ones, which
the checks require to be refused. `LEITSTAND_SCHEMATHESIS_FULL=1` adds the coverage phase's
invalid cases (every wrong type, missing field and out-of-range value the schema allows to
derive): about 2.5 times the requests (14,460 instead of 5,888), for a thorough run before a
release or after a change of the API's validation.
"""

import os

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.generation import GenerationMode

from leitstand.api.tokens import create_token
from leitstand.inventory.tests.factories import (
    DepartmentFactory,
    PersonFactory,
    SystemFactory,
    VendorFactory,
)
from leitstand.wsgi import application

FULL = bool(os.environ.get("LEITSTAND_SCHEMATHESIS_FULL"))

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
if not FULL:
    # Positive-only coverage: the negative coverage cases are about 60 % of the full run's
    # requests, and they are built at collection time, in every xdist worker.
    schema.config.phases.coverage.generation.modes = [GenerationMode.POSITIVE]
load_all_checks()
#: `--checks all`: every check schemathesis has. Left out: `ignored_auth`, because every case
#: here carries a valid token (the check would send it along with its "invalid" credentials);
#: tests/test_api_tenancy.py and leitstand/api/tests/test_api.py prove that a request without a
#: valid token gets 401.
ALL_CHECKS = [check for check in CHECKS.get_all() if check.__name__ != "ignored_auth"]


def test_the_schema_is_valid_openapi_3(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yaml"))


@pytest.fixture
def _keep_test_connection():
    """Calling the WSGI application directly would close the test's database connection at the
    end of each request (Django's own test client switches this off the same way)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(org, owner, _keep_test_connection):
    """An organisation with some data and the owner's token."""
    department = DepartmentFactory(organisation=org)
    person = PersonFactory(organisation=org, department=department)
    system = SystemFactory(organisation=org, owner=person, vendor=VendorFactory(organisation=org))
    system.departments.add(department)
    _token, secret = create_token(organisation=org, user=owner, name="schemathesis")
    return f"Bearer {secret}"


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case, bearer):
    if "org" in (case.path_parameters or {}):
        case.path_parameters["org"] = "acme"
    case.headers = {**(case.headers or {}), "Authorization": bearer}
    case.call_and_validate(checks=ALL_CHECKS)


def _schema_document() -> dict:
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def test_every_operation_declares_its_error_answers():
    document = _schema_document()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method in ("get", "post", "put", "patch", "delete"):
                declared = set(operation["responses"])
                missing = {"400", "401", "403", "404"} - declared
                assert not missing, f"{method.upper()} {path} lacks {missing}"


def test_an_overrides_computed_strategy_may_be_empty_in_the_schema():
    document = _schema_document()
    field = document["components"]["schemas"]["Override"]["properties"]["computed_strategy"]
    allowed = set()
    for option in field.get("oneOf", [field]):
        target = option
        if "$ref" in option:
            target = document["components"]["schemas"][option["$ref"].rsplit("/", 1)[1]]
        allowed.update(target.get("enum", []))
    assert "" in allowed and "replace" in allowed


@pytest.mark.django_db
def test_a_patch_answers_with_every_required_field(org, owner):
    from django.test import Client

    from leitstand.assessment.tests.factories import AssessmentFactory

    assessment = AssessmentFactory(organisation=org, assessed_by=None)
    _token, secret = create_token(organisation=org, user=owner, name="patch")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    response = client.patch(
        f"/api/v1/o/{org.slug}/assessments/{assessment.pk}/",
        {"notes": "checked"},
        content_type="application/json",
    )
    assert response.status_code == 200
    required = _schema_document()["components"]["schemas"]["Assessment"]["required"]
    assert set(required) <= set(response.json())
    assert response.json()["assessed_by_email"] is None
