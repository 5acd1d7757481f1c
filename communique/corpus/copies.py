"""Near-duplicate documents (syndicated copies): texts -> MinHash fingerprints -> copies of earlier documents.

A document's fingerprint is computed by the worker that parsed it (pipeline.py) and stored with it; the
end-of-run refresh (:func:`refresh_copies`) checks only the documents not checked yet, in stored order,
against the representatives already known (their band hashes are stored), a chunk at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from ..store import Store

__all__ = ["fingerprint", "band_keys", "CopyFinder", "near_duplicates", "refresh_copies"]


def _shingles(text: str, size: int) -> set[bytes]:
    from ..textnorm import fold

    words = fold(text).split()
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


def _fmix64(x: Any) -> Any:
    """MurmurHash3's 64-bit finalizer on a uint64 array (multiplications wrap modulo 2^64)."""
    import numpy as np

    x = x ^ (x >> np.uint64(33))
    x = x * np.uint64(0xFF51AFD7ED558CCD)
    x = x ^ (x >> np.uint64(33))
    x = x * np.uint64(0xC4CEB9FE1A85EC53)
    return x ^ (x >> np.uint64(33))


def minhash_signature(shingles: set[bytes], seeds: Any) -> Any:
    """MinHash of a shingle set: per seed, the least fmix64(blake2b64(shingle) XOR seed)."""
    import hashlib

    import numpy as np

    if not shingles:
        return np.full(len(seeds), np.iinfo(np.uint64).max, dtype=np.uint64)
    hv = np.fromiter((int.from_bytes(hashlib.blake2b(s, digest_size=8).digest(), "little") for s in shingles),
                     dtype=np.uint64, count=len(shingles))
    with np.errstate(over="ignore"):
        return _fmix64(hv[:, None] ^ seeds[None, :]).min(axis=0)


#: MinHash parameters of the fingerprints the store keeps (changing them invalidates stored ones)
SHINGLE, NUM_PERM, BANDS, COPY_THRESHOLD = 5, 128, 32, 0.8
#: a new document is compared with at most this many representatives (the earliest stored first)
MAX_CANDIDATES = 64


@lru_cache(maxsize=8)
def _seeds(num_perm: int, seed: int) -> Any:
    import numpy as np

    return np.random.default_rng(seed).integers(0, np.iinfo(np.uint64).max, size=num_perm, dtype=np.uint64,
                                                endpoint=True)


def fingerprint(text: str, *, shingle: int = SHINGLE, num_perm: int = NUM_PERM, seed: int = 1) -> bytes | None:
    """The MinHash signature of a text's word shingles (``shingle`` folded words), ``num_perm``
    little-endian uint32 (the low half of each 64-bit minimum: 512 bytes); None for a text without words."""
    sh = _shingles(text, shingle)
    if not sh:
        return None
    return (minhash_signature(sh, _seeds(num_perm, seed)) & 0xFFFFFFFF).astype("<u4").tobytes()


def band_keys(signature: bytes, bands: int = BANDS) -> list[int]:
    """One signed 64-bit hash per band of a fingerprint (LSH: near-duplicates share a band)."""
    import hashlib

    width = len(signature) // bands
    return [int.from_bytes(hashlib.blake2b(signature[b * width:(b + 1) * width], digest_size=8).digest(),
                           "little", signed=True) for b in range(bands)]


