"""Every write to a strategy: atomic, audited, keyword-only actor (SYSTEM for work nobody clicked, such as the demo)."""

from ._shared import CODE_LETTERS, DOCUMENT_TYPES, MAX_DOCUMENT, SEED_001_STAGES, _locked, _record
from .charter import charter_create, charter_sign
from .consultation import (
    _clean_answers,
    proposal_add,
    response_submit,
    survey_create,
    survey_set_open,
    survey_tokens_issue,
)
from .council import decision_submit, vote_close, vote_record
from .draft import comment_add, comment_answer, paragraphs_from_text, version_create
from .plan import _amount, action_add, action_progress, funding_call_add, funding_source_add, measure_add, objective_add
from .process import (
    objective_cite_swot,
    stage_add,
    stage_document_add,
    stage_finish,
    stage_start,
    stage_transition,
    stage_update,
    strategy_create,
    strategy_publish,
    strategy_swot_link,
    strategy_swot_unlink,
)

__all__ = [
    "CODE_LETTERS",
    "DOCUMENT_TYPES",
    "MAX_DOCUMENT",
    "SEED_001_STAGES",
    "_amount",
    "_clean_answers",
    "_locked",
    "_record",
    "action_add",
    "action_progress",
    "charter_create",
    "charter_sign",
    "comment_add",
    "comment_answer",
    "decision_submit",
    "funding_call_add",
    "funding_source_add",
    "measure_add",
    "objective_add",
    "objective_cite_swot",
    "paragraphs_from_text",
    "proposal_add",
    "response_submit",
    "stage_add",
    "stage_document_add",
    "stage_finish",
    "stage_start",
    "stage_transition",
    "stage_update",
    "strategy_create",
    "strategy_publish",
    "strategy_swot_link",
    "strategy_swot_unlink",
    "survey_create",
    "survey_set_open",
    "survey_tokens_issue",
    "version_create",
    "vote_close",
    "vote_record",
]
