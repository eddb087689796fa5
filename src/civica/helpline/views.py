"""Pages of the helpline: the operator console, the anonymous web chat and the WhatsApp webhook.
Thin: they parse, authorise (refusals look like 404), call a service or selector and render."""

import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from civica.core import jsonsafe
from civica.core.forms import add_errors

from . import safety, selectors, services
from .forms import (
    AssignForm,
    EscalateForm,
    FilterForm,
    FlagsForm,
    HelplineSettingsForm,
    NoteForm,
    OperatorAddForm,
    OperatorForm,
    QuickReplyForm,
    ReplyForm,
    TagsForm,
    WebChatMessageForm,
    WebChatStartForm,
)
from .models import Channel, Conversation, Helpline, Operator

logger = logging.getLogger(__name__)


def _helpline(request, uuid, perm="helpline.operate") -> Helpline:
    try:
        helpline = selectors.helpline_get(user=request.user, uuid=uuid)
    except Helpline.DoesNotExist as error:
        raise Http404 from error
    if not request.user.has_perm(perm, helpline):
        raise Http404
    return helpline


def _conversation(request, uuid) -> Conversation:
    try:
        conversation = selectors.conversation_get(user=request.user, uuid=uuid)
    except Conversation.DoesNotExist as error:
        raise Http404 from error
    if not request.user.has_perm("helpline.operate", conversation.helpline):
        raise Http404
    return conversation


# --- the console ------------------------------------------------------------------------------------


@login_required
def home(request):
    helplines = list(selectors.helplines_of(request.user))
    if len(helplines) == 1:
        return redirect("helpline:console", uuid=helplines[0].uuid)
    return render(request, "helpline/home.html", {"helplines": helplines})


@login_required
def console(request, uuid):
    helpline = _helpline(request, uuid)
    form = FilterForm(request.GET or None, prefix="f")
    filters = form.cleaned_data if form.is_valid() else {}
    found = selectors.conversations(
        user=request.user,
        helpline=helpline,
        channel=filters.get("channel", ""),
        state=filters.get("state", ""),
        assigned=filters.get("assigned", ""),
        flag=filters.get("flag", ""),
        tag=(filters.get("tag") or "").strip().lower(),
    )
    page = Paginator(found, 25).get_page(request.GET.get("page"))
    operator = selectors.operator_of(request.user, helpline)
    context = {
        "helpline": helpline,
        "form": form,
        "page": page,
        "operator": operator,
        "is_open": selectors.is_open(helpline),
        "can_report": request.user.has_perm("helpline.view_reports", helpline),
        "can_manage": request.user.has_perm("helpline.manage", helpline),
        "query": request.GET.urlencode(),
    }
    if request.htmx:
        return render(request, "helpline/_list.html", context)
    return render(request, "helpline/console.html", context)


@login_required
@require_POST
def availability(request, uuid):
    helpline = _helpline(request, uuid)
    available = request.POST.get("available") == "1"
    services.availability_set(actor=request.user, helpline=helpline, available=available)
    messages.success(request, _("You are now available.") if available else _("You are now unavailable."))
    return redirect("helpline:console", uuid=helpline.uuid)


