"""The signature index: what is kept of each already-seen article, with its parameters.

Per article it keeps an 8-byte hash of the folded text (exact duplicates) and one uint32 per
LSH band, nothing else: ``8 + 4 * bands`` bytes (136 with the defaults). Shingle sets are
recomputed from the text only for candidate pairs, so the index stays small.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import numpy as np

from ..errors import IncompatibleParametersError
from .minhash import U32
from .shingles import U64


class SignatureIndex:
    """Band hashes and text hashes of articles, by id, stamped with the params that made them."""

    def __init__(
        self, params: Mapping[str, int | float | str], ids: list[str], exact: U64, bands: U32
    ) -> None:
        if len(ids) != len(exact) or len(ids) != bands.shape[0]:
            raise ValueError("ids, exact hashes and bands must have the same length")
        self._params = dict(params)
        self._ids = list(ids)
        self._position = {article_id: i for i, article_id in enumerate(self._ids)}
        self.exact = exact
        self.bands = bands

    @property
    def params(self) -> dict[str, int | float | str]:
        return dict(self._params)

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    @property
    def nbytes(self) -> int:
        """Bytes of the hash arrays (ids excluded)."""
        return int(self.exact.nbytes + self.bands.nbytes)

    def __repr__(self) -> str:
        return f"SignatureIndex({len(self._ids)} articles, params={self._params!r})"

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._position

    def position(self, article_id: str) -> int:
        return self._position[article_id]

    def check(self, params: Mapping[str, int | float | str]) -> None:
        """Raise IncompatibleParametersError naming every parameter that differs."""
        keys = sorted(set(params) | set(self._params))
        diffs = [
            f"{k}: index has {self._params.get(k)!r}, asked for {params.get(k)!r}"
            for k in keys
            if self._params.get(k) != params.get(k)
        ]
        if diffs:
            raise IncompatibleParametersError(
                "signatures were made with other parameters and cannot be compared ("
                + "; ".join(diffs)
                + ")"
            )

    def rows(self) -> Iterator[tuple[str, bytes]]:
        """(id, bytes) per article, by id: 8 bytes text hash, then the bands, little-endian."""
        exact = self.exact.astype("<u8")
        bands = self.bands.astype("<u4")
        for article_id in sorted(self._ids):
            i = self._position[article_id]
            yield article_id, exact[i].tobytes() + bands[i].tobytes()

    @classmethod
    def from_rows(
        cls, params: Mapping[str, int | float | str], rows: Iterable[tuple[str, bytes]]
    ) -> SignatureIndex:
        """Rebuild an index from :meth:`rows`; a row of the wrong size is refused."""
        n_bands = int(params.get("bands", 0))
        width = 8 + 4 * n_bands
        ids: list[str] = []
        blobs: list[bytes] = []
        for article_id, blob in rows:
            if len(blob) != width:
                raise IncompatibleParametersError(
                    f"signature of {article_id!r} has {len(blob)} bytes; "
                    f"params with {n_bands} bands need {width}"
                )
            ids.append(article_id)
            blobs.append(blob)
        raw = np.frombuffer(b"".join(blobs), dtype=np.uint8).reshape(len(ids), width)
        exact = raw[:, :8].copy().view("<u8").reshape(len(ids)).astype(np.uint64)
        bands = raw[:, 8:].copy().view("<u4").reshape(len(ids), n_bands).astype(np.uint32)
        return cls(params, ids, exact, bands)

    def merge(self, other: SignatureIndex) -> SignatureIndex:
        """This index plus the articles of ``other`` it does not hold; params must match."""
        self.check(other.params)
        new = [i for i, article_id in enumerate(other.ids) if article_id not in self._position]
        return SignatureIndex(
            self._params,
            self._ids + [other.ids[i] for i in new],
            np.concatenate([self.exact, other.exact[new]]),
            np.concatenate([self.bands, other.bands[new]]),
        )
