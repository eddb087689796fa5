"""What every part of this package shares: constants and small helpers."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404

from civica.core.forms import run_service
from civica.groups.models import SwotAnalysis
from civica.organisations.models import Organisation

from .. import selectors
from ..models import Action, Charter, Comment, DraftVersion, Stage, Strategy, Survey

NOT_VISIBLE = (
    Strategy.DoesNotExist,
    Stage.DoesNotExist,
    Survey.DoesNotExist,
    DraftVersion.DoesNotExist,
    Comment.DoesNotExist,
    Action.DoesNotExist,
    Charter.DoesNotExist,
    Organisation.DoesNotExist,
    SwotAnalysis.DoesNotExist,
    ValidationError,
)


def _get(function, **lookup):
    try:
        return function(**lookup)
    except NOT_VISIBLE as error:
        raise Http404 from error


def _strategy(request, uuid, permission="strategy.view_strategy") -> Strategy:
    strategy = _get(selectors.strategy_get, user=request.user, uuid=uuid)
    if not request.user.has_perm(permission, strategy):
        raise Http404
    return strategy


def _do(request, form, function, success: str, **values):
    """`core.forms.run_service` with the strategy pages' success message: refusals go onto the form
    (a forbidden object is a 404 through the middleware). True when done."""
    ok, _result = run_service(form, lambda _data: function(**values))
    if ok:
        messages.success(request, success)
    return ok
