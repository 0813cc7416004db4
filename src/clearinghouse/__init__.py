"""Clearinghouse: the operational system of the UN crime prevention and criminal justice programme."""

from clearinghouse.celery import app as celery_app

__all__ = ["celery_app"]
__version__ = "0.1.0"
