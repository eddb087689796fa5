"""Which of a person's organisations they are working as: kept in the session, per device."""

SESSION_KEY = "civica_active_organisation"


def active_membership(request, memberships):
    chosen = request.session.get(SESSION_KEY)
    for membership in memberships:
        if str(membership.organisation.uuid) == chosen:
            return membership
    return memberships[0] if memberships else None


def set_active_organisation(request, organisation_uuid) -> None:
    request.session[SESSION_KEY] = str(organisation_uuid)
