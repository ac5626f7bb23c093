"""The GraphQL types: people, offices, countries, articles, quotes, topics.

Every object type a client can fetch by id implements Relay's ``Node``; ids are
opaque global ids (base64 of ``Type:key``), so ``node(id:)`` finds any of them.
Resolvers stay thin: they translate arguments and call ``IndexReader``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from enum import Enum
from typing import Annotated, Any, TypeVar

import strawberry
from graphql import FieldNode, FragmentSpreadNode
from strawberry import relay
from strawberry.types import Info

from extract.models import Country as CountryModel
from extract.models import QuoteKind as QuoteKindModel
from extract.models import Stance as StanceModel
from extract.registry import PersonRecord, fold
from extract.topics import Topic as TopicModel
from index.models import ArticleRecord, QuoteFilter, QuoteHit, QuoteOrder, QuoteRecord
from index.search import QueryError, SearchTimeout
from index.store import country_key
from schema.arguments import After, Before, First, Last, StanceFilter, TopicFilter
from schema.context import Context
from schema.errors import ApiError, ErrorCode
from schema.pagination import check_size, encode_cursor, from_end, window

# The contract's enums are the GraphQL enums: registering them keeps one definition.
Stance = StanceModel
QuoteKind = QuoteKindModel
strawberry.enum(Stance, description="A quote's position on a topic.")
strawberry.enum(
    QuoteKind, description="DIRECT: verbatim in quotation marks; INDIRECT: reported speech; MIXED: both."
)


@strawberry.enum(description="What to sort quotes by.")
class QuoteOrderField(Enum):
    RELEVANCE = "relevance"
    PUBLISHED_AT = "date"


@strawberry.enum(description="Sort direction.")
class OrderDirection(Enum):
    ASC = "asc"
    DESC = "desc"


@strawberry.input(description="Ordering of a quote search.")
class QuoteOrderInput:
    field: QuoteOrderField = strawberry.field(description="RELEVANCE (needs a query) or PUBLISHED_AT.")
    direction: OrderDirection = strawberry.field(default=OrderDirection.DESC, description="ASC or DESC.")

    def to_model(self) -> QuoteOrder:
        return QuoteOrder(by=self.field.value, descending=self.direction is OrderDirection.DESC)


def ctx(info: Info) -> Context:
    context: Context = info.context
    return context


async def search_quotes(
    info: Info,
    flt: QuoteFilter,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    order: QuoteOrder | None = None,
) -> QuoteConnection:
    """Run a quote search for one page and wrap it as a connection (facets computed on demand)."""
    context = ctx(info)
    win = window(first, after, last, before)
    try:
        if win.needs_total:
            total = (await context.run(context.reader.quotes, flt, 0, 1, order)).total
            win = from_end(win, total)
        wants_highlight = bool(flt.query) and _selects(info, "highlight")
        # Whoosh needs a limit of at least 1, even for an empty window (`before` the first cursor).
        size = max(win.limit, 1)
        page = await context.run(context.reader.quotes, flt, win.offset, size, order, wants_highlight)
    except QueryError as e:
        raise ApiError(ErrorCode.BAD_USER_INPUT, str(e)) from e
    except SearchTimeout as e:
        raise ApiError(ErrorCode.TIMEOUT, str(e)) from e
    return quote_connection(page.items[: win.limit], page.offset, page.total, flt)


async def with_speakers(info: Info, records: list[QuoteRecord]) -> list[QuoteHit]:
    """Hits for quote records, with their speakers loaded in one batch."""
    ids = sorted({r.speaker_id for r in records if r.speaker_id})
    people = dict(zip(ids, await ctx(info).people.load_many(ids), strict=True))
    return [QuoteHit(record=r, speaker=people.get(r.speaker_id or "")) for r in records]


def _selects(info: Info, field: str) -> bool:
    """Whether the query asks for ``field`` on the connection's nodes (highlights cost a re-read).

    Walks graphql-core's syntax tree: strawberry's ``info.selected_fields`` converts the whole
    selection first, which cost 4% of a cheap request.
    """
    raw = info._raw_info

    def walk(node: Any) -> bool:
        selections = node.selection_set.selections if node.selection_set else ()
        for selection in selections:
            if isinstance(selection, FragmentSpreadNode):
                if walk(raw.fragments[selection.name.value]):
                    return True
            elif (isinstance(selection, FieldNode) and selection.name.value == field) or walk(selection):
                return True
        return False

    return any(walk(node) for node in raw.field_nodes)


def quote_connection(hits: list[QuoteHit], offset: int, total: int, flt: QuoteFilter) -> QuoteConnection:
    """A page of quote hits starting at ``offset`` of ``total``; ``flt`` is kept for the facets."""
    edges = [
        relay.Edge(cursor=encode_cursor(offset + i), node=Quote.from_hit(hit)) for i, hit in enumerate(hits)
    ]
    return QuoteConnection(
        edges=edges, page_info=page_info(offset, len(edges), total), total_count=total, filter=flt
    )


@strawberry.type(description="A topic quotes take a stance on, defined in the topics file.")
class Topic:
    id: strawberry.ID = strawberry.field(description="The topic's id, e.g. western-troops-in-ukraine.")
    name: str = strawberry.field(description="Human-readable name.")
    description: str = strawberry.field(description="What the topic covers.")

    @classmethod
    def from_model(cls, topic: TopicModel) -> Topic:
        return cls(id=strawberry.ID(topic.id), name=topic.name, description=topic.description)


@strawberry.type(description="How many quotes take one stance.")
class StanceCount:
    stance: Stance = strawberry.field(description="The stance.")
    count: int = strawberry.field(description="Number of quotes.")


@strawberry.type(description="A person's stances on one topic: how many of their quotes take each side.")
class TopicStanceSummary:
    topic: Topic | None = strawberry.field(description="The topic (null for quotes on no topic).")
    counts: list[StanceCount] = strawberry.field(description="Quote counts per stance, most frequent first.")
    total: int = strawberry.field(description="All the person's quotes on this topic.")


@strawberry.type(description="A country, by its ISO 3166-1 code where known.")
class Country(relay.Node):
    key: relay.NodeID[str]
    name: str = strawberry.field(description="Canonical short name, e.g. Estonia.")
    code: str | None = strawberry.field(description="ISO 3166-1 alpha-2 code, e.g. EE.")

    @classmethod
    def from_model(cls, country: CountryModel) -> Country:
        return cls(key=country_key(country) or country.name, name=country.name, code=country.code)

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Country | None]:
        countries = {c.key: c for c in await all_countries(info)}
        return [countries.get(i) for i in node_ids]

    @strawberry.field(description="People from this country, by name.")
    async def people(
        self, info: Info, first: First = None, after: After = None, last: Last = None, before: Before = None
    ) -> PersonConnection:
        records = await ctx(info).run(ctx(info).reader.people, None, self.key)
        return sliced(PersonConnection, [Person.from_record(p) for p in records], first, after, last, before)

    @strawberry.field(description="Quotes by people from this country.")
    async def quotes(
        self,
        info: Info,
        stance: StanceFilter = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> QuoteConnection:
        flt = QuoteFilter(country=self.key, stance=stance)
        return await search_quotes(info, flt, first, after, last, before)


async def all_countries(info: Info) -> list[Country]:
    people = await ctx(info).run(ctx(info).reader.people)
    seen = {country_key(p.country): p.country for p in people if p.country}
    return sorted((Country.from_model(c) for c in seen.values()), key=lambda c: c.name)


@strawberry.type(description="An office held by people quoted, e.g. Prime Minister.")
class Office(relay.Node):
    key: relay.NodeID[str]
    name: str = strawberry.field(description="Normalised title, e.g. Defense Minister.")

    @classmethod
    def named(cls, name: str) -> Office:
        return cls(key=fold(name), name=name)

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Office | None]:
        offices = {o.key: o for o in await all_offices(info)}
        return [offices.get(i) for i in node_ids]

    @strawberry.field(description="People seen holding this office, by name.")
    async def holders(
        self, info: Info, first: First = None, after: After = None, last: Last = None, before: Before = None
    ) -> PersonConnection:
        records = await ctx(info).run(ctx(info).reader.people, None, None, self.name)
        return sliced(PersonConnection, [Person.from_record(p) for p in records], first, after, last, before)


async def all_offices(info: Info) -> list[Office]:
    people = await ctx(info).run(ctx(info).reader.people)
    names = {fold(o): o for p in people for o in p.offices}
    return sorted((Office.named(n) for n in names.values()), key=lambda o: o.name)


@strawberry.type(
    description="A person (or organisation) quoted in the corpus, one record across all articles."
)
class Person(relay.Node):
    key: relay.NodeID[str]
    name: str = strawberry.field(description="Canonical full name.")
    kind: str = strawberry.field(description="person or organization.")
    aliases: list[str] = strawberry.field(description="Other spellings and partial names seen.")
    organization: str | None = strawberry.field(description="Organisation the person speaks for, e.g. NATO.")
    record: strawberry.Private[PersonRecord]

    @classmethod
    def from_record(cls, record: PersonRecord) -> Person:
        return cls(
            key=record.id,
            name=record.name,
            kind=record.kind,
            aliases=record.aliases,
            organization=record.organization,
            record=record,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Person | None]:
        records = await ctx(info).people.load_many(list(node_ids))
        return [cls.from_record(r) if r else None for r in records]

    @strawberry.field(description="Offices seen for this person, in the order first seen.")
    def offices(self) -> list[Office]:
        return [Office.named(o) for o in self.record.offices]

    @strawberry.field(description="The person's country, where an article states it.")
    def country(self) -> Country | None:
        return Country.from_model(self.record.country) if self.record.country else None

    @strawberry.field(description="Quotes this person said.")
    async def quotes(
        self,
        info: Info,
        stance: StanceFilter = None,
        topic: TopicFilter = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> QuoteConnection:
        flt = QuoteFilter(person_ids=[self.key], stance=stance, topic=topic)
        order = QuoteOrder(by="date")
        return await search_quotes(info, flt, first, after, last, before, order)

    @strawberry.field(description="How many of this person's quotes take each stance, per topic.")
    async def stance_summary(self, info: Info) -> list[TopicStanceSummary]:
        context = ctx(info)
        counts = await context.run(context.reader.stance_summary, self.key)
        topics = {t.id: t for t in context.topics}
        summaries = []
        for topic_id in sorted({t for t, _ in counts}, key=lambda t: t or ""):
            rows = sorted(((s, c) for (t, s), c in counts.items() if t == topic_id), key=lambda sc: -sc[1])
            topic = topics.get(topic_id) if topic_id else None
            summaries.append(
                TopicStanceSummary(
                    topic=Topic.from_model(topic) if topic else None,
                    counts=[StanceCount(stance=StanceModel(s), count=c) for s, c in rows],
                    total=sum(c for _, c in rows),
                )
            )
        return summaries


@strawberry.type(description="A news article in the index.")
class Article(relay.Node):
    key: relay.NodeID[str]
    title: str | None = strawberry.field(description="Headline.")
    byline: str | None = strawberry.field(description="Author line, where the article has one.")
    outlet: str | None = strawberry.field(description="Publishing outlet, where known.")
    url: str | None = strawberry.field(description="Address of the original, where known.")
    published_at: datetime.date | None = strawberry.field(description="Publication date, where known.")
    text: str = strawberry.field(description="The raw article text; quote offsets point into it.")
    record: strawberry.Private[ArticleRecord]

    @classmethod
    def from_record(cls, record: ArticleRecord) -> Article:
        return cls(
            key=record.id,
            title=record.title,
            byline=record.byline,
            outlet=record.outlet,
            url=record.url,
            published_at=record.published_at,
            text=record.text,
            record=record,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Article | None]:
        records = await ctx(info).articles.load_many(list(node_ids))
        return [cls.from_record(r) if r else None for r in records]

    @strawberry.field(description="Quotes found in this article, in text order.")
    async def quotes(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> QuoteConnection:
        win = window(first, after, last, before)
        if win.needs_total:
            win = from_end(win, len(self.record.quote_ids))
        ids = self.record.quote_ids[win.offset : win.offset + win.limit]
        records = await ctx(info).quotes.load_many(ids)
        hits = await with_speakers(info, [r for r in records if r])
        return quote_connection(
            hits, win.offset, len(self.record.quote_ids), QuoteFilter(article_id=self.key)
        )


@strawberry.type(description="Where a quote stands in one article.")
class Appearance:
    start: int = strawberry.field(
        description="Character offset of the quote's first character in the article text."
    )
    end: int = strawberry.field(description="Character offset just past the quote's last character.")
    cue: str | None = strawberry.field(description="The reporting words, e.g. said, according to.")
    article_key: strawberry.Private[str]

    @strawberry.field(description="The article.")
    async def article(self, info: Info) -> Article | None:
        record = await ctx(info).articles.load(self.article_key)
        return Article.from_record(record) if record else None


@strawberry.type(description="One quotation: who said what, where, and on which side of a topic.")
class Quote(relay.Node):
    key: relay.NodeID[str]
    text: str = strawberry.field(description="The quoted or reported words.")
    kind: QuoteKind = strawberry.field(description="DIRECT, INDIRECT or MIXED.")
    stance: Stance = strawberry.field(description="SUPPORT, OPPOSE or NEUTRAL on `topic`.")
    stance_confidence: float = strawberry.field(description="How sure the stance classifier is, 0 to 1.")
    stance_evidence: list[str] = strawberry.field(description="The words that decided the stance.")
    published_at: datetime.date | None = strawberry.field(
        description="Date of the earliest article quoting it."
    )
    highlight: str | None = strawberry.field(
        description="With a `query`: a snippet of the text with matched terms in <mark>, HTML-escaped."
    )
    record: strawberry.Private[QuoteRecord]
    speaker_record: strawberry.Private[PersonRecord | None]

    @classmethod
    def from_hit(cls, hit: QuoteHit) -> Quote:
        record = hit.record
        return cls(
            key=record.id,
            text=record.text,
            kind=record.kind,
            stance=record.stance.stance,
            stance_confidence=record.stance.confidence,
            stance_evidence=list(record.stance.evidence),
            published_at=record.published_at,
            highlight=hit.highlight,
            record=record,
            speaker_record=hit.speaker,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Quote | None]:
        records = await ctx(info).quotes.load_many(list(node_ids))
        hits = iter(await with_speakers(info, [r for r in records if r]))
        return [cls.from_hit(next(hits)) if r else None for r in records]

    @strawberry.field(description="Who said it; null when the article does not say or names a group.")
    def speaker(self) -> Person | None:
        # a plain field: the speaker came with the quote (one lookup per page, not a resolver per node)
        return Person.from_record(self.speaker_record) if self.speaker_record else None

    @strawberry.field(description="The speaker's office when they said it.")
    def office(self) -> Office | None:
        return Office.named(self.record.office) if self.record.office else None

    @strawberry.field(description="The speaker's country.")
    def country(self) -> Country | None:
        return Country.from_model(self.record.country) if self.record.country else None

    @strawberry.field(description="The topic the stance is on.")
    def topic(self, info: Info) -> Topic | None:
        topic = next((t for t in ctx(info).topics if t.id == self.record.stance.topic), None)
        return Topic.from_model(topic) if topic else None

    @strawberry.field(description="People named inside the quoted words.")
    async def mentions(self, info: Info) -> list[Person]:
        records = await ctx(info).people.load_many(self.record.mention_ids)
        return [Person.from_record(r) for r in records if r]

    @strawberry.field(description="Every article that reports this quote, with offsets.")
    def appearances(self) -> list[Appearance]:
        return [
            Appearance(start=a.start, end=a.end, cue=a.cue, article_key=a.article_id)
            for a in self.record.appearances
        ]

    @strawberry.field(description="The articles that report this quote.")
    async def articles(self, info: Info) -> list[Article]:
        records = await ctx(info).articles.load_many([a.article_id for a in self.record.appearances])
        return [Article.from_record(r) for r in records if r]


@strawberry.type(description="A value and how many results have it.")
class FacetValue:
    value: str = strawberry.field(description="The value (a stance, a person's name, a country code...).")
    count: int = strawberry.field(description="Results with this value.")


@strawberry.type(
    description="Counts over the whole result set, by stance, person, country, office and topic."
)
class QuoteFacets:
    stance: list[FacetValue] = strawberry.field(description="Counts per stance (SUPPORT, OPPOSE, NEUTRAL).")
    person: list[FacetValue] = strawberry.field(
        description="Counts per speaker (by name), most quoted first."
    )
    country: list[FacetValue] = strawberry.field(description="Counts per speaker's country (ISO code).")
    office: list[FacetValue] = strawberry.field(
        description="Counts per speaker's office (normalised, lower-case)."
    )
    topic: list[FacetValue] = strawberry.field(description="Counts per topic id.")


@strawberry.type(description="A page of quotes, with the total and facets of the whole result set.")
class QuoteConnection(relay.Connection[Quote]):
    total_count: int = strawberry.field(description="How many quotes match in all.")
    filter: strawberry.Private[QuoteFilter]

    @strawberry.field(description="Counts by stance, person, country, office and topic over all matches.")
    async def facets(
        self,
        info: Info,
        first: Annotated[
            int,
            strawberry.argument(
                description="Values per facet, most frequent first (1-100; default 10), as a search "
                "page's sidebar shows them: a common word is said by thousands of people."
            ),
        ] = 10,
    ) -> QuoteFacets:
        check_size("first", first)
        context = ctx(info)
        facets = await context.run(context.reader.facets, self.filter, first)
        records = await context.people.load_many([row.value for row in facets.person])
        names = {r.id: r.name for r in records if r}

        def values(rows: list[Any], label: dict[str, str] | None = None) -> list[FacetValue]:
            return [FacetValue(value=(label or {}).get(r.value, r.value), count=r.count) for r in rows]

        return QuoteFacets(
            stance=values(facets.stance, {s.value: s.name for s in StanceModel}),
            person=values(facets.person, names),
            country=values(facets.country),
            office=values(facets.office),
            topic=values(facets.topic),
        )


def page_info(offset: int, count: int, total: int) -> relay.PageInfo:
    return relay.PageInfo(
        has_next_page=offset + count < total,
        has_previous_page=offset > 0,
        start_cursor=encode_cursor(offset) if count else None,
        end_cursor=encode_cursor(offset + count - 1) if count else None,
    )


@strawberry.type(description="A page of people.")
class PersonConnection(relay.Connection[Person]):
    total_count: int = strawberry.field(description="How many people match in all.")


@strawberry.type(description="A page of offices.")
class OfficeConnection(relay.Connection[Office]):
    total_count: int = strawberry.field(description="How many offices match in all.")


@strawberry.type(description="A page of countries.")
class CountryConnection(relay.Connection[Country]):
    total_count: int = strawberry.field(description="How many countries match in all.")


@strawberry.type(description="A page of articles.")
class ArticleConnection(relay.Connection[Article]):
    total_count: int = strawberry.field(description="How many articles match in all.")


C = TypeVar("C")
N = TypeVar("N")


def sliced(
    connection: type[C],
    nodes: list[N],
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> C:
    """A connection over a list held in memory (people, offices, countries)."""
    win = window(first, after, last, before)
    if win.needs_total:
        win = from_end(win, len(nodes))
    page = nodes[win.offset : win.offset + win.limit]
    edges = [relay.Edge(cursor=encode_cursor(win.offset + i), node=n) for i, n in enumerate(page)]  # type: ignore[type-var]
    return connection(
        edges=edges, page_info=page_info(win.offset, len(page), len(nodes)), total_count=len(nodes)
    )  # type: ignore[call-arg]
