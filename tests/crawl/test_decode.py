"""Decoding fetched bytes (tasks.crawl.decode): declared, lying and missing charsets, GBK/Big5 detection, BOMs,
and when UTF-8 bytes can be parsed as they are."""

from __future__ import annotations

import pytest

from tasks.crawl.decode import decode_html, same_utf8_bytes

GBK_TEXT = "<p>朱镕基总理视察东莞，大岭山公安分局共接违法犯罪类警情4104起，同比下降49.55%。</p>"


def test_gb2312_declared_page_with_gbk_only_character_decodes_as_gb18030():
    raw = f'<html><head><meta charset="gb2312"></head><body>{GBK_TEXT}</body></html>'.encode("gbk")
    text, encoding = decode_html(raw)
    assert "朱镕基" in text and "\ufffd" not in text
    assert encoding == "gb18030"


def test_http_header_that_lies_about_utf8_falls_back_to_meta():
    raw = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head>{GBK_TEXT}'
    text, encoding = decode_html(raw.encode("gbk"), "text/html; charset=utf-8")
    assert "朱镕基" in text and encoding == "gb18030"


def test_undeclared_gbk_is_detected():
    text, _ = decode_html(f"<html><body>{GBK_TEXT * 3}</body></html>".encode("gbk"))
    assert "大岭山公安分局" in text and "\ufffd" not in text


def test_big5_is_detected():
    page = "<html><body><p>東莞市大嶺山公安分局共接違法犯罪類警情4104起，同比再次下降49.55%，詐騙1405起。</p></body></html>"
    text, encoding = decode_html(page.encode("big5"))
    assert "大嶺山公安分局" in text and encoding.startswith("big5")


def test_header_charset_forced_encoding_and_bom():
    assert decode_html(GBK_TEXT.encode("gbk"), "text/html; charset=GB2312")[0] == GBK_TEXT
    assert decode_html(GBK_TEXT.encode("gbk"), "text/html; charset=utf-8", forced_encoding="gbk")[1] == "gb18030"
    assert decode_html("\ufeff中文".encode("utf-8"), "text/html; charset=gbk")[0] == "中文"


def test_browser_saved_utf8_page_with_stale_gb2312_meta():
    raw = f'<html><head><meta charset="gb2312"></head><body>{GBK_TEXT}</body></html>'.encode()
    assert "朱镕基" in decode_html(raw)[0]


def test_utf8_bytes_are_parsed_directly_only_when_they_are_exactly_the_text():
    page = f'<html><head><meta charset="utf-8"></head><body>{GBK_TEXT}</body></html>'
    utf8 = page.encode()
    assert same_utf8_bytes(utf8, *decode_html(utf8)) is utf8
    # Anything else is parsed from the decoded text: another charset, a BOM, a NUL, a lenient decode.
    gbk = page.replace("utf-8", "gbk").encode("gbk")
    assert same_utf8_bytes(gbk, *decode_html(gbk)) is None
    bom = b"\xef\xbb\xbf" + utf8
    assert same_utf8_bytes(bom, *decode_html(bom)) is None
    nul = utf8.replace(b"<p>", b"<p>\x00")
    assert same_utf8_bytes(nul, *decode_html(nul)) is None
    broken = utf8.replace("朱".encode(), b"\xe6\x9c")  # one truncated character: decoded leniently
    text, encoding = decode_html(broken)
    assert encoding == "utf_8" and "\ufffd" in text
    assert same_utf8_bytes(broken, text, encoding) is None


@pytest.mark.parametrize("raw", [b"", b"\x00\x00", bytes(range(256)) * 4, b"\xff\xfe\xfd" * 100])
def test_decode_never_raises(raw):
    text, encoding = decode_html(raw, "text/html; charset=nonsense", forced_encoding=None)
    assert isinstance(text, str) and encoding
