"""Pages of the time bank: thin, they parse, authorise (refusals look like 404), call a service or
selector and render."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core import ratelimit
from civica.core.documents import DocumentError
from civica.core.forms import add_errors
from civica.organisations import selectors as organisation_selectors

from . import ledger, selectors, services, statements
from .forms import (
    BankForm,
    ChequeForm,
    ContactForm,
    CorrectionForm,
    DecisionForm,
    DonationForm,
    ExchangeForm,
    FeedbackForm,
    FundPaymentForm,
    JoinForm,
    ListingEditForm,
    ListingFilterForm,
    ListingForm,
)
from .models import Account, BankMember, Exchange, Listing, TimeBank, Transfer


def _bank(request, uuid, perm=None) -> TimeBank:
    try:
        bank = selectors.bank_get(user=request.user, uuid=uuid)
    except TimeBank.DoesNotExist as error:
        raise Http404 from error
    if perm and not request.user.has_perm(perm, bank):
        raise Http404
    return bank


def home(request):
    context = {"banks": selectors.banks_visible_to(request.user)}
    if request.user.is_authenticated:
        mine = list(selectors.memberships(request.user))
        context.update(
            memberships=mine,
            joined={m.bank_id for m in mine},
            staff_banks=set(selectors.staff_bank_ids(request.user)),
            to_confirm=selectors.awaiting_my_confirmation(user=request.user),
            can_open=bool(organisation_selectors.administered_organisation_ids(request.user)),
        )
    return render(request, "timebank/home.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def join(request, bank):
    bank = _bank(request, bank, "timebank.join")
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
        if form.cleaned_data["website"]:  # a robot: answered as if sent, nothing stored
            messages.success(request, _("Your request has been sent to the time bank."))
            return redirect("timebank:home")
        if not ratelimit.allow("timebank.join", ratelimit.client_address(request), limit=10, window=3600):
            form.add_error(None, _("Too many requests were sent from here in the last hour. Please try again later."))
            return render(request, "timebank/join.html", {"bank": bank, "form": form}, status=429)
        try:
            services.membership_request(actor=request.user, bank=bank, data=data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your request has been sent to the time bank."))
            return redirect("timebank:home")
    return render(request, "timebank/join.html", {"bank": bank, "form": form})


@login_required
def bank(request, bank):
    bank = _bank(request, bank)
    is_member = request.user.has_perm("timebank.trade", bank)
    is_staff = request.user.has_perm("timebank.view_ledger", bank)
    if not (is_member or is_staff):
        raise Http404
    form = ListingFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    found = selectors.listings(
        user=request.user,
        bank=bank,
        kind=filters.get("kind", ""),
        category=filters.get("category", ""),
        query=filters.get("q", ""),
    )
    page = Paginator(found, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "timebank/bank.html",
        {"bank": bank, "form": form, "page": page, "is_member": is_member, "is_staff": is_staff},
    )


@login_required
@require_http_methods(["GET", "POST"])
def account(request, bank):
    bank = _bank(request, bank, "timebank.trade")
    member = selectors.membership_of(request.user, bank)
    form = DonationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.donate(actor=request.user, bank=bank, minutes=form.cleaned_data["minutes"])
        except (ValidationError, ledger.LedgerBusy) as error:
            add_errors(form, error if isinstance(error, ValidationError) else ValidationError(str(error)))
        else:
            messages.success(request, _("Thank you: your hours have been given to the community fund."))
            return redirect("timebank:account", bank=bank.uuid)
    lines = selectors.statement_lines(selectors.statement(user=request.user, member=member))
    context = {
        "bank": bank,
        "member": member,
        "account": Account.objects.get(member=member),
        "lines": list(reversed(lines))[:100],
        "exchanges": selectors.my_exchanges(user=request.user).filter(bank=bank)[:20],
        "listings": selectors.my_listings(user=request.user).filter(bank=bank),
        "form": form,
    }
    return render(request, "timebank/account.html", context)


def _statement_response(request, member: BankMember, fmt: str):
    lines = selectors.statement_lines(selectors.statement(user=request.user, member=member))
    name = f"statement-{member.card_number or member.uuid}"
    if fmt == "csv":
        response = HttpResponse(statements.statement_csv(member, lines), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    if fmt == "pdf":
        try:
            pdf = statements.statement_pdf(member, lines)
        except DocumentError as error:
            messages.error(request, str(error))
            return redirect("timebank:home")
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        return response
    raise Http404


@login_required
def my_statement(request, bank, fmt):
    bank = _bank(request, bank)
    member = selectors.membership_of(request.user, bank)
    if member is None or not hasattr(member, "account"):
        raise Http404
    return _statement_response(request, member, fmt)


@login_required
def member_statement(request, bank, member, fmt):
    bank = _bank(request, bank, "timebank.view_ledger")
    try:
        member = selectors.member_get(user=request.user, bank=bank, uuid=member)
    except BankMember.DoesNotExist as error:
        raise Http404 from error
    return _statement_response(request, member, fmt)


@login_required
@require_http_methods(["GET", "POST"])
def listing_new(request, bank):
    bank = _bank(request, bank, "timebank.trade")
    form = ListingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.listing_save(actor=request.user, bank=bank, data=form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your offer or request is now shown to the members."))
            return redirect("timebank:listing", uuid=item.uuid)
    return render(request, "timebank/listing_form.html", {"bank": bank, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def listing(request, uuid):
    try:
        item = selectors.listing_get(user=request.user, uuid=uuid)
    except (Listing.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    can_contact = request.user.has_perm("timebank.trade", item.bank) and item.member.user_id != request.user.pk
    form = ContactForm(request.POST or None)
    if request.method == "POST":
        if not can_contact:
            raise Http404
        if form.is_valid():
            try:
                services.listing_contact(actor=request.user, listing=item, message=form.cleaned_data["message"])
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Your message has been sent."))
                return redirect("timebank:listing", uuid=item.uuid)
    return render(request, "timebank/listing.html", {"item": item, "form": form, "can_contact": can_contact})


@login_required
@require_http_methods(["GET", "POST"])
def exchange_new(request, bank):
    bank = _bank(request, bank, "timebank.trade")
    me = selectors.membership_of(request.user, bank)
    members = selectors.active_members(bank).exclude(pk=me.pk)
    initial = {"performed_on": timezone.localdate()}
    offered = None
    if request.GET.get("listing"):
        try:
            offered = selectors.listing_get(user=request.user, uuid=request.GET["listing"])
        except (Listing.DoesNotExist, ValidationError) as error:
            raise Http404 from error
        initial.update(
            counterpart=offered.member.uuid,
            category=offered.category,
            description=offered.title,
            direction="received" if offered.kind == Listing.Kind.OFFER else "provided",
        )
    form = ExchangeForm(request.POST or None, members=members, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            recorded = services.exchange_record(
                actor=request.user,
                bank=bank,
                counterpart=data["counterpart"],
                i_provided=data["direction"] == "provided",
                data={**data, "listing": offered if offered and offered.bank_id == bank.pk else None},
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The exchange is recorded; the other member will be asked to confirm it."))
            return redirect("timebank:exchange", uuid=recorded.uuid)
    return render(request, "timebank/exchange_form.html", {"bank": bank, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def exchange(request, uuid):
    try:
        item = selectors.exchange_get(user=request.user, uuid=uuid)
    except (Exchange.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    involved = request.user.pk in (item.provider.user_id, item.receiver.user_id)
    may_decide = involved and item.status == Exchange.Status.PENDING and item.recorded_by_id != request.user.pk
    given = item.feedback.filter(author__user=request.user).exists()
    may_rate = involved and item.status == Exchange.Status.CONFIRMED and not given
    decision = DecisionForm(request.POST if request.POST.get("action") in ("confirm", "reject") else None)
    feedback = FeedbackForm(request.POST if request.POST.get("action") == "feedback" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action in ("confirm", "reject") and may_decide and decision.is_valid():
                services.exchange_decide(
                    actor=request.user,
                    exchange=item,
                    confirm=action == "confirm",
                    reason=decision.cleaned_data["reason"],
                )
                messages.success(
                    request,
                    _("Exchange confirmed: the time has moved.") if action == "confirm" else _("Exchange rejected."),
                )
                return redirect("timebank:exchange", uuid=item.uuid)
            if action == "feedback" and may_rate and feedback.is_valid():
                services.feedback_give(actor=request.user, exchange=item, **feedback.cleaned_data)
                messages.success(request, _("Thank you for your feedback."))
                return redirect("timebank:exchange", uuid=item.uuid)
            if action not in ("confirm", "reject", "feedback") or not (may_decide or may_rate):
                raise Http404
        except ValidationError as error:
            add_errors(decision if action != "feedback" else feedback, error)
        except ledger.LedgerBusy as error:
            decision.add_error(None, str(error))
    counterpart = None
    if involved:
        counterpart = item.receiver if item.provider.user_id == request.user.pk else item.provider
    context = {
        "item": item,
        "counterpart": counterpart,
        "may_decide": may_decide,
        "may_rate": may_rate,
        "decision": decision,
        "feedback_form": feedback,
        "feedback": item.feedback.select_related("author__user"),
    }
    return render(request, "timebank/exchange.html", context)


# --- the bank's staff -----------------------------------------------------------------------------


@login_required
def members(request, bank):
    bank = _bank(request, bank, "timebank.manage_members")
    everyone = selectors.bank_members(user=request.user, bank=bank)
    context = {
        "bank": bank,
        "requests": everyone.filter(status=BankMember.Status.REQUESTED),
        "page": Paginator(everyone.exclude(status=BankMember.Status.REQUESTED), 50).get_page(request.GET.get("page")),
        "can_change": request.user.has_perm("timebank.change_bank", bank),
    }
    return render(request, "timebank/members.html", context)


@login_required
@require_POST
def member_action(request, bank, member, action):
    bank = _bank(request, bank, "timebank.manage_members")
    try:
        target = selectors.member_get(user=request.user, bank=bank, uuid=member)
    except BankMember.DoesNotExist as error:
        raise Http404 from error
    actions = {
        "approve": lambda: services.membership_decide(actor=request.user, member=target, approve=True),
        "refuse": lambda: services.membership_decide(actor=request.user, member=target, approve=False),
        "settle": lambda: services.member_settle(actor=request.user, member=target),
        "leave": lambda: services.member_leave(actor=request.user, member=target),
        "reactivate": lambda: services.member_reactivate(actor=request.user, member=target),
    }
    if action not in actions:
        raise Http404
    try:
        actions[action]()
    except (ValidationError, ledger.LedgerBusy) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("Done: %(member)s.") % {"member": target})
    return redirect("timebank:members", bank=bank.uuid)


@login_required
@require_http_methods(["GET", "POST"])
def fund_payment(request, bank):
    bank = _bank(request, bank, "timebank.pay_from_fund")
    form = FundPaymentForm(
        request.POST or None, members=selectors.active_members(bank), initial={"occurred_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.fund_payment(
                actor=request.user,
                bank=bank,
                payments=dict.fromkeys(data["attendees"], data["minutes"]),
                description=data["description"],
                occurred_on=data["occurred_on"],
            )
        except (ValidationError, ledger.LedgerBusy) as error:
            add_errors(form, error if isinstance(error, ValidationError) else ValidationError(str(error)))
        else:
            messages.success(
                request, _("The bank fund has paid %(count)s members.") % {"count": len(data["attendees"])}
            )
            return redirect("timebank:ledger", bank=bank.uuid)
    return render(request, "timebank/fund_payment.html", {"bank": bank, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def cheque(request, bank):
    bank = _bank(request, bank, "timebank.enter_cheque")
    form = ChequeForm(
        request.POST or None, members=selectors.active_members(bank), initial={"written_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.cheque_enter(actor=request.user, bank=bank, **form.cleaned_data)
        except (ValidationError, ledger.LedgerBusy) as error:
            add_errors(form, error if isinstance(error, ValidationError) else ValidationError(str(error)))
        else:
            messages.success(request, _("The cheque has been entered."))
            return redirect("timebank:cheque", bank=bank.uuid)
    return render(request, "timebank/cheque.html", {"bank": bank, "form": form})


@login_required
def ledger_page(request, bank):
    bank = _bank(request, bank, "timebank.view_ledger")
    page = Paginator(selectors.bank_transfers(user=request.user, bank=bank), 50).get_page(request.GET.get("page"))
    return render(request, "timebank/ledger.html", {"bank": bank, "page": page, "funds": selectors.funds(bank)})


@login_required
@require_http_methods(["GET", "POST"])
def correct(request, bank, transfer):
    bank = _bank(request, bank, "timebank.correct")
    try:
        original = selectors.transfer_get(user=request.user, bank=bank, uuid=transfer)
    except Transfer.DoesNotExist as error:
        raise Http404 from error
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.correction(actor=request.user, transfer=original, reason=form.cleaned_data["reason"])
        except (ValidationError, ledger.LedgerBusy) as error:
            add_errors(form, error if isinstance(error, ValidationError) else ValidationError(str(error)))
        else:
            messages.success(request, _("The transfer has been reversed."))
            return redirect("timebank:ledger", bank=bank.uuid)
    return render(request, "timebank/correct.html", {"bank": bank, "transfer": original, "form": form})


@login_required
def dashboard(request, bank):
    bank = _bank(request, bank, "timebank.view_ledger")
    figures = selectors.dashboard(user=request.user, bank=bank)
    top = max([row["minutes"] for row in figures["by_category"] + figures["by_month"]] or [1])
    return render(request, "timebank/dashboard.html", {"bank": bank, "figures": figures, "top": top})


@login_required
@require_http_methods(["GET", "POST"])
def bank_new(request):
    """An organisation's administrator opens a time bank run by that organisation."""
    organisations = organisation_selectors.own_organisations(request.user, roles={"admin"})
    if not organisations.exists():
        raise Http404
    form = BankForm(request.POST or None, organisations=organisations, initial={"organisation": organisations.first()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = services.bank_create(actor=request.user, organisation=data.pop("organisation"), data=data)
        messages.success(request, _("The time bank has been opened."))
        return redirect("timebank:members", bank=created.uuid)
    return render(request, "timebank/bank_form.html", {"form": form, "bank": None})


@login_required
@require_http_methods(["GET", "POST"])
def bank_settings(request, bank):
    bank = _bank(request, bank, "timebank.change_bank")
    form = BankForm(request.POST or None, instance=bank)
    if request.method == "POST" and form.is_valid():
        services.bank_update(actor=request.user, bank=TimeBank.objects.get(pk=bank.pk), data=form.cleaned_data)
        messages.success(request, _("The time bank's rules have been saved."))
        return redirect("timebank:members", bank=bank.uuid)
    return render(request, "timebank/bank_form.html", {"form": form, "bank": bank})


@login_required
@require_http_methods(["GET", "POST"])
def listing_edit(request, uuid):
    try:
        item = selectors.my_listings(user=request.user).get(uuid=uuid)
    except (Listing.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    form = ListingEditForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.listing_save(actor=request.user, bank=item.bank, data=form.cleaned_data, listing=item)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your offer or request has been saved."))
            return redirect("timebank:account", bank=item.bank.uuid)
    return render(request, "timebank/listing_form.html", {"bank": item.bank, "form": form, "item": item})


@login_required
def members_csv(request, bank):
    """The members with their balances, for the bank's staff."""
    bank = _bank(request, bank, "timebank.manage_members")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="members.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Card"), _("Name"), _("Status"), _("Balance (minutes)"), _("last exchange")])
    for member in selectors.bank_members(user=request.user, bank=bank):
        account = getattr(member, "account", None)
        writer.writerow(
            [
                member.card_number,
                statements.safe_cell(member.user.get_full_name() or member.user.email),
                member.get_status_display(),
                account.balance if account else "",
                member.last_activity_at.date().isoformat() if member.last_activity_at else "",
            ]
        )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def write(request, bank, member):
    """Write to a fellow member (to answer a message, or about an exchange) without seeing their address."""
    bank = _bank(request, bank, "timebank.trade")
    recipient = selectors.active_members(bank).exclude(user=request.user).filter(uuid=member).first()
    if recipient is None:
        raise Http404
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_contact(actor=request.user, recipient=recipient, message=form.cleaned_data["message"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your message has been sent."))
            return redirect("timebank:bank", bank=bank.uuid)
    return render(request, "timebank/write.html", {"bank": bank, "recipient": recipient, "form": form})


@login_required
@require_POST
def leave(request, bank):
    """A member leaves the bank; the service refuses while their balance is not zero."""
    bank = _bank(request, bank, "timebank.trade")
    member = selectors.membership_of(request.user, bank)
    try:
        services.member_leave(actor=request.user, member=member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("timebank:account", bank=bank.uuid)
    messages.success(request, _("You have left the time bank."))
    return redirect("timebank:home")
