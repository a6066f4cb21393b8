"""HTML routes: the stories list, a story, an article, a comparison, search.

Pages render the shared templates of :mod:`storyline.render` with :class:`WebLinks`. Path
parameters are ids looked up in the digest or the store, never file names; static files come
from a fixed allow-list.
"""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..changes import changes_line, latest_changes
from ..errors import NotFoundError
from ..model import Article, Story
from ..render.html import (
    WebLinks,
    article_view,
    asset,
    compare_view,
    render,
    story_rows,
    story_view,
)
from ..render.views import context_sources, page_of, split_skipped
from ..store import MARK_CLOSE, MARK_OPEN
from .api import backend, find_story, redirect_to_story, stored_article

router = APIRouter(include_in_schema=False)
LINKS = WebLinks()
# Stories per page of the list: the whole list of a 20,000-article archive (16,581 stories)
# was a 12.9 MB page that took 1.5-2 s to render at every visit (QA pass as an archivist).
STORIES_PER_PAGE = 200
STATIC = {"style.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}


@router.get("/", response_class=HTMLResponse)
def stories_page(request: Request, page: int = Query(1, ge=1)) -> str:
    back = backend(request)
    index = back.index()
    ranked = index.ranked()
    shown, pages = page_of(ranked, page, STORIES_PER_PAGE)
    if page > pages:  # a client paging "until empty" must meet an end, not the last page again
        raise NotFoundError(f"no page {page} of the stories list: it has {pages}")
    first = (page - 1) * STORIES_PER_PAGE
    changes = latest_changes(back.store(), index.articles)
    return render(
        "stories.html",
        LINKS,
        rows=story_rows(index, shown, changes),
        news=changes_line(index.digest.stories, changes),
        n_stories=len(ranked),
        first=first + 1,
        page=page,
        pages=pages,
        n_articles=len(index.digest.articles),
        n_skipped=len(split_skipped(index.digest)[0]),
        pending=back.pending(index),
        query="",
        version=index.digest.version,
    )


@router.get("/stories")
def stories_alias(request: Request) -> Response:
    """``/stories`` (and ``/stories/``, which names no story) is the stories list, paged as
    ``/`` is: it was a redirect to a 404 page, "no story ''"."""
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(LINKS.home() + query, status_code=307)


@router.get("/stories/{story_id:path}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, page: int = Query(1, ge=1)) -> Response:
    if not story_id:
        return stories_alias(request)
    index = backend(request).index()
    redirect = redirect_to_story(request, index, story_id)
    if redirect is not None:  # a unique start of an id, as the CLI's --story takes
        return redirect
    story = find_story(index, story_id)
    # The app's digest holds no article text: the context lines read it from the store.
    changes = latest_changes(backend(request).store(), index.articles)
    texts = _context_texts(request, story)
    view = story_view(story, index, LINKS, page, texts=texts, changes=changes)
    return HTMLResponse(render("story.html", LINKS, v=view, version=index.digest.version))


def _context_texts(request: Request, story: Story) -> dict[str, Article]:
    """The stored articles the story's timeline context lines read, and, for a story of up
    to ``_COMPARED`` articles, all of them, which the notes on copies that changed a figure
    compare (none if one is gone from the store: the lines are then left out, the notes
    compare the passages alone, the page is still shown)."""
    needed = context_sources((*story.timeline, *story.undated))
    if len(story.article_ids) <= _COMPARED:
        needed |= set(story.article_ids)
    wanted = sorted(needed)
    try:
        return {a.id: a for a in backend(request).store().articles(wanted)} if wanted else {}
    except NotFoundError:
        return {}


# A story page of more articles reads only the texts its context lines need (a page of a
# 5,000-article story would read them all for a few notes).
_COMPARED = 300


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> str:
    back = backend(request)
    article = stored_article(back, article_id)
    index = back.index()
    analysed = article.id in index.articles or article.id in index.superseded_by
    pending = "" if analysed else back.pending(index)
    return render(
        "article.html",
        LINKS,
        a=article_view(article, index),
        pending=pending,
        version=index.digest.version,
    )


@router.get("/compare", response_class=HTMLResponse)
def compare_page(request: Request, a: str, b: str) -> str:
    back = backend(request)
    left, right = back.store().article(a), back.store().article(b)
    index = back.index()
    view = compare_view(left, right, index.relation(a, b))
    return render("compare.html", LINKS, c=view, version=index.digest.version)


def _snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """The store's plain-text snippet cut at its match marks: (text, is_match) pairs."""
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(snippet.split(MARK_OPEN)):
        if i == 0:
            parts.append((chunk, False))
            continue
        match, _, rest = chunk.partition(MARK_CLOSE)
        parts += [(match, True), (rest, False)]
    return [p for p in parts if p[0]]


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = Query("", max_length=500)) -> str:
    hits = backend(request).store().search(q, 50) if q.strip() else []
    results = [
        {
            "article_id": h.article_id,
            "title": h.title,
            "parts": _snippet_parts(h.snippet),
            "superseded_by": h.superseded_by,
        }
        for h in hits
    ]
    return render("search.html", LINKS, query=q, hits=results, error="", version=None)


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)


@router.get("/static/{name}")
def static(name: str) -> Response:
    if name not in STATIC:
        raise NotFoundError(f"no static file {name!r}")
    return Response(asset(name), media_type=STATIC[name], headers={"Cache-Control": "max-age=300"})
