"""Clearing-house pages: requests, offers, brokerage runs. Views validate, call, render."""
