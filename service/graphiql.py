"""The GraphiQL page: Strawberry's, served from vendored assets and opening on a useful query.

Strawberry's page loads React and GraphiQL from unpkg; deployments in closed
networks (and our browser test) cannot reach it, so the same files are served
from ``service/static/graphiql`` with their integrity hashes unchanged.
"""

from __future__ import annotations

import re
from pathlib import Path

from strawberry.http.ides import get_graphql_ide_html

STATIC_DIR = Path(__file__).parent / "static"
ASSETS_URL = "/static/graphiql/"

EXAMPLE_QUERY = """# quotesearch: search what public figures said.
# Press the run button (or Ctrl-Enter). Open the docs on the left for every field and argument.

query TroopQuotes {
  quotes(query: "troops", first: 5) {
    totalCount
    edges {
      node {
        text
        stance
        stanceConfidence
        highlight
        speaker { name offices { name } country { name } }
        articles { title }
      }
    }
    facets { stance { value count } person { value count } }
  }
}
"""


def graphiql_html() -> str:
    """Strawberry's GraphiQL page with local assets and our example query."""
    html = get_graphql_ide_html(graphql_ide="graphiql").replace("https://unpkg.com/", ASSETS_URL)
    example = EXAMPLE_QUERY.replace("\\", "\\\\").replace("`", "\\`")
    return re.sub(
        r"const EXAMPLE_QUERY = `.*?`;",
        lambda _: f"const EXAMPLE_QUERY = `{example}`;",
        html,
        count=1,
        flags=re.S,
    )
