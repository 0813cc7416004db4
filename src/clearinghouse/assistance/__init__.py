"""Assistance: requests from Member States, offers from providers, and their brokerage."""
