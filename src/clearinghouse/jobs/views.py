"""Job pages: the list, one job with its live progress bar, and starting a job."""

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from clearinghouse.core.errors import ApplicationError, NotFound
from clearinghouse.core.tables import Column
from clearinghouse.jobs import selectors, services
from clearinghouse.jobs.models import Job
from clearinghouse.web.lists import render_list

COLUMNS = [
    Column("Job", lambda j: f"#{j.pk}", lambda j: reverse("jobs:job_detail", args=[j.pk])),
    Column("Kind", lambda j: j.title),
    Column("Status", lambda j: j.get_status_display()),
    Column("Progress", lambda j: f"{j.done}/{j.total}"),
    Column("Started by", lambda j: j.created_by),
    Column("Created", lambda j: j.created.strftime("%Y-%m-%d %H:%M")),
]


def _job_or_404(request: HttpRequest, job_id: int) -> Job:
    try:
        return selectors.job_get(user=request.user, job_id=job_id)
    except NotFound as error:
        raise Http404 from error


@login_required
def job_list(request: HttpRequest) -> HttpResponseBase:
    """List the user's jobs (all jobs for the Secretariat)."""
    return render_list(request, title="Jobs", rows=selectors.job_list(user=request.user),
                       columns=COLUMNS, filename="jobs", filter_form=None)


@login_required
def job_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    """Show one job; its progress bar refreshes itself while the job runs."""
    job = _job_or_404(request, job_id)
    return render(request, "jobs/job_detail.html", {"title": job.title, "job": job})


@login_required
def job_progress(request: HttpRequest, job_id: int) -> HttpResponse:
    """Render the progress partial that HTMX polls."""
    return render(request, "jobs/_progress.html", {"job": _job_or_404(request, job_id)})


@login_required
def job_download(request: HttpRequest, job_id: int) -> FileResponse:
    """Send the file a finished job produced (a rendered report)."""
    job = _job_or_404(request, job_id)
    name = (job.result or {}).get("file") if job.finished_ok else None
    path = Path(settings.VAR_DIR) / "reports" / str(name)
    if not name or Path(str(name)).name != name or not path.exists():
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename=name)


@login_required
@require_POST
def job_start(request: HttpRequest) -> HttpResponse:
    """Start a job and go to its page; job parameters come as ``param_<name>`` fields."""
    params = {k.removeprefix("param_"): v for k, v in request.POST.items()
              if k.startswith("param_")}
    try:
        job = services.job_start(user=request.user, kind=request.POST.get("kind", ""),
                                 params=params)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("dashboard")
    return redirect("jobs:job_detail", job_id=job.pk)
