"""JSON routes under ``/api``: the same data as the pages, in the digest's JSON shapes.

Objects reuse :mod:`storyline.render.jsonout` so an API story is exactly a digest story.
Every route is a GET; errors are ``{"error": {"status", "message"}}``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..changes import Changes, latest_changes
from ..errors import NotFoundError
from ..model import Article, Story
from ..render.html import WebLinks, compare_view
from ..render.jsonout import article_to_dict, relation_to_dict, story_to_dict
from ..render.views import fold_story, page_of, per_day, split_skipped
from .app import Backend
from .lazy import WebIndex

router = APIRouter(prefix="/api", tags=["api"])
LINKS = WebLinks()
MAX_SEARCH = 100
# Stories per /api/stories answer: all 16,581 of a 20,000-article archive were one 5.9 MB
# answer that took 1.8 s at every poll.
STORIES_LIMIT = 200
MAX_STORIES_LIMIT = 1000


def backend(request: Request) -> Backend:
    found: Backend = request.app.state.backend
    return found


def find_story(index: WebIndex, story_id: str) -> Story:
    """The whole story, or NotFoundError naming the id."""
    story = index.story(story_id)
    if story is None:
        raise NotFoundError(f"no story {story_id!r} in the digest")
    return story


def story_by_prefix(index: WebIndex, story_id: str) -> str:
    """The full id of the one story whose id starts with ``story_id`` (as ``--story`` takes
    a unique start of an id, like git's commits); NotFoundError when none or several do."""
    if story_id in index.stories:
        return story_id
    chosen = sorted(i for i in index.stories if story_id and i.startswith(story_id))
    if len(chosen) > 1:
        ids = ", ".join(chosen[:5]) + (", ..." if len(chosen) > 5 else "")
        raise NotFoundError(f"{story_id!r} starts {len(chosen)} story ids ({ids}): give more")
    if not chosen:
        raise NotFoundError(f"no story {story_id!r} in the digest, nor one whose id starts so")
    return chosen[0]


def stored_article(back: Backend, article_id: str) -> Article:
    """The stored article, or NotFoundError: for no id at all (``/api/articles``), one that
    says where ids are found rather than "no article ''"."""
    if not article_id.strip("/ "):
        raise NotFoundError(
            "give an article id (/articles/ID): each story lists its articles' ids,"
            " on its page and under /api/stories/ID"
        )
    return back.store().article(article_id)


def redirect_to_story(request: Request, index: WebIndex, story_id: str) -> Response | None:
    """A redirect to the full id's URL when ``story_id`` is a unique start of one; None when
    it is a full id."""
    full = story_by_prefix(index, story_id)
    if full == story_id:
        return None
    url = request.url.path[: -len(request.path_params["story_id"])] + quote(full, safe="")
    if request.url.query:
        url += "?" + request.url.query
    return RedirectResponse(url, status_code=307)


@router.get("/stories", summary="The stories, a page at a time: size, outlets, dates, per day")
def stories(
    request: Request,
    response: Response,
    limit: int = Query(
        STORIES_LIMIT, ge=0, le=MAX_STORIES_LIMIT, description="stories in the answer; 0: all"
    ),
    offset: int = Query(0, ge=0, description="stories to leave out before the first"),
    digest: str = Query(
        "", max_length=64, description="the `digest` of the first page: 409 once it changed"
    ),
) -> dict[str, Any]:
    """The stories of the last digest, most widely reported first (independent reports, then
    named outlets, then the newest; the same order for every page of one digest), ``limit``
    at a time from ``offset``, with articles per publication day. ``total`` counts them all;
    ``next`` (also a ``Link: rel="next"`` header) is the URL of the next page, null on the
    last. ``limit=0`` gives every story at once, as this route did before it paged.
    ``digest`` identifies the digest the order belongs to; ``next`` carries it, and a page
    asked for with the id of an earlier digest is a 409 (a new run: start again)."""
    index = backend(request).index()
    if digest and digest != index.digest_id:
        raise StarletteHTTPException(
            409,
            f"the digest changed (a new run) since the page that gave digest={digest}: start"
            f" again at /api/stories?limit={limit}",
        )
    ranked = index.ranked()
    total = len(ranked)
    if offset and offset >= total:  # a client paging "until empty" meets an end
        raise NotFoundError(f"no stories from offset {offset}: the digest has {total}")
    shown = ranked[offset : offset + limit] if limit else ranked[offset:]
    after = offset + len(shown)
    following = None
    if after < total:
        following = f"/api/stories?limit={limit}&offset={after}&digest={index.digest_id}"
    if following:
        response.headers["Link"] = f'<{following}>; rel="next"'
    left_out, remarks = split_skipped(index.digest)
    changes = latest_changes(backend(request).store(), index.articles)
    return {
        "version": index.digest.version,
        "articles": len(index.digest.articles),
        # inputs left out, as the page and the CLI count them; remarks on articles read
        # (a date not read, a feed's summary) are notes: 3 of them read as "5 skipped"
        "skipped": len(left_out),
        "notes": len(remarks),
        "digest": index.digest_id,
        "total": total,
        "offset": offset,
        "limit": limit,
        "next": following,
        "stories": [_story_row(story, index, changes) for story in shown],
    }


def _story_row(story: Story, index: WebIndex, changes: Changes | None) -> dict[str, Any]:
    # not render.html.story_rows: its sparkline (0.4 s for 16,581 stories) is for pages only
    return {
        "id": story.id,
        "title": story.title,
        "size": len(dict.fromkeys(story.article_ids)),
        "outlets": list(story.outlets),
        "first_date": story.first_date,
        "last_date": story.last_date,
        "keywords": list(story.keywords),
        "per_day": per_day(index.article(a) for a in story.article_ids),
        "href": LINKS.story(story.id),
        # what the latest digest found new in it (see storyline.changes)
        "new_articles": changes.new_in(story) if changes else 0,
        "new_story": changes.is_new(story) if changes else False,
        "updated_articles": changes.updated_in(story) if changes else 0,
    }


@router.get("/stories/{story_id:path}", summary="One story; its articles folded and paged")
def story(request: Request, story_id: str, page: int = Query(1, ge=1)) -> Any:
    """A story as in the digest JSON, its articles folded (duplicates under their
    representative, numbered as citation markers) 100 per page, and its relations. A unique
    start of a story id redirects to the full id; ``/api/stories/`` (no id) to the list."""
    if not story_id:  # a script's base URL with a slash: the list, as /stories/ is on pages
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"{router.prefix}/stories{query}", status_code=307)
    index = backend(request).index()
    redirect = redirect_to_story(request, index, story_id)
    if redirect is not None:
        return redirect
    found = find_story(index, story_id)
    shown, pages = page_of(fold_story(found, index), page)
    if page > pages:  # a client paging "until empty" must meet an end, not the last page again
        raise NotFoundError(f"no page {page} of story {found.id}: it has {pages}")
    return {
        "story": story_to_dict(found),
        "page": page,
        "pages": pages,
        "articles": [
            {
                "number": f.number,
                "article": article_to_dict(f.article),
                "duplicates": [
                    {"number": n, "article": article_to_dict(d)} for d, n in f.duplicates
                ],
            }
            for f in shown
        ],
        "relations": [relation_to_dict(r) for r in index.story_relations(found)],
    }


