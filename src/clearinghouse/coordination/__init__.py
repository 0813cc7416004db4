"""Coordination: the register of every entity's activities (ours, and others' by IATI)."""
