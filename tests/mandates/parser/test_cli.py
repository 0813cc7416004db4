"""``clearinghouse parse`` in its three formats, and its handling of bad files."""

from __future__ import annotations

import io
import json
from pathlib import Path

from clearinghouse.mandates.parser.cli import main
from tests.mandates.parser.conftest import SEED


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_json_lines_one_object_per_file(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text(SEED.read_text())
    code, out, err = _run("--format", "json", str(SEED), str(copy))
    lines = out.splitlines()
    assert code == 0 and err == "" and len(lines) == 2
    first = json.loads(lines[0])
    assert first["source"] == str(SEED) and first["symbol"] == "E/RES/1992/22"
    assert {"preamble", "sections", "operative", "citations", "mandates", "lacunae",
            "repairs"} <= first.keys()


def test_text_and_akn_formats() -> None:
    code, text, _ = _run("--format", "text", str(SEED))
    assert code == 0 and "resolution 46/152 concerning" in text and "resolu\n" not in text
    code, akn, _ = _run("--format", "akn", str(SEED))
    assert code == 0 and akn.startswith("<akomaNtoso")


def test_bad_files_are_reported_by_name_and_the_others_still_parsed(tmp_path: Path) -> None:
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF\x00\x01\x02")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    prose = tmp_path / "letter.txt"
    prose.write_text("Dear colleague, thank you for your letter.\n")
    code, out, err = _run(str(binary), str(SEED), str(empty), str(prose),
                          str(tmp_path / "missing.txt"))
    assert code == 1
    assert len(out.splitlines()) == 1 and json.loads(out)["number"] == "1992/22"
    assert f"{binary}: is a binary file" in err
    assert f"{empty}: is empty" in err
    assert f"{prose}: does not look like a resolution" in err
    assert "missing.txt: cannot be read" in err


def test_akn_files_are_read_through_their_markup_in_every_format(tmp_path: Path) -> None:
    from tests.mandates.parser.conftest import corpus_sample

    files = [str(p) for p in corpus_sample(20)]
    for fmt in ("json", "akn", "text"):
        code, out, err = _run("--format", fmt, *files)
        assert code == 0 and err == "", err
    code, out, _ = _run("--format", "json", *files)
    assert len(out.splitlines()) == len(files)
    broken = tmp_path / "broken.xml"
    broken.write_text("<akomaNtoso><statement>")
    code, _, err = _run(str(broken))
    assert code == 1 and "is not Akoma Ntoso XML" in err
