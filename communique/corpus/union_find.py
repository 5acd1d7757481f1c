"""Union-find over a parent list: the one root lookup that corpus merging and person linking share."""

from __future__ import annotations

__all__ = ["find_root"]


def find_root(parent: list[int], i: int) -> int:
    """The root of ``i`` in the forest ``parent`` (``parent[r] == r`` at a root), halving the path on the way."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i
