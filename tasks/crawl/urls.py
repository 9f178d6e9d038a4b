"""URL canonical form and scope checks (pure functions)."""

from __future__ import annotations

import ipaddress
from urllib.parse import parse_qsl, urljoin, urlsplit

from url_normalize import url_normalize
from w3lib.url import canonicalize_url as _w3_canonicalize
from w3lib.url import url_query_cleaner

# Parameters that only track the visitor; two URLs differing in them are the same page.
TRACKING_PARAMS = frozenset(
    {
        "spm", "from", "fromid", "share", "share_token", "shareid", "gclid", "fbclid", "msclkid",
        "yclid", "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "ref", "ref_src", "scene",
        "wfr", "isappinstalled", "clicktime", "enterid", "sharer_sharetime", "sharer_shareid",
    }
)
ALLOWED_SCHEMES = ("http", "https")


def _tracking_keys(url: str) -> list[str]:
    query = urlsplit(url).query
    return [k for k, _ in parse_qsl(query, keep_blank_values=True)
            if k.lower().startswith("utm_") or k.lower() in TRACKING_PARAMS]


def canonicalize_url(url: str) -> str:
    """Lower-case host, no default port, no fragment, no tracking parameters, sorted query."""
    try:
        normalized = url_normalize(url.strip())
    except Exception:  # url_normalize raises assorted errors on junk; keep the raw URL
        normalized = url.strip()
    drop = _tracking_keys(normalized)
    if drop:
        normalized = url_query_cleaner(normalized, drop, remove=True, keep_fragments=True)
    return _w3_canonicalize(normalized, keep_fragments=False)


def absolute_url(base: str, href: str) -> str | None:
    """Resolve a link against its page; None for links that are not http(s) pages."""
    href = (href or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    try:
        url = urljoin(base, href)
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ALLOWED_SCHEMES or not parts.hostname:
        return None
    return url


def host_allowed(url: str, allowed_domains: list[str]) -> bool:
    """True when the URL is http(s) and its host is an allowed domain or a subdomain of one."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return False
    if parts.scheme not in ALLOWED_SCHEMES or not host:
        return False
    for domain in allowed_domains:
        domain = domain.lower().rstrip(".")
        if host == domain:
            return True
        if not _is_ip(domain) and host.endswith("." + domain):
            return True
    return False


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False
