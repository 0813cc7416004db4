"""The assistance models: needs and offers (``needs``), and brokerage runs (``clearing``)."""

from clearinghouse.assistance.models.clearing import BrokerageRun, Commitment, Proposal
from clearinghouse.assistance.models.needs import (
    Kind,
    Offer,
    OfferLine,
    PriorityThemeList,
    Request,
    RequestLine,
    Theme,
)

__all__ = ["BrokerageRun", "Commitment", "Kind", "Offer", "OfferLine", "PriorityThemeList",
           "Proposal", "Request", "RequestLine", "Theme"]
