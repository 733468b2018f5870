"""`leitstand catalogue match NAME... [--json] [--file names.txt]` and the catalogue's upkeep.

- `match`: the recognised product of each name (or none), with vendor, country, kind,
  capabilities, release cycle, end of security support and confidence.
- `sync`: bring linked systems to the catalogue's end-of-support dates (after an upgrade).
- `extract-endoflife DIR`: rewrite catalogue/endoflife.json from a local copy of the
  endoflife-date/endoflife.date repository (its products/*.md), for the products the
  catalogue refers to. Offline: the copy is made beforehand (git clone or archive). With
  `--only SLUG...` only those products are taken from the copy, with its commit kept beside
  each of them, and the rest of the file stays as it is (a product newer than the pinned commit).
"""

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from leitstand.products.catalogue import DATA, load_catalogue
from leitstand.products.endoflife import ExtractionError, extract, pin_products
from leitstand.products.matching import Match, match_name
from leitstand.products.services import sync_end_of_support


def match_as_dict(match: Match) -> dict:
    product = match.product if match.recognised else None
    cycle = match.cycle if product else None
    return {
        "name": match.name,
        "product": product.name if product else None,
        "product_id": product.id if product else None,
        "vendor": product.vendor.name if product else None,
        "vendor_country": (product.vendor.country or None) if product else None,
        "kind": product.kind if product else None,
        "capabilities": list(product.capabilities) if product else [],
        "cycle": cycle.key if cycle else None,
        "end_of_support": (
            cycle.end_of_security_support.isoformat()
            if cycle and cycle.end_of_security_support
            else None
        ),
        "support_ended": (cycle.security_ended(date.today()) if cycle else None),
        "cycle_assumed": match.cycle_assumed if cycle else False,
        "confidence": match.confidence if product else 0.0,
        "candidates": [candidate.name for candidate in match.candidates],
    }


class Command(BaseCommand):
    help = "The product catalogue: recognise names (match) and refresh end-of-support data."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        match = commands.add_parser("match", help="Recognise products from names.")
        match.add_argument("names", nargs="*", help="Names as written in an inventory.")
        match.add_argument("--file", help="A text file with one name per line.")
        match.add_argument("--json", action="store_true", dest="as_json", help="Print JSON.")
        extract_parser = commands.add_parser(
            "extract-endoflife",
            help="Rewrite catalogue/endoflife.json from a local copy of endoflife.date.",
        )
        extract_parser.add_argument(
            "directory", help="A checkout of endoflife-date/endoflife.date (with products/)."
        )
        extract_parser.add_argument(
            "--commit", required=True, help="The commit of that copy (kept in the file)."
        )
        extract_parser.add_argument("--commit-date", help="The commit's date, YYYY-MM-DD.")
        extract_parser.add_argument(
            "--output", default=str(DATA / "endoflife.json"), help="Where to write the file."
        )
        extract_parser.add_argument(
            "--only",
            nargs="+",
            metavar="SLUG",
            help="Take only these products from the copy, each with the copy's commit, and keep "
            "the rest of the file (needs --commit-date).",
        )
        commands.add_parser(
            "sync",
            help="Bring the end of support of every linked system to the catalogue's date "
            "(also runs after every migrate).",
        )

    def handle(self, *args, action: str, **options):
        if action == "match":
            return self._match(options["names"], options.get("file"), options["as_json"])
        if action == "sync":
            changed = sync_end_of_support()
            self.stdout.write(f"{changed} systems now carry the catalogue's end of support.")
            return None
        return self._extract(options)

    def _match(self, names: list[str], path: str | None, as_json: bool) -> None:
        names = list(names)
        if path:
            try:
                text = Path(path).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(f"Cannot read {path}: {error}") from error
            names.extend(line.strip() for line in text.splitlines() if line.strip())
        if not names:
            raise CommandError("Give at least one name, or --file with one name per line.")
        results = [match_as_dict(match_name(name)) for name in names]
        if as_json:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
            return
        for result in results:
            if result["product"] is None:
                hint = ""
                if result["candidates"]:
                    hint = " (could be: " + ", ".join(result["candidates"]) + ")"
                self.stdout.write(f"{result['name']}: not recognised{hint}")
                continue
            parts = [
                f"{result['name']}: {result['product']}",
                f"vendor {result['vendor']} ({result['vendor_country'] or '?'})",
                f"kind {result['kind']}",
                f"capabilities {', '.join(result['capabilities']) or '-'}",
            ]
            if result["cycle"]:
                parts.append(f"cycle {result['cycle']}")
                parts.append(f"end of support {result['end_of_support'] or 'unknown'}")
            parts.append(f"confidence {result['confidence']:.2f}")
            self.stdout.write("; ".join(parts))

    def _extract(self, options: dict) -> None:
        directory = Path(options["directory"])
        products_dir = directory / "products"
        if not products_dir.is_dir():
            raise CommandError(f"{directory} has no products/ folder (a copy of endoflife.date?)")
        commit = options["commit"]
        day = options.get("commit_date")
        try:
            commit_date = date.fromisoformat(day) if day else None
        except ValueError as error:
            raise CommandError(f"--commit-date: {error}") from error
        licence = directory / "LICENSE"
        if not licence.is_file():
            raise CommandError(f"{licence} not found: the MIT notice must be kept.")
        slugs = {product.eol_slug for product in load_catalogue().products if product.eol_slug}
        only = set(options.get("only") or ())
        if only and not commit_date:
            raise CommandError("--only needs --commit-date: each product keeps its own commit.")
        if only - slugs:
            unknown = ", ".join(sorted(only - slugs))
            raise CommandError(f"No catalogue product refers to {unknown} (eol: in products.yaml).")
        output = Path(options["output"])
        try:
            data = extract(
                products_dir,
                only or slugs,
                commit=commit,
                commit_date=commit_date,
                notice=licence.read_text(encoding="utf-8"),
                today=date.today(),
            )
            if only:
                data = pin_products(self._read_extracted(output), data)
        except ExtractionError as error:
            raise CommandError(str(error)) from error
        output.write_text(
            json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        cycles = sum(len(product["cycles"]) for product in data["products"].values())
        taken = f"endoflife.date {commit[:7]} of {commit_date.isoformat() if commit_date else None}"
        if only:
            taken = f"{', '.join(sorted(only))} from {taken}, the rest from {data['commit'][:7]}"
        self.stdout.write(
            f"Wrote {output}: {len(data['products'])} products, {cycles} release cycles, {taken}."
        )

    def _read_extracted(self, path: Path) -> dict:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {path} to add products to it: {error}") from error
