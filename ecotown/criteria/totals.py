"""The requirement counts a catalogue's source states, set beside the counts loaded from its file: pure functions.

The 2022 slide states 12 basic, 23 general and 6 specific requirements, yet its per-level list adds up to 24 items
of which 3 are specific; the shipped file follows the per-level list. Neither figure is a fact until DIW's official
document settles it, so pages show both and mark where they differ (docs/catalogue-format.md, "Source").
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Count:
    """A number of requirements: split into general and specific, or a `total` the source gives unsplit."""

    general: int | None = None
    specific: int | None = None
    total: int | None = None

    show_zeros = False  # a loaded count leaves out "0 specific"; a stated one shows what the source says

    @classmethod
    def of(cls, entry: dict) -> "Count":
        return cls(entry.get("general"), entry.get("specific"), entry.get("total"))

    @property
    def items(self) -> int:
        return self.total if self.total is not None else (self.general or 0) + (self.specific or 0)

    @property
    def is_known(self) -> bool:
        return any(value is not None for value in (self.general, self.specific, self.total))

    def differs_from(self, loaded: "Count") -> bool:
        """Whether what the source states disagrees with what was loaded, comparing only what it states."""
        if not self.is_known:
            return False
        if self.total is not None:
            return self.total != loaded.items
        return any(
            stated is not None and stated != (actual or 0)
            for stated, actual in ((self.general, loaded.general), (self.specific, loaded.specific))
        )

    def __str__(self) -> str:
        if not self.is_known:
            return "—"
        if self.total is not None:
            return str(self.total)
        parts = [
            text.format(count=count)
            for count, text in ((self.general, _("{count} general")), (self.specific, _("{count} specific")))
            if count is not None and (count or self.show_zeros)
        ]
        return ", ".join(parts) or "0"


@dataclass(frozen=True)
class StatedCount(Count):
    """A count as the source states it."""

    show_zeros = True


@dataclass(frozen=True)
class CountRow:
    label: object  # text, or the Level itself so the page can mark a provisional name
    declared: Count
    loaded: Count

    @property
    def differs(self) -> bool:
        return self.declared.differs_from(self.loaded)


def count_rows(declared: dict, basic: int, per_level: dict[int, tuple[int, int]], labels: dict) -> list[CountRow]:
    """Rows for basic requirements, each level and the general and specific totals: stated beside loaded.

    `per_level` maps a level number to the (general, specific) requirements loaded at it; `labels` maps a level
    number to what names it (the Level).
    """
    declared = declared or {}
    stated_levels = {entry["level"]: entry for entry in declared.get("per_level", [])}
    rows = [CountRow(_("Basic requirements"), StatedCount(total=declared.get("basic")), Count(total=basic))]
    for number in sorted(set(per_level) | set(stated_levels)):
        general, specific = per_level.get(number, (0, 0))
        rows.append(
            CountRow(
                labels.get(number) or _("Level {number}").format(number=number),
                StatedCount.of(stated_levels.get(number, {})),
                Count(general, specific),
            )
        )
    loaded_general = sum(general for general, _specific in per_level.values())
    loaded_specific = sum(specific for _general, specific in per_level.values())
    rows.append(
        CountRow(_("General requirements, all levels"), StatedCount(total=declared.get("general")),
                 Count(total=loaded_general))
    )  # fmt: skip
    rows.append(
        CountRow(_("Specific requirements, all levels"), StatedCount(total=declared.get("specific")),
                 Count(total=loaded_specific))
    )  # fmt: skip
    return rows


def self_disagreement(declared: dict) -> tuple[int, int] | None:
    """(general + specific the source states in all, items its per-level list adds up to) when they differ."""
    declared = declared or {}
    if declared.get("general") is None or declared.get("specific") is None or not declared.get("per_level"):
        return None
    stated = declared["general"] + declared["specific"]
    listed = sum(Count.of(entry).items for entry in declared["per_level"])
    return (stated, listed) if stated != listed else None
