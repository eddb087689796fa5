"""Which matters may go to mediation. One rule, used by the mediation procedure and by protection
cases alike: violence against women and domestic violence are never steered into mediation."""

from django.utils.translation import gettext_lazy as _

# Matter keys that mark violence; protection cases use the same keys.
VIOLENCE_MATTERS = frozenset({"domestic_violence", "violence_against_women"})

REFUSAL_REASON = _(
    "Mediation is not available for domestic violence or violence against women: the Istanbul "
    "Convention (art. 48) forbids alternative dispute resolution, including mediation, in these cases."
)


def refusal_reason(matter: str) -> str | None:
    """Why a matter may not be mediated, or None when it may."""
    return str(REFUSAL_REASON) if matter in VIOLENCE_MATTERS else None
