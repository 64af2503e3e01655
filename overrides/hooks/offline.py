"""Offline copy (`make offline`): keep the search worker shim on the site's own files.

Material's offline plugin makes search work from file:// by adding the iframe-worker shim,
but it adds it from a CDN, which a reader without a connection cannot reach. The project
ships the same shim (MIT, overrides/assets/javascripts/iframe-worker/) and this hook swaps
the CDN address for it. Online builds are untouched: the plugin adds nothing there.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.offline")

_LOCAL_SHIM = "assets/javascripts/iframe-worker/shim.js"


@event_priority(-50)  # after the offline plugin's own on_config has added the CDN address
def on_config(config: MkDocsConfig, /) -> MkDocsConfig:
    polyfills = config.extra.get("polyfills") or []
    swapped = [
        _LOCAL_SHIM if "iframe-worker" in str(script) and "://" in str(script) else script
        for script in polyfills
    ]
    remote = [str(s) for s in swapped if "://" in str(s)]
    if remote:
        log.warning(
            "mkdocs.yml: extra.polyfills loads %s from another host; the offline copy "
            "must not need a connection. Ship the script in overrides/assets/ instead.",
            ", ".join(remote),
        )
    if polyfills:
        config.extra["polyfills"] = swapped
    return config
