"""Security headers for static hosts: `_headers` (Netlify / Cloudflare Pages format).

The Content-Security-Policy allows no inline script by default: every inline script the
browser would run in the built pages (the theme's palette and storage helpers, redirect
pages, ...) is allowed by its SHA-256 hash, collected by the pipeline's one pass over each
page (pagescan.py). Inline event handlers, javascript: URLs and style attributes cannot be
allowed that way, so they are problems (`inline_code_problem`). Inline <style> elements are
allowed by hash like scripts. The README shows the same headers for nginx.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import re
from pathlib import Path

from akun_diblokir.pagescan import InlineCode

HEADERS_FILE = "_headers"

# Everything the site loads comes from its own host (no fonts, CDN or analytics); images
# also from data: URIs (the theme's CSS icons); the search worker is a same-origin script
# (new Worker(url)) that fetches the search index (connect-src).
CSP = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],  # + hashes of inline scripts
    "style-src": ["'self'"],  # + hashes of inline <style> elements
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
}

OTHER_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # No Referer to other sites: they need not learn which page of this guide a reader used.
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()"
    ),
    "Cross-Origin-Opener-Policy": "same-origin",
}

_WHAT = {
    "handler": ("an inline event handler, which the Content-Security-Policy blocks",
                "expected the behaviour in a script file instead"),
    "style": ("an inline style attribute, which the Content-Security-Policy blocks",
              "expected a class styled in docs/assets/stylesheets/ (base.css or the component's sheet)"),
    "javascript-url": ("a javascript: URL, which the Content-Security-Policy blocks", "expected a real link"),
}


def inline_code_problem(code: InlineCode) -> tuple[str, str]:
    """(what was found, what is expected) for inline code no hash can allow."""
    found, expected = _WHAT[code.kind]
    return f"<{code.tag} {code.attr}=...>: {found}", expected


# A theme script that builds a <style> element from a string constant (Zensical's search
# dialog does, in its shadow DOM: `C("style",{},Tc.toString())` with `var Tc='...'`): the
# constant is read from the script so that style-src can allow it by its hash too.
_STYLE_FROM_CONSTANT = re.compile(r"\(\s*\"style\"\s*,\s*\{\s*\}\s*,\s*([A-Za-z_$][\w$]*)(?:\.toString\(\))?\s*\)")


def script_styles(script: str) -> list[str] | None:
    """The texts of the <style> elements a script builds from string constants; None if it
    builds one whose text cannot be read statically."""
    texts = []
    for name in _STYLE_FROM_CONSTANT.findall(script):
        value = re.search(rf"(?:var|let|const)\s+{re.escape(name)}\s*=\s*'((?:[^'\\]|\\.)*)'", script)
        if value is None:
            return None
        try:
            texts.append(ast.literal_eval("'" + value.group(1) + "'"))
        except (ValueError, SyntaxError):
            return None
    return texts


def csp_hash(text: str) -> str:
    # Browsers hash the element's text after HTML input preprocessing (CRLF/CR -> LF), UTF-8.
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalized.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def write_headers(site_dir: Path, script_hashes: set[str], style_hashes: set[str]) -> Path:
    csp = {name: list(sources) for name, sources in CSP.items()}
    csp["script-src"] += sorted(script_hashes)
    csp["style-src"] += sorted(style_hashes)
    headers = {"Content-Security-Policy": "; ".join(f"{k} {' '.join(v)}" for k, v in csp.items())}
    headers.update(OTHER_HEADERS)
    lines = ["/*"] + [f"  {name}: {value}" for name, value in headers.items()]
    path = site_dir / HEADERS_FILE
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
