"""Enumerates the URL patterns, so cross-cutting tests cover every new page by themselves."""

import importlib
import pkgutil
import re
from dataclasses import dataclass

import factory
from django.urls import URLPattern, URLResolver, get_resolver

import leitstand


@dataclass(frozen=True)
class Route:
    name: str  # namespaced, for reverse()
    route: str  # the full path pattern
    callback: object

    @property
    def params(self) -> list[str]:
        return re.findall(r"<(?:\w+:)?(\w+)>", self.route)

    @property
    def view(self):
        return getattr(self.callback, "view_class", self.callback)

    @property
    def model(self):
        return getattr(self.view, "model", None)

    @property
    def required_role(self):
        return getattr(self.view, "required_role", None)


def all_routes() -> list[Route]:
    routes: list[Route] = []

    def walk(patterns, prefix: str, namespace: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                ns = namespace
                if entry.namespace:
                    ns = f"{namespace}{entry.namespace}:"
                walk(entry.url_patterns, prefix + str(entry.pattern), ns)
            elif isinstance(entry, URLPattern) and entry.name:
                routes.append(
                    Route(f"{namespace}{entry.name}", prefix + str(entry.pattern), entry.callback)
                )

    walk(get_resolver().url_patterns, "", "")
    return routes


def org_routes() -> list[Route]:
    """Every page that belongs to an organisation: /o/<org>/..."""
    return [route for route in all_routes() if route.route.startswith("o/<slug:org>/")]


def factories_by_model() -> dict[type, type]:
    """Every factory-boy factory in leitstand/*/tests/factories.py, keyed by its model."""
    for module in pkgutil.iter_modules(leitstand.__path__):
        try:
            importlib.import_module(f"leitstand.{module.name}.tests.factories")
        except ModuleNotFoundError:
            continue
    found: dict[type, type] = {}
    stack = [factory.django.DjangoModelFactory]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            stack.append(sub)
            model = sub._meta.model
            if model is not None and model not in found:
                found[model] = sub
    return found
