from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leitstand.core.queries import decimal_reader, raw_rows
from leitstand.inventory.models import System
from leitstand.inventory.tests.factories import SystemFactory


def test_reader_takes_what_either_database_returns():
    number = decimal_reader()
    assert number(None) is None
    assert number(28) == Decimal(28)
    assert number(0.1) == Decimal("0.1")  # not 0.1000000000000000055511151231257827
    assert number(12.25) == Decimal("12.25")
    assert number("33.33") == Decimal("33.33")  # text, as a CAST gives it
    assert number(Decimal("1234.50")) == Decimal("1234.5")  # PostgreSQL's numeric
    assert number(0.1) is number(0.1)  # converted once, then shared


@given(st.decimals(min_value=0, max_value=10**10, places=2, allow_nan=False))
def test_a_stored_decimal_read_back_as_sqlite_float_keeps_its_digits(value):
    """SQLite keeps a decimal column of up to 15 significant digits as a REAL."""
    assert decimal_reader()(float(value)) == value


@pytest.mark.django_db
def test_raw_rows_are_the_querysets_rows_and_nothing_for_an_empty_filter(org):
    system = SystemFactory(organisation=org, name="ERP")
    rows = System.objects.for_org(org).values_list("id", "name")
    assert raw_rows(rows) == [(system.pk, "ERP")]
    assert raw_rows(rows.filter(pk__in=[])) == []
