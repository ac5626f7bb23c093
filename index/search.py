"""Reading the index: quote, article and people searches returning pydantic models.

Each thread keeps one Whoosh searcher and refreshes it only when a commit has
made it stale, so searches reuse open files and see new articles right after
they are committed. Query strings use Whoosh's query language on quote text
with two limits that keep it fast: a wildcard must be a trailing ``*`` after at
least three letters, and only the fields in ``QUERY_FIELDS`` may be named.
"""

from __future__ import annotations

import json
import re
import threading
from typing import Any

import pycountry
from whoosh import highlight, sorting
from whoosh.collectors import TimeLimit, TimeLimitCollector
from whoosh.qparser import QueryParser
from whoosh.query import And, DateRange, Every, FuzzyTerm, NullQuery, Or, Prefix, Query, Term, Wildcard
from whoosh.searching import Results, Searcher

from extract.registry import PersonRecord, fold
from index.fields import ARTICLE, PERSON, QUOTE, name_analyzer
from index.models import (
    ArticleRecord,
    FacetCount,
    Facets,
    Page,
    QuoteFilter,
    QuoteHit,
    QuoteOrder,
    QuoteRecord,
)
from index.store import IndexStore, day

QUERY_FIELDS = {"text", "speaker", "mentions", "office", "country", "stance", "topic", "kind"}
FACET_FIELDS = {
    "stance": "stance",
    "person": "speaker_id",
    "country": "country",
    "office": "office",
    "topic": "topic",
}
_TRAILING_WILDCARD = re.compile(r"^\w{3,}\*$")
HIGHLIGHT_MAX_CHARS = 300
MAX_QUERY_CHARS = 2000


class QueryError(ValueError):
    """A search string that cannot be run as written; the message says why."""


class SearchTimeout(RuntimeError):
    """A search ran past its time budget and was stopped."""


def _payload(fields: dict[str, Any]) -> dict[str, Any]:
    return dict(json.loads(fields["payload"]))


def country_key(value: str) -> str:
    """An ISO code for a country name, code or demonym-free spelling; the folded text otherwise."""
    try:
        return str(pycountry.countries.lookup(value.strip()).alpha_2)
    except LookupError:
        matches = pycountry.countries.search_fuzzy(value) if len(value) >= 4 else []
        return str(matches[0].alpha_2) if len(matches) == 1 else fold(value)


def _name_terms(name: str) -> list[str]:
    return [t.text for t in name_analyzer()(name)]


def _check_query(query: Query, fields: set[str]) -> None:
    """Refuse leading or short wildcards and a lone ``*`` (they scan everything), and unknown fields."""
    for leaf in query.leaves():
        if isinstance(leaf, Every):
            raise QueryError("a lone * matches everything: leave `query` out to list all results")
        if isinstance(leaf, Wildcard | Prefix):
            text = leaf.text + ("*" if isinstance(leaf, Prefix) else "")
            if not _TRAILING_WILDCARD.match(text):
                raise QueryError(
                    f"wildcard {text!r} not allowed: only a trailing * after at least 3 letters (e.g. deplo*)"
                )
        fieldname = getattr(leaf, "fieldname", None)
        if fieldname and fieldname not in fields:
            raise QueryError(f"unknown field {fieldname!r}; searchable fields: {', '.join(sorted(fields))}")


def _unstemmed_prefixes(query: Query, text: str) -> Query:
    """Match ``deploy*`` on the words as typed too: the parser stems prefix text ("deploi")."""
    typed = {w.lower() for w in re.findall(r"(\w{3,})\*", text)}

    def widen(node: Query) -> Query:
        if isinstance(node, Prefix):
            raw = [w for w in typed if w.startswith(node.text[:3]) and w != node.text]
            return Or([node, *(Prefix(node.fieldname, w) for w in raw)]) if raw else node
        return node.apply(widen)

    return widen(query)


