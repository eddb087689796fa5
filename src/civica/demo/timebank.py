"""The demo's time bank (seed 002), built through the time bank's own services so every hour in it
went through the ledger: members approved by the bank, offers and requests, confirmed exchanges,
an event payout from the bank fund and a donation. Skipped when the bank already exists."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from civica.timebank import selectors as timebank_selectors
from civica.timebank import services as timebank_services

from .world import TIME_BANK


def load_time_bank(by_slug: dict, person, report) -> None:
    organisation = by_slug[TIME_BANK["organisation"]]
    report.logins.append((TIME_BANK["members"][0][0], "time bank member @ Banca del tempo sociale"))
    if timebank_selectors.banks_of(organisation).filter(name=TIME_BANK["data"]["name"]).exists():
        return
    admin = get_user_model().objects.get(email=TIME_BANK["admin"])
    bank = timebank_services.bank_create(actor=admin, organisation=organisation, data=TIME_BANK["data"])
    members = {}
    for email, first, last, skills, guardian in TIME_BANK["members"]:
        user = person(email, first, last, "it")
        request = timebank_services.membership_request(
            actor=user,
            bank=bank,
            data={"skills": skills, "is_minor": bool(guardian), "guardian_name": guardian, "insured": True},
        )
        members[email] = timebank_services.membership_decide(actor=admin, member=request, approve=True)
    email, first, last, skills = TIME_BANK["pending_request"]
    timebank_services.membership_request(actor=person(email, first, last, "it"), bank=bank, data={"skills": skills})
    listings = {}
    for kind, title, category, owner, place, availability in TIME_BANK["listings"]:
        listings[title] = timebank_services.listing_save(
            actor=members[owner].user,
            bank=bank,
            data={"kind": kind, "title": title, "category": category, "place": place, "availability": availability},
        )
    today = timezone.localdate()
    for provider, receiver, category, description, minutes, days_ago, status in TIME_BANK["exchanges"]:
        exchange = timebank_services.exchange_record(
            actor=members[provider].user,
            bank=bank,
            counterpart=members[receiver],
            i_provided=True,
            data={
                "category": category,
                "description": description,
                "minutes": minutes,
                "performed_on": today - timedelta(days=days_ago),
            },
        )
        if status == "confirmed":
            timebank_services.exchange_decide(actor=members[receiver].user, exchange=exchange, confirm=True)
    description, minutes, days_ago, organisers = TIME_BANK["event_payout"]
    timebank_services.fund_payment(
        actor=admin,
        bank=bank,
        payments={members[email]: minutes for email in organisers},
        description=description,
        occurred_on=today - timedelta(days=days_ago),
    )
    donor, minutes = TIME_BANK["donation"]
    timebank_services.donate(actor=members[donor].user, bank=bank, minutes=minutes)
