"""Loading the factory-data targets (data/factory_targets.yaml), idempotently."""

from pathlib import Path

import yaml

from ecotown.factories.models import FactoryTarget

TARGETS = Path(__file__).parent / "data" / "factory_targets.yaml"


def load_factory_targets(path: Path = TARGETS) -> str:
    created = 0
    for row in yaml.safe_load(path.read_text(encoding="utf-8")):
        _target, made = FactoryTarget.objects.get_or_create(code=row.pop("code"), defaults=row)
        created += made
    return f"{created} created"
