"""Site profiles (tasks.profile): defaults, and every bad field or file is one line naming the file and the field."""

import pytest

from tasks.profile import SiteProfileError, load_site, parse_site

GOOD = {"name": "ok", "start_urls": ["http://127.0.0.1:1/"], "article_url_pattern": r"\d+\.html$"}


def test_profile_defaults_allowed_domains_to_start_hosts():
    site = parse_site({"name": "x", "start_urls": ["http://Example.cn/list/"], "article_url_pattern": r"\d+\.html"})
    assert site.allowed_domains == ["example.cn"]
    assert site.listing.max_pages == 50 and site.politeness.respect_robots


@pytest.mark.parametrize("yaml_text, field", [
    ("name: Bad Name\nstart_urls: [http://a.cn/]\narticle_url_pattern: x\n", "name"),
    ("name: ok\nstart_urls: [ftp://a.cn/]\narticle_url_pattern: x\n", "start_urls"),
    ("name: ok\nstart_urls: [http://a.cn/]\narticle_url_pattern: '('\n", "article_url_pattern"),
    ("name: ok\nstart_urls: [http://a.cn/]\n", "article_url_pattern"),
    ("name: ok\nstart_urls: [http://a.cn/]\narticle_url_pattern: x\npoliteness: {delay_seconds: -1}\n",
     "politeness.delay_seconds"),
    ("name: ok\nstart_urls: [http://a.cn/]\narticle_url_pattern: x\nlisting: {nxt: a}\n", "listing.nxt"),
    ("name: ok\nstart_urls: [http://a.cn/]\narticle_url_pattern: x\nencoding: klingon\n", "encoding"),
])
def test_bad_profile_is_one_line_naming_file_and_field(tmp_path, yaml_text, field):
    path = tmp_path / "site.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(SiteProfileError) as err:
        load_site(path)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(str(path)) and f"'{field}'" in message


def test_missing_and_malformed_profile_files(tmp_path):
    with pytest.raises(SiteProfileError, match="not found"):
        load_site(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(SiteProfileError, match="invalid YAML at line"):
        load_site(bad)


@pytest.mark.parametrize("field, value", [
    ("name", "UPPER"), ("name", ""), ("start_urls", []), ("start_urls", ["not a url"]),
    ("start_urls", "http://127.0.0.1/"), ("article_url_pattern", "[unclosed"), ("allowed_domains", "127.0.0.1"),
    ("listing", {"max_pages": 0}), ("listing", {"next_page": 5}), ("listing", {"extra": 1}),
    ("article", {"title": ["h1"]}), ("article", {"bogus": "h1"}), ("encoding", "no-such-codec"),
    ("region", ["东莞市"]), ("politeness", {"delay_seconds": "slow"}), ("politeness", {"concurrency": 0}),
    ("politeness", {"respect_robots": "maybe"}), ("politeness", {"timeout_seconds": 0}),
    ("politeness", {"retries": 99}), ("politeness", {"max_body_bytes": 10}), ("unknown_field", 1),
])
def test_every_profile_field_is_validated_with_its_name(field, value):
    with pytest.raises(SiteProfileError) as err:
        parse_site({**GOOD, field: value}, "sites/x.yaml")
    message = str(err.value)
    assert "\n" not in message and message.startswith("sites/x.yaml: field '") and field in message