def _conversation_context(request, conversation, forms=None, revealed=""):
    helpline = conversation.helpline
    user = request.user
    language = conversation.language or helpline.language
    replies = list(selectors.quick_replies(helpline, language)) or list(
        selectors.quick_replies(helpline, helpline.language)
    )
    operators = list(selectors.operators_of(helpline))
    forms = forms or {}
    window_open = conversation.channel != Channel.WHATSAPP or services.whatsapp_window_open(conversation)
    context = {
        "conversation": conversation,
        "helpline": helpline,
        "messages_list": selectors.messages_shown(conversation),
        "notes": selectors.notes_shown(conversation),
        "reply_form": forms.get("reply") or ReplyForm(prefix="reply", quick_replies=replies),
        "note_form": forms.get("note") or NoteForm(prefix="note"),
        "tags_form": forms.get("tags") or TagsForm(prefix="tags", initial={"tags": ", ".join(conversation.tags)}),
        "flags_form": forms.get("flags")
        or FlagsForm(prefix="flags", initial={"is_minor": conversation.is_minor, "at_risk": conversation.at_risk}),
        "assign_form": forms.get("assign")
        or AssignForm(
            prefix="assign",
            operators=operators,
            initial={"operator": str(conversation.assigned_to.uuid) if conversation.assigned_to else ""},
        ),
        "escalate_form": forms.get("escalate") or EscalateForm(prefix="escalate"),
        "contact": revealed or selectors.contact_masked(conversation),
        "revealed": bool(revealed),
        # The name is shown where it was shown before encryption: revealed with the contact, or given
        # in the web chat (where there is no contact).
        "contact_name": selectors.contact_name_of(conversation)
        if revealed or conversation.channel == Channel.WEB
        else "",
        "can_see_contacts": user.has_perm("helpline.see_contacts", helpline),
        "can_assign_others": user.has_perm("helpline.assign_others", helpline),
        "can_escalate": user.has_perm("helpline.escalate", helpline),
        "window_open": window_open,
        "emergency_numbers": safety.emergency_numbers(helpline.country, helpline.emergency_numbers),
        "last_message": None,
    }
    if context["messages_list"]:
        context["last_message"] = context["messages_list"][-1]
    return context


_ACTIONS = {"reply", "note", "tags", "flags", "assign", "escalate", "take", "open", "wait", "close", "reopen", "reveal"}


@login_required
@require_http_methods(["GET", "POST"])
def conversation(request, uuid):
    conversation = _conversation(request, uuid)
    if request.method == "GET":
        services.conversation_viewed(actor=request.user, conversation=conversation)
        return render(request, "helpline/conversation.html", _conversation_context(request, conversation))
    action = request.POST.get("action", "")
    if action not in _ACTIONS:
        raise Http404
    helpline, user = conversation.helpline, request.user
    bound = None
    try:
        if action == "reply":
            language = conversation.language or helpline.language
            replies = list(selectors.quick_replies(helpline, language)) or list(
                selectors.quick_replies(helpline, helpline.language)
            )
            bound = ReplyForm(request.POST, prefix="reply", quick_replies=replies)
            if bound.is_valid():
                services.conversation_reply(
                    actor=user,
                    conversation=conversation,
                    body=bound.text(),
                    use_template=bound.cleaned_data["use_template"],
                )
                messages.success(request, _("Your answer is on its way."))
        elif action == "note":
            bound = NoteForm(request.POST, prefix="note")
            if bound.is_valid():
                services.note_add(actor=user, conversation=conversation, body=bound.cleaned_data["body"])
                messages.success(request, _("The note is saved."))
        elif action == "tags":
            bound = TagsForm(request.POST, prefix="tags")
            if bound.is_valid():
                services.conversation_tag(actor=user, conversation=conversation, tags=bound.cleaned_data["tags"])
                messages.success(request, _("The tags are saved."))
        elif action == "flags":
            bound = FlagsForm(request.POST, prefix="flags")
            if bound.is_valid():
                services.conversation_flag(actor=user, conversation=conversation, **bound.cleaned_data)
                messages.success(request, _("The flags are saved."))
        elif action == "assign":
            bound = AssignForm(request.POST, prefix="assign", operators=selectors.operators_of(helpline))
            if bound.is_valid():
                chosen = bound.operators.get(bound.cleaned_data["operator"] or "")
                services.conversation_assign(actor=user, conversation=conversation, operator_user=chosen)
                messages.success(request, _("The conversation is assigned."))
        elif action == "take":
            services.conversation_assign(actor=user, conversation=conversation, operator_user=user)
            messages.success(request, _("The conversation is assigned to you."))
        elif action == "escalate":
            bound = EscalateForm(request.POST, prefix="escalate")
            if bound.is_valid():
                reference = services.conversation_escalate(
                    actor=user, conversation=conversation, title=bound.cleaned_data["title"]
                )
                messages.success(request, _("Case %(reference)s is open.") % {"reference": reference})
        elif action == "reveal":
            contact = services.contact_reveal(actor=user, conversation=conversation)
            return render(
                request, "helpline/conversation.html", _conversation_context(request, conversation, revealed=contact)
            )
        else:
            services.conversation_move(actor=user, conversation=conversation, action=action)
            messages.success(request, _("The conversation is now: %(state)s.") % {"state": _state_label(action)})
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as error:
        if bound is None:
            messages.error(request, " ".join(error.messages))
            return redirect("helpline:conversation", uuid=conversation.uuid)
        add_errors(bound, error)
    if bound is not None and bound.errors:
        conversation.refresh_from_db()
        context = _conversation_context(request, conversation, forms={action: bound})
        return render(request, "helpline/conversation.html", context, status=400)
    return redirect("helpline:conversation", uuid=conversation.uuid)


