"""A Flask server for `planted_spec` that is correct except for ten planted contract violations.

The detection test runs the conformance checks against it: each plant must be reported on its
operation, and nothing else may be. Every plant is marked `PLANT <n>` with the check that should
catch it; `PLANTS` lists them, and `create_planted_app(plants=...)` switches them on (all by
default). Everything else is meant to be correct: credentials are checked first (401), then the
request (400), then the resource (404); with no plants the server passes every check.

Schemathesis stops testing an operation in a phase at its first failing request, so two plants
share an operation only when every response that shows one shows the other too; otherwise the
first would hide the second.

Run it by hand to watch Schemathesis find the plants::

    python -m tests.contracts.planted_server --spec /tmp/planted.json
"""

from __future__ import annotations

import argparse
import json
import re
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple

from flask import Flask, Response, current_app, request
from werkzeug.exceptions import HTTPException
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from .planted_spec import (
    ASSETS,
    COLLECTION,
    ITEM,
    MAX_IDS,
    MODELS,
    REQUEST_ID,
    SEEDED_ID,
    label,
    planted_spec,
)

__all__ = [
    "ALL_PLANTS",
    "PLANTS",
    "TOKEN",
    "Plant",
    "RunningServer",
    "create_planted_app",
    "start_planted_server",
]

TOKEN = "planted-token"
"""The only credential the server accepts, as the whole `Authorization` header."""

OWNER_ID = "dcf121faaa1a0a0bbbd9ca1b73d62aea"
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 100
_DIGITS = re.compile(r"[0-9]+")


class Plant(NamedTuple):
    """A planted violation: where it is, and the Schemathesis check that reports it."""

    number: int
    operation: str
    check: str
    bug: str


PLANTS: tuple[Plant, ...] = (
    Plant(1, label("GET", COLLECTION), "not_a_server_error", "crashes at pageSize=100"),
    Plant(2, label("GET", ITEM), "response_schema_conformance", "assetCount is a string"),
    # Schemathesis' own report files this under the DELETE (the CLI: "Stateful tests"); `verify`
    # names the operation whose response failed the check.
    Plant(3, label("GET", ITEM), "use_after_free", "serves a deleted collection"),
    Plant(4, label("PUT", ITEM), "negative_data_rejection", "accepts a non-string name"),
    Plant(5, label("PUT", ASSETS), "response_schema_conformance", "ownerId is missing"),
    Plant(6, label("PUT", ASSETS), "response_headers_conformance", "no X-Request-Id"),
    Plant(7, label("DELETE", ASSETS), "content_type_conformance", "answers text/plain"),
    Plant(8, label("PUT", MODELS), "ignored_auth", "answers without credentials"),
    Plant(9, label("PUT", MODELS), "status_code_conformance", "answers 202, not 200"),
    Plant(10, label("DELETE", MODELS), "status_code_conformance", "answers 418 to []"),
)
ALL_PLANTS = frozenset(plant.number for plant in PLANTS)


class Invalid(Exception):
    """The request breaks the contract; answered with 400."""


class Unauthorized(Exception):
    """The `Authorization` header is missing or wrong; answered with 401."""


class Missing(Exception):
    """No such collection; answered with 404."""


@dataclass
class Collection:
    id: str
    name: str
    created_at: str
    updated_at: str
    thumbnail: str | None = None
    asset_ids: list[str] = field(default_factory=list)
    model_ids: list[str] = field(default_factory=list)
    deleted: bool = False

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "ownerId": OWNER_ID,
            "createdAt": self.created_at,
            "updatedAt": self.updated_at,
            "assetCount": len(self.asset_ids),
            "modelCount": len(self.model_ids),
            "itemCount": len(self.asset_ids) + len(self.model_ids),
        }
        if self.thumbnail is not None:
            body["thumbnail"] = {
                "assetId": self.thumbnail,
                "url": f"https://cdn.invalid/{self.thumbnail}",
            }
        return body


