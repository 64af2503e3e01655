"""The one template environment of the package (akun_diblokir/templates/).

Not autoescaped: the templates write Markdown as well as HTML, and escape text values
themselves with `| e`."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False)


def render(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)
