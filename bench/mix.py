"""The fixed query mix of the search benchmark, as GraphQL requests and as raw Whoosh queries.

Eight kinds of request, each with a pool of variants (different people and
terms from the generated corpus, chosen by seed), sent in equal shares:

=========  ==================================================================
person     a frequent speaker's quotes, newest first (fuzzy name lookup)
stance     a common term AND stance: OPPOSE
common     a common term (matches a large share of all quotes)
rare       an invented word deep in the Zipf tail (a handful of quotes)
phrase     a quoted phrase from a topic ("military personnel")
facets     a common term's total and facets (stance, person, country, office, topic)
page5      a common term, page 5 (first: 10 after the 40th result)
highlight  a mid-frequency term with highlighted snippets
=========  ==================================================================

Every request asks for the same fields a result list shows (id, text,
stance, date, speaker name) and the total. GraphQL variables carry the
terms, so the query documents stay the same and hit the parser cache, as a
real client's would.
"""

from __future__ import annotations

import base64
import json
import random
from dataclasses import dataclass
from typing import Any

from bench.corpus import TOPICS, Generator

NODE = "id text stance publishedAt speaker { name }"
PAGE = f"totalCount edges {{ node {{ {NODE} }} }}"
FACET = "{ value count }"

DOCUMENTS = {
    "person": f"query($v: String!) {{ quotes(person: $v, first: 10) {{ {PAGE} }} }}",
    "stance": f"query($v: String!) {{ quotes(query: $v, stance: OPPOSE, first: 10) {{ {PAGE} }} }}",
    "common": f"query($v: String!) {{ quotes(query: $v, first: 10) {{ {PAGE} }} }}",
    "rare": f"query($v: String!) {{ quotes(query: $v, first: 10) {{ {PAGE} }} }}",
    "phrase": f"query($v: String!) {{ quotes(query: $v, first: 10) {{ {PAGE} }} }}",
    "facets": (
        "query($v: String!) { quotes(query: $v, first: 1) { totalCount facets { "
        f"stance {FACET} person {FACET} country {FACET} office {FACET} topic {FACET} }} }} }}"
    ),
    "page5": (
        f"query($v: String!, $after: String!) {{ quotes(query: $v, first: 10, after: $after) {{ {PAGE} }} }}"
    ),
    "highlight": (
        "query($v: String!) { quotes(query: $v, first: 10) { totalCount edges { node { id highlight } } } }"
    ),
}
KINDS = tuple(DOCUMENTS)
CHEAPEST = "rare"
VARIANTS = 20


def cursor(offset: int) -> str:
    """The schema's opaque cursor for a result offset (base64 of ``cursor:<offset>``)."""
    return base64.b64encode(f"cursor:{offset}".encode()).decode()


@dataclass(frozen=True)
class Request:
    kind: str
    term: str
    variables: dict[str, Any]

    def body(self) -> bytes:
        return json.dumps({"query": DOCUMENTS[self.kind], "variables": self.variables}).encode()


def phrases() -> list[str]:
    found = [t for topic in TOPICS for t in topic.terms if " " in t]
    return [f'"{" ".join(t.split()[:2])}"' for t in found]


def requests(generator: Generator, seed: int = 0, variants: int = VARIANTS) -> dict[str, list[Request]]:
    """``variants`` requests of each kind, the same for the same corpus and seed."""
    rng = random.Random(seed)
    common = generator.common_terms()
    middle = generator.mid_terms()
    people = [p.name for p in generator.frequent_people]
    pools: dict[str, list[str]] = {
        "person": people,
        "stance": common,
        "common": common,
        "rare": generator.rare_terms(),
        "phrase": phrases(),
        "facets": common,
        "page5": common,
        "highlight": middle,
    }
    out: dict[str, list[Request]] = {}
    for kind in KINDS:
        pool = pools[kind]
        terms = rng.sample(pool, min(variants, len(pool)))
        while len(terms) < variants:
            terms.append(rng.choice(pool))
        made = []
        for term in terms:
            variables: dict[str, Any] = {"v": term}
            if kind == "page5":
                variables["after"] = cursor(39)
            made.append(Request(kind, term, variables))
        out[kind] = made
    return out
