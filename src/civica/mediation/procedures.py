"""The mediation procedure of each country, as workflows of the case core.

Italy: D.Lgs. 28/2010 as reformed by D.Lgs. 149/2022 — first meeting 20 to 40 days after filing,
three months from filing, one extension of three months agreed in writing before expiry, minutes of
agreement or of failure. Romania: Legea 192/2006 — information, a written contract with the
mandatory clauses, sessions, closure by agreement, failure or withdrawal (minutes within 48 hours).
In both, a public body signs a settlement only after a legal opinion and the mandate of the mayor or
council for its representative.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from civica.cases.workflows import OWNER, REQUESTER, STAFF, Months, State, Transition, Workflow, register


def _public_body_needs_mandate(case) -> str | None:
    mediation = getattr(case, "mediation", None)
    if mediation and mediation.public_body_party and case.state != "awaiting_mandate":
        return gettext(
            "A public body signs a settlement only after a legal opinion and the mandate of the mayor or the "
            "council for its representative: record the decision circuit first."
        )
    return None


def _extension_before_expiry(case) -> str | None:
    if case.due_at and timezone.now() > case.due_at:
        return gettext("The extension must be agreed in writing before the three months run out.")
    return None


def _contract_has_mandatory_clauses(case) -> str | None:
    from .models import MediationCase

    mediation = getattr(case, "mediation", None)
    present = set(mediation.contract_clauses if mediation else [])
    missing = [str(label) for key, label in MediationCase.RO_MANDATORY_CLAUSES if key not in present]
    if missing:
        return gettext("The mediation contract lacks mandatory clauses: %(clauses)s.") % {"clauses": ", ".join(missing)}
    return None


ITALY = register(
    Workflow(
        key="mediation_it",
        label=_("Mediation (Italy)"),
        prefix="MD",
        initial="filed",
        domain_page="mediation:case",
        states=(
            State("filed", _("Request filed"), deadline=timedelta(days=40)),
            State("first_meeting", _("First meeting held"), deadline=Months(3), deadline_from_opening=True),
            State("in_progress", _("Mediation under way"), deadline=Months(3), deadline_from_opening=True),
            State("extended", _("Extended by written agreement"), deadline=Months(6), deadline_from_opening=True),
            State("awaiting_mandate", _("Legal opinion and mandate of the public body")),
            State("agreement", _("Agreement signed"), terminal=True),
            State("no_agreement", _("No agreement (minutes of failure)"), terminal=True),
            State("not_continued", _("Ended at the first meeting"), terminal=True),
        ),
        transitions=(
            Transition("hold_first_meeting", _("Record the first meeting"), ("filed",), "first_meeting"),
            Transition("continue", _("Go on with the mediation"), ("first_meeting",), "in_progress"),
            Transition(
                "end_at_first_meeting",
                _("End at the first meeting"),
                ("first_meeting",),
                "not_continued",
                needs_outcome=True,
            ),
            Transition(
                "extend", _("Extend by three months"), ("in_progress",), "extended", guard=_extension_before_expiry
            ),
            Transition(
                "seek_mandate",
                _("Ask for the legal opinion and the mandate"),
                ("first_meeting", "in_progress", "extended"),
                "awaiting_mandate",
            ),
            Transition(
                "agree",
                _("Record the agreement"),
                ("first_meeting", "in_progress", "extended", "awaiting_mandate"),
                "agreement",
                needs_outcome=True,
                guard=_public_body_needs_mandate,
            ),
            Transition(
                "fail",
                _("Record the failure"),
                ("in_progress", "extended", "awaiting_mandate"),
                "no_agreement",
                needs_outcome=True,
            ),
        ),
    )
)

ROMANIA = register(
    Workflow(
        key="mediation_ro",
        label=_("Mediation (Romania)"),
        prefix="MD",
        initial="information",
        domain_page="mediation:case",
        states=(
            State("information", _("Information about mediation")),
            State("contract", _("Mediation contract signed")),
            State("sessions", _("Mediation sessions")),
            State("awaiting_mandate", _("Legal opinion and mandate of the public body")),
            State("agreement", _("Agreement signed"), terminal=True),
            State("failure", _("Closed by the mediator: no agreement"), terminal=True),
            State("withdrawal_minutes_due", _("Withdrawal: closing minutes due"), deadline=timedelta(hours=48)),
            State("withdrawn", _("Closed after a party withdrew"), terminal=True),
        ),
        transitions=(
            Transition(
                "sign_contract",
                _("Record the signed contract"),
                ("information",),
                "contract",
                guard=_contract_has_mandatory_clauses,
            ),
            Transition("start_sessions", _("Start the sessions"), ("contract",), "sessions"),
            Transition(
                "seek_mandate", _("Ask for the legal opinion and the mandate"), ("sessions",), "awaiting_mandate"
            ),
            Transition(
                "agree",
                _("Record the agreement"),
                ("sessions", "awaiting_mandate"),
                "agreement",
                needs_outcome=True,
                guard=_public_body_needs_mandate,
            ),
            Transition(
                "record_failure",
                _("Record the failure"),
                ("sessions", "awaiting_mandate"),
                "failure",
                needs_outcome=True,
            ),
            Transition(
                "withdraw",
                _("A party withdraws"),
                ("information", "contract", "sessions", "awaiting_mandate"),
                "withdrawal_minutes_due",
                allowed=frozenset({OWNER, STAFF, REQUESTER}),
            ),
            Transition(
                "close_withdrawal",
                _("Record the closing minutes"),
                ("withdrawal_minutes_due",),
                "withdrawn",
                needs_outcome=True,
            ),
        ),
    )
)
