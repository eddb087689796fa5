import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core.forms import add_errors
from civica.core.uploads import safe_name

from . import jobs, selectors, services
from .forms import DirectoryFilterForm, ImportForm, LocationForm, RejectForm, ServiceForm
from .hsds_import import HSDSImportError
from .models import Location, Organization, Service, ServiceRevision


def _filters(request) -> tuple[DirectoryFilterForm, selectors.Filters]:
    form = DirectoryFilterForm(request.GET or None, territories=selectors.territories_with_public_places())
    data = form.cleaned_data if form.is_valid() else {}
    territory = data.get("territory")
    filters = selectors.Filters(
        query=data.get("q", ""),
        category=data.get("category", ""),
        organisation_kind=data.get("organisation_kind", ""),
        territory=territory.pk if territory else None,
        language=data.get("language", ""),
        cost=data.get("cost", ""),
        delivery=data.get("delivery", ""),
    )
    return form, filters


def directory(request):
    """The public directory: a list first (usable without the map), the same results on a map."""
    form, filters = _filters(request)
    page = Paginator(selectors.public_services(filters), 25).get_page(request.GET.get("page"))
    rows = selectors.with_categories(page)
    points = [point.__dict__ for point in selectors.map_points(rows)]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "language": get_language(),
        "points": points,
        "tile_url": settings.CIVICA_MAP_TILE_URL,
        "attribution": settings.CIVICA_MAP_ATTRIBUTION,
        "query_string": query.urlencode(),
    }
    return render(request, "directory/directory.html", context)


def printable(request):
    """Every matching service on one page, laid out for paper."""
    form, filters = _filters(request)
    rows = selectors.with_categories(list(selectors.public_services(filters)[:500]))
    return render(request, "directory/print.html", {"form": form, "rows": rows, "language": get_language()})


