"""The client, tested against the specmock mock of the Scenario API."""

from __future__ import annotations

import pytest
import requests
from scenario_client import ScenarioClient

API_KEY = "example-key"


@pytest.fixture
def mock(specmock_server):
    return specmock_server("scenario", seed=1)


def test_create_then_read_a_collection(mock):
    client = ScenarioClient(mock.url, API_KEY)
    created = client.create_collection("Holiday")
    assert created.id
    assert client.get_collection(created.id).id


def test_the_client_sends_its_key_and_a_valid_body(mock):
    ScenarioClient(mock.url, API_KEY).create_collection("Holiday")
    (sent,) = mock.requests
    assert sent["operationId"] == "PostCollection"
    assert sent["headers"]["authorization"] == API_KEY
    assert sent["valid"], sent["violations"]


def test_deleted_collections_are_gone(mock):
    client = ScenarioClient(mock.url, API_KEY)
    client.delete_collection("c1")
    with pytest.raises(requests.HTTPError):
        client.get_collection("c1")


def test_a_missing_key_is_refused(mock):
    with pytest.raises(requests.HTTPError) as refused:
        ScenarioClient(mock.url, "").asset_ids()
    assert refused.value.response.status_code == 401


@pytest.mark.specmock("scenario")
def test_asset_ids(specmock_url):
    ids = ScenarioClient(specmock_url, API_KEY).asset_ids(page_size=5)
    assert all(isinstance(i, str) for i in ids)