class Store:
    """Collections in memory; deletion is soft, so that plant 3 can still find them."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.collections: dict[str, Collection] = {}

    def create(self, name: str, collection_id: str | None = None) -> Collection:
        now = _now()
        collection = Collection(collection_id or f"collection_{uuid.uuid4().hex}", name, now, now)
        with self.lock:
            self.collections[collection.id] = collection
        return collection

    def find(self, collection_id: str, *, include_deleted: bool = False) -> Collection:
        collection = self.collections.get(collection_id)
        if collection is None or (collection.deleted and not include_deleted):
            raise Missing(collection_id)
        return collection

    def live(self) -> list[Collection]:
        with self.lock:
            return [c for c in self.collections.values() if not c.deleted]


@dataclass(frozen=True)
class _Setup:
    store: Store
    token: str
    plants: frozenset[int]


def create_planted_app(token: str = TOKEN, plants: Iterable[int] = ALL_PLANTS) -> Flask:
    """The server with the given plants, and no collection but the one the spec's examples name."""
    app = Flask(__name__)
    store = Store()
    store.create("Seeded collection", SEEDED_ID)
    app.extensions["planted"] = _Setup(store, token, frozenset(plants))
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Invalid, lambda error: _error(400, str(error)))
    app.register_error_handler(Unauthorized, lambda error: _error(401, str(error)))
    app.register_error_handler(Missing, lambda error: _error(404, f"No collection {error}."))
    for (path, method), view in KEPT_VIEWS.items():
        rule = path.replace("{collectionId}", "<collection_id>")
        app.add_url_rule(rule, view.__name__, view, methods=[method])
    return app


# Views, in the order of the spec.


def list_collections() -> Response:
    _authorize()
    page_size = _page_size()
    if _planted(1) and page_size == MAX_PAGE_SIZE:
        # PLANT 1 (not_a_server_error): an off-by-one at the documented maximum crashes.
        raise IndexError("the page buffer holds 99 collections")
    token = request.args.get("paginationToken", "")
    start = int(token) if token.isascii() and token.isdigit() else 0
    live = _store().live()
    body: dict[str, Any] = {"collections": [c.to_json() for c in live[start : start + page_size]]}
    if start + page_size < len(live):
        body["nextPaginationToken"] = str(start + page_size)
    return _reply(body)


def create_collection() -> Response:
    _authorize()
    body = _json_object()
    name = body.get("name")
    if not isinstance(name, str):
        raise Invalid("`name` is required and must be a string.")
    return _reply({"collection": _store().create(name).to_json()})


def get_collection(collection_id: str) -> Response:
    _authorize()
    # PLANT 3 (use_after_free): reads also find soft-deleted collections.
    payload = _store().find(collection_id, include_deleted=_planted(3)).to_json()
    if _planted(2):
        # PLANT 2 (response_schema_conformance): `assetCount` goes out as a string.
        payload["assetCount"] = str(payload["assetCount"])
    return _reply({"collection": payload})


def update_collection(collection_id: str) -> Response:
    _authorize()
    body = _json_object()
    name, thumbnail = body.get("name"), body.get("thumbnail")
    # PLANT 4 (negative_data_rejection): a `name` that is not a string is stringified, not refused.
    if "name" in body and not isinstance(name, str) and not _planted(4):
        raise Invalid("`name` must be a string.")
    if "thumbnail" in body and not isinstance(thumbnail, str):
        raise Invalid("`thumbnail` must be a string.")
    collection = _store().find(collection_id)
    if "name" in body:
        collection.name = str(name)
    if thumbnail is not None:
        collection.thumbnail = thumbnail
    collection.updated_at = _now()
    return _reply({"collection": collection.to_json()})


def delete_collection(collection_id: str) -> Response:
    _authorize()
    _store().find(collection_id).deleted = True
    return _reply({})


def add_assets(collection_id: str) -> Response:
    _authorize()
    asset_ids = _ids("assetIds")
    collection = _store().find(collection_id)
    collection.asset_ids = list(dict.fromkeys([*collection.asset_ids, *asset_ids]))
    payload = collection.to_json()
    if _planted(5):
        # PLANT 5 (response_schema_conformance): the required `ownerId` is dropped.
        del payload["ownerId"]
    response = _reply({"collection": payload})
    if _planted(6):
        # PLANT 6 (response_headers_conformance): the declared X-Request-Id header is dropped.
        del response.headers[REQUEST_ID]
    return response


def remove_assets(collection_id: str) -> Response:
    _authorize()
    asset_ids = set(_ids("assetIds"))
    collection = _store().find(collection_id)
    collection.asset_ids = [i for i in collection.asset_ids if i not in asset_ids]
    response = _reply({"collection": collection.to_json()})
    if _planted(7):
        # PLANT 7 (content_type_conformance): the JSON body is labelled text/plain.
        response.mimetype = "text/plain"
    return response