@router.get(
    "/articles/{article_id:path}", summary="One article with its cleaned text and relations"
)
def article(request: Request, article_id: str) -> dict[str, Any]:
    """A stored article with its cleaned text (which passage offsets index), its story and
    every relation it takes part in; ``superseded_by`` names the later version of the page
    that the digest read instead of this one (null for an article analysed)."""
    back = backend(request)
    found = stored_article(back, article_id)
    index = back.index()
    story_of = index.story_of.get(found.id)
    return {
        "article": {**article_to_dict(found), "text": found.text},
        "story_id": story_of.id if story_of else None,
        "superseded_by": index.superseded_by.get(found.id),
        "relations": [relation_to_dict(r) for r in index.relations_of.get(found.id, ())],
    }


@router.get("/compare", summary="Two articles side by side with their relation, if any")
def compare(request: Request, a: str, b: str) -> dict[str, Any]:
    """Articles a and b with their texts and the relation between them, oriented so that its
    side ``a`` is the requested ``a``; ``relation`` is null when they share nothing."""
    back = backend(request)
    left, right = back.store().article(a), back.store().article(b)
    index = back.index()
    view = compare_view(left, right, index.relation(a, b))
    relation = relation_to_dict(view["relation"]) if view["relation"] else None
    for number, passage in enumerate(relation["passages"] if relation else (), start=1):
        # A copy that changed its figures: each pair is (the a side's, the b side's).
        passage["figures_differ"] = [list(pair) for pair in view["differ"].get(number, ())]
        # A spin's swapped words in a passage copied with small edits, paired the same way.
        passage["words_differ"] = [list(pair) for pair in view["changed"].get(number, ())]
    return {
        "a": {**article_to_dict(left), "text": left.text},
        "b": {**article_to_dict(right), "text": right.text},
        "relation": relation,
    }


@router.get(
    "/search",
    summary='Full-text search over titles and texts (words, "phrases", prefix*, OR, -word)',
)
def search(
    request: Request,
    q: str = Query("", max_length=500),
    limit: int = Query(20, ge=1, le=MAX_SEARCH),
) -> dict[str, Any]:
    """Articles whose title or text matches ``q`` (every word, a "phrase" together, a
    prefix*, either side of OR, none after -), best first; snippets mark matches with ``[``
    and ``]``."""
    hits = backend(request).store().search(q, limit)
    return {
        "query": q,
        "hits": [
            {
                "article_id": h.article_id,
                "title": h.title,
                "snippet": h.snippet,
                "rank": h.rank,
                "superseded_by": h.superseded_by or None,
                "href": LINKS.article(h.article_id),
            }
            for h in hits
        ],
    }


@router.get("/digest", summary="The whole digest JSON of the last run (schema 1.x)")
def digest(request: Request) -> Response:
    """The digest JSON exactly as the last `storyline digest` run stored it."""
    # the stored text, not the index: a script fetching the digest after a run need not wait
    # for the index to be built
    return Response(backend(request).digest_text(), media_type="application/json")
