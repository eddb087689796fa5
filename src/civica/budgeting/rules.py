"""Who may do what in participatory budgeting. Deny unless a rule allows; one permission per action."""

import rules

# Importing a Pabulib file creates a closed process: staff of the platform only (and SYSTEM).
rules.add_perm("budgeting.import_process", rules.is_superuser)
