"""Who may act on accounts and API tokens: each person on their own, nobody on another's."""

import rules


@rules.predicate
def owns_token(user, token):
    return token is not None and user.is_authenticated and token.user_id == user.pk


@rules.predicate
def is_self(user, person):
    return person is not None and user.is_authenticated and person.pk == user.pk


rules.add_perm("accounts.revoke_api_token", owns_token)
rules.add_perm("accounts.change_profile", is_self)
