"""Registry job kinds: reference data load and the organization duplicate scan."""

from __future__ import annotations

from typing import Any

from clearinghouse.jobs.kinds import register
from clearinghouse.jobs.progress import Progress
from clearinghouse.registry import reference, selectors


@register("registry.load_reference", title="Load reference data")
def load_reference(progress: Progress, params: dict[str, Any], user: Any) -> dict[str, int]:
    """Load the shipped reference CSV files, one progress step per row."""
    progress.start(reference.reference_count(), "Loading reference data")
    return reference.reference_load(step=lambda label: progress.advance(1, label))


@register("registry.duplicate_scan", title="Find possibly duplicated organizations")
def duplicate_scan(progress: Progress, params: dict[str, Any], user: Any) -> dict[str, Any]:
    """Compare every visible organization with the others; report the likely duplicates."""
    organizations = list(selectors.organization_list(user=user))
    progress.start(len(organizations), "Comparing organizations")
    pairs: list[dict[str, Any]] = []
    for organization in organizations:
        for similar in selectors.organization_similar(
            user=user, name=organization.name, acronym=organization.acronym,
            country_id=organization.country_id, exclude_id=organization.pk,
        ):
            if similar.id > organization.pk:  # report each pair once
                pairs.append({"a": organization.pk, "a_name": organization.name,
                              "b": similar.id, "b_name": similar.name,
                              "score": similar.score, "reason": similar.reason})
        progress.advance(1, organization.name)
    return {"compared": len(organizations), "pairs": pairs}
