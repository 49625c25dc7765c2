"""Test helpers for open data, and the permission matrix's sample: a snapshot of the full world."""

from ecotown.opendata.choices import Trigger
from ecotown.opendata.services import publish_snapshot


def add_samples(world) -> None:
    world.snapshot = publish_snapshot(acting_user=None, trigger=Trigger.NIGHTLY)
