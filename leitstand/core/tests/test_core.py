import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from leitstand.config import env_bool, env_int, env_list, env_str, secret_key
from leitstand.core.charts import horizontal_eur_bars
from leitstand.core.dates import add_months
from leitstand.core.formatting import format_eur, format_hours

ROOT = Path(__file__).resolve().parents[3]


def test_env_bool_accepts_yes_no_and_refuses_typos(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "off")
    assert env_bool("FLAG", True) is False
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG")


def test_env_int_names_the_variable_when_invalid(monkeypatch):
    monkeypatch.setenv("PORT_X", "eighty")
    with pytest.raises(ImproperlyConfigured, match="PORT_X"):
        env_int("PORT_X", 1)
    monkeypatch.setenv("PORT_X", "0")
    with pytest.raises(ImproperlyConfigured, match="minimum"):
        env_int("PORT_X", 1, minimum=1)


def test_secrets_can_come_from_a_file(monkeypatch, tmp_path):
    (tmp_path / "pw").write_text("s3cret\n")
    monkeypatch.setenv("EMAIL_HOST_PASSWORD_FILE", str(tmp_path / "pw"))
    assert env_str("EMAIL_HOST_PASSWORD") == "s3cret"
    monkeypatch.setenv("EMAIL_HOST_PASSWORD_FILE", str(tmp_path / "missing"))
    with pytest.raises(ImproperlyConfigured):
        env_str("EMAIL_HOST_PASSWORD")


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example, b.example ,")
    assert env_list("HOSTS", []) == ["a.example", "b.example"]


def test_secret_key_is_generated_once_and_kept(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = secret_key(tmp_path)
    assert len(first) > 40
    assert secret_key(tmp_path) == first
    assert oct((tmp_path / "secret_key").stat().st_mode)[-3:] == "600"


def test_money_and_hours_follow_the_language():
    with translation.override("de"):
        assert format_eur(Decimal("12345.6")) == "12.346\u00a0€"
        assert format_hours(2493.3) == "2.493\u00a0h"  # no line break between number and unit
    with translation.override("en"):
        assert format_eur(Decimal("12345.6")) == "€12,346"
        assert format_eur(-5) == "-€5"
    assert format_eur(None) == "—"


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)), st.integers(-240, 240))
def test_add_months_lands_in_the_right_month(day, months):
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day <= day.day


def test_chart_labels_are_escaped_and_the_svg_carries_no_script():
    svg = horizontal_eur_bars(["<script>alert(1)</script>"], [10])
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg


def test_deploy_check_is_clean_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "x" * 64 + "production-like-secret-key-value",
        "LEITSTAND_HTTPS": "true",
        "ALLOWED_HOSTS": "leitstand.example.com",
        "LEITSTAND_VAR_DIR": str(tmp_path),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_fast_select_renders_like_djangos_select():
    from django import forms

    from leitstand.core.widgets import FastSelect

    choices = [("", "all"), ("1", "A & B"), ("2", "<b>C</b>")]
    fast = FastSelect(attrs={"class": "form-select", "hx-post": "/x"}, choices=choices).render(
        "owner", "2"
    )
    assert fast.startswith('<select class="form-select" hx-post="/x" name="owner">')
    assert '<option value="1">A &amp; B</option>' in fast
    assert '<option value="2" selected>&lt;b&gt;C&lt;/b&gt;</option>' in fast
    django_select = forms.Select(choices=choices).render("owner", "2")
    assert fast.count("<option") == django_select.count("<option")
