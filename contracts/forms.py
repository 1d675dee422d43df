"""Form bodies cannot carry null or an empty list: on the wire both are a field left out.

Schemathesis still draws them for a required field of a multipart or URL-encoded body it
means to be valid, sends the field's absence, and counts the refusal of a missing required
field against the server. No server can tell such a request from one that leaves the field
out, so these cases are dropped before they are sent.
"""

from __future__ import annotations

from typing import Any

__all__ = ["drop_unsendable_form_cases"]

_FORMS = ("multipart/", "application/x-www-form-urlencoded")


def _unsendable(case: Any) -> bool:
    media_type = str(case.media_type or "").lower()
    if not media_type.startswith(_FORMS) or not isinstance(case.body, dict):
        return False
    body = case.operation.get_body_for_media_type(case.media_type)
    schema = getattr(body, "resolved_schema", None) or {}
    required = schema.get("required") if isinstance(schema, dict) else None
    if not isinstance(required, list):
        return False
    return any(
        name in case.body and (case.body[name] is None or case.body[name] == [])
        for name in required
    )


def drop_unsendable_form_cases(schema: Any) -> None:
    """Register, on this Schemathesis schema only, the filter that drops those cases."""

    def filter_case(context: Any, case: Any) -> bool:
        return not _unsendable(case)

    schema.hook(filter_case)
