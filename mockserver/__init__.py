"""The local mock backend: normalized specs served by Flask, requests validated, fixtures valid.

from mockserver import build_mounts, create_app
app = create_app(build_mounts(["scenario"], seed=1))   # a Flask (WSGI) application
"""

from __future__ import annotations

from .app import DEFAULT_MAX_BODY, create_app
from .errors import MockError, MountError
from .journal import Journal
from .mount import VALIDATORS, Incoming, Mount, Outcome
from .mounts import base_path, build_mounts
from .problems import PROBLEM_JSON, Problem, Violation
from .responses import Reply

__all__ = [
    "DEFAULT_MAX_BODY",
    "PROBLEM_JSON",
    "VALIDATORS",
    "Incoming",
    "Journal",
    "MockError",
    "Mount",
    "MountError",
    "Outcome",
    "Problem",
    "Reply",
    "Violation",
    "base_path",
    "build_mounts",
    "create_app",
]
