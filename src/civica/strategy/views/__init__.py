"""Pages of a participatory strategy: thin, every read through a selector, every write through a
service; anything the person may not see is a 404."""

from ._shared import NOT_VISIBLE, _do, _get, _strategy
from .charter import charter, charter_sign, charters
from .consultation import survey, survey_answer, survey_codes, survey_new, survey_open, survey_paper
from .council import council, council_action
from .draft import comment_add, comment_answer, draft, version, version_new
from .exports import _pdf, actions_csv, plan_pdf, strategy_pdf
from .plan import _plan_forms, action_progress, funding, plan, plan_add, progress
from .process import (
    _stage_form,
    _swot_form,
    create,
    detail,
    document,
    document_add,
    index,
    proposal_add,
    publish,
    stage,
    stage_add,
    stage_edit,
    stage_transition,
    swot_link,
    swot_unlink,
)

__all__ = [
    "NOT_VISIBLE",
    "_do",
    "_get",
    "_pdf",
    "_plan_forms",
    "_stage_form",
    "_strategy",
    "_swot_form",
    "action_progress",
    "actions_csv",
    "charter",
    "charter_sign",
    "charters",
    "comment_add",
    "comment_answer",
    "council",
    "council_action",
    "create",
    "detail",
    "document",
    "document_add",
    "draft",
    "funding",
    "index",
    "plan",
    "plan_add",
    "plan_pdf",
    "progress",
    "proposal_add",
    "publish",
    "stage",
    "stage_add",
    "stage_edit",
    "stage_transition",
    "strategy_pdf",
    "survey",
    "survey_answer",
    "survey_codes",
    "survey_new",
    "survey_open",
    "survey_paper",
    "swot_link",
    "swot_unlink",
    "version",
    "version_new",
]
