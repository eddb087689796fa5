"""Pages and API: the permission matrix, forms that keep what was typed, statements read back,
and query counts that stay flat as data grows."""

import csv
import io
from datetime import date

import pytest
from django.test import Client

from civica.timebank import services
from civica.timebank.models import Account, BankMember, Exchange, TimeBank, Transfer

pytestmark = pytest.mark.django_db


@pytest.fixture
def traded(bank_world):
    """An offer, a confirmed exchange and a fund payment in the first bank."""
    anna, bruno, carla = bank_world["members"]
    listing = services.listing_save(
        actor=anna.user, bank=bank_world["bank"], data={"kind": "offer", "category": "yoga", "title": "Yoga al parco"}
    )
    exchange = services.exchange_record(
        actor=anna.user,
        bank=bank_world["bank"],
        counterpart=bruno,
        i_provided=True,
        data={"minutes": 60, "performed_on": date(2026, 3, 1), "category": "yoga", "description": "Yoga"},
    )
    services.exchange_decide(actor=bruno.user, exchange=exchange, confirm=True)
    services.fund_payment(
        actor=bank_world["staff"],
        bank=bank_world["bank"],
        payments={carla: 30},
        description="Festa",
        occurred_on=date(2026, 3, 2),
    )
    return {**bank_world, "listing": listing, "exchange": exchange}


