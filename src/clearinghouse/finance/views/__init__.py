"""Finance pages: the ledger, rates, statements, the concentration check, the donor view."""
