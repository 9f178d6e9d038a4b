"""The internal-address guard as a pure function (no traffic leaves 127.0.0.0/8 in any test)."""

import pytest

from tasks.crawl.netguard import is_internal, profile_allows_internal, refusal


@pytest.mark.parametrize("address", ["127.0.0.1", "127.0.0.2", "10.1.2.3", "172.16.0.9", "192.168.1.1",
                                     "169.254.169.254", "0.0.0.0", "::1", "fe80::1", "fc00::1",
                                     "::ffff:127.0.0.1", "100.64.0.1", "224.0.0.1", "not-an-ip"])
def test_internal_addresses(address):
    assert is_internal(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "202.96.128.86"])
def test_public_addresses(address):
    assert not is_internal(address)


def test_refusal_unless_the_profile_is_itself_internal():
    assert refusal(["93.184.216.34"], allow_internal=False) is None
    assert refusal(["93.184.216.34", "10.0.0.5"], allow_internal=False) == "internal_address_refused"
    assert refusal(["169.254.169.254"], allow_internal=False) == "internal_address_refused"
    assert refusal(["127.0.0.1"], allow_internal=True) is None
    assert refusal([], allow_internal=True) == "unresolvable_host"
    assert profile_allows_internal(["127.0.0.1"]) and profile_allows_internal(["localhost"])
    assert not profile_allows_internal(["news.example.cn", "8.8.8.8"])


def test_fetcher_refuses_loopback_for_a_public_profile():
    # A profile for a public host whose DNS answer points into the machine: the request is never sent.
    # "localhost" stands in for such a host; the guard sees 127.0.0.1 and refuses before connecting.
    from tasks.crawl.fetch import Fetcher
    from tasks.profile import Politeness

    fetcher = Fetcher(["localhost.example"], Politeness(delay_seconds=0, respect_robots=False))
    fetcher.allowed_domains.append("localhost")  # in scope by name, but not by its address
    result = fetcher.fetch("http://localhost:9/page.html")
    assert result.error == "internal_address_refused"
    assert fetcher.requests_made == 0
