"""Evaluation tooling for the resolution parser: ground truth from AKN, rendering, OCR damage."""
