"""Casting a ballot: only a verified resident of the process's territory while the ballot is open;
approval (min/max), knapsack (within the district's budget) and cumulative (points) rules refused
with a translated reason and nothing saved; one ballot per resident and district, replaceable until
the ballot closes; who voted is stored apart from how; query counts do not grow with the ballots."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from civica.budgeting.models import Ballot, District, Participation, Process, Project
from civica.budgeting.voting import ballot_cast, ballots_seal
from civica.citizens.services import verification_grant
from civica.core.crypto import blind_index
from civica.core.permissions import SYSTEM

pytestmark = pytest.mark.django_db
SECTOR1, SECTOR2 = "RO-179141", "RO-179150"


def _resident(make_user, territory, n):
    user = make_user()
    verification_grant(
        actor=SYSTEM, user=user, territory=territory, method="census", identity_hash=blind_index(str(n), "t")
    )
    return user


@pytest.fixture
def process(territories):
    p = Process.objects.create(
        title="PB Sector 1", territory=territories[SECTOR1], budget=Decimal(1000), phase="ballot", max_projects=2
    )
    for code, cost in (("a", 600), ("b", 500), ("c", 300)):
        Project.objects.create(process=p, code=code, cost=Decimal(cost), status="feasible")
    return p


def test_a_verified_resident_votes_and_may_replace_the_ballot(process, territories, make_user):
    """The second cast replaces the first: one ballot, one participation, no link between them."""
    user = _resident(make_user, territories[SECTOR1], 1)
    ballot_cast(actor=user, process=process, choices={"a": 1})
    ballot_cast(actor=user, process=process, choices={"b": 1, "c": 1})
    assert list(Ballot.objects.values_list("content", flat=True)) == [{"b": 1, "c": 1}]
    assert Participation.objects.filter(user=user).count() == 1
    ballot_fields = {f.name for f in Ballot._meta.get_fields()}
    assert not {"user", "participation", "created_at", "voter"} & ballot_fields
    assert Ballot._meta.pk.get_internal_type() == "UUIDField"


def test_once_sealed_a_second_ballot_is_refused(process, territories, make_user):
    """After the keys are forgotten the vote cannot be changed and a second ballot is refused."""
    user = _resident(make_user, territories[SECTOR1], 1)
    ballot_cast(actor=user, process=process, choices={"a": 1})
    assert ballots_seal(process) == 1
    with pytest.raises(ValidationError):
        ballot_cast(actor=user, process=process, choices={"b": 1})
    assert Ballot.objects.count() == 1


@pytest.mark.parametrize("who", ["resident", "unverified", "staff", "anonymous", "other_municipality"])
def test_permission_matrix_for_voting(who, process, territories, make_user, django_user_model):
    """Only a verified resident of the territory may vote; staff, an unverified account, the anonymous
    user and a resident of another sector are refused and nothing is saved."""
    actor = {
        "resident": lambda: _resident(make_user, territories[SECTOR1], 1),
        "unverified": make_user,
        "staff": lambda: django_user_model.objects.create_superuser(email="s@example.org", password="x"),
        "anonymous": AnonymousUser,
        "other_municipality": lambda: _resident(make_user, territories[SECTOR2], 2),
    }[who]()
    if who == "resident":
        ballot_cast(actor=actor, process=process, choices={"a": 1})
        assert Ballot.objects.count() == 1
    else:
        with pytest.raises(PermissionDenied):
            ballot_cast(actor=actor, process=process, choices={"a": 1})
        assert not Ballot.objects.exists() and not Participation.objects.exists()


def test_a_vote_outside_the_ballot_phase_is_refused(process, territories, make_user):
    """Proposals, results: no ballot is accepted."""
    user = _resident(make_user, territories[SECTOR1], 1)
    for phase in ("proposals", "results", "closed"):
        Process.objects.filter(pk=process.pk).update(phase=phase)
        process.refresh_from_db()
        with pytest.raises(PermissionDenied):
            ballot_cast(actor=user, process=process, choices={"a": 1})
    assert not Ballot.objects.exists()


@pytest.mark.parametrize(
    ("vote_type", "choices", "message"),
    [
        ("approval", {"a": 1, "b": 1, "c": 1}, "Puteți alege cel mult 2 proiecte."),
        ("approval", {"zz": 1}, "Aceste proiecte nu sunt pe acest buletin: zz."),
        ("knapsack", {"a": 1, "b": 1}, "Proiectele alese costă mai mult decât bugetul."),
        ("cumulative", {"a": 7, "b": 4}, "Puteți acorda cel mult 10 puncte."),
    ],
)
def test_a_ballot_breaking_the_rules_is_refused_with_a_translated_reason(
    vote_type, choices, message, process, territories, make_user
):
    """Over the maximum, an unknown project, over the budget, over the points: in the user's language."""
    Process.objects.filter(pk=process.pk).update(vote_type=vote_type, max_points=10)
    process.refresh_from_db()
    user = _resident(make_user, territories[SECTOR1], 1)
    with translation.override("ro"), pytest.raises(ValidationError) as err:
        ballot_cast(actor=user, process=process, choices=choices)
    assert err.value.messages == [message]
    assert not Ballot.objects.exists() and not Participation.objects.exists()


def test_districts_have_their_own_ballot_and_budget(process, territories, make_user):
    """A district's ballot only lists its projects; a knapsack ballot counts the district's budget."""
    north = District.objects.create(process=process, name="North", budget=Decimal(400))
    Project.objects.create(process=process, district=north, code="n1", cost=Decimal(300), status="feasible")
    Project.objects.create(process=process, district=north, code="n2", cost=Decimal(200), status="feasible")
    Process.objects.filter(pk=process.pk).update(vote_type="knapsack")
    process.refresh_from_db()
    user = _resident(make_user, territories[SECTOR1], 1)
    with pytest.raises(ValidationError):
        ballot_cast(actor=user, process=process, district=north, choices={"n1": 1, "n2": 1})
    ballot_cast(actor=user, process=process, district=north, choices={"n1": 1})
    ballot_cast(actor=user, process=process, choices={"a": 1})  # city-wide, separately
    assert Participation.objects.filter(user=user).count() == 2


@pytest.mark.parametrize("others", [1, 10])
def test_vote_submission_query_count_does_not_grow(
    others, process, territories, make_user, django_assert_max_num_queries
):
    """Casting a ballot costs the same number of queries with 1 or 10 ballots already cast."""
    for n in range(others):
        ballot_cast(actor=_resident(make_user, territories[SECTOR1], 100 + n), process=process, choices={"a": 1})
    user = _resident(make_user, territories[SECTOR1], 1)
    with django_assert_max_num_queries(12):
        ballot_cast(actor=user, process=process, choices={"b": 1})
