"""A tiny client for a few operations of the Scenario API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests


@dataclass
class Collection:
    id: str
    name: str


class ScenarioClient:
    def __init__(self, base_url: str, api_key: str, *, timeout: float = 10) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Authorization"] = api_key
        self.timeout = timeout

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.session.request(
            method, self.base_url + path, timeout=self.timeout, **kwargs
        )
        response.raise_for_status()
        return response.json()

    def create_collection(self, name: str) -> Collection:
        body = self._call("POST", "/collections", json={"name": name})["collection"]
        return Collection(body["id"], body["name"])

    def get_collection(self, collection_id: str) -> Collection:
        body = self._call("GET", f"/collections/{collection_id}")["collection"]
        return Collection(body["id"], body["name"])

    def delete_collection(self, collection_id: str) -> None:
        self._call("DELETE", f"/collections/{collection_id}")

    def asset_ids(self, page_size: int = 10) -> list[str]:
        body = self._call("GET", "/assets", params={"pageSize": str(page_size)})
        return [asset["id"] for asset in body["assets"]]
