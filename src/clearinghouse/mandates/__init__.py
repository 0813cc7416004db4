"""Mandates: resolution texts turned into tracked provisions."""
