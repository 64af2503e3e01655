"""The guarantees of the site, whatever engine builds its HTML.

Plain functions over the sources (docs/, mkdocs.yml) and a built site directory; nothing
here imports MkDocs except the thin adapters in `akun_diblokir/hooks/`:

- `sources.check_sources`: the registry of official contacts, every page's front matter
  and its relative Markdown links (with file and line);
- `pipeline.run`: the ordered post-build pipeline over the built site (each page read once,
  every step run on it, written once): small images inlined, external links marked, contact
  check, inline-code refusal, theme style sheets pruned, `_headers` with the CSP hashes,
  published links still reachable.

`python -m akun_diblokir check SITE_DIR` runs both after any engine (`make build ENGINE=zensical`).
Every problem is one line: `path:line: what was found; what is expected`.
"""
