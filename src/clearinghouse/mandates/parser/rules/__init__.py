"""Repair rules. Each module recognizes one kind of OCR damage and mends it.

Line rules take (line text, line number, repairs) and return the mended line. Text rules take
(block text, line locator, repairs) and return the mended text. Every mend is recorded.
"""
