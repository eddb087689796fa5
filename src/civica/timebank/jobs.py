"""Periodic jobs of the time bank; both are idempotent (they act on state, not on the clock)."""

from datetime import timedelta

from civica.core.periodic import periodic

from . import services


@periodic("timebank.confirm_exchanges", every=timedelta(hours=1))
def confirm_exchanges(now):
    return services.exchanges_confirm_due(now)


@periodic("timebank.dormancy", every=timedelta(days=1))
def dormancy(now):
    return services.dormancy_sweep(now)
