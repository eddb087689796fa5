import pytest


@pytest.fixture
def bank_world(make_organisation, make_member, make_user):
    """A bank run by an organisation (its admin and staff), three active members, a person who is
    only an organisation member, and another organisation's bank with its own member."""
    from civica.timebank import services

    ours = make_organisation(name="Le Stanze della Mediazione", slug="stanze", country="IT")
    theirs = make_organisation(name="Other", slug="other", country="IT")
    admin = make_member(ours, role="admin", email="admin@stanze.example")
    staff = make_member(ours, role="staff", email="staff@stanze.example")
    other_admin = make_member(theirs, role="admin", email="admin@other.example")
    bank = services.bank_create(
        actor=admin,
        organisation=ours,
        data={
            "name": "Banca del tempo",
            "credit_limit_minutes": 600,
            "max_balance_minutes": 1200,
            "rounding_minutes": 15,
        },
    )
    other_bank = services.bank_create(actor=other_admin, organisation=theirs, data={"name": "Other bank"})

    def join(bank, approver, email, **data):
        user = make_user(email=email, first_name=email.split("@")[0].title())
        member = services.membership_request(actor=user, bank=bank, data=data)
        return services.membership_decide(actor=approver, member=member, approve=True)

    members = [join(bank, admin, f"{name}@people.example") for name in ("anna", "bruno", "carla")]
    outsider = join(other_bank, other_admin, "olga@people.example")
    return {
        "bank": bank,
        "other_bank": other_bank,
        "admin": admin,
        "staff": staff,
        "other_admin": other_admin,
        "members": members,
        "outsider": outsider,
    }
