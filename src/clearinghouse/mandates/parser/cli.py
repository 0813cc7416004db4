"""``clearinghouse parse [--format json|akn|text] FILE...``, without Django, for speed."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from clearinghouse.mandates.parser import parse
from clearinghouse.mandates.parser.model import Document

HELP = "Parse resolution texts (OCR scans included) into structured provisions."


class BadInput(ValueError):
    """A file that cannot be parsed as a resolution, with the reason in plain words."""


def read_text(path: Path) -> str:
    """Return a file's text, refusing binary, empty and undecodable files by name."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise BadInput(f"cannot be read ({error.strerror})") from error
    if b"\x00" in data[:8192]:
        raise BadInput("is a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if not text.strip():
        raise BadInput("is empty")
    return text


def read_document(path: Path, sessions: dict[Any, Any] | None = None) -> Document:
    """Parse a file: Akoma Ntoso markup (.xml) through its markup, anything else as text.

    ``sessions`` replaces the shipped session calendar. Raises BadInput for a bad file.
    """
    if path.suffix.lower() == ".xml":
        from clearinghouse.mandates.parser.akn_read import document_from_akn

        try:
            return document_from_akn(path, sessions=sessions)
        except (ValueError, OSError, SyntaxError) as error:  # lxml raises a SyntaxError
            raise BadInput(f"is not Akoma Ntoso XML ({error})") from error
    return parse(read_text(path), source=str(path), sessions=sessions)


def check_resolution(document: Document) -> None:
    """Refuse a parse that found nothing of a resolution."""
    if not document.operative and not document.preamble:
        raise BadInput("does not look like a resolution: no preambular or operative "
                       "paragraphs were found")


def render(document: Document, fmt: str) -> str:
    """Return one parsed document in the requested format."""
    if fmt == "json":
        return json.dumps(document.to_json(), ensure_ascii=False)
    if fmt == "text":
        return document.text + "\n"
    from clearinghouse.mandates.parser.akn import to_akn

    return to_akn(document)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    """Parse each file; report bad ones on stderr and go on; exit 1 if any was bad."""
    out, err = out or sys.stdout, err or sys.stderr
    parser = argparse.ArgumentParser(prog="clearinghouse parse", description=HELP)
    parser.add_argument("--format", choices=["json", "akn", "text"], default="json")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    options = parser.parse_args(argv)
    failed = 0
    for path in options.files:
        try:
            document = read_document(path)
            check_resolution(document)
        except BadInput as error:
            failed += 1
            print(f"clearinghouse parse: {path}: {error}", file=err)
            continue
        out.write(render(document, options.format))
        if options.format == "json":
            out.write("\n")
    return 1 if failed else 0
