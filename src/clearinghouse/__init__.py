"""Clearinghouse: the operational system of the UN crime prevention and criminal justice programme.

The package root imports nothing, so the pure cores (``registry.duplicates``, later the parser
and the optimizer) load without Django or Celery. The Celery app is loaded by the jobs app.
"""

__version__ = "0.1.0"
