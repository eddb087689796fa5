"""Downloads of a strategy: PDFs and the CSV of actions."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect

from civica.core.documents import PDF_CONTENT_TYPE, DocumentError

from .. import exports, selectors
from ._shared import _strategy

# --- Exports --------------------------------------------------------------------------------------


def _pdf(request, strategy, make, filename):
    try:
        content = make()
    except DocumentError as error:
        messages.error(request, str(error))
        return redirect("strategy:detail", uuid=strategy.uuid)
    response = HttpResponse(content, content_type=PDF_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def strategy_pdf(request, uuid):
    strategy = _strategy(request, uuid)
    version_row = strategy.adopted_version or selectors.latest_version(strategy)
    if version_row is None:
        raise Http404
    return _pdf(request, strategy, lambda: exports.strategy_pdf(strategy, version_row), "strategy.pdf")


def plan_pdf(request, uuid):
    strategy = _strategy(request, uuid)
    return _pdf(request, strategy, lambda: exports.plan_pdf(strategy), "action-plan.pdf")


def actions_csv(request, uuid):
    strategy = _strategy(request, uuid)
    response = HttpResponse(exports.actions_csv(strategy), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="actions.csv"'
    return response
