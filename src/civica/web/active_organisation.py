"""Which of a person's organisations they are working as: kept in the session, per device."""

SESSION_KEY = "civica_active_organisation"


# Until a person chooses, they work where their role is broadest.
_ROLE_RANK = {"admin": 0, "staff": 1, "expert": 2, "member": 3}


def active_membership(request, memberships):
    chosen = request.session.get(SESSION_KEY)
    for membership in memberships:
        if str(membership.organisation.uuid) == chosen:
            return membership
    return min(memberships, key=lambda m: _ROLE_RANK.get(m.role, 9), default=None)


def set_active_organisation(request, organisation_uuid) -> None:
    request.session[SESSION_KEY] = str(organisation_uuid)