def _client(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


ROLES = ["member", "bank_staff", "bank_admin", "other_bank_member", "anonymous"]


def _person(world, role):
    return {
        "member": world["members"][2].user,  # carla: a member, not a party to the exchange
        "bank_staff": world["staff"],
        "bank_admin": world["admin"],
        "other_bank_member": world["outsider"].user,
        "anonymous": None,
    }[role]


# (url builder, {role: expected status}); 302 is the sign-in redirect for anonymous visitors.
PAGES = {
    "bank": (lambda w: f"/en/timebank/{w['bank'].uuid}/", [200, 200, 200, 404, 302]),
    "account": (lambda w: f"/en/timebank/{w['bank'].uuid}/account/", [200, 404, 404, 404, 302]),
    "listing": (lambda w: f"/en/timebank/listings/{w['listing'].uuid}/", [200, 200, 200, 404, 302]),
    "exchange": (lambda w: f"/en/timebank/exchanges/{w['exchange'].uuid}/", [404, 200, 200, 404, 302]),
    "write_to_anna": (
        lambda w: f"/en/timebank/{w['bank'].uuid}/write/{w['members'][0].uuid}/",
        [200, 404, 404, 404, 302],
    ),
    "members": (lambda w: f"/en/timebank/{w['bank'].uuid}/members/", [404, 200, 200, 404, 302]),
    "fund_payment": (lambda w: f"/en/timebank/{w['bank'].uuid}/fund-payment/", [404, 200, 200, 404, 302]),
    "cheque": (lambda w: f"/en/timebank/{w['bank'].uuid}/cheques/", [404, 200, 200, 404, 302]),
    "ledger": (lambda w: f"/en/timebank/{w['bank'].uuid}/ledger/", [404, 200, 200, 404, 302]),
    "dashboard": (lambda w: f"/en/timebank/{w['bank'].uuid}/dashboard/", [404, 200, 200, 404, 302]),
    "anna_statement": (
        lambda w: f"/en/timebank/{w['bank'].uuid}/members/{w['members'][0].uuid}/statement.csv",
        [404, 200, 200, 404, 302],
    ),
    "settings": (lambda w: f"/en/timebank/{w['bank'].uuid}/settings/", [404, 404, 200, 404, 302]),
    "members_csv": (lambda w: f"/en/timebank/{w['bank'].uuid}/members.csv", [404, 200, 200, 404, 302]),
    "listing_edit_of_anna": (lambda w: f"/en/timebank/listings/{w['listing'].uuid}/edit/", [404, 404, 404, 404, 302]),
    "open_a_bank": (lambda w: "/en/timebank/new/", [404, 404, 200, 404, 302]),
    "other_bank_ledger": (lambda w: f"/en/timebank/{w['other_bank'].uuid}/ledger/", [404, 404, 404, 404, 302]),
    "other_bank_member_statement": (
        lambda w: f"/en/timebank/{w['bank'].uuid}/members/{w['outsider'].uuid}/statement.csv",
        [404, 404, 404, 404, 302],
    ),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_permission_matrix_of_pages(traded, page):
    url_of, expected = PAGES[page]
    url = url_of(traded)
    for role, status in zip(ROLES, expected, strict=True):
        response = _client(_person(traded, role)).get(url)
        assert response.status_code == status, f"{role} on {page}: {response.status_code}"


def test_only_staff_may_pay_enter_cheques_or_correct(traded):
    bank = traded["bank"]
    transfer = Transfer.objects.filter(kind="fund_payment").get()
    carla = traded["members"][2]
    posts = [
        (
            f"/en/timebank/{bank.uuid}/fund-payment/",
            {"description": "x", "occurred_on": "2026-03-03", "minutes": 60, "attendees": [str(carla.uuid)]},
        ),
        (f"/en/timebank/{bank.uuid}/ledger/{transfer.uuid}/correct/", {"reason": "x"}),
        (f"/en/timebank/{bank.uuid}/members/{carla.uuid}/settle/", {}),
    ]
    for user in (carla.user, traded["outsider"].user, traded["other_admin"]):
        for url, data in posts:
            assert _client(user).post(url, data).status_code == 404
    assert Transfer.objects.count() == 2
    response = _client(traded["staff"]).post(posts[1][0], posts[1][1])
    assert response.status_code == 302
    assert Transfer.objects.filter(reverses=transfer).exists()


def test_recording_and_confirming_an_exchange_through_the_pages(bank_world):
    anna, bruno, _ = bank_world["members"]
    bank = bank_world["bank"]
    url = f"/en/timebank/{bank.uuid}/exchanges/new/"
    bad = _client(anna.user).post(
        url,
        {
            "direction": "provided",
            "counterpart": str(bruno.uuid),
            "category": "gardening",
            "description": "Potatura",
            "minutes": "",
            "performed_on": "2026-03-01",
        },
    )
    assert bad.status_code == 200
    assert "Potatura" in bad.content.decode()  # what was typed is kept
    assert not Exchange.objects.exists()
    response = _client(anna.user).post(
        url,
        {
            "direction": "provided",
            "counterpart": str(bruno.uuid),
            "category": "gardening",
            "description": "Potatura",
            "minutes": "120",
            "performed_on": "2026-03-01",
        },
    )
    exchange = Exchange.objects.get()
    assert response["Location"].endswith(f"/timebank/exchanges/{exchange.uuid}/")
    assert _client(anna.user).post(response["Location"], {"action": "confirm"}).status_code == 404
    assert _client(bruno.user).post(response["Location"], {"action": "confirm"}).status_code == 302
    assert Account.objects.get(member=anna).balance == 120
    assert Account.objects.get(member=bruno).balance == -120


def test_fund_payment_page_pays_the_attendance_list_in_one_transfer(bank_world):
    bank = bank_world["bank"]
    members = bank_world["members"]
    response = _client(bank_world["staff"]).post(
        f"/en/timebank/{bank.uuid}/fund-payment/",
        {
            "description": "Assemblea dei soci",
            "occurred_on": "2026-03-03",
            "minutes": 90,
            "attendees": [str(m.uuid) for m in members],
        },
    )
    assert response.status_code == 302
    transfer = Transfer.objects.get(kind="fund_payment")
    assert transfer.entries.count() == 4
    assert sorted(transfer.entries.values_list("minutes", flat=True)) == [-270, 90, 90, 90]


def test_statement_csv_reads_back(traded):
    anna = traded["members"][0]
    response = _client(anna.user).get(f"/en/timebank/{traded['bank'].uuid}/account/statement.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Date"
    assert rows[1][0] == "2026-03-01" and rows[1][4] == "60" and rows[1][5] == "60"


def test_statement_pdf_reads_back(traded, libreoffice):
    from pypdf import PdfReader

    anna = traded["members"][0]
    response = _client(anna.user).get(f"/en/timebank/{traded['bank'].uuid}/account/statement.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Statement of account" in text and "Yoga" in text and "Balance: 60 minutes" in text


def test_join_form_requires_a_guardian_for_a_minor_and_keeps_the_input(bank_world, make_user):
    person = make_user(email="young@people.example")
    url = f"/en/timebank/{bank_world['bank'].uuid}/join/"
    response = _client(person).post(url, {"skills": "Chitarra", "is_minor": "on"})
    assert response.status_code == 200
    assert "Chitarra" in response.content.decode()
    assert not BankMember.objects.filter(user=person).exists()
    assert (
        _client(person).post(url, {"skills": "Chitarra", "is_minor": "on", "guardian_name": "Paola"}).status_code == 302
    )
    assert BankMember.objects.get(user=person).status == "requested"


def _grow(world, times):
    anna, bruno, carla = world["members"]
    for n in range(times):
        services.listing_save(
            actor=bruno.user,
            bank=world["bank"],
            data={"kind": "request", "category": "tutoring", "title": f"Ripetizioni {n}"},
        )
        exchange = services.exchange_record(
            actor=anna.user,
            bank=world["bank"],
            counterpart=carla,
            i_provided=True,
            data={"minutes": 15, "performed_on": date(2026, 3, 1), "category": "cooking", "description": f"Cucina {n}"},
        )
        services.exchange_decide(actor=carla.user, exchange=exchange, confirm=True)


@pytest.mark.parametrize(
    "page", ["home", "bank", "account", "ledger", "members", "dashboard", "api_listings", "api_exchanges"]
)
def test_query_counts_do_not_grow_with_data(bank_world, django_assert_num_queries, page):
    bank = bank_world["bank"]
    anna = bank_world["members"][0]
    user = anna.user if page in ("home", "bank", "account", "api_listings", "api_exchanges") else bank_world["staff"]
    url = {
        "home": "/en/timebank/",
        "api_listings": "/api/v1/timebank/listings",
        "api_exchanges": "/api/v1/timebank/exchanges",
        "bank": f"/en/timebank/{bank.uuid}/",
        "account": f"/en/timebank/{bank.uuid}/account/",
        "ledger": f"/en/timebank/{bank.uuid}/ledger/",
        "members": f"/en/timebank/{bank.uuid}/members/",
        "dashboard": f"/en/timebank/{bank.uuid}/dashboard/",
    }[page]
    client = _client(user)
    _grow(bank_world, 2)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _grow(bank_world, 18)
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


# --- API ------------------------------------------------------------------------------------------


def test_api_lists_offers_and_my_account_and_hides_other_banks(traded):
    anna = traded["members"][0]
    mine = _client(anna.user).get("/api/v1/timebank/listings").json()
    assert [item["title"] for item in mine["items"]] == ["Yoga al parco"]
    outsider = _client(traded["outsider"].user)
    assert outsider.get("/api/v1/timebank/listings").json()["items"] == []
    assert outsider.get(f"/api/v1/timebank/exchanges/{traded['exchange'].uuid}").status_code == 404
    assert outsider.get(f"/api/v1/timebank/listings?bank={traded['bank'].uuid}").json()["items"] == []
    accounts = _client(anna.user).get("/api/v1/timebank/accounts").json()
    assert accounts == [
        {"bank": str(traded["bank"].uuid), "card_number": "0001", "status": "active", "balance_minutes": 60}
    ]
    statement = _client(anna.user).get(f"/api/v1/timebank/accounts/{traded['bank'].uuid}/statement").json()
    assert [line["minutes"] for line in statement] == [60]
    assert Client().get("/api/v1/timebank/accounts").status_code == 401


def test_api_records_and_confirms_an_exchange(bank_world):
    anna, bruno, _ = bank_world["members"]
    bank = bank_world["bank"]
    payload = {
        "bank": str(bank.uuid),
        "counterpart": str(bruno.uuid),
        "i_provided": False,
        "category": "babysitting",
        "description": "Baby sitting",
        "minutes": 120,
        "performed_on": "2026-03-05",
    }
    created = _client(anna.user).post("/api/v1/timebank/exchanges", payload, content_type="application/json")
    assert created.status_code == 201, created.content
    uuid = created.json()["uuid"]
    bad = _client(bruno.user).post(
        f"/api/v1/timebank/exchanges/{uuid}/decision", {"confirm": "maybe"}, content_type="application/json"
    )
    assert bad.status_code == 422
    assert (
        _client(bank_world["outsider"].user)
        .post(f"/api/v1/timebank/exchanges/{uuid}/decision", {"confirm": True}, content_type="application/json")
        .status_code
        == 404
    )
    done = _client(bruno.user).post(
        f"/api/v1/timebank/exchanges/{uuid}/decision", {"confirm": True}, content_type="application/json"
    )
    assert done.json()["status"] == "confirmed"
    assert Account.objects.get(member=bruno).balance == 120  # bruno babysat for anna
    over = _client(anna.user).post(
        "/api/v1/timebank/exchanges", {**payload, "minutes": 0}, content_type="application/json"
    )
    assert over.status_code == 422


def test_a_bank_admin_changes_the_rules_and_a_bad_value_changes_nothing(bank_world):
    bank = bank_world["bank"]
    url = f"/en/timebank/{bank.uuid}/settings/"
    client = _client(bank_world["admin"])
    form = {
        "name": "Banca del tempo",
        "credit_limit_minutes": "900",
        "max_balance_minutes": "3000",
        "rounding_minutes": "0",
        "auto_confirm_days": "7",
        "dormancy_days": "730",
        "dormancy_warning_days": "30",
        "cheque_deadline_days": "30",
        "is_open": "on",
    }
    response = client.post(url, form)
    assert response.status_code == 200 and "at least one minute" in response.content.decode()
    bank.refresh_from_db()
    assert bank.credit_limit_minutes == 600
    assert client.post(url, {**form, "rounding_minutes": "30"}).status_code == 302
    bank.refresh_from_db()
    assert (bank.credit_limit_minutes, bank.rounding_minutes, bank.auto_confirm_days) == (900, 30, 7)


def test_an_organisation_admin_opens_a_bank_with_its_two_funds(bank_world):
    response = _client(bank_world["admin"]).post(
        "/en/timebank/new/",
        {
            "organisation": "stanze",
            "name": "Seconda banca",
            "credit_limit_minutes": "600",
            "max_balance_minutes": "3000",
            "rounding_minutes": "15",
            "auto_confirm_days": "14",
            "dormancy_days": "730",
            "dormancy_warning_days": "30",
            "cheque_deadline_days": "30",
        },
    )
    assert response.status_code == 302
    bank = TimeBank.objects.get(name="Seconda banca")
    assert sorted(Account.objects.filter(bank=bank).values_list("kind", flat=True)) == ["bank_fund", "community_fund"]


def test_the_owner_edits_or_hides_an_offer(traded):
    anna = traded["members"][0]
    listing = traded["listing"]
    url = f"/en/timebank/listings/{listing.uuid}/edit/"
    data = {
        "kind": "offer",
        "category": "yoga",
        "title": "Yoga al tramonto",
        "description": "",
        "place": "",
        "availability": "",
    }
    assert _client(anna.user).post(url, data).status_code == 302
    listing.refresh_from_db()
    assert listing.title == "Yoga al tramonto" and not listing.is_active
    assert [
        i["title"] for i in _client(traded["members"][1].user).get("/api/v1/timebank/listings").json()["items"]
    ] == []


def test_members_csv_lists_balances(traded):
    response = _client(traded["staff"]).get(f"/en/timebank/{traded['bank'].uuid}/members.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Card"
    assert [row[3] for row in rows[1:]] == ["60", "-60", "30"]


def test_a_member_answers_through_the_platform_and_outsiders_cannot_write(traded, django_capture_on_commit_callbacks):
    from django.core import mail

    anna, bruno, _ = traded["members"]
    url = f"/en/timebank/{traded['bank'].uuid}/write/{bruno.uuid}/"
    assert _client(traded["outsider"].user).get(url).status_code == 404
    assert _client(traded["staff"]).get(url).status_code == 404  # staff who are not members do not trade
    empty = _client(anna.user).post(url, {"message": ""})
    assert empty.status_code == 200
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert _client(anna.user).post(url, {"message": "Grazie per la lezione!"}).status_code == 302
    assert mail.outbox[0].to == [bruno.user.email]
    assert anna.user.email not in mail.outbox[0].body


def test_csv_cells_that_look_like_formulas_are_defused(bank_world):
    from civica.timebank.statements import safe_cell

    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert safe_cell("Yoga") == "Yoga"


def test_a_member_leaves_from_their_account_only_with_a_zero_balance(traded):
    anna, _, _ = traded["members"]
    url = f"/en/timebank/{traded['bank'].uuid}/leave/"
    assert _client(anna.user).post(url).status_code == 302
    anna.refresh_from_db()
    assert anna.status == "active"  # 60 minutes to settle first
    services.member_settle(actor=traded["staff"], member=anna)
    assert _client(anna.user).post(url).status_code == 302
    anna.refresh_from_db()
    assert anna.status == "left"
    assert _client(traded["outsider"].user).post(url).status_code == 404
