"""One write path per entity (issue 23): pages, the API, commands and the demo change data only
through the services of the app that owns it (`services.py`), so a rule, the audit entry and
the landscape stamp live in one place. These tests fail when a module writes a model directly
or a writable page or API resource names no service."""

import ast
from pathlib import Path

import pytest

import leitstand
from leitstand.api.urls import router
from leitstand.api.viewsets import OrgModelViewSet
from leitstand.core.views import OrgDeleteView, OrgFormMixin
from tests.urlwalk import all_routes

PACKAGE = Path(leitstand.__file__).parent

#: Method calls that write rows whatever they are called on (model instances, querysets).
WRITES = {"save", "delete", "bulk_create", "bulk_update", "get_or_create", "update_or_create"}
#: ... and those that write only when called on a manager or queryset (`dict.update` does not).
QUERYSET_WRITES = {"create", "update"}
MANAGERS = {"objects", "_base_manager", "_default_manager"}
QUERYSET_METHODS = {"filter", "exclude", "all", "for_org", "select_related", "only", "order_by"}

#: Modules outside `services.py` that may write directly, and why. Keep this list short: a
#: page, an API view, a panel, a command or a demo loader calls a service instead.
ALLOWED = {
    # The write primitives every service builds on (save_values, create_in_bulk, ...).
    "core/audit.py": "the services' audited save, bulk create and delete",
    # Bookkeeping of the cached analysis, not data: a new token per change.
    "tenancy/stamps.py": "the landscape stamp",
    # Django's user manager (create_user, create_superuser): accounts, not tenant data.
    "accounts/models.py": "the user manager",
    # The API token service under its own name: create, revoke, note the last use.
    "api/tokens.py": "the API tokens' service",
    # The demo login's account and password (like createsuperuser); its organisations go
    # through onboarding and the apps' services.
    "demo/management/commands/load_demo.py": "the demo login's user account",
    # Loading a complete JSON export: every record checked by its entity's API serializer
    # (the model's rules included), then written in bulk, as the import does.
    "exports/document.py": "the complete export's bulk load",
    # The import pipeline: rows checked by the entities' rules, written in bulk for speed
    # (writer), staged in a scratch organisation (staging), with its own bookkeeping (the
    # mappings it remembers, old runs and their files).
    "imports/writer.py": "the import's bulk write",
    "imports/staging.py": "the import's staging organisation",
    "imports/memory.py": "the import's remembered mappings",
    "imports/cleanup.py": "removing old import runs",
    "imports/management/commands/import.py": "the uploaded file of a command-line import",
}


def _writes_on_queryset(call: ast.Call) -> bool:
    receiver = call.func.value
    if isinstance(receiver, ast.Attribute):
        return receiver.attr in MANAGERS
    return (
        isinstance(receiver, ast.Call)
        and isinstance(receiver.func, ast.Attribute)
        and receiver.func.attr in QUERYSET_METHODS
    )


def direct_writes(source: str) -> list[str]:
    """`line: call` of every call in the source that writes a model directly."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name = node.func.attr
        if name in WRITES or (name in QUERYSET_WRITES and _writes_on_queryset(node)):
            found.append(f"{node.lineno}: {ast.unparse(node.func)}")
    return found


def _writing_modules() -> list[Path]:
    """Every module of the project except services, migrations and tests."""
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if "tests" in parts or "migrations" in parts or "services" in parts:
            continue
        if path.name == "services.py":
            continue
        modules.append(path)
    return modules


def test_only_services_write_models():
    offenders = {}
    for path in _writing_modules():
        relative = path.relative_to(PACKAGE).as_posix()
        if relative in ALLOWED:
            continue
        writes = direct_writes(path.read_text(encoding="utf-8"))
        if writes:
            offenders[relative] = writes
    assert not offenders, (
        "These modules write models directly; call (or add) a service function in the "
        f"owning app's services.py instead: {offenders}"
    )


def test_every_allowed_module_still_exists():
    missing = [name for name in ALLOWED if not (PACKAGE / name).exists()]
    assert not missing, f"Remove these from ALLOWED: {missing}"


@pytest.mark.parametrize(
    "source",
    [
        "system.save()",
        "form.save()",
        "System.objects.create(name='ERP')",
        "Kpi.objects.for_org(org).filter(pk=1).update(name='x')",
        "Membership.objects.filter(user=user).delete()",
        "ChangeChecklist.objects.get_or_create(initiative=initiative)",
        "Answer.objects.bulk_create(rows)",
    ],
)
def test_the_scan_finds_a_direct_write(source):
    assert direct_writes(source)


@pytest.mark.parametrize(
    "source",
    [
        "values.update(name='x')",
        "found.setdefault(key, {}).update(chosen)",
        "services.save_system(system, values, actor=user)",
        "serializers.create(data)",
    ],
)
def test_the_scan_leaves_other_calls_alone(source):
    assert not direct_writes(source)


def _page_views() -> set[type]:
    return {route.view for route in all_routes() if isinstance(route.view, type)}


def test_every_form_page_saves_through_its_entitys_service():
    missing = [
        view.__qualname__
        for view in _page_views()
        if issubclass(view, OrgFormMixin) and not callable(view.save_service)
    ]
    assert not missing, f"Name the entity's save service (save_service = ...): {missing}"


def test_every_delete_page_deletes_through_its_entitys_service():
    missing = [
        view.__qualname__
        for view in _page_views()
        if issubclass(view, OrgDeleteView) and not callable(view.delete_service)
    ]
    assert not missing, f"Name the entity's delete service (delete_service = ...): {missing}"


def _viewsets() -> list[type]:
    viewsets = [viewset for _prefix, viewset, _basename in router.registry]
    return [viewset for viewset in viewsets if issubclass(viewset, OrgModelViewSet)]


def test_every_writable_api_resource_writes_through_its_entitys_services():
    missing = []
    for viewset in _viewsets():
        methods = set(viewset.http_method_names)
        if methods & {"post", "put", "patch"} and not callable(viewset.save_service):
            missing.append(f"{viewset.__name__}.save_service")
        if "delete" in methods and not callable(viewset.delete_service):
            missing.append(f"{viewset.__name__}.delete_service")
    assert not missing, f"Name the entity's services on these API resources: {missing}"
