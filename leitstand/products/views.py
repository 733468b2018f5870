"""Pages of the product catalogue: proposals for a system, its link to the catalogue, the
catalogue itself, and shadow IT found in bank and card statements."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leitstand.inventory.models import System
from leitstand.landscape.cache import kept_for_request
from leitstand.products import selectors
from leitstand.products.catalogue import CATEGORIES, load_catalogue
from leitstand.products.forms import OwnEndOfSupportForm, StatementUploadForm
from leitstand.products.models import PaymentStatus, ProductLink, RecurringPayment, StatementScan
from leitstand.products.proposals import proposal_for_name, proposal_for_product
from leitstand.products.services import (
    add_payment_as_system,
    apply_proposal,
    dismiss_payment,
    pin_end_of_support,
    remove_link,
    scan_statement,
)
from leitstand.products.statements import StatementError
from leitstand.tenancy.access import get_for_org, org_view
from leitstand.tenancy.models import Role

PAGE_SIZE = 50


@org_view(Role.VIEWER)
def propose(request: HttpRequest) -> HttpResponse:
    """The catalogue's proposal for a name being typed in the system form (HTMX partial)."""
    name = request.GET.get("name", "").strip()[:200]
    system = None
    if request.GET.get("system", "").isdigit():
        system = get_for_org(System, request.org, int(request.GET["system"]))
    proposal = proposal_for_name(name, system) if name else None
    match = proposal.match if proposal else None
    if proposal is None and name:
        match = selectors.match(name)
    return render(
        request,
        "products/_proposal.html",
        {
            "proposal": proposal,
            "match": match,
            "name": name,
            "system": system,
            "in_form": True,
            "proposal_fields": selectors.form_values(proposal) if proposal else None,
        },
    )


@org_view(Role.EDITOR, model=System)
@require_POST
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    """Apply the catalogue's proposal to a saved system: empty fields only, one click."""
    system = get_for_org(System, request.org, pk)
    catalogue = load_catalogue()
    product = catalogue.get(request.POST.get("product", ""))
    if product is None:
        messages.error(request, _("That product is not in the catalogue."))
        return redirect(system.get_absolute_url())
    cycle = product.cycle(request.POST.get("cycle", "")) if request.POST.get("cycle") else None
    filled = apply_proposal(system, proposal_for_product(product, cycle, system), request.user)
    messages.success(
        request,
        _("“%(system)s” is now linked to %(product)s in the catalogue. Filled in: %(fields)s.")
        % {
            "system": system,
            "product": product.name,
            "fields": ", ".join(selectors.field_labels(filled)) or _("nothing (all were set)"),
        },
    )
    return redirect(system.get_absolute_url() + "#catalogue-panel")


@org_view(Role.EDITOR, model=System)
@require_POST
def end_of_support(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep one's own end-of-support date, or follow the catalogue again."""
    system = get_for_org(System, request.org, pk)
    link = ProductLink.objects.for_org(request.org).filter(system=system).first()
    if link is None:
        messages.error(request, _("This system is not linked to the catalogue."))
        return redirect(system.get_absolute_url())
    day = None
    if not request.POST.get("follow"):
        form = OwnEndOfSupportForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["date"]))
            return redirect(system.get_absolute_url() + "#catalogue-panel")
        day = form.cleaned_data["date"]
    try:
        pin_end_of_support(link, day, request.user)
    except ValidationError as refused:  # the system's rules (not before it was introduced)
        messages.error(request, " ".join(refused.messages))
    else:
        if day is None:
            messages.success(request, _("The end of support now follows the catalogue."))
        else:
            messages.success(request, _("Your own end-of-support date is kept."))
    return redirect(system.get_absolute_url() + "#catalogue-panel")


@org_view(Role.EDITOR, model=System)
@require_POST
def unlink(request: HttpRequest, pk: int) -> HttpResponse:
    system = get_for_org(System, request.org, pk)
    link = ProductLink.objects.for_org(request.org).filter(system=system).first()
    if link is not None:
        remove_link(link, request.user)
        messages.success(request, _("The link to the catalogue is removed; the fields stay."))
    return redirect(system.get_absolute_url() + "#catalogue-panel")


