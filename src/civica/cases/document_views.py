"""Document pages of a case (make one from a template, upload, download, share) and the template pages
where a centre's administrators adapt the wording."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core.documents import DOCX_CONTENT_TYPE, pdf_available
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation, Role

from . import document_kinds, document_services
from .forms import DocumentMakeForm, DocumentUploadForm, TemplateUploadForm
from .models import CaseDocument, DocumentTemplate
from .views import _act, _case


def _add_errors(form, error: ValidationError, fallback: str | None = None) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else fallback, errors)
    else:
        form.add_error(fallback, error.messages)


@login_required
@require_http_methods(["GET", "POST"])
def make_document(request, reference, kind):
    case = _case(request, reference)
    if not request.user.has_perm("cases.work_on_case", case):
        raise Http404
    try:
        document_kind = document_kinds.get(kind)
    except KeyError as error:
        raise Http404 from error
    if not document_kind.applies_to(case):
        raise Http404
    data = request.POST if request.method == "POST" else None
    form = DocumentMakeForm(data, initial={"language": case.language}, prefix="document")
    details = document_kind.details_form(data, prefix="details") if document_kind.details_form else None
    if request.method == "POST" and form.is_valid() and (details is None or details.is_valid()):
        try:
            document = document_services.document_generate(
                actor=request.user,
                case=case,
                kind_key=kind,
                language=form.cleaned_data["language"],
                details=details.cleaned_data if details else {},
                shared=form.cleaned_data["shared_with_requester"],
            )
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The document %(title)s has been made.") % {"title": document.title})
            return redirect("cases:detail", reference=case.reference)
    context = {
        "case": case,
        "kind": document_kind,
        "form": form,
        "details": details,
        "pdf_available": pdf_available(),
        "errors_forms": [f for f in (form, details) if f is not None],
    }
    return render(request, "cases/make_document.html", context)


@login_required
@require_POST
def upload_document(request, reference):
    case = _case(request, reference)
    form = DocumentUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("cases:detail", reference=case.reference)
    return _act(
        request,
        case,
        lambda: document_services.document_upload(
            actor=request.user,
            case=case,
            upload=form.cleaned_data["file"],
            title=form.cleaned_data["title"],
            shared=form.cleaned_data["shared_with_requester"],
        ),
        _("The document has been added."),
    )


def _document(request, reference, uuid) -> CaseDocument:
    case = _case(request, reference)
    try:
        return document_services.document_get(user=request.user, case=case, uuid=uuid)
    except CaseDocument.DoesNotExist as error:
        raise Http404 from error


@login_required
def download_document(request, reference, uuid, variant):
    """A document through the case's visibility rule, never a bare file link."""
    if variant not in ("file", "pdf"):
        raise Http404
    document = _document(request, reference, uuid)
    stored = document.pdf if variant == "pdf" else document.file
    if not stored:
        raise Http404
    name = stored.name.rsplit("/", 1)[-1]
    content_type = "application/pdf" if variant == "pdf" else document.content_type
    return FileResponse(stored.open("rb"), as_attachment=True, filename=name, content_type=content_type)


@login_required
@require_POST
def share_document(request, reference, uuid):
    document = _document(request, reference, uuid)
    return _act(
        request,
        document.case,
        lambda: document_services.document_share(actor=request.user, document=document),
        _("The document is now shared with the requester."),
    )


def _administered(request, slug=None) -> Organisation:
    ids = organisation_selectors.organisation_ids_with_role(request.user, frozenset({Role.ADMIN}))
    organisations = Organisation.objects.filter(pk__in=ids).order_by("name")
    organisation = organisations.filter(slug=slug).first() if slug else organisations.first()
    if organisation is None:
        raise Http404
    return organisation


@login_required
def templates_index(request, slug=None):
    organisation = _administered(request, slug)
    custom = {
        (template.kind, template.language): template
        for template in DocumentTemplate.objects.filter(organisation=organisation, active=True)
        .select_related("uploaded_by")
        .order_by("created_at")
    }
    rows = [
        {"kind": kind, "customised": sorted(lang for (key, lang) in custom if key == kind.key)}
        for kind in document_kinds.all_kinds()
    ]
    others = Organisation.objects.filter(
        pk__in=organisation_selectors.organisation_ids_with_role(request.user, frozenset({Role.ADMIN}))
    ).exclude(pk=organisation.pk)
    return render(request, "cases/templates_index.html", {"organisation": organisation, "rows": rows, "others": others})


@login_required
@require_http_methods(["GET", "POST"])
def template_kind(request, slug, kind):
    organisation = _administered(request, slug)
    try:
        document_kind = document_kinds.get(kind)
    except KeyError as error:
        raise Http404 from error
    form = TemplateUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            document_services.template_upload(
                actor=request.user,
                organisation=organisation,
                kind_key=kind,
                language=form.cleaned_data["language"],
                upload=form.cleaned_data["file"],
            )
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            _add_errors(form, error, fallback="file")
        else:
            messages.success(request, _("The new template is in use."))
            return redirect("cases:template_kind", slug=organisation.slug, kind=kind)
    history = DocumentTemplate.objects.filter(organisation=organisation, kind=kind).select_related("uploaded_by")
    placeholders = {**document_services.BASE_PLACEHOLDERS, **document_kind.placeholders}
    context = {
        "organisation": organisation,
        "kind": document_kind,
        "form": form,
        "history": history,
        "placeholders": sorted(placeholders.items()),
        # Written out here: a template cannot print Jinja's braces literally without tags of its own.
        "example_value": "{{ case.reference }}",
        "example_loop_start": "{%p for party in parties %}",
        "example_loop_end": "{%p endfor %}",
        "languages": [
            (code, name, history.filter(language=code, active=True).first())
            for code, name in form.fields["language"].choices
        ],
    }
    return render(request, "cases/template_kind.html", context)


@login_required
def template_download(request, slug, kind, language):
    """The template in use for this kind and language (the centre's own, or the default), to edit."""
    organisation = _administered(request, slug)
    if language not in dict(settings.LANGUAGES):
        raise Http404
    try:
        document_kind = document_kinds.get(kind)
    except KeyError as error:
        raise Http404 from error
    content = document_services.template_for(organisation, document_kind, language)
    response = HttpResponse(content, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{kind}-{language}.docx"'
    return response


@login_required
@require_POST
def template_revert(request, slug, kind, language):
    organisation = _administered(request, slug)
    try:
        document_services.template_revert(
            actor=request.user, organisation=organisation, kind_key=kind, language=language
        )
    except PermissionDenied as error:
        raise Http404 from error
    messages.success(request, _("The default template is in use again."))
    return redirect("cases:template_kind", slug=organisation.slug, kind=kind)
