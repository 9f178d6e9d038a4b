"""Refuse internal addresses: a public portal must not become a way into the machine's own network.

A host that resolves to a loopback, private, link-local or otherwise non-public address is refused, unless
the site profile itself names such hosts (the bundled sample portal lives on 127.0.0.1)."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from functools import lru_cache


def is_internal(address: str) -> bool:
    """True for addresses that are not on the public Internet."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True  # unparseable: treat as unsafe
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved
            or ip.is_unspecified or not ip.is_global)


def profile_allows_internal(allowed_domains: Iterable[str]) -> bool:
    """A profile whose own hosts are internal (127.0.0.1, localhost, 10.x …) may fetch internal addresses."""
    for host in allowed_domains:
        host = host.strip("[]").lower()
        if host == "localhost" or host.endswith(".localhost"):
            return True
        try:
            ipaddress.ip_address(host)
        except ValueError:
            continue
        if is_internal(host):
            return True
    return False


def refusal(addresses: Iterable[str], allow_internal: bool) -> str | None:
    """Why a host with these resolved addresses must not be fetched, or None."""
    addresses = list(addresses)
    if not addresses:
        return "unresolvable_host"
    if not allow_internal and any(is_internal(a) for a in addresses):
        return "internal_address_refused"
    return None


@lru_cache(maxsize=1024)
def resolve(host: str, port: int) -> tuple[str, ...]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        return ()
    return tuple(sorted({info[4][0] for info in infos}))
