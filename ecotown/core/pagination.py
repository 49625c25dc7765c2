"""Pagination of lists: the first page of a short list without a count, and a paginator that stops counting at a
cap for lists too long to count.

Counting every row of a register of 250,000 factories costs more than showing a page of it, on every page
(issue 15: the factory list within 300 ms). Past `cap` rows nobody pages through a list: they search or filter.
So the count reads at most `cap + 1` rows (`SELECT COUNT(*) FROM (… LIMIT cap + 1)`), the list offers the
first `cap` rows, and `capped` tells the page to say "more than cap" and ask for a narrower search. Deep pages
stay cheap because no page starts beyond the cap.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class ListPaginator(Paginator):
    """A first page that holds the whole list is one query: its rows tell the count, no `COUNT(*)` first."""

    def page(self, number):
        rows = self.object_list
        pinned = any((getattr(rows, "pinned_data", None) or {}).values())
        if str(number) == "1" and "count" not in self.__dict__ and not pinned:
            first = rows[: self.per_page + self.orphans + 1]
            fetched = len(first)
            if fetched <= self.per_page + self.orphans:
                self.__dict__["count"] = fetched  # Paginator.count is a cached_property
                return self._get_page(first, 1, self)
            self.validate_number(1)  # counts: more pages follow
            return self._get_page(first[: self.per_page], 1, self)  # the rows already read
        return super().page(number)


class CappedPaginator(ListPaginator):
    cap = 10_000
    capped = False  # set when the count stopped at the cap

    @cached_property
    def count(self) -> int:
        counted = self._queryset().order_by()[: self.cap + 1].count()
        self.capped = counted > self.cap
        return min(counted, self.cap)

    def _queryset(self):
        # django-tables2 hands over its BoundRows, whose data wraps the queryset; a plain queryset is fine too.
        data = getattr(self.object_list, "data", self.object_list)
        return getattr(data, "data", data)
