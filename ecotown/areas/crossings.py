"""Whether a polygon's outline crosses itself: pure plane geometry on [longitude, latitude] pairs.

Written here because no geometry library is installed (shapely/GEOS would be a large dependency for one check).
Segments are swept from west to east; each is compared only with the segments whose east–west extent overlaps
it and whose north–south extent overlaps too ("sweep and prune"). A real boundary meets a north–south line a
handful of times, so the work stays near linear; an outline built of long parallel edges would make it
quadratic, so the work is capped and such an outline is refused as too intricate (MAX_COMPARISONS).
"""

MAX_COMPARISONS = 4_000_000  # a 100,000-point outline meeting a north–south line 40 times needs as many


class TooIntricate(Exception):
    """The outline has so many long edges side by side that checking it would take too long."""


# A segment is a tuple, for speed (200,000 of them): its extent, which ring and edge it is, and its end points.
WEST, EAST, SOUTH, NORTH, RING, INDEX, RING_SIZE, START, END = range(9)


def first_crossing(rings) -> tuple[float, float] | None:
    """A point where the rings (lists of [x, y, ...] positions, each ending where it starts) cross or touch
    themselves, or cross or run along each other; None when the outline is simple. A hole may touch its shell
    at a single point (valid in the OGC model); repeated consecutive points are ignored."""
    comparisons = 0
    active = []  # segments that reach east of the sweep line
    for segment in sorted(_segments(rings)):
        west, south, north = segment[WEST], segment[SOUTH], segment[NORTH]
        comparisons += len(active)
        if comparisons > MAX_COMPARISONS:
            raise TooIntricate
        still_active = [segment]
        for other in active:
            if other[EAST] < west:
                continue
            still_active.append(other)
            if other[SOUTH] <= north and south <= other[NORTH]:
                point = _meeting(segment, other)
                if point is not None:
                    return point
        active = still_active
    return None


def _segments(rings) -> list[tuple]:
    segments = []
    for ring_number, ring in enumerate(rings):
        points = [(position[0], position[1]) for position in ring]
        points = [point for index, point in enumerate(points) if index == 0 or point != points[index - 1]]
        size = len(points) - 1
        for index in range(size):
            start, end = points[index], points[index + 1]
            west, east = (start[0], end[0]) if start[0] <= end[0] else (end[0], start[0])
            south, north = (start[1], end[1]) if start[1] <= end[1] else (end[1], start[1])
            segments.append((west, east, south, north, ring_number, index, size, start, end))
    return segments


def _are_neighbours(first, second) -> bool:
    """Consecutive edges of one ring, which share a corner by construction."""
    if first[RING] != second[RING]:
        return False
    gap = abs(first[INDEX] - second[INDEX])
    return gap == 1 or gap == first[RING_SIZE] - 1


def _meeting(first, second) -> tuple[float, float] | None:
    """Where two segments meet in a way a simple outline forbids, or None."""
    if _are_neighbours(first, second):
        return _doubling_back(first, second)
    kind, point = _intersection(first[START], first[END], second[START], second[END])
    if kind is None or (kind == "touch" and first[RING] != second[RING]):
        return None
    return point


def _doubling_back(first, second) -> tuple[float, float] | None:
    """Neighbouring edges meet at their shared corner; they are wrong only when the second turns straight back
    along the first (a spike of zero width)."""
    if first[END] == second[START]:
        before, corner, after = first[START], first[END], second[END]
    elif second[END] == first[START]:
        before, corner, after = second[START], second[END], first[END]
    else:
        return None
    if _orientation(before, corner, after) != 0:
        return None
    turned_back = (before[0] - corner[0]) * (after[0] - corner[0]) + (before[1] - corner[1]) * (after[1] - corner[1])
    return corner if turned_back > 0 else None


def _orientation(p, q, r) -> float:
    return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])


def _within(p, q, r) -> bool:
    """r, collinear with p and q, lies on the segment pq."""
    return min(p[0], q[0]) <= r[0] <= max(p[0], q[0]) and min(p[1], q[1]) <= r[1] <= max(p[1], q[1])


def _intersection(a, b, c, d):
    """("cross", point) when the segments cross, ("overlap", point) when they run along each other,
    ("touch", point) when they meet at a single end point, (None, None) when they do not meet."""
    d1, d2 = _orientation(c, d, a), _orientation(c, d, b)
    d3, d4 = _orientation(a, b, c), _orientation(a, b, d)
    if d1 * d2 < 0 and d3 * d4 < 0:
        share = d1 / (d1 - d2)
        return "cross", (a[0] + share * (b[0] - a[0]), a[1] + share * (b[1] - a[1]))
    if d1 == d2 == d3 == d4 == 0:
        shared = [p for p in (a, b) if _within(c, d, p)] + [p for p in (c, d) if _within(a, b, p)]
        distinct = set(shared)
        if not distinct:
            return None, None
        return ("overlap" if len(distinct) > 1 else "touch"), shared[0]
    for value, segment, point in ((d1, (c, d), a), (d2, (c, d), b), (d3, (a, b), c), (d4, (a, b), d)):
        if value == 0 and _within(*segment, point):
            return "touch", point
    return None, None
