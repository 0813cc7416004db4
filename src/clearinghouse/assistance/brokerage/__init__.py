"""The brokerage engine: a pure package (no Django) that allocates offers to requests.

Model v1 is documented in docs/brokerage.md. ``problem`` reads and checks a problem,
``rules`` holds compatibility, fit and weight, ``greedy`` is the baseline allocator and
``checker`` verifies any solution independently of the code that made it. ``solver.solve``
finds the best allocation: ``pairs`` indexes the compatible pairs, ``relaxation`` bounds and
prices them, ``heuristic`` builds an allocation, ``decompose`` (with ``exact`` and
``neighbourhood``) proves or improves it piece by piece, and ``explain`` says why.
"""
