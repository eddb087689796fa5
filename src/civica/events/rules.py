"""Who may do what with events. Deny unless a predicate allows."""

import rules

from civica.organisations import selectors as organisation_selectors

from . import selectors


@rules.predicate
def works_for_organisation(user, organisation):
    return organisation_selectors.role_in(user, organisation) in selectors.STAFF


@rules.predicate
def runs_event(user, event):
    return event is not None and selectors.runs_event(user, event)


@rules.predicate
def sees_event(user, event):
    return event is not None and (
        event.is_public
        or organisation_selectors.role_in(user, event.organisation) is not None
        or runs_event(user, event)
    )


@rules.predicate
def is_public_event(user, event):
    return event is not None and event.is_public


@rules.predicate
def is_signed_in(user):
    return bool(getattr(user, "is_authenticated", False))


rules.add_perm("events.create_event", works_for_organisation)
rules.add_perm("events.view_event", sees_event)
rules.add_perm("events.manage_event", runs_event)
rules.add_perm("events.register", is_signed_in & sees_event)
rules.add_perm("events.register_by_email", is_public_event)
