from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core.forms import add_errors
from civica.groups import selectors as group_selectors
from civica.groups.models import Meeting
from civica.organisations import selectors as organisation_selectors
from civica.sdg import selectors as sdg_selectors

from . import selectors, services
from .forms import FeedbackForm, ItemForm, LibraryFilterForm, PracticeFilterForm, PracticeForm, PresentExistingForm
from .models import KnowledgeItem, Practice, PracticeFeedback


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
        except ValidationError as error:
            add_errors(form, error)
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
            add_errors(form, error)
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


# --- Good practices -----------------------------------------------------------------------------------


def _practice_rows(practices, language):
    return [(practice, practice.in_language(language)) for practice in practices]


def _catalogue(request):
    targets = list(sdg_selectors.targets())
    form = PracticeFilterForm(request.GET or None, targets=targets, units=selectors.thematic_units(request.user))
    filters = form.cleaned_data if form.is_valid() else {}
    practices = selectors.catalogue(
        user=request.user,
        query=filters.get("q", ""),
        target=filters.get("target", ""),
        thematic_unit=filters.get("unit", ""),
    )
    return form, practices


def practices(request):
    form, found = _catalogue(request)
    page = Paginator(found, 25).get_page(request.GET.get("page"))
    can_record = request.user.is_authenticated and (
        organisation_selectors.own_organisations(request.user, roles={"admin", "staff"}).exists()
    )
    return render(
        request,
        "knowledge/practices.html",
        {
            "form": form,
            "page": page,
            "rows": _practice_rows(page, get_language()),
            "can_record": can_record,
            "query_string": request.GET.urlencode(),
        },
    )


def practices_print(request):
    _form, found = _catalogue(request)
    return render(
        request,
        "knowledge/practices_print.html",
        {"rows": _practice_rows(found[:500], get_language()), "query_string": request.GET.urlencode()},
    )


def _practice(request, uuid) -> Practice:
    try:
        return selectors.practice_get(user=request.user, uuid=uuid)
    except (Practice.DoesNotExist, ValidationError) as error:
        raise Http404 from error


def practice(request, uuid, feedback_form=None):
    item = _practice(request, uuid)
    moderates = request.user.is_authenticated and request.user.has_perm("knowledge.moderate_feedback", item)
    context = {
        "practice": item,
        "text": item.in_language(get_language()),
        "presentations": selectors.presentations_of(user=request.user, practice=item),
        "feedback": selectors.feedback_published(item)[:50],
        "to_moderate": list(selectors.feedback_to_moderate(item)[:50]) if moderates else [],
        "feedback_form": feedback_form or FeedbackForm(prefix="feedback"),
        "can_edit": request.user.is_authenticated and request.user.has_perm("knowledge.edit_practice", item),
        "languages": settings.LANGUAGES,
    }
    return render(request, "knowledge/practice.html", context)


def _practice_form(request, *, organisations=None, fixed_language=None, initial=None):
    return PracticeForm(
        request.POST or None,
        organisations=organisations,
        targets=sdg_selectors.targets(),
        fixed_language=fixed_language,
        initial=initial,
    )