@org_view(Role.VIEWER)
def proposals(request: HttpRequest) -> HttpResponse:
    """Every system not yet linked whose name the catalogue recognises, to apply at once."""
    if request.method == "POST":
        chosen = {int(value) for value in request.POST.getlist("system") if value.isdigit()}
        applied = 0
        for row in selectors.open_proposals(request.org, system_ids=chosen):
            apply_proposal(row.system, row.proposal, request.user)
            applied += 1
        if applied:
            messages.success(
                request,
                _("Linked %(count)s systems to the catalogue; only empty fields were filled.")
                % {"count": applied},
            )
        else:
            messages.info(request, _("Tick the systems to apply first."))
        return redirect("products:proposals", org=request.org.slug)
    # kept with the landscape: recognising 50,000 names takes seconds
    rows = kept_for_request(
        request, "products:proposals", lambda: selectors.open_proposals(request.org)
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "products/proposals.html", {"page": page, "total": len(rows)})


@org_view(Role.VIEWER)
def catalogue(request: HttpRequest) -> HttpResponse:
    """Browse the catalogue: search by name, filter by category and kind."""
    query = request.GET.get("q", "").strip()[:100]
    category = request.GET.get("category", "")
    kind = request.GET.get("kind", "")
    products = selectors.catalogue_products(query, category, kind)
    page = Paginator(products, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "products/catalogue.html",
        {
            "page": page,
            "query": query,
            "category": category,
            "kind": kind,
            "categories": [(key, selectors.category_label(key)) for key in CATEGORIES],
            "kinds": selectors.KIND_LABELS.items(),
            "total": len(load_catalogue().products),
            "data_age": selectors.data_age(),
        },
    )


@org_view(Role.VIEWER)
def statements(request: HttpRequest) -> HttpResponse:
    """Upload a statement; earlier scans with what they found."""
    form = StatementUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = scan_statement(request.org, request.user, form.cleaned_data["file"].read())
        except StatementError as error:
            form.add_error("file", str(error))
        else:
            messages.success(
                request,
                _(
                    "Read %(rows)s bookings: %(found)s recurring software payments found. "
                    "Nothing else from the file was stored."
                )
                % {"rows": result.scan.rows_read, "found": len(result.payments)},
            )
            return redirect("products:scan", org=request.org.slug, pk=result.scan.pk)
    scans = StatementScan.objects.for_org(request.org).select_related("created_by")
    page = Paginator(scans, 20).get_page(request.GET.get("page"))
    return render(request, "products/statements.html", {"form": form, "page": page})


@org_view(Role.VIEWER, model=StatementScan)
def scan(request: HttpRequest, pk: int) -> HttpResponse:
    scan = get_for_org(StatementScan, request.org, pk)
    rows = selectors.scan_rows(scan)
    return render(
        request,
        "products/scan.html",
        {
            "scan": scan,
            "rows": rows,
            "open_rows": [row for row in rows if row.payment.status == PaymentStatus.OPEN],
            "shadow_total": sum(
                (row.payment.annual_cost for row in rows if row.payment.status == "open"),
                start=0,
            ),
        },
    )


@org_view(Role.EDITOR, model=StatementScan)
@require_POST
def scan_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add the payments the user ticked as systems (shadow IT, with their annual cost)."""
    scan = get_for_org(StatementScan, request.org, pk)
    chosen = [value for value in request.POST.getlist("payment") if value.isdigit()]
    payments = RecurringPayment.objects.for_org(request.org).filter(
        scan=scan, pk__in=chosen, status=PaymentStatus.OPEN
    )
    added = [add_payment_as_system(payment, request.user) for payment in payments]
    if added:
        messages.success(
            request,
            _("Added %(count)s systems as shadow IT: %(names)s.")
            % {"count": len(added), "names": ", ".join(system.name for system in added)},
        )
    else:
        messages.info(request, _("Tick the payments to add first."))
    return redirect("products:scan", org=request.org.slug, pk=scan.pk)


@org_view(Role.EDITOR, model=RecurringPayment)
@require_POST
def payment_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    payment = get_for_org(RecurringPayment, request.org, pk)
    dismiss_payment(payment, request.user)
    messages.success(request, _("“%(payee)s” is marked as not a system.") % {"payee": payment})
    return redirect("products:scan", org=request.org.slug, pk=payment.scan_id)
