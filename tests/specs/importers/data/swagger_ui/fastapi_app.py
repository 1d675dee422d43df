"""A small FastAPI service whose generated OpenAPI document (sources/fastapi-service.json) is
rendered with the rest: FastAPI writes what the Imagine page shows (`anyOf` with `null` for
optional values, 422 validation bodies, form and file bodies, enums, defaults).

    python -m venv /tmp/fa && /tmp/fa/bin/pip install fastapi python-multipart
    /tmp/fa/bin/python fastapi_app.py > sources/fastapi-service.json
"""

from __future__ import annotations

import enum
import json
from typing import Annotated

from fastapi import FastAPI, File, Form, Header, Path, Query, UploadFile
from pydantic import BaseModel, Field

app = FastAPI(title="Studio", version="2.3.0", description="Renders and voices.")


class Style(enum.StrEnum):
    ANIME = "anime"
    PHOTO = "photo"


class Render(BaseModel):
    prompt: str
    seed: int | None = None
    steps: int = Field(30, ge=1, le=100)
    style: Style = Style.PHOTO
    tags: list[str] = []
    size: dict[str, int] | None = None


class Job(BaseModel):
    uuid: str
    cost: float
    queue: int | None


@app.get("/health", tags=["Meta"], summary="Whether the service is up.")
def health() -> str:
    return "ok"


@app.get("/renders", tags=["Renders"], summary="List renders.")
def list_renders(
    first: Annotated[int, Query(description="How many.")] = 40,
    page: int = 1,
    chat_id: int | None = None,
    style: Style | None = None,
    count: bool | None = True,
    x_trace: Annotated[str | None, Header()] = None,
) -> list[Job]:
    return []


@app.post("/renders", tags=["Renders"], summary="Start a render.")
def start_render(render: Render) -> Job:
    return Job(uuid="", cost=0, queue=None)


@app.get("/renders/{uuid}", tags=["Renders"], summary="One render.")
def get_render(uuid: Annotated[str, Path(description="The render.")]) -> Job:
    return Job(uuid=uuid, cost=0, queue=None)


@app.delete("/renders/{uuid}", tags=["Renders"], summary="Cancel a render.", status_code=204)
def cancel_render(uuid: str) -> None:
    return None


@app.post("/voices", tags=["Voices"], summary="Clone a voice.")
def clone_voice(
    sample: Annotated[UploadFile, File()],
    name: Annotated[str, Form()],
    language: Annotated[str | None, Form()] = None,
) -> Job:
    return Job(uuid="", cost=0, queue=None)


@app.post("/voices/login", tags=["Voices"], summary="Log in.")
def login(username: Annotated[str, Form()], password: Annotated[str, Form()]) -> dict[str, str]:
    return {}


if __name__ == "__main__":
    print(json.dumps(app.openapi(), indent=2))
