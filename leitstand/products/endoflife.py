"""Extract release cycles from a local copy of the endoflife.date repository.

endoflife.date keeps one Markdown file per product, `products/<slug>.md`, whose YAML front
matter holds the product's metadata and its `releases` list. We read only the products the
catalogue refers to (`eol:` in products.yaml) and keep, per release cycle, the key, label,
codename, release date and the three support ends (eoas, eol, eoes) plus the link. The result
carries the licence notice and the commit, so the shipped file says where it came from.
A product that reached endoflife.date after that commit can be added from a later copy with
`pin_products`; it then carries its own commit and commit date.
"""

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

SOURCE = "https://github.com/endoflife-date/endoflife.date"
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.DOTALL)
TAGS = re.compile(r"<[^>]+>")


class ExtractionError(ValueError):
    """A product file is missing or is not what endoflife.date files look like."""


def front_matter(text: str) -> dict:
    match = FRONT_MATTER.match(text)
    if not match:
        raise ExtractionError("no YAML front matter (the file must start with ---)")
    data = yaml.safe_load(match.group(1))
    if not isinstance(data, dict) or not isinstance(data.get("releases"), list):
        raise ExtractionError("the front matter has no releases list")
    return data


def _label(template: str, cycle: str, codename: str) -> str:
    text = template.replace("__RELEASE_CYCLE__", cycle).replace("__CODENAME__", codename)
    text = TAGS.sub("", text)
    text = text.replace("''", "").replace("()", "")
    return " ".join(text.split())


def _support(value: Any) -> str | bool | None:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, date):
        return value.isoformat()
    return date.fromisoformat(str(value)).isoformat()


def product_record(data: dict) -> dict:
    """The fields Leitstand keeps of one product file."""
    template = str(data.get("releaseLabel") or "__RELEASE_CYCLE__")
    cycles = []
    for release in data["releases"]:
        key = str(release["releaseCycle"])
        codename = str(release.get("codename") or "")
        label = _label(str(release.get("releaseLabel") or template), key, codename)
        release_date = release.get("releaseDate")
        cycles.append(
            {
                "cycle": key,
                "label": label if label != key else "",
                "codename": codename,
                "release": release_date.isoformat() if isinstance(release_date, date) else None,
                "eoas": _support(release.get("eoas")),
                "eol": _support(release.get("eol")),
                "eoes": _support(release.get("eoes")),
                "lts": bool(release.get("lts")),
                "link": str(release.get("link") or ""),
            }
        )
    return {
        "title": str(data.get("title") or ""),
        "release_policy": str(data.get("releasePolicyLink") or ""),
        "cycles": cycles,
    }


def extract(
    products_dir: Path,
    slugs: Iterable[str],
    *,
    commit: str,
    commit_date: date | None,
    notice: str,
    today: date,
) -> dict:
    """Read `<slug>.md` for each slug from `products_dir`; every one must exist and parse."""
    products = {}
    errors = []
    for slug in sorted(set(slugs)):
        path = products_dir / f"{slug}.md"
        if not path.is_file():
            errors.append(f"{slug}: {path} not found")
            continue
        try:
            products[slug] = product_record(front_matter(path.read_text(encoding="utf-8")))
        except (ExtractionError, yaml.YAMLError, ValueError, KeyError) as error:
            errors.append(f"{slug}: {error}")
    if errors:
        raise ExtractionError("; ".join(errors))
    return {
        "source": SOURCE,
        "commit": commit,
        "commit_date": commit_date.isoformat() if commit_date else None,
        "extracted_on": today.isoformat(),
        "licence": "MIT",
        "notice": notice.strip(),
        "products": products,
    }


def pin_products(existing: dict, extracted: dict) -> dict:
    """`existing` with the products of `extracted` added or replaced, each with its own commit.

    For a product added to endoflife.date after the commit the file is pinned to, when no full
    copy of a later commit is at hand: the other products keep the file's commit.
    """
    if extracted["notice"] != existing.get("notice"):
        raise ExtractionError(
            "the copy's licence notice differs from the file's; extract every product from one copy"
        )
    products = dict(existing.get("products", {}))
    for slug, record in extracted["products"].items():
        if extracted["commit"] == existing.get("commit"):
            products[slug] = record
            continue
        products[slug] = {
            **record,
            "commit": extracted["commit"],
            "commit_date": extracted["commit_date"],
        }
    return {**existing, "extracted_on": extracted["extracted_on"], "products": products}
