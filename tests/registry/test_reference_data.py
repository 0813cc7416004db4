"""The shipped reference data: every State with its codes and areas, groups with dates."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pycountry
import pytest

from clearinghouse.audit.models import AuditEntry
from clearinghouse.registry import selectors
from clearinghouse.registry.models import Area, GroupMembership, Organization, State
from clearinghouse.registry.reference import read_rows, reference_load


def test_every_member_and_observer_state_is_present(ref: None) -> None:
    statuses = Counter(State.objects.values_list("status", flat=True))
    assert statuses == {"member": 193, "observer": 2}
    assert set(State.objects.filter(status="observer").values_list("iso3", flat=True)) == {
        "VAT", "PSE"}


def test_state_codes_agree_with_iso_3166(ref: None) -> None:
    for state in State.objects.all():
        country = pycountry.countries.get(alpha_3=state.iso3)
        assert country is not None, state.iso3
        assert (country.alpha_2, country.numeric) == (state.iso2, state.m49), state.iso3


def test_states_sit_in_consistent_m49_areas(ref: None) -> None:
    for state in State.objects.select_related("region", "subregion", "intermediate_region"):
        assert state.region.level == "region" and state.subregion.parent == state.region
        if state.intermediate_region:
            assert state.intermediate_region.parent == state.subregion
    assert Area.objects.get(code="002").name == "Africa"
    assert State.objects.get(iso3="KEN").intermediate_region.code == "014"  # Eastern Africa


@pytest.mark.parametrize(("iso3", "group", "day", "expected"), [
    ("BWA", "LDC", dt.date(1990, 1, 1), True),    # graduated 1994-12-20
    ("BWA", "LDC", dt.date(2000, 1, 1), False),
    ("MDV", "LDC", dt.date(2010, 12, 31), True),  # graduated 2011-01-01
    ("MDV", "LDC", dt.date(2011, 1, 1), False),
    ("BTN", "LDC", dt.date(2023, 12, 12), True),  # graduated 2023-12-13
    ("BTN", "LDC", dt.date(2023, 12, 13), False),
    ("SSD", "LDC", dt.date(2010, 1, 1), False),   # not yet a State
    ("AFG", "LLDC", dt.date(2020, 1, 1), True),
    ("FJI", "SIDS", dt.date(2020, 1, 1), True),
    ("KEN", "LDC", dt.date(2020, 1, 1), False),
])
def test_was_state_in_group_on_date(iso3: str, group: str, day: dt.date, expected: bool,
                                    ref: None) -> None:
    state = State.objects.get(iso3=iso3)
    assert selectors.state_in_group(state=state, group=group, on=day) is expected


def test_graduated_state_keeps_its_history(ref: None) -> None:
    cabo_verde = State.objects.get(iso3="CPV")
    ldc = GroupMembership.objects.get(state=cabo_verde, group="LDC")
    assert ldc.end == dt.date(2007, 12, 20)
    assert "LDC" in selectors.state_groups_on(state=cabo_verde, on=dt.date(2000, 1, 1))
    assert "LDC" not in selectors.state_groups_on(state=cabo_verde, on=dt.date(2020, 1, 1))


def test_group_files_name_only_known_states_and_valid_periods() -> None:
    states = {row["iso3"] for row in read_rows("states.csv")}
    for line, row in enumerate(read_rows("groups.csv"), start=2):
        assert row["iso3"] in states, f"groups.csv line {line}"
        assert not row["end"] or row["end"] > row["start"], f"groups.csv line {line}"


def test_seed_organizations_cover_the_resolution_and_the_network(ref: None) -> None:
    for key in ("undp", "desd", "cpcj_branch", "unodc", "unicri", "heuni", "unafei"):
        assert Organization.objects.filter(key=key, published=True).exists(), key
    assert Organization.objects.filter(type="pni_institute").count() >= 17
    assert Organization.objects.get(key="undp").names["fr"]


def test_reference_reload_changes_nothing(ref: None) -> None:
    count = AuditEntry.objects.count()
    reference_load()
    assert AuditEntry.objects.count() == count


def test_bad_reference_row_is_refused_with_file_line_and_field(
    ref: None, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clearinghouse.core.errors import ApplicationError
    from clearinghouse.registry import reference

    for name in reference.FILES:
        text = (reference.REFERENCE_DIR / name).read_text(encoding="utf-8")
        if name == "expertise.csv":
            text += "new-area,A new area\nbad area!,Spaces are not allowed in codes\n"
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(reference, "REFERENCE_DIR", tmp_path)
    with pytest.raises(ApplicationError) as raised:
        reference.reference_load()
    assert raised.value.message.startswith("expertise.csv line 28:")
    assert "expertise.csv line 28: code" in raised.value.fields
    from clearinghouse.registry.models import ExpertiseArea

    assert not ExpertiseArea.objects.filter(code="new-area").exists()  # all or nothing


def test_reference_reload_keeps_an_unpublished_organization_unpublished(ref: None) -> None:
    from clearinghouse.audit.context import because

    heuni = Organization.objects.get(key="heuni")
    heuni.published = False
    with because("withdrawn pending review"):
        heuni.save(update_fields=["published"])
    reference_load()
    heuni.refresh_from_db()
    assert heuni.published is False
