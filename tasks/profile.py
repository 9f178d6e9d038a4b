"""Site profiles (`sites/*.yaml`): load and validate, with one clear error line on bad input."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator


class SiteProfileError(ValueError):
    """A site profile that cannot be used; the message is one line naming the file and field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ListingConfig(_Strict):
    next_page: str | None = None
    max_pages: int = Field(default=50, ge=1, le=100_000)


class ArticleSelectors(_Strict):
    title: str | None = None
    body: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None
    breadcrumb: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.model_dump().items() if v}


class Politeness(_Strict):
    delay_seconds: float = Field(default=1.0, ge=0, le=3600)
    concurrency: int = Field(default=4, ge=1, le=64)
    respect_robots: bool = True
    timeout_seconds: float = Field(default=20, gt=0, le=600)
    retries: int = Field(default=3, ge=0, le=10)
    backoff_seconds: float = Field(default=0.5, ge=0, le=60)
    max_body_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    max_redirects: int = Field(default=5, ge=0, le=20)
    user_agent: str = "crimetrend/0.1 (+https://github.com/crimetrend)"


class SiteProfile(_Strict):
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)
    start_urls: list[str] = Field(min_length=1)
    article_url_pattern: str
    allowed_domains: list[str] = Field(default_factory=list)
    listing: ListingConfig = ListingConfig()
    article: ArticleSelectors | None = None
    encoding: str | None = None
    region: str | None = None
    politeness: Politeness = Politeness()

    @field_validator("start_urls")
    @classmethod
    def _http_urls(cls, urls: list[str]) -> list[str]:
        for url in urls:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"not an http(s) URL: {url!r}")
        return urls

    @field_validator("article_url_pattern")
    @classmethod
    def _valid_regex(cls, pattern: str) -> str:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from None
        return pattern

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, encoding: str | None) -> str | None:
        if encoding:
            import codecs

            try:
                codecs.lookup(encoding)
            except LookupError:
                raise ValueError(f"unknown encoding {encoding!r}") from None
        return encoding

    @model_validator(mode="after")
    def _default_domains(self) -> SiteProfile:
        if not self.allowed_domains:
            hosts = sorted({urlsplit(u).hostname or "" for u in self.start_urls})
            object.__setattr__(self, "allowed_domains", hosts)
        else:
            object.__setattr__(self, "allowed_domains", [d.lower().strip() for d in self.allowed_domains])
        return self

    @property
    def selectors(self) -> dict[str, str] | None:
        return self.article.as_dict() if self.article else None

    @property
    def article_regex(self) -> re.Pattern[str]:
        return re.compile(self.article_url_pattern)


def _error_line(path: str, exc: ValidationError) -> str:
    err = exc.errors()[0]
    field = ".".join(str(p) for p in err["loc"]) or "(top level)"
    msg = err["msg"]
    if err["type"] == "extra_forbidden":
        msg = "unknown field"
    elif err["type"] == "missing":
        msg = "required field is missing"
    more = f" (and {len(exc.errors()) - 1} more problem(s))" if len(exc.errors()) > 1 else ""
    return f"{path}: field '{field}': {msg}{more}"


def parse_site(data: object, path: str = "<profile>") -> SiteProfile:
    if not isinstance(data, dict):
        raise SiteProfileError(f"{path}: a site profile must be a YAML mapping, got {type(data).__name__}")
    try:
        return SiteProfile.model_validate(data)
    except ValidationError as exc:
        raise SiteProfileError(_error_line(path, exc)) from None


def load_site(path: str | Path) -> SiteProfile:
    """Read and validate one site profile; raise SiteProfileError with one line naming file and field."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SiteProfileError(f"{p}: site profile not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SiteProfileError(f"{p}: cannot read site profile: {exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise SiteProfileError(f"{p}: invalid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    return parse_site(data, str(p))
