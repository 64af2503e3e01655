"""mkdocs.yml as plain data, read the same way whatever engine builds the site."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml


class _Loader(yaml.SafeLoader):
    """SafeLoader plus MkDocs' `!ENV [NAME, default]`; other tags (python/name:...) read as None."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = items[:-1], items[-1]
    for name in names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_config(config_file: Path) -> dict[str, Any]:
    """The configuration, with `INHERIT: parent.yml` merged in as MkDocs does (dicts deeply)."""
    config = yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_Loader) or {}
    parent = config.pop("INHERIT", None)
    if parent:
        return _merged(load_config(Path(config_file).parent / parent), config)
    return config


def _merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def key_line(config_file: Path, dotted: str) -> int:
    """The line of `extra.official.form.url` (dotted keys, list items by index) in the file;
    the nearest enclosing key's line, or 1, if it is absent."""
    try:
        node = yaml.compose(Path(config_file).read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError):
        return 1
    line = 1
    for key in dotted.split("."):
        if isinstance(node, yaml.SequenceNode) and key.isdigit() and int(key) < len(node.value):
            node = node.value[int(key)]
            line = node.start_mark.line + 1
            continue
        if not isinstance(node, yaml.MappingNode):
            break
        for k, v in node.value:
            if getattr(k, "value", None) == key:
                line, node = k.start_mark.line + 1, v
                break
        else:
            break
    return line
