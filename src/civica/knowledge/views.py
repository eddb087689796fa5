from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from civica.organisations import selectors as organisation_selectors

from . import selectors, services
from .forms import ItemForm, LibraryFilterForm
from .models import KnowledgeItem


def library(request):
    form = LibraryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    items = selectors.library(user=request.user, query=filters.get("q", ""), kind=filters.get("kind", ""))
    page = Paginator(items, 25).get_page(request.GET.get("page"))
    language = get_language()
    rows = [(item, *item.current_version.in_language(language)) for item in page]
    return render(request, "knowledge/library.html", {"form": form, "page": page, "rows": rows})


def _item(request, uuid) -> KnowledgeItem:
    try:
        return selectors.item_get(user=request.user, uuid=uuid)
    except (KnowledgeItem.DoesNotExist, ValidationError) as error:
        raise Http404 from error


def item(request, uuid):
    knowledge_item = _item(request, uuid)
    title, body, shown_language = knowledge_item.current_version.in_language(get_language())
    context = {
        "item": knowledge_item,
        "title": title,
        "body": body,
        "shown_language": shown_language,
        "versions": selectors.versions(knowledge_item),
        "can_revise": request.user.is_authenticated
        and request.user.has_perm("knowledge.publish", knowledge_item.organisation),
    }
    return render(request, "knowledge/item.html", context)


def _apply(form, error: ValidationError) -> None:
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@login_required
@require_http_methods(["GET", "POST"])
def publish(request):
    organisations = organisation_selectors.own_organisations(request.user, roles={"admin", "staff"})
    if not organisations.exists():
        raise Http404
    form = ItemForm(
        request.POST or None,
        request.FILES or None,
        organisations=organisations,
        initial={"language": get_language(), "organisation": organisations.first()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new = services.item_publish(
                actor=request.user,
                organisation=data["organisation"],
                kind=data["kind"],
                visibility=data["visibility"],
                title=data["title"],
                body=data["body"],
                language=data["language"],
                translations=form.translations(),
                attachment=data["attachment"],
            )
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            _apply(form, error)
        else:
            messages.success(request, _("The item has been published."))
            return redirect("knowledge:item", uuid=new.uuid)
    return render(request, "knowledge/edit.html", {"form": form, "item": None})


@login_required
@require_http_methods(["GET", "POST"])
def revise(request, uuid):
    knowledge_item = _item(request, uuid)
    if not request.user.has_perm("knowledge.publish", knowledge_item.organisation):
        raise Http404
    current = knowledge_item.current_version
    initial = {"language": current.language, "title": current.title, "body": current.body}
    for code, values in current.translations.items():
        initial[f"title_{code}"], initial[f"body_{code}"] = values.get("title", ""), values.get("body", "")
    form = ItemForm(
        request.POST or None,
        request.FILES or None,
        organisations=organisation_selectors.own_organisations(request.user, roles={"admin", "staff"}),
        revising=True,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.item_revise(
                actor=request.user,
                item=knowledge_item,
                title=data["title"],
                body=data["body"],
                language=data["language"],
                translations=form.translations(),
                attachment=data["attachment"],
                change_note=data["change_note"],
            )
        except ValidationError as error:
            _apply(form, error)
        else:
            messages.success(request, _("A new version has been published."))
            return redirect("knowledge:item", uuid=knowledge_item.uuid)
    return render(request, "knowledge/edit.html", {"form": form, "item": knowledge_item})


def document(request, uuid):
    """The item's document, through the same visibility rule as the item (never a bare file link)."""
    knowledge_item = _item(request, uuid)
    attachment = knowledge_item.current_version.attachment
    if not attachment:
        raise Http404
    name = attachment.name.rsplit("/", 1)[-1]
    return FileResponse(attachment.open("rb"), as_attachment=True, filename=name)
