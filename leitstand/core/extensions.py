"""Places where one app adds to another's page without editing its template.

An app registers a function in its AppConfig.ready(); the page calls every registered function
and renders what they return, in order. Example (in flows/apps.py):

    from leitstand.core.extensions import system_panels
    system_panels.register(flows_panel, order=20)

where `flows_panel(request, system)` returns a `Panel` (template + context) or None.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest


@dataclass
class Panel:
    template: str
    context: dict = field(default_factory=dict)


class Registry:
    def __init__(self, name: str):
        self.name = name
        self._entries: list[tuple[int, Callable[..., Panel | None]]] = []

    def register(self, function: Callable[..., Panel | None], order: int = 100) -> None:
        if all(existing is not function for _, existing in self._entries):
            self._entries.append((order, function))
            self._entries.sort(key=lambda entry: entry[0])

    def render(self, request: HttpRequest, *args) -> list[Panel]:
        panels = (function(request, *args) for _, function in self._entries)
        return [panel for panel in panels if panel is not None]


#: Sections on a system's detail page: function(request, system) -> Panel | None
system_panels = Registry("system panels")

#: Sections on the cockpit: function(request) -> Panel | None
cockpit_sections = Registry("cockpit sections")

#: Sections on a process's page (KPIs, surveys, ...): function(request, process) -> Panel | None
process_panels = Registry("process panels")

#: Sections on the roadmap page (funding expected, ...): function(request, initiatives) ->
#: Panel | None; `initiatives` are the ones the page shows.
roadmap_sections = Registry("roadmap sections")

#: Sections on an initiative's page: function(request, initiative) -> Panel | None
initiative_panels = Registry("initiative panels")

#: Sections inside the system form (create and edit): function(request, system or None) ->
#: Panel | None. They render inside the <form>, so their inputs are posted with it.
system_form_panels = Registry("system form panels")


class Callbacks:
    """Functions other apps run after something happened, in order of registration."""

    def __init__(self, name: str):
        self.name = name
        self._functions: list[Callable] = []

    def register(self, function: Callable) -> None:
        if all(existing is not function for existing in self._functions):
            self._functions.append(function)

    def run(self, *args) -> None:
        for function in self._functions:
            function(*args)


#: After the system form was saved: function(request, system). The catalogue links the system
#: to the product its proposal named (posted by its form panel).
system_form_saved = Callbacks("system form saved")