def _state_label(action: str) -> str:
    target = {"open": "open", "wait": "waiting", "close": "closed", "reopen": "open"}[action]
    return str(Conversation.State(target).label)


@login_required
def conversation_messages(request, uuid):
    """The messages alone, fetched every few seconds by htmx so new ones appear without reloading."""
    conversation = _conversation(request, uuid)
    return render(
        request,
        "helpline/_messages.html",
        {
            "conversation": conversation,
            "messages_list": selectors.messages_shown(conversation),
            "for_operator": True,
        },
    )


@login_required
def reports(request, uuid):
    helpline = _helpline(request, uuid, "helpline.view_reports")
    return render(
        request,
        "helpline/reports.html",
        {"helpline": helpline, "report": selectors.report(user=request.user, helpline=helpline)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def helpline_settings(request, uuid):
    """The coordinator's page: hours, the automatic answer, emergency numbers, retention, the WhatsApp
    template, the web chat, the quick reply library and who answers."""
    helpline = _helpline(request, uuid, "helpline.manage")
    initial = {
        "open_weekdays": helpline.open_weekdays,
        "opens_at": helpline.opens_at,
        "closes_at": helpline.closes_at,
        "outside_hours_message": helpline.outside_hours_message,
        "emergency_numbers": "\n".join(f"{n['label']}: {n['number']}" for n in helpline.emergency_numbers or []),
        "retention_days": helpline.retention_days,
        "whatsapp_template": helpline.whatsapp_template,
        "web_chat_enabled": helpline.web_chat_enabled,
    }
    which = request.POST.get("form") if request.method == "POST" else ""
    settings_form = HelplineSettingsForm(
        request.POST if which == "settings" else None, prefix="settings", initial=initial
    )
    reply_form = QuickReplyForm(request.POST if which == "reply" else None, prefix="quick")
    status = 200
    if which == "settings" and settings_form.is_valid():
        try:
            services.helpline_update(actor=request.user, helpline=helpline, data=settings_form.cleaned_data)
        except ValidationError as error:
            add_errors(settings_form, error)
        else:
            messages.success(request, _("The settings are saved."))
            return redirect("helpline:settings", uuid=helpline.uuid)
    elif which == "reply" and reply_form.is_valid():
        try:
            services.quick_reply_save(actor=request.user, helpline=helpline, **reply_form.cleaned_data)
        except ValidationError as error:
            add_errors(reply_form, error)
        else:
            messages.success(request, _("The quick reply is saved."))
            return redirect("helpline:settings", uuid=helpline.uuid)
    if settings_form.errors or reply_form.errors:
        status = 400
    return render(
        request,
        "helpline/settings.html",
        {
            "helpline": helpline,
            "settings_form": settings_form,
            "reply_form": reply_form,
            "quick_replies": selectors.quick_replies(helpline),
            "operators": selectors.operators_of(helpline),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def operators(request, uuid):
    """The coordinator's page of who answers: add a member of the organisation by e-mail."""
    helpline = _helpline(request, uuid, "helpline.manage")
    form = OperatorAddForm(request.POST or None, prefix="add")
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                operator = services.operator_add(actor=request.user, helpline=helpline, **form.cleaned_data)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("%(name)s now answers for the helpline.")
                    % {"name": operator.user.get_full_name() or operator.user.email},
                )
                return redirect("helpline:operators", uuid=helpline.uuid)
        status = 400
    return render(
        request,
        "helpline/operators.html",
        {"helpline": helpline, "form": form, "operators": selectors.operators_of(helpline)},
        status=status,
    )


def _operator(request, uuid, operator_uuid) -> Operator:
    helpline = _helpline(request, uuid, "helpline.manage")
    try:
        return selectors.operator_get(helpline=helpline, uuid=operator_uuid)
    except Operator.DoesNotExist as error:
        raise Http404 from error


@login_required
@require_http_methods(["GET", "POST"])
def operator_change(request, uuid, operator_uuid):
    """Change an operator's role and whether they see contacts."""
    operator = _operator(request, uuid, operator_uuid)
    form = OperatorForm(
        request.POST or None,
        prefix="change",
        initial={"role": operator.role, "sees_contacts": operator.sees_contacts},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                operator = services.operator_update(actor=request.user, operator=operator, **form.cleaned_data)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The operator is saved."))
                if operator.user_id == request.user.pk and operator.role != Operator.Role.COORDINATOR:
                    # A coordinator who stepped down no longer manages the operators.
                    return redirect("helpline:console", uuid=operator.helpline.uuid)
                return redirect("helpline:operators", uuid=operator.helpline.uuid)
        status = 400
    return render(
        request,
        "helpline/operator_change.html",
        {"helpline": operator.helpline, "operator": operator, "form": form},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def operator_remove(request, uuid, operator_uuid):
    """Ask, then stop someone answering for the helpline."""
    operator = _operator(request, uuid, operator_uuid)
    error_messages = []
    status = 200
    if request.method == "POST":
        try:
            services.operator_remove(actor=request.user, operator=operator)
        except ValidationError as error:
            error_messages = error.messages
            status = 400
        else:
            messages.success(request, _("The person no longer answers for the helpline."))
            if operator.user_id == request.user.pk:
                return redirect("helpline:home")
            return redirect("helpline:operators", uuid=operator.helpline.uuid)
    return render(
        request,
        "helpline/operator_remove.html",
        {"helpline": operator.helpline, "operator": operator, "error_messages": error_messages},
        status=status,
    )


# --- the anonymous web chat -----------------------------------------------------------------------------


def _rate_limited(request, helpline) -> bool:
    """At most CIVICA_HELPLINE_WEB_RATE writes per address and window (the address is hashed)."""
    address = request.META.get("REMOTE_ADDR", "")
    key = "helpline:web:" + hashlib.sha256(f"{helpline.pk}:{address}".encode()).hexdigest()[:32]
    window = settings.CIVICA_HELPLINE_WEB_RATE_SECONDS
    if cache.add(key, 1, window):
        return False
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)
        return False
    return count > settings.CIVICA_HELPLINE_WEB_RATE


def _public_helpline(uuid) -> Helpline:
    try:
        return selectors.helpline_public(uuid=uuid)
    except Helpline.DoesNotExist as error:
        raise Http404 from error


@require_http_methods(["GET", "POST"])
def chat_start(request, uuid):
    helpline = _public_helpline(uuid)
    form = WebChatStartForm(request.POST or None, prefix="chat")
    status = 200
    if request.method == "POST":
        if _rate_limited(request, helpline):
            form.is_valid()
            form.add_error(None, _("Too many messages from here in a short time. Wait a few minutes and try again."))
            status = 429
        elif form.is_valid():
            if form.cleaned_data["website"]:
                # A robot filled in the hidden field: it is told nothing, and nothing is stored.
                return render(request, "helpline/chat_sent.html", {"helpline": helpline})
            try:
                _conversation_obj, token = services.web_start(
                    helpline=helpline,
                    body=form.cleaned_data["body"],
                    name=form.cleaned_data["name"],
                    is_minor=form.cleaned_data["is_minor"],
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                return redirect("helpline:chat", token=token)
        if form.errors:
            status = status if status != 200 else 400
    return render(
        request,
        "helpline/chat_start.html",
        {
            "helpline": helpline,
            "form": form,
            "numbers": safety.emergency_numbers(helpline.country, helpline.emergency_numbers),
        },
        status=status,
    )


def _person_conversation(token) -> Conversation:
    conversation = services.web_conversation_from_token(token)
    if conversation is None:
        raise Http404
    return conversation


@require_http_methods(["GET", "POST"])
def chat(request, token):
    conversation = _person_conversation(token)
    helpline = conversation.helpline
    form = WebChatMessageForm(request.POST or None, prefix="chat")
    status = 200
    if request.method == "POST":
        if _rate_limited(request, helpline):
            form.is_valid()
            form.add_error(None, _("Too many messages from here in a short time. Wait a few minutes and try again."))
            status = 429
        elif form.is_valid():
            if not form.cleaned_data["website"]:
                try:
                    services.web_person_write(conversation=conversation, body=form.cleaned_data["body"])
                except ValidationError as error:
                    add_errors(form, error)
            if not form.errors:
                return redirect("helpline:chat", token=token)
        if form.errors and status == 200:
            status = 400
    conversation.refresh_from_db()
    return render(
        request,
        "helpline/chat.html",
        {
            "conversation": conversation,
            "helpline": helpline,
            "form": form,
            "token": token,
            "link": request.build_absolute_uri(reverse("helpline:chat", kwargs={"token": token})),
            "messages_list": selectors.messages_shown(conversation),
            "numbers": safety.emergency_numbers(helpline.country, helpline.emergency_numbers),
        },
        status=status,
    )


def chat_messages(request, token):
    conversation = _person_conversation(token)
    return render(
        request,
        "helpline/_messages.html",
        {
            "conversation": conversation,
            "messages_list": selectors.messages_shown(conversation),
            "for_operator": False,
        },
    )


# --- WhatsApp Cloud API webhook ------------------------------------------------------------------------


def signature_valid(raw_body: bytes, header: str) -> bool:
    """X-Hub-Signature-256 is "sha256=" and the hex HMAC-SHA256 of the raw body with the app secret,
    compared in constant time. No secret configured means nothing is accepted."""
    secret = settings.CIVICA_WHATSAPP_APP_SECRET
    if not secret or not header or not header.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode(), raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header.removeprefix("sha256=").strip().lower())


@csrf_exempt
@require_http_methods(["GET", "POST"])
def whatsapp_webhook(request):
    if request.method == "GET":
        token = settings.CIVICA_WHATSAPP_VERIFY_TOKEN
        given = request.GET.get("hub.verify_token", "")
        if request.GET.get("hub.mode") == "subscribe" and token and hmac.compare_digest(token.encode(), given.encode()):
            return HttpResponse(request.GET.get("hub.challenge", ""), content_type="text/plain")
        return HttpResponseForbidden("verification failed", content_type="text/plain")
    raw = request.body
    if not signature_valid(raw, request.headers.get("X-Hub-Signature-256", "")):
        return HttpResponseForbidden("invalid signature", content_type="text/plain")
    try:
        payload = jsonsafe.loads(raw.decode("utf-8"))
    except jsonsafe.JSONTooDeep:
        return HttpResponseBadRequest("JSON nested too deeply", content_type="text/plain")
    except (UnicodeDecodeError, ValueError):
        payload = None
    # A valid signature always gets 200, whatever the content: an error would make Meta retry and,
    # in the end, switch the webhook off.
    summary = services.whatsapp_ingest(payload)
    return HttpResponse(json.dumps(summary), content_type="application/json")
