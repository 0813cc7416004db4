"""Mandates job kinds: ingesting resolution files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from clearinghouse.core.errors import ApplicationError
from clearinghouse.jobs.kinds import register
from clearinghouse.jobs.progress import Progress
from clearinghouse.mandates import services


@register("mandates.ingest", title="Ingest resolutions")
def ingest(progress: Progress, params: dict[str, Any], user: Any) -> dict[str, Any]:
    """Ingest every file named in ``params["paths"]``; a bad file is reported, not fatal."""
    files = services.ingest_paths([Path(p) for p in params.get("paths", [])])
    progress.start(len(files), "Ingesting resolutions")
    created, updated, failed = 0, 0, []
    for path in files:
        try:
            _, new = services.resolution_ingest(user=user,
                                                document=services.document_read(path))
        except ApplicationError as error:
            failed.append({"file": str(path), "error": error.message})
        else:
            created, updated = created + new, updated + (not new)
        progress.advance(1, path.name)
    return {"files": len(files), "created": created, "updated": updated, "failed": failed}
