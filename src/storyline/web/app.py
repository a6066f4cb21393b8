"""The FastAPI app factory: one read-only store, the digest's index cached per app.

Library errors become one HTML error page (pages) or one JSON error shape (``/api``):
``{"error": {"status": 404, "message": "..."}}``. Every response carries a strict
Content-Security-Policy: only our own script and stylesheet may load.
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import NotFoundError, StoreError, StorylineError
from ..render.html import WebLinks, render
from ..store import Store
from .lazy import WebIndex, index_digest

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
DIGEST_HINT = "storyline digest PATH --db {db}"
UPDATE_HINT = "storyline digest --db {db}"


class DigestMissingError(StorylineError):
    """The database holds no digest yet: nothing to show."""


@dataclass
class _Cached:
    text: str
    index: WebIndex
    stamp: tuple[tuple[int, int], ...]


class Backend:
    """The app's access to one database: opened lazily, so a missing file is a page, not a crash.

    The store is thread-safe (one connection behind a lock). The digest's index is built when
    the stored JSON text changes (a new run), by one request at a time: others asking
    meanwhile wait for it rather than build it again, and requests that need no digest
    (search) do not wait at all.
    """

    def __init__(self, db_path: Path, readonly: bool) -> None:
        self.db_path = db_path
        self.readonly = readonly
        self._store: Store | None = None
        self._cached: _Cached | None = None
        self._lock = threading.Lock()
        self._building = threading.Lock()

    def store(self) -> Store:
        """The open store; StoreError (with the command that creates it) when unusable."""
        with self._lock:
            if self._store is None:
                self._store = Store(self.db_path, readonly=self.readonly, create=False)
            return self._store

    def _stamp(self) -> tuple[tuple[int, int], ...]:
        """Size and mtime of the database files: unchanged files mean an unchanged digest."""
        files = (self.db_path, self.db_path.with_name(self.db_path.name + "-wal"))
        stats = [f.stat() for f in files if f.exists()]
        return tuple((s.st_mtime_ns, s.st_size) for s in stats)

    def _current(self, stamp: tuple[tuple[int, int], ...]) -> WebIndex | None:
        with self._lock:
            cached = self._cached
        return cached.index if cached is not None and cached.stamp == stamp else None

    def index(self) -> WebIndex:
        """The latest digest, indexed; DigestMissingError when no run saved one."""
        self.store()  # a missing or foreign file: its StoreError before any stamp
        stamp = self._stamp()
        found = self._current(stamp)
        if found is not None:
            return found
        with self._building:
            found = self._current(stamp)  # built by the request this one waited for
            if found is not None:
                return found
            text = self.digest_text()
            cached = self._cached
            if cached is None or cached.text != text:
                cached = _Cached(text, index_digest(text), stamp)
            with self._lock:
                self._cached = _Cached(text, cached.index, stamp)
            return cached.index

    def digest_text(self) -> str:
        """The stored digest JSON; DigestMissingError when no run saved one."""
        text = self.store().load_digest()
        if text is None:
            raise DigestMissingError(f"the database {self.db_path} holds no digest yet")
        return text

    def pending(self, index: WebIndex) -> str:
        """A notice when the database holds articles the digest has not analysed, else ""."""
        stored, analysed = self.store().count_articles(), len(index.digest.articles)
        # earlier versions of updated pages stay stored but are left out on purpose
        earlier = len(index.superseded_by)
        if stored <= analysed + earlier:
            return ""
        command = UPDATE_HINT.format(db=self.db_path)
        left_out = f" and {earlier:,} earlier versions of pages" if earlier else ""
        return (
            f"The database holds {stored:,} articles; this digest was made from {analysed:,}"
            f"{left_out}. Run `{command}` to bring it up to date."
        )

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def error_response(
    request: Request, status: int, heading: str, message: str, command: str = ""
) -> Response:
    """The one error shape: JSON under /api, an HTML page elsewhere."""
    if _is_api(request):
        body: dict[str, object] = {"status": status, "message": message}
        if command:
            body["command"] = command
        return JSONResponse({"error": body}, status_code=status)
    page = render(
        "error.html", WebLinks(), heading=heading, message=message, command=command, version=None
    )
    return HTMLResponse(page, status_code=status)


def _parameter_problem(error: Mapping[str, Any]) -> str:
    """ "missing parameter 'b'", "parameter 'limit': Input should be greater than or equal to
    1": what was wrong and with which parameter, where "query.limit" said neither."""
    where = [str(part) for part in error.get("loc", ())]
    name = ".".join(where[1:] if len(where) > 1 else where) or "?"
    if error.get("type") == "missing":
        return f"missing parameter {name!r}"
    return f"parameter {name!r}: {error.get('msg', 'invalid value')}"


def _install_handlers(app: FastAPI, backend: Backend) -> None:
    command = DIGEST_HINT.format(db=backend.db_path)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return error_response(request, 404, "Not found", str(exc))

    @app.exception_handler(DigestMissingError)
    async def no_digest(request: Request, exc: DigestMissingError) -> Response:
        return error_response(
            request, 503, "No digest yet", f"{exc}: run the digest first.", command
        )

    @app.exception_handler(StoreError)
    async def bad_store(request: Request, exc: StoreError) -> Response:
        # the store's own message often names the fix (`storyline migrate ...`): keep it alone
        hint = "" if "`" in str(exc) else command
        return error_response(request, 503, "Database unavailable", str(exc), hint)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        heading = "Not found" if exc.status_code == 404 else "Request not allowed"
        message = "There is no such page." if exc.status_code == 404 else str(exc.detail)
        return error_response(request, exc.status_code, heading, message)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(_parameter_problem(e) for e in exc.errors())
        return error_response(request, 400, "Bad request", problems)


class HeadAsGet:
    """Answers HEAD as GET, headers only: an uptime monitor's ``curl -I`` got a 405 from
    every route (FastAPI routes take only the methods they name)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}  # content-length still says the GET's
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def create_app(db_path: str | Path, *, readonly: bool = True) -> FastAPI:
    """The web app over the database at ``db_path``: GET routes only, pages and ``/api``.

    Nothing is opened until the first request, so a missing database or digest shows a page
    naming the command that creates it. ``readonly`` opens SQLite read-only; the app has no
    write route either way.
    """
    from . import api, pages

    app = FastAPI(
        title="storyline",
        version=__version__,
        description="Stories, reuse, timelines and summaries of a news corpus (read-only).",
        docs_url=None,  # the bundled docs pages load assets from a CDN; the schema stays
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    backend = Backend(Path(db_path), readonly)
    app.state.backend = backend
    _install_handlers(app, backend)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    app.add_middleware(HeadAsGet)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.router.on_shutdown.append(backend.close)
    return app
