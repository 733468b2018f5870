"""Schemathesis over the whole served OpenAPI schema, with bounded examples per operation:
no server errors, and every documented response matches the schema."""

import pytest
import schemathesis
from django.core.management import call_command
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
def bearer(org, owner):
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
