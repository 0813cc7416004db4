"""Write the clearing-house: requests and their workflow, offers, imports, and brokerage.

Every service authorizes first and validates everything before writing, in one transaction.
"""

from clearinghouse.assistance.services.clearing import (
    brokerage_run_create,
    brokerage_run_fail,
    brokerage_run_record,
    commitment_deliver,
    proposal_accept,
    proposal_reject,
)
from clearinghouse.assistance.services.imports import request_import
from clearinghouse.assistance.services.needs import (
    offer_close,
    offer_create,
    priority_themes_revise,
    request_create,
    request_update,
)
from clearinghouse.assistance.services.workflow import (
    TRANSITIONS,
    request_transition,
    transitions_open,
)

__all__ = [
    "TRANSITIONS", "brokerage_run_create", "brokerage_run_fail", "brokerage_run_record",
    "commitment_deliver",
    "offer_close", "offer_create", "priority_themes_revise", "proposal_accept",
    "proposal_reject", "request_create", "request_import", "request_transition",
    "request_update", "transitions_open",
]
