"""The guarantees of the site, whatever engine builds its HTML.

- `content`: the content layer, a Python-Markdown extension both engines run (help bar,
  Sumber list and change notes, webinar kit, printed addresses);
- `sources.check_sources`: the registries in mkdocs.yml and every page's source (front
  matter, relative links, Sumber heading, first paragraph), with file and line;
- `pipeline.finish` / `pipeline.audit`: the post-build steps (idempotent) and the checks
  (read-only) over a built site;
- `mkdocs_plugin`: the one MkDocs adapter (`plugins: - akun_diblokir`).

`python -m akun_diblokir check | finish SITE_DIR | audit SITE_DIR` runs them after any engine.
Every problem is one line: `path:line: what was found; what is expected`.
"""