@login_required
@require_http_methods(["GET", "POST"])
def practice_new(request):
    organisations = organisation_selectors.own_organisations(request.user, roles={"admin", "staff"})
    if not organisations.exists():
        raise Http404
    form = _practice_form(
        request,
        organisations=organisations,
        initial={"organisation": organisations.first(), "language": get_language()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new = services.practice_create(
                actor=request.user,
                organisation=data["organisation"],
                language=data["language"],
                values=form.text_values(),
                sdg_targets=data["sdg_targets"],
                website=data["website"],
                is_published=data["is_published"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The practice has been recorded."))
            return redirect("knowledge:practice", uuid=new.uuid)
    return render(request, "knowledge/practice_edit.html", {"form": form, "practice": None, "meeting": None})


def _meeting_to_run(request, uuid) -> Meeting:
    try:
        meeting = group_selectors.meeting_get(user=request.user, uuid=uuid)
    except (Meeting.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    if not request.user.has_perm("knowledge.record_practice_from_meeting", meeting):
        raise Http404
    return meeting


@login_required
@require_http_methods(["GET", "POST"])
def practice_from_meeting(request, uuid):
    """Record a practice presented in a meeting; it belongs to the group's organisation."""
    meeting = _meeting_to_run(request, uuid)
    form = _practice_form(request, initial={"language": meeting.group.language, "place": meeting.place})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new = services.practice_create(
                actor=request.user,
                organisation=meeting.group.organisation,
                language=data["language"],
                values=form.text_values(),
                sdg_targets=data["sdg_targets"],
                website=data["website"],
                is_published=data["is_published"],
                meeting=meeting,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The practice has been recorded as presented in this meeting."))
            return redirect("knowledge:practice", uuid=new.uuid)
    return render(request, "knowledge/practice_edit.html", {"form": form, "practice": None, "meeting": meeting})


@login_required
@require_POST
def practice_present(request, uuid):
    """Link a practice already in the catalogue to the meeting where it was presented."""
    meeting = _meeting_to_run(request, uuid)
    form = PresentExistingForm(request.POST, practices=selectors.practices_visible_to(request.user), prefix="present")
    if not form.is_valid():
        messages.error(request, _("Choose a practice from the catalogue."))
    else:
        services.practice_present(actor=request.user, practice=form.cleaned_data["practice"], meeting=meeting)
        messages.success(request, _("The practice is now linked to this meeting."))
    return redirect("groups:meeting", uuid=meeting.uuid)


@login_required
@require_http_methods(["GET", "POST"])
def practice_edit(request, uuid):
    item = _practice(request, uuid)
    if not request.user.has_perm("knowledge.edit_practice", item):
        raise Http404
    language = request.GET.get("language") or item.language
    if language not in dict(settings.LANGUAGES):
        raise Http404
    values = item.translations.get(language, {}) if language != item.language else {}
    initial = {name: values.get(name) or getattr(item, name) for name in Practice.TEXT_FIELDS}
    if language != item.language and not values:
        initial = dict.fromkeys(Practice.TEXT_FIELDS, "")
    initial.update(
        {"website": item.website, "sdg_targets": list(item.sdg_targets.all()), "is_published": item.is_published}
    )
    form = _practice_form(request, fixed_language=language, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.practice_update(
                actor=request.user,
                practice=item,
                language=language,
                values=form.text_values(),
                sdg_targets=data["sdg_targets"],
                website=data["website"],
                is_published=data["is_published"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The practice has been saved."))
            return redirect("knowledge:practice", uuid=item.uuid)
    return render(
        request,
        "knowledge/practice_edit.html",
        {"form": form, "practice": item, "meeting": None, "language": language, "languages": settings.LANGUAGES},
    )


def _client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


@require_POST
def practice_feedback(request, uuid):
    item = _practice(request, uuid)
    form = FeedbackForm(request.POST, prefix="feedback")
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.feedback_submit(
                practice=item,
                useful=data["useful"],
                comment=data["comment"],
                sender_address=_client_address(request),
                honeypot=data["website"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                add_errors(form, error)
            else:
                form.add_error(None, error.messages)
        else:
            messages.success(request, _("Thank you. Your feedback will appear once the organisation has read it."))
            return redirect("knowledge:practice", uuid=item.uuid)
    return practice(request, uuid, feedback_form=form)


@login_required
@require_POST
def feedback_moderate(request, uuid, feedback_id):
    item = _practice(request, uuid)
    if not request.user.has_perm("knowledge.moderate_feedback", item):
        raise Http404
    try:
        feedback = selectors.feedback_of(item, feedback_id)
    except PracticeFeedback.DoesNotExist as error:
        raise Http404 from error
    try:
        services.feedback_moderate(actor=request.user, feedback=feedback, decision=request.POST.get("decision", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The feedback has been moderated."))
    return redirect("knowledge:practice", uuid=item.uuid)
