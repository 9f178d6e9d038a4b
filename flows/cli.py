"""The `crimetrend` command line. Every failure on bad input is one line on stderr and a non-zero exit."""

from __future__ import annotations

import json
import os
import sys
from datetime import date, datetime
from pathlib import Path

import typer

from flows.settings import quiet_prefect_defaults, without_heartbeats

quiet_prefect_defaults()

from tasks.pipeline.site_run import SiteRunsFailed  # noqa: E402
from tasks.pipeline.summary import summary_line  # noqa: E402
from tasks.profile import SiteProfileError, load_site  # noqa: E402
from tasks.store.build import BuildOutOfMemory, DataTestFailure  # noqa: E402
from tasks.store.db import DEFAULT_DB, DatabaseError, connect  # noqa: E402

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="crimetrend: crime statistics from Chinese news portals into DuckDB.")


class UserError(Exception):
    """Bad input from the user: printed as one line, exit status 2."""


def _since(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise UserError(f"--since: expected YYYY-MM-DD, got {value!r}") from None


@app.command()
def run(site: list[Path] = typer.Option(..., "--site", help="site profile YAML (repeatable)"),
        db: Path = typer.Option(DEFAULT_DB, help="DuckDB file"),
        max_pages: int | None = typer.Option(None, min=1, help="listing pages per start URL"),
        since: str | None = typer.Option(None, help="backfill: walk listings back to YYYY-MM-DD"),
        report_dir: Path = typer.Option(Path("reports"), help="where the trend report is written")) -> None:
    """One pipeline run (crawl → parse → dedupe → land) for the given site profiles."""
    good, bad = _valid_profiles(site)
    if not good:
        raise UserError("; ".join(bad))
    from flows.ingest import pipeline
    from flows.progress import progress_bar

    results = []
    try:
        with progress_bar(), without_heartbeats():
            results = pipeline(good, db=str(db), max_pages=max_pages, since=_since(since), report_dir=str(report_dir))
    except SiteRunsFailed as exc:
        bad.append(str(exc))
    for r in results:
        typer.echo(summary_line(r))
    if bad:  # the good sites landed: the run failed in part, as when a site's crawl fails
        raise SiteRunsFailed("; ".join(bad))


def _valid_profiles(paths: list[Path]) -> tuple[list[str], list[str]]:
    """(the profiles that load, one error line per profile that does not). Every profile is read before
    any crawling, so a typo is reported at once; a bad one does not keep the good ones from running."""
    good, bad = [], []
    for path in paths:
        try:
            load_site(path)
        except SiteProfileError as exc:
            bad.append(str(exc))
        else:
            good.append(str(path))
    return good, bad


@app.command()
def demo(db: Path = typer.Option(DEFAULT_DB, help="DuckDB file"),
         port: int = typer.Option(8765, help="port of the bundled sample portal on 127.0.0.1"),
         articles: int = typer.Option(300, min=50, max=100_000, help="articles in the sample portal")) -> None:
    """Serve the sample portal on 127.0.0.1, run the whole pipeline against it, print a summary."""
    from flows.demo import run_demo

    run_demo(db=db, port=port, n_articles=articles, echo=typer.echo)


@app.command()
def reprocess(db: Path = typer.Option(DEFAULT_DB, help="DuckDB file"),
              site: str | None = typer.Option(None, help="only this site (profile name)")) -> None:
    """Re-parse, re-dedupe from archived raw pages (no network)."""
    from flows.reprocess import reprocess_flow

    if not db.exists():
        raise UserError(f"{db}: database not found")
    with without_heartbeats():
        result = reprocess_flow(db=str(db), site=site)
    typer.echo(f"reprocessed {result['pages']} archived article pages into {result['articles']} articles "
               f"in {result['clusters']} clusters")


@app.command()
def build(db: Path = typer.Option(DEFAULT_DB, help="DuckDB file"),
          select: str | None = typer.Option(None, "--select", metavar="MODEL[+]",
                                            help="rebuild only MODEL; MODEL+ also every model that reads it")) -> None:
    """Run the SQL models and data tests only."""
    from flows.ingest import build_warehouse
    from tasks.store.build import models_selected_by
    from tasks.store.graph import WarehouseDefinitionError

    if not db.exists():
        raise UserError(f"{db}: database not found")
    try:
        if select is not None:
            models_selected_by(select)  # an unknown model fails here, before Prefect starts
        with without_heartbeats():
            result = build_warehouse(db=str(db), select=select)
    except WarehouseDefinitionError as exc:  # exit 1 as a failing build does, not 2 as bad flags do
        typer.echo(f"crimetrend: error: {exc}", err=True)
        raise SystemExit(1) from None
    shown = f" ({', '.join(result['models'])})" if select is not None else ""
    typer.echo(f"built {len(result['models'])} models{shown}; {len(result['tests'])} data tests passed")


@app.command()
def parse(file: Path = typer.Argument(..., help="HTML file ('-' for stdin)"),
          url: str | None = typer.Option(None, help="the page's URL, to resolve links")) -> None:
    """Print the article extracted from one HTML file as JSON."""
    from tasks.article.parse import extract_article

    typer.echo(json.dumps(extract_article(_read_input(file), url=url), ensure_ascii=False, indent=2))


def _read_input(file: Path) -> bytes:
    if str(file) == "-":
        return sys.stdin.buffer.read()
    try:
        return file.read_bytes()
    except OSError as exc:
        raise UserError(f"{file}: cannot read: {exc.strerror}") from None


@app.command()
def extract(file: Path = typer.Argument(..., help="HTML or text file ('-' for stdin)"),
            published: str | None = typer.Option(None, help="publish time (ISO) when the file has none"),
            region: str | None = typer.Option(None, help="place for names given without their city, e.g. 东莞市"),
            explain: bool = typer.Option(False, "--explain",
                                         help="say which words set each fact's period, place, category and measure")
            ) -> None:
    """Print the crime statistics found in one HTML or text file as JSON lines (--explain: why each is there)."""
    data = _read_input(file)
    if explain:
        from tasks.stats.from_file import explained_stats_of_file

        pairs = explained_stats_of_file(data, published=published, region=region)
        if not pairs:
            typer.echo("no statistics found")
        for n, (row, why) in enumerate(pairs, 1):
            typer.echo(("\n" if n > 1 else "") + _explained(n, row, why))
        return
    from tasks.stats.from_file import stats_of_file

    for mention in stats_of_file(data, published=published, region=region):
        typer.echo(json.dumps(mention, ensure_ascii=False))


# what each level of the article means, for `extract --explain`
_LEVELS = {"sentence": "the sentence", "paragraph": "the paragraph", "heading": "the section heading",
           "title": "the title", "bulletin": "the bulletin: the article's own period",
           "article": "the article's own place", "region": "--region"}


def _explained(n: int, row: dict, why: dict) -> str:
    """One fact as a block: its key fields, then the words that set each, then the evidence."""
    value = row.get("value")
    shown = f"{value:.0f}" if isinstance(value, float) and value.is_integer() else str(value)
    if row.get("metric") in ("yoy_pct", "pop_pct"):
        shown += "%"
    if row.get("approx"):
        shown = "≈" + shown
    category = row.get("category") or "?"
    if row.get("subcategory"):
        category += f"/{row['subcategory']}"
    period = f"{row.get('period_start') or '?'}–{row.get('period_end') or '?'}"
    lines = [f"{n}. {row.get('jurisdiction') or '?'}  {period}  {category}  {row.get('measure')}  "
             f"{row.get('metric')} = {shown}"]
    for part in ("period", "place", "category", "measure", "metric"):
        said = why.get(part) or {}
        line = f"   {part:<9} {said.get('words') or '(none)'}"
        if said.get("from"):
            line += f"  (from {_LEVELS.get(said['from'], said['from'])})"
        lines.append(line)
    lines.append(f"   {'evidence':<9} {row.get('evidence') or ''}")
    return "\n".join(lines)


@app.command()
def report(db: Path = typer.Option(DEFAULT_DB, help="DuckDB file"),
           out: Path = typer.Option(Path("reports"), help="folder for the charts and pages")) -> None:
    """Write trend charts (PNG) and an HTML/Markdown report from fct_crime_trend."""
    from tasks.store.report import write_report

    con = connect(db, read_only=True)
    try:
        result = write_report(con, out)
    finally:
        con.close()
    typer.echo(f"report: {result.html_path} ({len(result.charts)} charts), {result.markdown_path}")


@app.command()
def sql(query: str = typer.Argument(..., help="SQL to run"),
        db: Path = typer.Option(DEFAULT_DB, help="DuckDB file")) -> None:
    """Run a query against the DuckDB file and print a table."""
    import duckdb

    con = connect(db, read_only=True)
    try:
        rel = con.sql(query)
    except duckdb.Error as exc:
        raise UserError(f"SQL error: {str(exc).splitlines()[0]}") from None
    if rel is None:
        return
    from flows.tables import print_table

    print_table(rel.columns, rel.fetchall())


@app.command()
def serve(only: list[str] = typer.Option(None, "--only", help="serve only this deployment (repeatable)"),
          interval: float | None = typer.Option(None, min=1, help="replace every schedule by one of N seconds")
          ) -> None:
    """Serve prefect.yaml's deployments with their schedules on this machine (no work pool; Ctrl-C stops)."""
    from flows.serve import serve as serve_deployments

    try:
        serve_deployments(only=only or None, interval=interval)
    except ValueError as exc:
        raise UserError(str(exc)) from None


@app.command()
def portal(port: int = typer.Option(8765, help="port on 127.0.0.1"),
           articles: int = typer.Option(300, min=50, max=100_000, help="number of articles"),
           seed: int = typer.Option(7, help="generator seed")) -> None:
    """Serve the bundled sample portal on 127.0.0.1 in the foreground (Ctrl-C stops it)."""
    from sampleportal.server import serve_forever

    serve_forever(port=port, n_articles=articles, seed=seed)


def main() -> None:
    try:
        app(standalone_mode=False)
    except (UserError, SiteProfileError, DatabaseError) as exc:
        typer.echo(f"crimetrend: error: {exc}", err=True)
        sys.exit(2)
    except (SiteRunsFailed, DataTestFailure, BuildOutOfMemory) as exc:
        typer.echo(f"crimetrend: error: {exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # keep one clear line; CRIMETREND_DEBUG=1 shows the traceback
        if os.environ.get("CRIMETREND_DEBUG"):
            raise
        if type(exc).__name__ == "Abort":  # Ctrl-C at a prompt
            sys.exit(130)
        if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):  # typer's (vendored) click errors
            # usage errors too are one line: what was wrong, not the whole usage text
            typer.echo(f"crimetrend: error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        first = (str(exc).splitlines() or [""])[0]
        typer.echo(f"crimetrend: error: {type(exc).__name__}: {first}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
