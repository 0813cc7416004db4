"""Finance: funds, budget periods, the ledger, the statement of expenditure, IATI open data."""
