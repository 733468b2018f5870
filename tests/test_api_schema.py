"""Schemathesis over the whole served OpenAPI schema, with bounded examples per operation:
no server errors, and every documented response matches the schema."""

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from leitstand.api.tokens import create_token
from leitstand.inventory.tests.factories import (
    DepartmentFactory,
    PersonFactory,
    SystemFactory,
    VendorFactory,
)
from leitstand.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)


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
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
