"""Conformance checks of live servers against normalized specs (see issue 4)."""
