"""Periodic jobs of protection cases (run by `civica periodic`): each idempotent, recording what it did."""

from datetime import timedelta

from civica.core.periodic import periodic

from . import services


@periodic("protection.referrals_expire", every=timedelta(hours=1))
def expire_referrals(now):
    return services.referrals_expire(now)


@periodic("protection.follow_up_reminders", every=timedelta(hours=1))
def remind_follow_ups(now):
    return services.follow_up_reminders(now)


@periodic("protection.retention", every=timedelta(days=1))
def anonymise_after_retention(now):
    return services.anonymise_due(now)
