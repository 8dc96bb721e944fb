"""``geoevents eval``: measure the gazetteer on standard corpora and extraction on gold files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.group("eval")
def eval_group() -> None:
    """Evaluate geoevents components on benchmark corpora and annotated articles."""


@eval_group.command("extract")
@click.argument("gold", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print every figure as one JSON object.")
@click.option(
    "--explain",
    is_flag=True,
    help="List every error by class, with the extractor's explanation of the event.",
)
@click.option(
    "--min-precision",
    type=click.FloatRange(0, 1),
    help="Exit with status 1 when event precision is below this floor (0..1).",
)
@click.option(
    "--min-recall",
    type=click.FloatRange(0, 1),
    help="Exit with status 1 when event recall is below this floor (0..1).",
)
@click.option(
    "--language",
    "languages",
    multiple=True,
    metavar="CODE",
    help="Evaluate only the articles in this language (ISO 639-1: en, uk, ru; repeatable). "
    "The floors then apply to those articles.",
)
def extract(
    gold: Path,
    as_json: bool,
    explain: bool,
    min_precision: float | None,
    min_recall: float | None,
    languages: tuple[str, ...],
) -> None:
    """Extraction accuracy on the articles of the GOLD file (expected events).

    Extracts every article GOLD names exactly as ``geoevents extract`` does,
    matches predicted to gold events by place (same GeoNames id or within the
    tolerance), and reports event precision, recall and F1, then over matched
    pairs: type, exact day, attacker side, weapons, targets, claim sides, figure
    attribution, figures, launched/intercepted counts and the dispute flags;
    the figures per article language (an article's ``language``, default
    ``en``: precision, recall, place within tolerance, type and figures
    credited to the claimant's side) and per article class. The gold format is documented in
    docs/extraction.md ("Evaluating extraction"). Exit status: 0; 1 when an
    article could not be evaluated or a figure is below its floor; 2 for a bad
    gold file or usage.
    """
    from geoevents.cli.extract import open_extractor
    from geoevents.errors import GoldFormatError
    from geoevents.evaluation import evaluate, figures, read_gold
    from geoevents.evaluation.text import below_floors, error_lines, report_lines

    try:
        gold_set = read_gold(gold)
    except GoldFormatError as err:
        raise click.BadParameter(str(err), param_hint="GOLD") from err
    if languages:
        unknown = sorted({c.lower() for c in languages} - set(gold_set.languages))
        if unknown:
            raise click.BadParameter(
                f"no article in {', '.join(unknown)}; the gold file has "
                f"{', '.join(gold_set.languages)}",
                param_hint="--language",
            )
        gold_set = gold_set.only(languages)
    evaluation = evaluate(gold_set, open_extractor(explain))
    figs = figures(evaluation, notes=explain)
    for message in evaluation.input_errors:
        click.echo(f"error: {message}", err=True)
    if as_json:
        click.echo(json.dumps(figs, ensure_ascii=False, indent=1))
    else:
        click.echo("\n".join(report_lines(figs)))
        if explain and figs["errors"]:
            click.echo("\n".join(error_lines(figs)))
    failed = below_floors(figs, min_precision=min_precision, min_recall=min_recall)
    for message in failed:
        click.echo(f"eval extract: {message}", err=True)
    if failed or evaluation.input_errors:
        sys.exit(1)


@eval_group.command("geoparse")
@click.argument("corpus", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object.")
@click.option("--limit", type=click.IntRange(1), help="Only the first N articles.")
@click.option(
    "--worst",
    "n_worst",
    default=0,
    show_default=True,
    type=click.IntRange(0),
    help="Also list the N largest errors.",
)
@click.option(
    "--no-neighbours", is_flag=True, help="Do not use the article's other toponyms as context."
)
@click.option(
    "--path",
    "index_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Gazetteer index file.",
)
def geoparse(
    corpus: Path,
    as_json: bool,
    limit: int | None,
    n_worst: int,
    no_neighbours: bool,
    index_path: Path | None,
) -> None:
    """Gold-span geoparsing on CORPUS.xml (GeoWebNews or LGL/TR-News format).

    Resolves every gold toponym that has coordinates with its article as
    context. Reports n, acc161 (share within 161 km), mean_km, median_km, auc
    (sorted ln(1+error) curve / ln(20039); lower is better), exact_id (share of
    toponyms with a gold GeoNames id matched exactly) and unresolved (share
    without an answer; they count as 20,039 km in the error metrics).
    """
    from tqdm import tqdm

    from gazetteer import Gazetteer
    from gazetteer.errors import GazetteerError
    from gazetteer.evaluation import evaluate, read_corpus, score, worst

    try:
        articles = read_corpus(corpus)[:limit]
        gz = Gazetteer.open(index_path, progress=sys.stderr.isatty())
        outcomes = evaluate(
            gz,
            articles,
            neighbours=not no_neighbours,
            progress=lambda items: tqdm(
                items, desc=corpus.name, unit=" articles", file=sys.stderr, disable=None
            ),
        )
    except GazetteerError as err:
        raise click.ClickException(str(err)) from err
    metrics = score(outcomes)
    if as_json:
        click.echo(json.dumps(metrics))
    else:
        click.echo(f"{corpus.name}: {len(articles)} articles")
        for key, value in metrics.items():
            shown = f"{value * 100:.1f} %" if key in ("acc161", "exact_id", "unresolved") else value
            click.echo(f"  {key:<10} {shown}")
    if n_worst:
        out = click.echo if not as_json else (lambda m: click.echo(m, err=True))
        out(f"worst {n_worst}:")
        for o in worst(outcomes, n_worst):
            chosen = (
                f"{o.chosen_name} ({o.chosen_country}) {o.chosen[0]:.3f},{o.chosen[1]:.3f}"
                if o.chosen
                else "unresolved"
            )
            out(
                f"  {o.error_km:9.1f} km  {o.name!r} [article {o.article_id}] gold "
                f"{o.gold[0]:.3f},{o.gold[1]:.3f} id {o.gold_id} -> {chosen}"
            )
