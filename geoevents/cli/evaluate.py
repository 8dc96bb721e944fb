"""``geoevents eval``: measure the gazetteer on standard corpora."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.group("eval")
def eval_group() -> None:
    """Evaluate geoevents components on benchmark corpora."""


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
