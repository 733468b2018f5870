"""Recurring payments to software vendors in a statement: shadow IT found in the books.

A payment counts as software when its payee or purpose names a catalogue product or vendor
("PAYPAL *DROPBOX", "Microsoft*Store", "ADOBE *CREATIVE CLD", "sevdesk GmbH"); payment
services in front of the name (PayPal, SumUp, Stripe, Klarna) are looked through. Payments
to the same product (or vendor) are recurring when they come at a regular interval: about
monthly (25-35 days), quarterly (80-100), half-yearly (170-195) or yearly (350-380 days),
with at least three monthly or two longer-interval payments and three quarters of the gaps
in that band. Anything else, a single purchase included, is not reported.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise

from leitstand.products.catalogue import Catalogue, Product, Vendor, load_catalogue
from leitstand.products.names import fold, tokens_of
from leitstand.products.statements import Transaction

INTERVALS = (  # name, shortest gap, longest gap, payments per year, fewest payments
    ("monthly", 25, 35, 12, 3),
    ("quarterly", 80, 100, 4, 2),
    ("half_yearly", 170, 195, 2, 2),
    ("yearly", 350, 380, 1, 2),
)
REGULAR_SHARE = 0.75
# Payment services whose name stands in front of the real payee on card statements.
INTERMEDIARIES = frozenset(
    (
        "paypal",
        "pp",
        "sumup",
        "sq",
        "stripe",
        "klarna",
        "adyen",
        "lastschrift",
        "folgelastschrift",
        "kartenzahlung",
        "sepa",
        "visa",
        "mastercard",
        "kreditkarte",
        "debitk",
        "google pay",
        "apple pay",
    )
)
# Single words too common to name a product on a statement on their own.
GENERIC = frozenset(
    (
        "office",
        "teams",
        "planner",
        "signal",
        "element",
        "outlook",
        "access",
        "excel",
        "word",
        "server",
        "windows",
        "project",
        "store",
        "online",
        "cloud",
        "drive",
        "chrome",
        "android",
        "exchange",
        "telegram",
        "service",
        "services",
        "shop",
        "portal",
    )
)


@dataclass(frozen=True, slots=True)
class Payee:
    words: tuple[str, ...]
    product: Product | None
    vendor: Vendor
    strength: int  # 3 product payee word, 2 product alias, 1 vendor word


@dataclass(frozen=True)
class RecurringPayment:
    key: str  # product id, or "vendor:<key>"
    product: Product | None
    vendor: Vendor
    payee: str  # as written on the statement (first payment)
    interval: str
    payments: tuple[Transaction, ...]
    annual_cost: Decimal  # typical amount x payments per year
    per_year: dict[int, Decimal]  # paid per calendar year within the statement

    @property
    def total(self) -> Decimal:
        return sum((-payment.amount for payment in self.payments), Decimal("0"))


class PayeeIndex:
    """Payee words of every product and vendor, longest phrase first."""

    def __init__(self, catalogue: Catalogue) -> None:
        phrases: dict[tuple[str, ...], Payee] = {}

        def add(text: str, product: Product | None, vendor: Vendor, strength: int) -> None:
            words = tuple(t for t in tokens_of(fold(text)) if t not in INTERMEDIARIES)
            if not words or (len(words) == 1 and (words[0] in GENERIC or len(words[0]) < 3)):
                return
            known = phrases.get(words)
            if known is None or known.strength < strength:
                phrases[words] = Payee(words, product, vendor, strength)

        for product in catalogue.products:
            for payee in product.payees:
                add(payee, product, product.vendor, 3)
            if "saas" in product.hosting:
                for alias in product.aliases:
                    if not alias.startswith("="):
                        add(alias, product, product.vendor, 2)
        for vendor in catalogue.vendors.values():
            default = catalogue.get(vendor.default_product) if vendor.default_product else None
            for payee in vendor.payees:
                add(payee, default, vendor, 1)
            name_words = tokens_of(fold(vendor.name))
            if len(name_words) == 1 and len(name_words[0]) >= 4:
                add(vendor.name, default, vendor, 1)
        self.by_first: dict[str, list[Payee]] = defaultdict(list)
        for payee in phrases.values():
            self.by_first[payee.words[0]].append(payee)
        for candidates in self.by_first.values():
            candidates.sort(key=lambda payee: (-payee.strength, -len(payee.words)))

    def find(self, text: str) -> Payee | None:
        words = [t for t in tokens_of(fold(text.replace("*", " "))) if t not in INTERMEDIARIES]
        best = None
        for start, word in enumerate(words):
            for payee in self.by_first.get(word, ()):
                size = len(payee.words)
                if tuple(words[start : start + size]) != payee.words:
                    continue
                if best is None or (payee.strength, size) > (best.strength, len(best.words)):
                    best = payee
        return best


_INDEX: PayeeIndex | None = None


def payee_index() -> PayeeIndex:
    global _INDEX
    if _INDEX is None:
        _INDEX = PayeeIndex(load_catalogue())
    return _INDEX


def software_payments(
    transactions: tuple[Transaction, ...], index: PayeeIndex | None = None
) -> dict[str, list[tuple[Transaction, Payee]]]:
    """Outgoing payments that name a catalogue product or vendor, grouped by what they pay for."""
    index = index or payee_index()
    groups: dict[str, list[tuple[Transaction, Payee]]] = defaultdict(list)
    for transaction in transactions:
        if transaction.amount >= 0:
            continue
        payee = index.find(transaction.payee) or index.find(transaction.purpose)
        if payee is None:
            continue
        key = payee.product.id if payee.product else f"vendor:{payee.vendor.key}"
        groups[key].append((transaction, payee))
    return groups


def _interval(days: list[int]) -> tuple[str, int] | None:
    if not days:
        return None
    typical = statistics.median(days)
    for name, shortest, longest, per_year, fewest in INTERVALS:
        if shortest <= typical <= longest:
            regular = sum(1 for gap in days if shortest <= gap <= longest)
            if len(days) + 1 >= fewest and regular / len(days) >= REGULAR_SHARE:
                return name, per_year
    return None


def _money(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def recurring_payments(
    transactions: tuple[Transaction, ...], index: PayeeIndex | None = None
) -> list[RecurringPayment]:
    result = []
    for key, matched in software_payments(transactions, index).items():
        matched.sort(key=lambda item: item[0].day)
        payments = _merge_same_day(matched)
        gaps = [(later.day - earlier.day).days for earlier, later in pairwise(payments)]
        found = _interval(gaps)
        if found is None:
            continue
        interval, per_year = found
        amounts = [-payment.amount for payment in payments]
        typical = Decimal(statistics.median(amounts))
        years: dict[int, Decimal] = defaultdict(Decimal)
        for payment in payments:
            years[payment.day.year] += -payment.amount
        payee = matched[0][1]
        result.append(
            RecurringPayment(
                key=key,
                product=payee.product,
                vendor=payee.vendor,
                payee=(matched[0][0].payee or matched[0][0].purpose)[:200],
                interval=interval,
                payments=tuple(payments),
                annual_cost=_money(typical * per_year),
                per_year={year: _money(total) for year, total in sorted(years.items())},
            )
        )
    result.sort(key=lambda item: -item.annual_cost)
    return result


def _merge_same_day(matched: list[tuple[Transaction, Payee]]) -> list[Transaction]:
    """Two seats billed on the same day are one payment of their sum."""
    merged: dict[date, Transaction] = {}
    for transaction, _payee in matched:
        known = merged.get(transaction.day)
        if known is None:
            merged[transaction.day] = transaction
        else:
            merged[transaction.day] = Transaction(
                transaction.day, known.amount + transaction.amount, known.payee, known.purpose
            )
    return [merged[day] for day in sorted(merged)]