def parse_user_query(parser: QueryParser, text: str, fields: set[str]) -> Query:
    """Parse a user's query string, turning every way it can fail into a ``QueryError``."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long: at most {MAX_QUERY_CHARS} characters")
    for name in re.findall(r"(\w+):", text):
        if name in parser.schema.names() and name not in fields:
            raise QueryError(f"unknown field {name!r}; searchable fields: {', '.join(sorted(fields))}")
    try:
        query = parser.parse(text)
    except Exception as e:  # whoosh raises plain exceptions for fields it cannot search
        raise QueryError(f"cannot parse query: {e}") from e
    _check_query(query, fields)
    return _unstemmed_prefixes(query, text)


class IndexReader:
    """Searches over an ``IndexStore``, one reused searcher per thread."""

    def __init__(self, store: IndexStore, time_budget: float = 2.0) -> None:
        self.store = store
        self.time_budget = time_budget
        self._local = threading.local()
        self._parser = QueryParser("text", store.index.schema)
        self._article_parser = QueryParser("body", store.index.schema)

    def searcher(self) -> Searcher:
        """This thread's searcher, refreshed if a commit happened since it was opened."""
        current: Searcher | None = getattr(self._local, "searcher", None)
        if current is None:
            current = self.store.index.searcher()
        elif not current.up_to_date():
            # not current.refresh(): it shares segment readers with the old searcher,
            # so closing the old one would close them under the new one.
            current.close()
            current = self.store.index.searcher()
        self._local.searcher = current
        return current

    # -- single documents -------------------------------------------------

    def _get(self, doctype: str, doc_id: str) -> dict[str, Any] | None:
        fields = self.searcher().document(id=f"{doctype}:{doc_id}")
        return _payload(fields) if fields else None

    def quote(self, quote_id: str) -> QuoteRecord | None:
        data = self._get(QUOTE, quote_id)
        return QuoteRecord.model_validate(data) if data else None

    def article(self, article_id: str) -> ArticleRecord | None:
        data = self._get(ARTICLE, article_id)
        return ArticleRecord.model_validate(data) if data else None

    def person(self, person_id: str) -> PersonRecord | None:
        data = self._get(PERSON, person_id)
        return PersonRecord.model_validate(data) if data else None

    def count(self, doctype: str) -> int:
        return int(self.searcher().doc_frequency("doctype", doctype))

    # -- quotes -------------------------------------------------------------

    def parse(self, text: str) -> Query:
        """Parse a user query on quote text, refusing what would be slow or meaningless."""
        return parse_user_query(self._parser, text, QUERY_FIELDS)

    def _people_matching(self, name: str) -> list[str]:
        """Ids of people whose name or alias matches, ignoring accents, case and a one-letter slip."""
        terms = _name_terms(name)
        if not terms:
            return []
        clauses = [
            FuzzyTerm("name", t, maxdist=1, prefixlength=1) if len(t) >= 5 else Term("name", t) for t in terms
        ]
        hits = self.searcher().search(And([Term("doctype", PERSON), *clauses]), limit=50)
        return [_payload(hit.fields())["id"] for hit in hits]

    def quote_query(self, flt: QuoteFilter) -> Query:
        """The Whoosh query for a filter: the parsed text query AND every given condition."""
        clauses: list[Query] = [Term("doctype", QUOTE)]
        if flt.query and flt.query.strip():
            clauses.append(self.parse(flt.query))
        for ids in (
            flt.person_ids,
            self._people_matching(flt.person) if flt.person else None,
        ):
            if ids is not None:
                clauses.append(Or([Term("speaker_id", i) for i in ids]) if ids else NullQuery)
        if flt.mentions:
            ids = self._people_matching(flt.mentions)
            clauses.append(Or([Term("mention_ids", i) for i in ids]) if ids else NullQuery)
        exact = {
            "stance": flt.stance.value if flt.stance else None,
            "country": country_key(flt.country) if flt.country else None,
            "office": fold(flt.office) if flt.office else None,
            "topic": flt.topic,
            "kind": flt.kind.value if flt.kind else None,
            "article_ids": flt.article_id,
        }
        clauses.extend(Term(field, value) for field, value in exact.items() if value)
        if flt.published_after or flt.published_before:
            clauses.append(DateRange("published", day(flt.published_after), day(flt.published_before)))
        return And(clauses)

    def _run(self, searcher: Searcher, query: Query, **kwargs: Any) -> Results:
        collector = TimeLimitCollector(
            searcher.collector(**kwargs), timelimit=self.time_budget, use_alarm=False
        )
        try:
            searcher.search_with_collector(query, collector)
        except TimeLimit as e:
            raise SearchTimeout(f"search stopped after its {self.time_budget:g} s budget") from e
        return collector.results()

    def quotes(
        self,
        flt: QuoteFilter,
        offset: int = 0,
        limit: int = 10,
        order: QuoteOrder | None = None,
        highlights: bool = False,
    ) -> Page[QuoteHit]:
        """One page of quotes matching ``flt``, and how many match in all."""
        order = order or QuoteOrder()
        searcher = self.searcher()
        query = self.quote_query(flt)
        kwargs: dict[str, Any] = {"limit": offset + limit}
        if order.by == "date":
            kwargs.update(sortedby="published_sort", reverse=order.descending)
        results = self._run(searcher, query, **kwargs)
        if highlights:
            results.fragmenter = highlight.ContextFragmenter(maxchars=HIGHLIGHT_MAX_CHARS, surround=60)
            results.formatter = _MarkFormatter()
        hits = []
        for hit in results[offset : offset + limit]:
            record = QuoteRecord.model_validate(_payload(hit.fields()))
            marked = hit.highlights("text", text=record.text[:20_000]) if highlights else None
            hits.append(QuoteHit(record=record, score=hit.score, highlight=marked or None))
        return Page(items=hits, total=len(results), offset=offset)

    def facets(self, flt: QuoteFilter) -> Facets:
        """Counts by stance, speaker, country, office and topic over every quote matching ``flt``."""
        groups = sorting.Facets()
        for name, field in FACET_FIELDS.items():
            groups.add_facet(name, sorting.FieldFacet(field, maptype=sorting.Count))
        results = self._run(self.searcher(), self.quote_query(flt), limit=1, groupedby=groups)
        counts = {}
        for name in FACET_FIELDS:
            grouped: dict[Any, int] = results.groups(name)
            counts[name] = sorted(
                (FacetCount(value=str(v), count=c) for v, c in grouped.items() if v not in (None, "")),
                key=lambda fc: (-fc.count, fc.value),
            )
        return Facets(**counts)

    # -- articles and people -------------------------------------------------

    def articles(self, query: str | None, offset: int = 0, limit: int = 10) -> Page[ArticleRecord]:
        """Articles whose title or text matches ``query`` (all articles, newest first, without one)."""
        clauses: list[Query] = [Term("doctype", ARTICLE)]
        kwargs: dict[str, Any] = {"limit": offset + limit}
        if query and query.strip():
            parsed = parse_user_query(self._article_parser, query, {"body", "title"})
            clauses.append(Or([parsed, parsed.accept(_to_title)]))
        else:
            kwargs.update(sortedby="published_sort", reverse=True)
        results = self._run(self.searcher(), And(clauses), **kwargs)
        items = [ArticleRecord.model_validate(_payload(h.fields())) for h in results[offset : offset + limit]]
        return Page(items=items, total=len(results), offset=offset)

    def people(
        self, name: str | None = None, country: str | None = None, office: str | None = None
    ) -> list[PersonRecord]:
        """People by name (fuzzy, as for quotes), country and office; all people without filters."""
        clauses: list[Query] = [Term("doctype", PERSON)]
        if name:
            ids = self._people_matching(name)
            clauses.append(Or([Term("id", f"{PERSON}:{i}") for i in ids]) if ids else NullQuery)
        if country:
            clauses.append(Term("country", country_key(country)))
        if office:
            clauses.append(Term("office", fold(office)))
        hits = self.searcher().search(And(clauses), limit=None)
        people = [PersonRecord.model_validate(_payload(h.fields())) for h in hits]
        return sorted(people, key=lambda p: fold(p.name))

    def stance_summary(self, person_id: str) -> dict[tuple[str | None, str], int]:
        """How many of a person's quotes take each stance, per topic."""
        counts: dict[tuple[str | None, str], int] = {}
        query = And([Term("doctype", QUOTE), Term("speaker_id", person_id)])
        groups = sorting.Facets().add_facet(
            "ts", sorting.MultiFacet(["topic", "stance"], maptype=sorting.Count)
        )
        results = self._run(self.searcher(), query, limit=1, groupedby=groups)
        for (topic, stance), count in results.groups("ts").items():
            counts[(topic or None, stance)] = count
        return counts


def _to_title(query: Query) -> Query:
    """The same query on the title field (titles weigh double in the schema)."""
    if hasattr(query, "fieldname") and query.fieldname == "body":
        query = query.copy()
        query.fieldname = "title"
    return query


class _MarkFormatter(highlight.Formatter):  # type: ignore[misc]
    """Matched terms wrapped in a bare ``<mark>``, the text around them HTML-escaped."""

    between = " … "

    def _text(self, text: str) -> str:
        return str(highlight.htmlescape(text))

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"<mark>{self._text(highlight.get_text(text, token, replace))}</mark>"
