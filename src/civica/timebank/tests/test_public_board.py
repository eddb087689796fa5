"""The time bank's public board: anyone reads the active offers and requests of active members, with no
name, e-mail or member link; a signed-in person is led to the join request, a visitor to the sign-in;
the join request carries a honeypot and a rate limit that holds across processes; query counts pinned."""

import pytest
from django.core.cache import cache

from civica.timebank import services
from civica.timebank.models import BankMember


@pytest.fixture
def board(bank_world):
    anna, bruno = bank_world["members"][0], bank_world["members"][1]
    services.listing_save(
        actor=anna.user,
        bank=bank_world["bank"],
        data={"kind": "offer", "category": "yoga", "title": "Yoga al parco", "description": "Il sabato mattina"},
    )
    hidden = services.listing_save(
        actor=bruno.user, bank=bank_world["bank"], data={"kind": "request", "category": "tutoring", "title": "Vecchia"}
    )
    hidden.is_active = False
    hidden.save(update_fields=["is_active"])
    services.listing_save(
        actor=bank_world["outsider"].user,
        bank=bank_world["other_bank"],
        data={"kind": "offer", "category": "yoga", "title": "Altra banca"},
    )
    cache.clear()
    return bank_world


def url(bank):
    return f"/en/timebank/{bank.uuid}/board/"


def test_a_visitor_reads_the_board_without_personal_data(board, client):
    page = client.get(url(board["bank"])).content.decode()
    assert "Yoga al parco" in page and "Il sabato mattina" in page
    assert "Vecchia" not in page and "Altra banca" not in page
    for member in board["members"]:
        assert member.user.email not in page and member.user.first_name not in page
        assert str(member.uuid) not in page
    assert "/accounts/login/?next=" in page


def test_listings_of_a_member_who_left_or_waits_are_not_shown(board, client):
    anna = board["members"][0]
    BankMember.objects.filter(pk=anna.pk).update(status=BankMember.Status.DORMANT)
    assert "Yoga al parco" not in client.get(url(board["bank"])).content.decode()


def test_filters_and_bad_filters(board, client):
    assert "Yoga al parco" not in client.get(url(board["bank"]), {"kind": "request"}).content.decode()
    response = client.get(url(board["bank"]), {"kind": "nonsense"})
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()


def test_unknown_bank_answers_404(board, client):
    assert client.get("/en/timebank/00000000-0000-0000-0000-000000000000/board/").status_code == 404


def test_a_signed_in_person_is_offered_the_join_request(board, client, make_user):
    client.force_login(make_user(email="giovane@test.example"))
    page = client.get(url(board["bank"])).content.decode()
    assert f"/en/timebank/{board['bank'].uuid}/join/" in page and "Ask to join" in page
    client.force_login(board["members"][0].user)
    assert "Go to the members" in client.get(url(board["bank"])).content.decode()


def test_a_minor_joins_with_a_guardian_and_staff_approve(board, client, make_user):
    person = make_user(email="giovane@test.example")
    client.force_login(person)
    join = f"/en/timebank/{board['bank'].uuid}/join/"
    response = client.post(join, {"is_minor": "on", "skills": "Chitarra"})
    assert response.status_code == 200 and "Chitarra" in response.content.decode()
    assert not BankMember.objects.filter(user=person).exists()
    client.post(join, {"is_minor": "on", "skills": "Chitarra", "guardian_name": "Maria Conte"})
    member = BankMember.objects.get(user=person)
    assert member.status == BankMember.Status.REQUESTED and member.guardian_name == "Maria Conte"
    services.membership_decide(actor=board["admin"], member=member, approve=True)
    member.refresh_from_db()
    assert member.status == BankMember.Status.ACTIVE


def test_the_honeypot_stores_nothing(board, client, make_user):
    person = make_user()
    client.force_login(person)
    response = client.post(f"/en/timebank/{board['bank'].uuid}/join/", {"website": "http://spam.example"})
    assert response.status_code == 302 and not BankMember.objects.filter(user=person).exists()


def test_join_requests_are_rate_limited(board, client, make_user):
    join = f"/en/timebank/{board['bank'].uuid}/join/"
    for _ in range(10):
        client.force_login(make_user())
        assert client.post(join, {"skills": "x"}).status_code == 302
    client.force_login(make_user())
    response = client.post(join, {"skills": "kept"})
    assert response.status_code == 429 and "kept" in response.content.decode()


@pytest.mark.parametrize("count", [1, 10])
def test_query_count_of_the_board_is_pinned(board, client, count, django_assert_max_num_queries):
    for number in range(count):
        services.listing_save(
            actor=board["members"][2].user,
            bank=board["bank"],
            data={"kind": "offer", "category": "cooking", "title": f"Cucina {number}"},
        )
    with django_assert_max_num_queries(6):
        assert client.get(url(board["bank"])).status_code == 200
