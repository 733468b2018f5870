"""The YAML catalogues shipped with Leitstand read as written.

In YAML's one-line form `{name: IT-Sicherheit (Virenschutz, Firewall)}` a comma ends the value:
the name is cut to "IT-Sicherheit (Virenschutz" and "Firewall)" becomes a key of its own.
"""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(ROOT.glob("*/catalogue/*.yaml")) + sorted(ROOT.glob("*/demo/*.yaml"))
FIELD = re.compile(r"^[a-z_][a-z0-9_]*$")


def _empty_keys(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if value is None and not FIELD.match(str(key)):
                found.append(key)
            _empty_keys(value, found)
    elif isinstance(node, list):
        for item in node:
            _empty_keys(item, found)
    return found


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_value_cut_at_a_comma(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert not _empty_keys(data, []), "quote values that contain a comma"


def test_capability_names_keep_their_brackets():
    data = yaml.safe_load((ROOT / "inventory/catalogue/capabilities.yaml").read_text())
    security = next(row for row in data if row["key"] == "it_security")
    assert security["de"] == "IT-Sicherheit (Virenschutz, Firewall)"
