"""Funds, budget periods, allocation areas, exchange rates and the ledger of entries.

Every amount is a Decimal in its original currency, with the UN operational rate of exchange
used and its US dollar value. Entries are never edited once their period is locked: a
correction is a new adjusting entry in an open period.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from clearinghouse.audit.models import AuditedModel
from clearinghouse.registry.models import Organization, State


class BudgetPeriod(AuditedModel):
    """A biennium or a year of the programme budget; entries are posted to years."""

    class Kind(models.TextChoices):
        BIENNIUM = "biennium", "Biennium"
        YEAR = "year", "Year"

    code = models.CharField(max_length=9, unique=True, help_text='"2026-2027" or "2026"')
    kind = models.CharField(max_length=8, choices=Kind.choices)
    start = models.DateField()
    end = models.DateField(help_text="Last day of the period")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="years")
    locked_at = models.DateTimeField(null=True, blank=True,
                                     help_text="When its statement was issued")

    class Meta:
        ordering = ["start", "-end"]
        constraints = [models.CheckConstraint(condition=Q(end__gte=models.F("start")),
                                              name="period_end_after_start")]

    def __str__(self) -> str:
        return self.code

    @property
    def locked(self) -> bool:
        return self.locked_at is not None


class AllocationArea(AuditedModel):
    """An area of the programme budget's allocations (VI.3(a), (b), (c) by default)."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField(default=0)
    priority = models.BooleanField(
        default=False, help_text="Training, advisory services and technical cooperation in "
                                 "priority areas of recognized need (the 'majority' rule)")

    class Meta:
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name


class Fund(AuditedModel):
    """A source of money: the regular budget, the Fund, third-party or bilateral financing."""

    class Kind(models.TextChoices):
        REGULAR_BUDGET = "regular_budget", "Regular budget"
        CRIME_FUND = "crime_fund", (
            "United Nations Crime Prevention and Criminal Justice Fund")
        THIRD_PARTY = "third_party", "Third-party funds"
        BILATERAL = "bilateral", "Bilateral or parallel financing (outside the UN accounts)"

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    psc_rate = models.DecimalField("programme support cost rate", max_digits=5,
                                   decimal_places=4, default=Decimal("0"),
                                   validators=[MinValueValidator(Decimal("0"))])

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def in_un_accounts(self) -> bool:
        return self.kind != self.Kind.BILATERAL

    def clean(self) -> None:
        if self.psc_rate is not None and self.psc_rate >= 1:
            raise ValidationError({"psc_rate": "Give a fraction below 1, e.g. 0.13."})


class ExchangeRate(AuditedModel):
    """A UN operational rate of exchange: units of a currency per US dollar, for a month."""

    currency = models.CharField(max_length=3)
    month = models.DateField(help_text="First day of the month")
    per_usd = models.DecimalField(max_digits=18, decimal_places=6,
                                  validators=[MinValueValidator(Decimal("0.000001"))])

    class Meta:
        ordering = ["-month", "currency"]
        constraints = [models.UniqueConstraint(fields=["currency", "month"],
                                               name="one_rate_per_currency_month")]

    def __str__(self) -> str:
        return f"{self.currency} {self.per_usd}/USD {self.month:%Y-%m}"

    def clean(self) -> None:
        import pycountry

        if pycountry.currencies.get(alpha_3=self.currency or "") is None:
            raise ValidationError({"currency": f"Not an ISO 4217 code: {self.currency}."})
        if self.month and self.month.day != 1:
            raise ValidationError({"month": "Give the first day of the month."})


class Entry(AuditedModel):
    """One ledger entry: a pledge, receipt, allotment, obligation, expenditure or support cost."""

    class Kind(models.TextChoices):
        PLEDGE = "pledge", "Pledge"
        RECEIPT = "receipt", "Receipt"
        ALLOTMENT = "allotment", "Allotment"
        OBLIGATION = "obligation", "Obligation"
        EXPENDITURE = "expenditure", "Expenditure"
        SUPPORT_COST = "psc", "Programme support cost"

    class Object(models.TextChoices):
        POSTS = "posts", "Posts"
        CONSULTANTS = "consultants", "Consultants and experts"
        TRAVEL = "travel", "Travel"
        CONTRACTUAL = "contractual", "Contractual services"
        OPERATING = "operating", "General operating expenses"
        SUPPLIES = "supplies", "Supplies and equipment"
        GRANTS = "grants", "Grants and fellowships"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="entries")
    period = models.ForeignKey(BudgetPeriod, on_delete=models.PROTECT, related_name="entries")
    area = models.ForeignKey(AllocationArea, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="entries", verbose_name="allocation area")
    activity = models.ForeignKey("coordination.Activity", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="entries")
    object = models.CharField("object of expenditure", max_length=12, choices=Object.choices,
                              blank=True)
    donor = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="contributions")
    donor_state = models.ForeignKey(State, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="contributions")
    date = models.DateField()
    amount = models.DecimalField(max_digits=18, decimal_places=2,
                                 help_text="In the original currency")
    currency = models.CharField(max_length=3)
    rate = models.DecimalField(max_digits=18, decimal_places=6,
                               help_text="Units of the currency per US dollar")
    usd = models.DecimalField("USD value", max_digits=18, decimal_places=2)
    pledge = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="receipts")
    allotment = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="charges")
    obligation = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="liquidations")
    adjusts = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="adjustments")
    note = models.CharField(max_length=300, blank=True)
    override = models.CharField(
        max_length=300, blank=True,
        help_text="Why a rule was overridden (over-allotment, receipt above pledge)")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name_plural = "entries"
        indexes = [models.Index(fields=["period", "kind"]),
                   models.Index(fields=["fund", "kind", "date"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.currency} {self.amount} ({self.date})"