def service(request, service_id):
    try:
        found = selectors.service_get(user=request.user, service_id=service_id)
    except (Service.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    [found] = selectors.with_categories([found])
    context = {
        "service": found,
        "language": get_language(),
        "locations": selectors.locations_of(user=request.user, service=found),
        "may_propose": request.user.is_authenticated and request.user.has_perm("directory.propose", found.organization),
        "may_see_confidential": selectors.may_see_confidential(request.user, found.organization),
    }
    return render(request, "directory/service.html", context)


def organization(request, organization_id):
    try:
        found = selectors.organization_get(organization_id)
    except (Organization.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    rows = selectors.with_categories(selectors.services_of_organization(found))
    return render(
        request, "directory/organization.html", {"organization": found, "rows": rows, "language": get_language()}
    )


@login_required
def manage(request):
    context = {
        "organizations": selectors.editable_organizations(request.user),
        "services": selectors.services_to_manage(request.user),
        "to_review": selectors.revisions_to_review(request.user),
        "places_to_review": selectors.places_to_review(request.user),
        "proposed": selectors.revisions_proposed_by_my_organisations(request.user),
        "may_import": bool(selectors.importing_centres(request.user)),
    }
    return render(request, "directory/manage.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def propose(request, organization_id=None, service_id=None):
    """A new service for one of my organisations, or a change to one of its services."""
    existing = None
    try:
        if service_id is not None:
            existing = Service.objects.select_related("organization").get(id=service_id)
            organization_record = existing.organization
        else:
            organization_record = Organization.objects.select_related("organisation", "centre").get(id=organization_id)
    except (Service.DoesNotExist, Organization.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    if organization_record is None or not request.user.has_perm("directory.propose", organization_record):
        raise Http404
    initial = ServiceForm.initial_from(services.payload_of(existing)) if existing else {"language": get_language()}
    form = ServiceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            revision = services.revision_propose(
                actor=request.user, organization=organization_record, service=existing, data=form.data_for_service()
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Thank you: the centre will review the change before it goes live."))
            return redirect("directory:revision", uuid=revision.uuid)
    context = {"form": form, "organization": organization_record, "service": existing}
    return render(request, "directory/propose.html", context)


def _revision(request, uuid) -> ServiceRevision:
    try:
        return selectors.revision_get(user=request.user, uuid=uuid)
    except (ServiceRevision.DoesNotExist, ValidationError) as error:
        raise Http404 from error


@login_required
@require_http_methods(["GET", "POST"])
def revision(request, uuid):
    found = _revision(request, uuid)
    may_review = request.user.has_perm("directory.review", found.organization)
    form = RejectForm(request.POST or None)
    if request.method == "POST":
        if not may_review:
            raise Http404
        try:
            if "approve" in request.POST:
                live = services.revision_approve(actor=request.user, revision=found)
                messages.success(request, _("The change is approved and live."))
                return redirect("directory:service", service_id=live.id)
            if form.is_valid():
                services.revision_reject(actor=request.user, revision=found, reason=form.cleaned_data["reason"])
                messages.success(request, _("The change is rejected; the organisation has been told why."))
                return redirect("directory:manage")
        except ValidationError as error:
            add_errors(form, error)
    current = services.payload_of(found.service) if found.service else {}
    fields = [
        (label, current.get(key, ""), found.payload.get(key, ""))
        for key, label in [
            ("name", _("Name")),
            ("description", _("Description")),
            ("status", _("Status")),
            ("categories", _("Sectors")),
            ("url", _("Web page")),
            ("email", _("E-mail")),
            ("capacity", _("Places (capacity)")),
            ("vacancies", _("Places free now")),
            ("translations", _("Translations")),
        ]
    ]
    context = {"revision": found, "fields": fields, "may_review": may_review, "form": form}
    return render(request, "directory/revision.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def hsds_upload(request):
    """Centre staff load an HSDS file; a bad file is reported by file, row and field, and nothing of it loads."""
    centres = selectors.importing_centres(request.user)
    if not centres:
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None, centres=centres, initial={"centre": centres[0]})
    problems, counts, warnings = [], None, []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        if suffix not in {".zip", ".json", ".csv"}:
            form.add_error("file", _("Upload a .zip, .json or .csv file."))
        else:
            with tempfile.TemporaryDirectory() as folder:
                # The file keeps its name: a JSON file's name says which records it holds.
                name = safe_name(upload.name)
                path = Path(folder) / (name if name.lower().endswith(suffix) else f"upload{suffix}")
                with path.open("wb") as handle:
                    for chunk in upload.chunks():
                        handle.write(chunk)
                try:
                    report = services.hsds_file_import(
                        actor=request.user,
                        centre=form.cleaned_data["centre"],
                        path=path,
                        kind=form.cleaned_data.get("kind"),
                        skip_broken_links=form.cleaned_data.get("skip_broken_links", False),
                    )
                except HSDSImportError as error:
                    problems = error.problems
                    form.add_error("file", _("The file has problems; nothing of it was imported."))
                else:
                    counts, warnings = report.counts, report.warnings
                    messages.success(request, _("The file is imported."))
    context = {
        "form": form,
        "problems": problems[:200],
        "warnings": warnings[:200],
        "counts": sorted((counts or {}).items()),
    }
    return render(request, "directory/import.html", context)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The link of the 'is this still correct?' e-mail: signed, so it needs no sign-in. A GET only shows
    the question with a button (mail scanners follow links); the POST of that button confirms."""
    try:
        service_id = jobs.service_id_from_token(token)
        found = Service.objects.select_related("organization__organisation").get(id=service_id)
    except (signing.BadSignature, Service.DoesNotExist, ValidationError):
        return render(request, "directory/confirmed.html", {"service": None}, status=400)
    if request.method == "POST":
        services.service_confirm(service=found, actor=request.user)
        return render(request, "directory/confirmed.html", {"service": found, "confirmed": True})
    return render(request, "directory/confirmed.html", {"service": found, "confirmed": False})


@require_POST
@login_required
def confirm_now(request, service_id):
    try:
        found = Service.objects.select_related("organization__organisation").get(id=service_id)
    except (Service.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    if not request.user.has_perm("directory.propose", found.organization):
        raise Http404
    services.service_confirm(service=found, actor=request.user)
    messages.success(request, _("Thank you: the service is confirmed as correct."))
    return redirect("directory:manage")


@require_POST
@login_required
def location_confidential(request, location_id):
    try:
        location = Location.objects.select_related("organization__organisation", "organization__centre").get(
            id=location_id
        )
    except (Location.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    services.location_set_confidential(
        actor=request.user, location=location, confidential=request.POST.get("confidential") == "1"
    )
    messages.success(
        request,
        _("The address is now hidden from the public.")
        if location.is_confidential
        else _("The address is now public."),
    )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "directory:manage"
    return redirect(target)


@login_required
@require_http_methods(["GET", "POST"])
def location_new(request, organization_id):
    """A member organisation's staff add a place where they work (not only through import or the admin)."""
    try:
        organization_record = selectors.organization_get(organization_id)
    except (Organization.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    if not request.user.has_perm("directory.propose", organization_record):
        raise Http404
    country = organization_record.organisation.country if organization_record.organisation else "GR"
    form = LocationForm(
        request.POST or None,
        territories=selectors.territories_for_places(country),
        services=selectors.services_of_organization_for_staff(organization_record),
        initial={"country": country},
    )
    if request.method == "POST" and form.is_valid():
        try:
            location = services.location_create(
                actor=request.user, organization=organization_record, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            if location.is_published:
                messages.success(request, _("The place is added."))
            else:
                messages.success(request, _("The place is added. It appears publicly once the centre approves it."))
            return redirect("directory:manage")
    return render(request, "directory/location_new.html", {"form": form, "organization": organization_record})


@login_required
@require_POST
def location_publish(request, location_id):
    """The centre approves a place a member organisation added."""
    try:
        location = selectors.place_to_review_get(user=request.user, location_id=location_id)
    except (Location.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    services.location_publish(actor=request.user, location=location)
    messages.success(request, _("The place is now public: %(name)s") % {"name": location.name})
    return redirect("directory:manage")
