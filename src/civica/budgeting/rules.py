"""Who may do what in participatory budgeting. Deny unless a rule allows; one permission per action."""

import rules

from civica.citizens import selectors as citizens


@rules.predicate
def is_voting_resident(user, process):
    """A verified resident of the process's territory, while the ballot is open."""
    return bool(
        process is not None
        and getattr(user, "is_authenticated", False)
        and process.phase == "ballot"
        and process.territory_id is not None
        and citizens.is_verified_resident(user, process.territory)
    )


# Importing a Pabulib file creates a closed process: staff of the platform only (and SYSTEM).
rules.add_perm("budgeting.import_process", rules.is_superuser)
rules.add_perm("budgeting.vote", is_voting_resident)
# Moving a process through its phases: platform administrators (municipal staff roles: not yet).
rules.add_perm("budgeting.manage_process", rules.is_superuser)
