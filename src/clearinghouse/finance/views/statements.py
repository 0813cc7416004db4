"""Statement pages: the statement of a period in every format, its issue, and the check."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from clearinghouse.access import policy
from clearinghouse.core.errors import ApplicationError
from clearinghouse.finance import services
from clearinghouse.finance.concentration import concentration_check
from clearinghouse.finance.models import BudgetPeriod
from clearinghouse.finance.report import RENDERERS, render_html
from clearinghouse.finance.statement import statement_build


def _staff_only(request: HttpRequest) -> None:
    if not policy.actor_for(request.user).staff:
        raise Http404


@login_required
def statement(request: HttpRequest, code: str) -> HttpResponse:
    """Show the statement of expenditure of a period; ``?format=pdf|xlsx|json`` downloads it."""
    _staff_only(request)
    period = get_object_or_404(BudgetPeriod, code=code)
    built = statement_build(period=period)
    fmt = request.GET.get("format", "")
    if fmt in RENDERERS and fmt != "html":
        content_type, renderer = RENDERERS[fmt]
        response = HttpResponse(renderer(built), content_type=content_type)
        response["Content-Disposition"] = (
            f'attachment; filename="statement-of-expenditure-{period.code}.{fmt}"')
        return response
    page: HttpResponse = render(request, "finance/statement_page.html", {
        "title": f"Statement of expenditure {period.code}", "period": period,
        "document": render_html(built, standalone=False),
        "periods": BudgetPeriod.objects.all(),
        "can_issue": policy.actor_for(request.user).kind == "finance"
        or policy.actor_for(request.user).superuser})
    return page


@login_required
@require_POST
def statement_issue(request: HttpRequest, code: str) -> HttpResponse:
    """Issue the statement: lock the period against new entries."""
    period = get_object_or_404(BudgetPeriod, code=code)
    try:
        if not policy.can_change(request.user, period, {"locked_at": "now"}):
            raise ApplicationError("Only finance officers issue statements.", status=403)
        services.statement_issue(user=request.user, period=period)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"The statement for {period.code} is issued; the period is "
                                  "locked.")
    return redirect("finance:statement", code=period.code)


@login_required
def concentration(request: HttpRequest) -> HttpResponse:
    """Show the VI.3(a) concentration check of a period, with the activities behind it."""
    _staff_only(request)
    code = request.GET.get("period") or str(BudgetPeriod.objects.filter(
        kind="year", locked_at__isnull=True).values_list("code", flat=True).first() or "")
    period = get_object_or_404(BudgetPeriod, code=code)
    return render(request, "finance/concentration.html", {
        "title": f"Concentration of resources {period.code}", "period": period,
        "indicators": concentration_check(period=period),
        "periods": BudgetPeriod.objects.all()})