class CopyFinder:
    """Representative documents indexed by band: a new document is a copy of the earliest
    representative whose fingerprint agrees on at least ``threshold`` of its values (the share of
    equal MinHash values estimates the Jaccard similarity of the shingle sets). A document that copies
    none becomes a representative itself, so 5,000 copies of one story are compared with one document."""

    def __init__(self, *, threshold: float = COPY_THRESHOLD, bands: int = BANDS,
                 max_candidates: int = MAX_CANDIDATES) -> None:
        self.threshold = threshold
        self.bands = bands
        self.max_candidates = max_candidates
        self._order: dict[str, int] = {}
        self._sigs: dict[str, Any] = {}
        self._buckets: dict[tuple[int, int], list[str]] = defaultdict(list)

    def add(self, doc_id: str, signature: bytes, keys: list[int] | None = None) -> None:
        """Register a representative (in stored order)."""
        import numpy as np

        if doc_id in self._order:
            return
        self._order[doc_id] = len(self._order)
        self._sigs[doc_id] = np.frombuffer(signature, dtype="<u4")
        for band, key in enumerate(keys if keys is not None else band_keys(signature, self.bands)):
            self._buckets[(band, key)].append(doc_id)

    def copy_of(self, signature: bytes, keys: list[int] | None = None) -> str | None:
        """The representative this fingerprint copies, or None."""
        import numpy as np

        sig = np.frombuffer(signature, dtype="<u4")
        candidates: dict[str, None] = {}
        for band, key in enumerate(keys if keys is not None else band_keys(signature, self.bands)):
            candidates.update(dict.fromkeys(self._buckets.get((band, key), ())))
        need = self.threshold * len(sig)
        for rep in sorted(candidates, key=self._order.__getitem__)[:self.max_candidates]:
            if np.count_nonzero(self._sigs[rep] == sig) >= need:
                return rep
        return None


def near_duplicates(docs: Iterable[Any], *, threshold: float = COPY_THRESHOLD, shingle: int = SHINGLE,
                    num_perm: int = NUM_PERM, bands: int = BANDS, seed: int = 1) -> list[list[str]]:
    """Groups of near-duplicate documents (syndicated copies of one story, boilerplate aside).

    ``docs``: (id, text) pairs or records with ``.id`` and ``.text`` (Document), in stored order.
    Each document is fingerprinted (:func:`fingerprint`) and checked against the representatives
    before it (:class:`CopyFinder`, documents sharing one of ``bands`` bands are candidates).
    Returns groups of two or more ids, each a representative followed by its copies in input order,
    groups ordered by their representative. The store runs the same finder incrementally
    (:func:`refresh_copies`)."""
    if num_perm % bands:
        raise ValueError(f"num_perm ({num_perm}) must be a multiple of bands ({bands})")
    finder = CopyFinder(threshold=threshold, bands=bands)
    groups: dict[str, list[str]] = {}
    for d in docs:
        doc_id, text = (d.id, d.text) if hasattr(d, "text") else d
        sig = fingerprint(text, shingle=shingle, num_perm=num_perm, seed=seed)
        if sig is None:
            continue
        keys = band_keys(sig, bands)
        rep = finder.copy_of(sig, keys)
        if rep is None:
            finder.add(doc_id, sig, keys)
            groups[doc_id] = [doc_id]
        else:
            groups[rep].append(doc_id)
    return [g for g in groups.values() if len(g) > 1]




#: documents read (texts) or checked (fingerprints) per round trip
CHUNK = 2000


def refresh_copies(store: Store, *, chunk: int = CHUNK) -> int:
    """Record the near-duplicate copies among the documents not checked yet; returns how many."""
    while missing := store.texts_without_fingerprint(chunk):     # stored by an older version
        store.add_fingerprints([(doc_id, fingerprint(text)) for doc_id, text in missing])
    todo = store.unchecked_fingerprints()
    return sum(_check(store, todo[start:start + chunk]) for start in range(0, len(todo), chunk))


def _check(store: Store, ids: list[str]) -> int:
    """Check one chunk of unchecked documents (in stored order) against the known representatives
    and each other; returns the number of copies found."""
    sigs = store.signatures(ids)
    keys = {doc_id: band_keys(sig) for doc_id, sig in sigs.items()}
    finder = CopyFinder()
    bands = [b for k in keys.values() for b in range(len(k))]
    hashes = [h for k in keys.values() for h in k]
    if hashes:
        for rep, sig in store.representatives_in_bands(bands, hashes):
            finder.add(rep, sig)
    copies: list[tuple[str, str]] = []
    flags: list[bool] = []
    new_bands: list[tuple[int, int, str]] = []
    for doc_id in ids:
        sig = sigs.get(doc_id)
        rep = finder.copy_of(sig, keys[doc_id]) if sig is not None else None
        if sig is not None and rep is None:
            finder.add(doc_id, sig, keys[doc_id])
            new_bands += [(band, h, doc_id) for band, h in enumerate(keys[doc_id])]
        elif rep is not None:
            copies.append((doc_id, rep))
        flags.append(sig is not None and rep is None)
    store.record_copy_check(ids, flags, copies, new_bands)
    return len(copies)
