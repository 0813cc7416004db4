"""Mandates job kinds: ingesting resolution files."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from clearinghouse.core.errors import ApplicationError
from clearinghouse.jobs.kinds import register
from clearinghouse.jobs.progress import Progress
from clearinghouse.mandates import services

logger = logging.getLogger(__name__)


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
        except Exception as error:  # one broken file must not stop the others
            logger.exception("Ingesting %s failed", path)
            failed.append({"file": str(path), "error": f"{path}: {error}"})
        else:
            created, updated = created + new, updated + (not new)
        progress.advance(1, path.name)
    return {"files": len(files), "created": created, "updated": updated, "failed": failed}


@register("mandates.progress_report", title="Progress report on a resolution")
def progress_report(progress: Progress, params: dict[str, Any], user: Any) -> dict[str, Any]:
    """Render the progress report in the requested format into the reports folder."""
    from django.conf import settings

    from clearinghouse.mandates.models import Resolution
    from clearinghouse.mandates.report import RENDERERS, progress_report_build

    fmt = params.get("format", "pdf")
    if fmt not in RENDERERS:
        raise ApplicationError("Unknown format.", fields={"format": ["html, pdf or docx"]})
    resolution_id = str(params.get("resolution_id", ""))
    resolution = (Resolution.objects.filter(pk=int(resolution_id)).first()
                  if resolution_id.isdigit() else None)
    if resolution is None:
        raise ApplicationError("No such resolution.", fields={"resolution_id": ["not found"]})
    progress.start(2, "Gathering the provisions")
    report = progress_report_build(resolution=resolution)
    progress.advance(1, f"Rendering {fmt.upper()}")
    content = RENDERERS[fmt][1](report)
    folder = Path(settings.VAR_DIR) / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    name = f"progress-{resolution.symbol.replace('/', '-')}-{progress.job.pk}.{fmt}"
    (folder / name).write_bytes(content)
    progress.advance(1, "Done")
    return {"file": name, "format": fmt, "bytes": len(content)}
