"""Enumerates the URL patterns, so cross-cutting tests cover every new page by themselves."""

import importlib
import pkgutil
import re
from dataclasses import dataclass

import factory
from django.urls import URLPattern, URLResolver, get_resolver, reverse

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


def example_object(route: Route, organisation):
    """An object of the model a route's `pk` refers to, made by its factory."""
    assert route.model is not None, (
        f"{route.name}: the view does not name the model its pk refers to"
    )
    factories = _factories()
    assert route.model in factories, f"{route.name}: no factory for {route.model.__name__}"
    return factories[route.model](organisation=organisation)


def route_url(route: Route, organisation, obj=None) -> str:
    """The route's address for `organisation` (and `obj` where it takes a `pk`)."""
    kwargs = {"org": organisation.slug}
    for param in route.params:
        if param == "org":
            continue
        if param == "area":  # the company check's interview pages
            kwargs["area"] = "organisation"
            continue
        assert param == "pk", f"{route.name}: teach this test the URL parameter {param!r}"
        kwargs["pk"] = obj.pk
    return reverse(route.name, kwargs=kwargs)


_FOUND: dict[type, type] = {}


def _factories() -> dict[type, type]:
    if not _FOUND:
        _FOUND.update(factories_by_model())
    return _FOUND
