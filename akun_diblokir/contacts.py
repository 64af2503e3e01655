"""The contact checker: no page may show a phone number, email address or link that is not
in the registry of official contacts (`extra.official` in mkdocs.yml).

Engine-independent: `scan_text` judges a piece of text, `check_html` a built page, and
`check_markdown` a source page. The post-build pipeline (pipeline.py) scans every built page
once and reads a page's Markdown only when its HTML holds a problem, to name the source line
the author edits. tests/test_contacts.py runs the same functions.

Every problem names the file, the line, what was found and what the registry holds.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import phonenumbers
import tldextract
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

from akun_diblokir.config import key_line, load_config
from akun_diblokir.problems import Problem, line_at, shown_path

REGION = "ID"
REGISTRY_KEY = "official"  # extra.official in mkdocs.yml

# Deny rules (not contact details, so not in the registry): these can never be an official
# channel, whatever the allowlist says.
MESSAGING_HOSTS = (
    "wa.me", "wa.link", "whatsapp.com", "whatsapp.net",
    "t.me", "telegram.me", "telegram.org", "telegram.dog",
)
MESSAGING_SCHEMES = ("whatsapp", "tg", "sms", "smsto", "viber")
LOOKALIKE_MARK = "prakerja"  # any host containing it must be an official host
# Digits that stand in for letters in look-alike names (pr4kerja, prakerj4).
_DIGIT_LETTERS = str.maketrans("0134578", "oleastb")
# Official hosts must be Indonesian government hosts: a guard so that no look-alike can be
# made "official" by adding it to the registry.
OFFICIAL_SUFFIX = ".go.id"

# Attributes whose value is a URL (xmlns is a namespace name, not a link).
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "poster", "cite", "xlink:href"})
# Attributes shown to readers (or to search engines and link previews): scanned as text.
TEXT_ATTRS = frozenset({"title", "alt", "aria-label", "content", "placeholder", "value", "label"})
MARKUP_ASSETS = ".svg"  # images in docs/ that hold text: checked like HTML
SCRIPT_ASSETS = ".js"  # the site's own scripts (docs/ and the theme folder): checked as text

# No library finds URLs, e-mail addresses or bare host names in running text, so these few
# patterns are hand-written; everything they find is then judged with urllib, phonenumbers
# and the registry.
_URL = re.compile(
    r"""(?ix)
    (?:\b(?:https?|ftp)://|\b(?:mailto|tel|sms|smsto|whatsapp|tg|viber):)
    [^\s<>"'`\]]+
    """
)
# Markdown <angle-bracket> link targets may contain spaces; scheme-relative //host links.
_ANGLE_TARGET = re.compile(r"\]\(\s*<([^<>\n]+)>")
_SCHEME_RELATIVE = re.compile(r"""(?i)(?:\]\(\s*<?|\b(?:href|src|action)\s*=\s*["']?)(//[^\s<>"')]+)""")
_EMAIL = re.compile(r"(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_BARE_HOST = re.compile(
    r"(?i)(?<![\w@/.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,24}|xn--[a-z0-9-]{1,59}))(?![\w-]|\.[a-z0-9])"
)
# The Public Suffix List as the installed tldextract bundles it: every top-level domain,
# the cheapest new ones included (.sbs, .cam, .lol, .cfd). Never fetched: no URL to update
# it from and no cache on disk, so a build reads the same list offline.
_PSL = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
# Top-level domains that make a word.word pair an address a reader could type: an unlinked
# host on one of these must be allowlisted. A host on any other public suffix is reported
# only when it is a look-alike (Indonesian text joins words with dots too: "Permenko.No").
_WEB_TLDS = frozenset(
    ["id", "com", "net", "org", "info", "biz", "xyz", "vip", "tv", "me", "io", "co", "site", "online", "top", "app", "link", "ly", "cc", "shop", "store", "club", "live", "icu", "asia", "pro", "web", "tk", "ml", "ga", "cf", "gq", "buzz", "fun", "website", "space", "click", "cloud", "dev", "page"]
)
# "WhatsApp 0812-...", "WA: +62 812 ...", "Telegram @admin": a messaging contact in words.
_MESSAGING_NUMBER = re.compile(
    r"(?i)\b(whats\s?app|wa|telegram)\b[^\d\n@]{0,20}?(\+?\d[\d\s().\-]{6,}\d|@[a-z0-9_]{4,})"
)
_TRAILING = ".,;:!?)'\""


@dataclass(frozen=True)
class Verdict:
    found: str  # what was found, quoted as written
    expected: str  # what the registry holds
    key: str  # the detail itself, normalised (number in E.164, address, host or URL)


class RegistryError(ValueError):
    """The registry in mkdocs.yml is missing or malformed."""


@dataclass(frozen=True)
class Registry:
    form_url: str
    email: str
    email_subject: str
    # E.164, a string so that the registry is hashable (phonenumbers.PhoneNumber is
    # mutable) and scan_text's verdicts can be cached per registry with functools.
    phone_e164: str
    phone_display: str
    official_hosts: frozenset[str]
    cited_hosts: frozenset[str]
    own_hosts: frozenset[str] = frozenset()

    @property
    def phone_text(self) -> str:
        return f"{self.phone_display} (tel:{self.phone_e164})"

    @property
    def mailto(self) -> str:
        return f"mailto:{self.email}?subject={quote(self.email_subject, safe='')}"

    def channels(self) -> str:
        return f"the official channels are {self.form_url}, {self.email} and {self.phone_display}"

    def hosts_text(self) -> str:
        return (
            f"the registry allows the official hosts {', '.join(sorted(self.official_hosts))} and "
            f"the cited sources in extra.{REGISTRY_KEY}.cited_hosts"
        )

    def config_problems(self) -> list[str]:
        """Allowlist entries that the deny rules will always reject (reported, not fatal)."""
        problems = []
        for host in sorted(self.cited_hosts):
            kind = _denied_kind(host, self)
            if kind:
                problems.append(
                    f"extra.{REGISTRY_KEY}.cited_hosts lists '{host}', a {kind}: "
                    "links to it always fail; expected it removed"
                )
        return problems


def registry_from_extra(extra: dict[str, Any], site_url: str | None = None, config_file: Path | None = None) -> Registry:
    """Build the registry from `config.extra`; RegistryError names the bad key, with its line
    in `config_file` when given (`mkdocs.yml:120: extra.official.form.host ...; expected ...`)."""

    def where(message: str) -> str:
        match = re.match(r"extra\.[\w.]+?(?=\s|$)", message)
        line = key_line(config_file, match.group(0)) if config_file and match else 1
        return f"mkdocs.yml:{line}: {message}"

    data = extra.get(REGISTRY_KEY)
    if not isinstance(data, dict):
        raise RegistryError(where(f"extra.{REGISTRY_KEY} (the registry of official contacts) is missing; "
                                  "expected the official form, email, phone and web hosts"))

    def get(path: str) -> Any:
        node: Any = data
        for key in path.split("."):
            if not isinstance(node, dict) or key not in node or node[key] in (None, "", []):
                raise RegistryError(where(f"extra.{REGISTRY_KEY}.{path} is missing; expected a value"))
            node = node[key]
        return node

    errors: list[str] = []
    official_hosts = frozenset(str(h).lower() for h in get("web.hosts"))
    for host in sorted(official_hosts):
        if not host.endswith(OFFICIAL_SUFFIX):
            errors.append(f"extra.{REGISTRY_KEY}.web.hosts lists '{host}', which is not a {OFFICIAL_SUFFIX} host; "
                          "expected only official government hosts")
    form_url = str(get("form.url"))
    form_host = urlsplit(form_url).hostname or ""
    if form_host not in official_hosts or not form_url.startswith("https://"):
        errors.append(f"extra.{REGISTRY_KEY}.form.url '{form_url}' is not an https URL on an official host; "
                      "expected https:// and a host of web.hosts")
    # The footer shows form.host as the link text (a template cannot take a URL apart in
    # every engine, Zensical's included): it must be the host of form.url, an official one.
    shown_host = str(get("form.host")).lower()
    if shown_host != form_host:
        errors.append(
            f"extra.{REGISTRY_KEY}.form.host '{shown_host}' is not the host of form.url "
            f"'{form_url}'; expected '{form_host}'"
        )
    elif shown_host not in official_hosts:
        errors.append(
            f"extra.{REGISTRY_KEY}.form.host '{shown_host}' is not in web.hosts "
            f"; expected one of {', '.join(sorted(official_hosts))}"
        )
    home = str(get("web.home"))
    if (urlsplit(home).hostname or "") not in official_hosts:
        errors.append(f"extra.{REGISTRY_KEY}.web.home '{home}' is not on an official host; expected a host of web.hosts")
    email = str(get("email.address")).lower()
    if not _EMAIL.fullmatch(email) or email.rsplit("@", 1)[1] not in official_hosts:
        errors.append(f"extra.{REGISTRY_KEY}.email.address '{email}' is not an address on an official host; "
                      "expected an address at a host of web.hosts")
    number_text, display = str(get("phone.number")), str(get("phone.display"))
    try:
        phone = phonenumbers.parse(number_text, REGION)
        shown = phonenumbers.parse(display, REGION)
    except phonenumbers.NumberParseException as exc:
        raise RegistryError(where(f"extra.{REGISTRY_KEY}.phone is not a phone number ({exc}); "
                                  "expected a number such as +628001503001")) from None
    if not phonenumbers.is_valid_number(phone):
        errors.append(f"extra.{REGISTRY_KEY}.phone.number '{number_text}' is not a valid {REGION} number; "
                      "expected an Indonesian number in E.164")
    if phonenumbers.format_number(shown, PhoneNumberFormat.E164) != phonenumbers.format_number(phone, PhoneNumberFormat.E164):
        errors.append(
            f"extra.{REGISTRY_KEY}.phone.display '{display}' is not the same number as "
            f"phone.number '{number_text}'; expected the same number as the tel: links dial"
        )
    if errors:
        raise RegistryError("\n".join(where(e) for e in errors))
    own = urlsplit(site_url or "").hostname
    return Registry(
        form_url=form_url,
        email=email,
        email_subject=str(get("email.subject")),
        phone_e164=phonenumbers.format_number(phone, PhoneNumberFormat.E164),
        phone_display=display,
        official_hosts=official_hosts,
        cited_hosts=frozenset(str(h).lower() for h in data.get("cited_hosts") or ()),
        own_hosts=frozenset({own}) if own else frozenset(),
    )


def load_registry(config_file: Path, site_url: str | None = None) -> Registry:
    """The registry as mkdocs.yml holds it (for tests and scripts)."""
    config = load_config(config_file)
    return registry_from_extra(config.get("extra") or {}, site_url or config.get("site_url"), config_file)


# --- judging one detail -------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def public_suffix(host: str) -> str:
    """The host's public suffix ('sbs' for prakerja-bantuan.sbs, 'go.id' for
    www.prakerja.go.id), '' if its last label is no top-level domain."""
    return _PSL(host.lower().rstrip(".")).suffix


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        # one letter changed, or two neighbours swapped (prakreja)
        return len(diff) <= 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def imitates_official(host: str, registry: Registry) -> bool:
    """True for a host that is not official and mentions Prakerja or imitates an official
    name: 'prakerja' anywhere (prakerja-bantuan.sbs, kartuprakerja.lol), digits for letters
    (pr4kerja.id), or one letter changed, added, dropped or swapped in a label (prakreja.cam)."""
    host = host.lower().rstrip(".")
    if host in registry.official_hosts:
        return False
    folded = host.translate(_DIGIT_LETTERS)
    squashed = re.sub(r"[-._]", "", folded)
    names = {LOOKALIKE_MARK} | {_PSL(h).domain for h in registry.official_hosts if _PSL(h).domain}
    if any(name in squashed for name in names):
        return True
    return any(_edit_distance_at_most_one(label, name) for label in re.split(r"[-.]", folded) for name in names)


def _denied_kind(host: str, registry: Registry) -> str | None:
    host = host.lower().rstrip(".")
    if any(host == m or host.endswith("." + m) for m in MESSAGING_HOSTS):
        return "messaging host (WhatsApp/Telegram)"
    if imitates_official(host, registry):
        return "look-alike host (not an official Prakerja host)"
    return None


def _host_allowed(host: str, registry: Registry) -> bool:
    return (
        host in registry.official_hosts
        or host in registry.own_hosts
        or any(host == c or host.endswith("." + c) for c in registry.cited_hosts)
    )


def _judge_host(host: str, shown: str, registry: Registry) -> Verdict | None:
    host = host.lower().rstrip(".")
    where = f"'{host}'" if shown.lower() == host else f"'{host}' in {shown!r}"
    kind = _denied_kind(host, registry)
    if kind and kind.startswith("messaging"):
        return Verdict(f"{kind} {where}", f"never an official channel; {registry.channels()}", host)
    if kind:
        return Verdict(
            f"{kind} {where}",
            f"refused even if allowlisted; the official hosts are "
            f"{', '.join(sorted(registry.official_hosts))} (write a scam domain defanged: prakerja[.]co[.]id)",
            host,
        )
    if not _host_allowed(host, registry):
        return Verdict(f"host {where} is not on the allowlist", registry.hosts_text(), host)
    return None


def _judge_number(number: phonenumbers.PhoneNumber, shown: str, registry: Registry, what: str = "phone number") -> Verdict | None:
    # Compared in E.164: PhoneNumber equality also compares how the number was written.
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    if e164 == registry.phone_e164:
        return None
    shown = shown.strip("[]")  # the matcher keeps the bracket of a Markdown link text
    return Verdict(
        f"{what} {shown!r} ({e164}) is not in the registry",
        f"the registry's call-center number is {registry.phone_text}",
        e164,
    )


def _judge_email(address: str, registry: Registry, shown: str = "") -> Verdict | None:
    if address.lower() == registry.email:
        return None
    where = f" in {shown!r}" if shown else ""
    return Verdict(
        f"email address {address!r}{where} is not in the registry",
        f"the registry's address is {registry.email}",
        address.lower(),
    )


def judge_url(url: str, registry: Registry) -> list[Verdict]:
    """Problems with one link target; relative links and other schemes pass."""
    url = url.strip()
    scheme_match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    scheme = scheme_match.group(1).lower() if scheme_match else ""
    if scheme in MESSAGING_SCHEMES:
        return [Verdict(f"messaging link {url!r}", f"never an official channel; {registry.channels()}", url)]
    if scheme == "tel":
        raw = unquote(url[4:]).split(";")[0]
        try:
            number = phonenumbers.parse(raw, REGION)
        except phonenumbers.NumberParseException:
            return [Verdict(f"tel: link {url!r} holds no phone number", f"expected tel:{registry.phone_e164}", url)]
        verdict = _judge_number(number, url, registry, "tel: link")
        return [verdict] if verdict else []
    if scheme == "mailto":
        return _judge_mailto(url, registry)
    if scheme in ("http", "https", "ftp") or url.startswith("//"):
        try:
            host = urlsplit(url).hostname
        except ValueError:
            host = None
        if not host:
            return [Verdict(f"link {url!r} has no readable host", registry.hosts_text(), url)]
        verdict = _judge_host(host, url, registry)
        if verdict:
            return [verdict]
        form = urlsplit(registry.form_url)
        if host == form.hostname and "/requests" in urlsplit(url).path and url.rstrip("/") != registry.form_url.rstrip("/"):
            return [Verdict(f"complaint-form link {url!r} differs from the registry", f"the registry's form is {registry.form_url}", url)]
    return []


def _judge_mailto(url: str, registry: Registry) -> list[Verdict]:
    verdicts: list[Verdict] = []
    path, _, query = url[len("mailto:"):].partition("?")
    params: dict[str, str] = {}
    for pair in query.split("&") if query else ():
        key, _, value = pair.partition("=")
        # RFC 6068: '+' is a literal plus in mailto, so unquote (not unquote_plus).
        params[unquote(key).lower()] = unquote(value)
    addresses = [unquote(a).strip() for a in path.split(",") if a.strip()]
    for key in ("to", "cc", "bcc"):
        addresses += [a.strip() for a in params.get(key, "").split(",") if a.strip()]
    if not addresses:
        verdicts.append(Verdict(f"mailto: link {url!r} has no address", f"expected {registry.mailto}", url))
    for address in addresses:
        verdict = _judge_email(address, registry, url)
        if verdict:
            verdicts.append(verdict)
    subject = params.get("subject")
    if subject != registry.email_subject:
        found = "has no subject" if subject is None else f"has subject {subject!r}"
        verdicts.append(
            Verdict(
                f"mailto: link {url!r} {found}",
                f"the registry's subject is {registry.email_subject!r} ({registry.mailto})",
                url,
            )
        )
    return verdicts


# --- scanning text ------------------------------------------------------------------------


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _url_spans(text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for pattern, group in ((_ANGLE_TARGET, 1), (_SCHEME_RELATIVE, 1), (_URL, 0)):
        for m in pattern.finditer(text):
            start, end = m.span(group)
            url = m.group(group)
            if group == 0:
                # Strip sentence punctuation; keep a ')' that closes a '(' inside the URL.
                while url and url[-1] in _TRAILING and not (url[-1] == ")" and url.count("(") >= url.count(")")):
                    url = url[:-1]
                end = start + len(url)
            if not any(s <= start < e for s, e, _ in spans):
                spans.append((start, end, url))
    return spans


def scan_text(text: str, registry: Registry) -> list[tuple[int, Verdict]]:
    """Every wrong contact detail in a piece of text, as (offset, verdict) pairs.

    Links are judged first and blanked out, then messaging numbers, e-mail addresses, bare
    host names and finally phone numbers, so that one detail is reported once.
    """
    return list(_scan_text_cached(text, registry))


# Every built page carries the navigation and the footer, so the same text chunks come back
# on every page: the verdicts depend on the text and the registry alone, so they are cached.
@functools.lru_cache(maxsize=65536)
def _scan_text_cached(text: str, registry: Registry) -> tuple[tuple[int, Verdict], ...]:
    return tuple(_scan_text(text, registry))


def _scan_text(text: str, registry: Registry) -> list[tuple[int, Verdict]]:
    findings: list[tuple[int, Verdict]] = []
    if not text.strip():
        return findings
    for start, end, url in _url_spans(text):
        findings += [(start, v) for v in judge_url(url, registry)]
        text = _mask(text, start, end)
    for m in _MESSAGING_NUMBER.finditer(text):
        if m.group(2).startswith("@") or sum(c.isdigit() for c in m.group(2)) >= 9:
            findings.append((m.start(), Verdict(
                f"messaging number {m.group(0)!r}",
                f"WhatsApp/Telegram is never an official channel; {registry.channels()}",
                m.group(2),
            )))
            text = _mask(text, m.start(), m.end())
    for m in _EMAIL.finditer(text):
        verdict = _judge_email(m.group(0), registry)
        if verdict:
            findings.append((m.start(), verdict))
        text = _mask(text, m.start(), m.end())
    for m in _BARE_HOST.finditer(text):
        if m.group(2).lower() not in _WEB_TLDS and not (public_suffix(m.group(1)) and _denied_kind(m.group(1), registry)):
            continue
        verdict = _judge_host(m.group(1), m.group(1), registry)
        if verdict:
            findings.append((m.start(), Verdict("unlinked " + verdict.found, verdict.expected, verdict.key)))
    if any(c.isdigit() for c in text):
        findings += _scan_numbers(text, registry)
    return findings


def _scan_numbers(text: str, registry: Registry) -> list[tuple[int, Verdict]]:
    findings: list[tuple[int, Verdict]] = []
    valid_spans: list[tuple[int, int]] = []
    # VALID leniency ignores dates, times (08.00–20.00) and short figures...
    for match in PhoneNumberMatcher(text, REGION, leniency=Leniency.VALID):
        valid_spans.append((match.start, match.end))
        verdict = _judge_number(match.number, match.raw_string, registry)
        if verdict:
            findings.append((match.start, verdict))
    # ...but misses numbers that are only "possible", such as 1800-150-3001 or 0800-150-30011
    # (one digit changed or added). Dates and times have at most 8 digits, so 9 digits or more
    # that are not an amount of money (Rp) count as a phone number too.
    for match in PhoneNumberMatcher(text, REGION, leniency=Leniency.POSSIBLE):
        if any(s < match.end and match.start < e for s, e in valid_spans):
            continue
        if sum(c.isdigit() for c in match.raw_string) < 9:
            continue
        if re.search(r"(?i)\bRp\.?\s*$", text[max(0, match.start - 4):match.start]):
            continue
        verdict = _judge_number(match.number, match.raw_string, registry, "number that looks like a phone number")
        if verdict:
            findings.append((match.start, verdict))
    return findings


# --- files --------------------------------------------------------------------------------


def check_markdown(source: str, *, file: str, registry: Registry) -> list[Problem]:
    """Problems in a Markdown page, with lines counted in `source` (front matter included)."""
    problems = [
        Problem(file, line_at(source, offset), v.found, v.expected, v.key) for offset, v in scan_text(source, registry)
    ]
    return sorted(problems, key=lambda p: p.line)


def check_html(html: str, *, file: str, registry: Registry) -> list[Problem]:
    """Problems in a built HTML file: link attributes, text, and text-like attributes."""
    from akun_diblokir.pagescan import scan_page  # one HTML parser for every step (it imports this module)

    findings = scan_page(html, registry).contacts
    return sorted((Problem(file, line, v.found, v.expected, v.key) for line, v in findings), key=lambda p: p.line)


def check_markdown_files(paths: Iterable[Path], *, root: Path, registry: Registry) -> list[Problem]:
    """Problems in Markdown files (file names relative to root, e.g. docs/index.md)."""
    return [
        p for path in sorted(paths)
        for p in check_markdown(path.read_text(encoding="utf-8"), file=shown_path(path, root), registry=registry)
    ]


def check_markup_files(paths: Iterable[Path], *, root: Path, registry: Registry) -> list[Problem]:
    """Problems in HTML or SVG files (SVG images can carry text and links too)."""
    return [
        p for path in sorted(paths)
        for p in check_html(path.read_text(encoding="utf-8"), file=shown_path(path, root), registry=registry)
    ]


def check_script(source: str, *, file: str, registry: Registry) -> list[Problem]:
    """Problems in one of the site's own script files, read as plain text (strings and
    comments included), so that no script can show a contact detail a page may not."""
    problems = []
    for offset, v in scan_text(source, registry):
        # In code a dotted name (`row.id`, `lunr.id`) is a property, not a web address: a bare
        # host name counts only when it is a look-alike or messaging host.
        if v.found.startswith("unlinked ") and _denied_kind(v.key, registry) is None:
            continue
        problems.append(Problem(file, line_at(source, offset), v.found, v.expected, v.key))
    return sorted(problems, key=lambda p: p.line)


def check_script_files(paths: Iterable[Path], *, root: Path, registry: Registry) -> list[Problem]:
    """Problems in script files (file names relative to root)."""
    return [
        p for path in sorted(paths)
        for p in check_script(path.read_text(encoding="utf-8"), file=shown_path(path, root), registry=registry)
    ]


def check_site(site_dir: Path, *, registry: Registry) -> list[Problem]:
    """Problems in every HTML and SVG file of a built site (file names relative to site_dir)."""
    paths = [*site_dir.rglob("*.html"), *site_dir.rglob(f"*{MARKUP_ASSETS}")]
    return check_markup_files(paths, root=site_dir, registry=registry)