def add_models(collection_id: str) -> Response:
    if not _planted(8):
        # PLANT 8 (ignored_auth): when planted, nobody is asked for credentials here.
        _authorize()
    model_ids = _ids("modelIds")
    collection = _store().find(collection_id)
    collection.model_ids = list(dict.fromkeys([*collection.model_ids, *model_ids]))
    # PLANT 9 (status_code_conformance): 202 where the spec declares 200.
    status = 202 if _planted(9) else 200
    return _reply({"collection": collection.to_json()}, status=status)


def remove_models(collection_id: str) -> Response:
    _authorize()
    model_ids = set(_ids("modelIds"))
    if _planted(10) and not model_ids:
        # PLANT 10 (status_code_conformance): an undeclared 418 for an empty, valid list.
        return _error(418, "Nothing to remove.")
    collection = _store().find(collection_id)
    collection.model_ids = [i for i in collection.model_ids if i not in model_ids]
    return _reply({"collection": collection.to_json()})


KEPT_VIEWS: dict[tuple[str, str], Callable[..., Response]] = {
    (COLLECTION, "GET"): list_collections,
    (COLLECTION, "POST"): create_collection,
    (ITEM, "GET"): get_collection,
    (ITEM, "PUT"): update_collection,
    (ITEM, "DELETE"): delete_collection,
    (ASSETS, "PUT"): add_assets,
    (ASSETS, "DELETE"): remove_assets,
    (MODELS, "PUT"): add_models,
    (MODELS, "DELETE"): remove_models,
}


# Request reading and answers.


def _setup() -> _Setup:
    setup: _Setup = current_app.extensions["planted"]
    return setup


def _store() -> Store:
    return _setup().store


def _planted(number: int) -> bool:
    return number in _setup().plants


def _authorize() -> None:
    if request.headers.get("Authorization") != _setup().token:
        raise Unauthorized("Send the API token in the Authorization header.")


def _page_size() -> int:
    values = request.args.getlist("pageSize")
    if not values:
        return DEFAULT_PAGE_SIZE
    if len(values) > 1 or not _DIGITS.fullmatch(values[0]):
        raise Invalid("`pageSize` must be one integer.")
    size = int(values[0])
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise Invalid(f"`pageSize` must be between 1 and {MAX_PAGE_SIZE}.")
    return size


def _json_object() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise Invalid("The body must be a JSON object sent as application/json.")
    return body


def _ids(name: str) -> list[str]:
    ids = _json_object().get(name)
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise Invalid(f"`{name}` is required and must be a list of strings.")
    if len(ids) > MAX_IDS:
        raise Invalid(f"`{name}` takes at most {MAX_IDS} ids at once.")
    return ids


def _reply(body: dict[str, Any], status: int = 200) -> Response:
    response = Response(json.dumps(body), status=status, mimetype="application/json")
    response.headers[REQUEST_ID] = str(uuid.uuid4())
    return response


def _error(status: int, message: str) -> Response:
    return Response(json.dumps({"error": message}), status=status, mimetype="application/json")


def _http_error(error: HTTPException) -> Response:
    """Flask's own answers (404, 405 with `Allow`, 500) with the declared error body."""
    response = _error(error.code or 500, error.description or error.name)
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# Serving on loopback.


class _QuietHandler(WSGIRequestHandler):
    """Keeps the access log out of test output."""

    def log(self, type: str, message: str, *args: Any) -> None:
        return None


@dataclass
class RunningServer:
    url: str
    app: Flask
    server: BaseWSGIServer
    thread: threading.Thread

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


def start_planted_server(app: Flask | None = None) -> RunningServer:
    """Serve the planted app on a free loopback port from a background thread."""
    app = app or create_planted_app()
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name="planted-server", daemon=True)
    thread.start()
    return RunningServer(f"http://127.0.0.1:{server.port}", app, server, thread)


def main() -> None:
    """Write the planted spec and serve until interrupted, for running Schemathesis by hand."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--spec", help="write the planted spec here (JSON)")
    parser.add_argument(
        "--plants", default="all", help="comma-separated plant numbers, 'all' or 'none'"
    )
    arguments = parser.parse_args()
    if arguments.spec:
        with open(arguments.spec, "w", encoding="utf-8") as out:
            json.dump(planted_spec(), out, indent=2)
    choice = arguments.plants
    plants = {"all": ALL_PLANTS, "none": frozenset()}.get(choice)
    if plants is None:
        plants = frozenset(int(number) for number in choice.split(","))
    running = start_planted_server(create_planted_app(plants=plants))
    print(f"planted server at {running.url} (token {TOKEN!r})", flush=True)
    try:
        running.thread.join()
    except KeyboardInterrupt:
        running.stop()


if __name__ == "__main__":
    main()
