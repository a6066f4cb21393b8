"""BERTopic as a story-clustering reference, run offline.

BERTopic's default embedding model (sentence-transformers) is downloaded from a model hub on
first use, which an offline machine cannot do, so the reference here is BERTopic with the
embedding it documents for that case: a scikit-learn pipeline (TF-IDF, then truncated SVD),
followed by its usual UMAP + HDBSCAN. It clusters the whole set at once (look-ahead), unlike
storyline's single pass. Documents HDBSCAN leaves as outliers (topic -1) each count as a
cluster of their own.

Install (not in the ``bench`` extra: BERTopic's declared dependencies pull in PyTorch)::

    pip install --no-deps bertopic && pip install hdbscan umap-learn pandas plotly pyyaml tqdm
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any, Protocol


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
    embedding: Any = make_pipeline(
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
        topics, _ = model.fit_transform(texts)
    return [f"t{topic}" if topic >= 0 else f"out{i}" for i, topic in enumerate(topics)]
