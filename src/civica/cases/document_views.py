"""Document pages of a case (make one from a template, upload, download, share) and the template pages
where a centre's administrators adapt the wording."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core.documents import DOCX_CONTENT_TYPE, pdf_available
from civica.organisations.models import Organisation

from . import document_kinds, document_services, selectors
from .forms import DocumentMakeForm, DocumentUploadForm, TemplateUploadForm
from .models import CaseDocument
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
        return selectors.document_get(user=request.user, case=case, uuid=uuid)
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


def _administered(request, slug=None) -> tuple[Organisation, list[Organisation]]:
    """The organisation whose templates are shown (the one named, else the first) and the person's
    other administered organisations."""
    organisations = list(selectors.template_organisations(request.user))
    organisation = next((o for o in organisations if o.slug == slug), None) if slug else next(iter(organisations), None)
    if organisation is None:
        raise Http404
    return organisation, [o for o in organisations if o.pk != organisation.pk]


@login_required
def templates_index(request, slug=None):
    organisation, others = _administered(request, slug)
    customised = selectors.customised_languages(organisation)
    rows = [{"kind": kind, "customised": customised.get(kind.key, [])} for kind in document_kinds.all_kinds()]
    return render(request, "cases/templates_index.html", {"organisation": organisation, "rows": rows, "others": others})


@login_required
@require_http_methods(["GET", "POST"])
def template_kind(request, slug, kind):
    organisation, _others = _administered(request, slug)
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
        except ValidationError as error:
            _add_errors(form, error, fallback="file")
        else:
            messages.success(request, _("The new template is in use."))
            return redirect("cases:template_kind", slug=organisation.slug, kind=kind)
    history = selectors.template_history(organisation, kind)
    in_use = {}
    for template in history:  # newest first: the first active one per language is the one in use
        if template.active:
            in_use.setdefault(template.language, template)
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
        "languages": [(code, name, in_use.get(code)) for code, name in form.fields["language"].choices],
    }
    return render(request, "cases/template_kind.html", context)


@login_required
def template_download(request, slug, kind, language):
    """The template in use for this kind and language (the centre's own, or the default), to edit."""
    organisation, _others = _administered(request, slug)
    if language not in dict(settings.LANGUAGES):
        raise Http404
    try:
        document_kind = document_kinds.get(kind)
    except KeyError as error:
        raise Http404 from error
    content = selectors.template_in_use(organisation, document_kind, language)
    response = HttpResponse(content, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{kind}-{language}.docx"'
    return response


@login_required
@require_POST
def template_revert(request, slug, kind, language):
    organisation, _others = _administered(request, slug)
    document_services.template_revert(actor=request.user, organisation=organisation, kind_key=kind, language=language)
    messages.success(request, _("The default template is in use again."))
    return redirect("cases:template_kind", slug=organisation.slug, kind=kind)
