"""The root Query: search quotes, browse people, offices, countries, articles and topics."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from index.models import QuoteFilter
from index.search import QueryError, SearchTimeout
from schema.arguments import After, Before, First, Last, check_lengths
from schema.errors import ApiError, ErrorCode
from schema.pagination import MAX_PAGE, encode_cursor, from_end, window
from schema.types import (
    Article,
    ArticleConnection,
    CountryConnection,
    OfficeConnection,
    Person,
    PersonConnection,
    QuoteConnection,
    QuoteKind,
    QuoteOrderField,
    QuoteOrderInput,
    Stance,
    Topic,
    all_countries,
    all_offices,
    ctx,
    page_info,
    search_quotes,
    sliced,
)

QUERY_HELP = (
    'Whoosh query language on the quote text: words, "phrases", AND/OR/NOT, field:value '
    "(fields: text, speaker, mentions, office, country, stance, topic, kind); "
    "wildcards only trailing, after 3+ letters (deplo*)."
)


@strawberry.type(description="Search what public figures said.")
class Query:
    @strawberry.field(description="Fetch any object by its global id; null if it does not exist.")
    async def node(
        self, info: Info, id: Annotated[relay.GlobalID, strawberry.argument(description="A global id.")]
    ) -> relay.Node | None:
        return await _resolve(info, id)

    @strawberry.field(
        description="Fetch several objects by their global ids, in order; null where one is missing."
    )
    async def nodes(
        self, info: Info, ids: Annotated[list[relay.GlobalID], strawberry.argument(description="Global ids.")]
    ) -> list[relay.Node | None]:
        if len(ids) > MAX_PAGE:
            raise ApiError(ErrorCode.BAD_USER_INPUT, f"at most {MAX_PAGE} ids at once")
        return [await _resolve(info, i) for i in ids]

    @strawberry.field(
        description="Search quotes (all given filters must hold); by relevance to `query`, else newest first."
    )
    async def quotes(
        self,
        info: Info,
        query: Annotated[str | None, strawberry.argument(description=QUERY_HELP)] = None,
        stance: Annotated[
            Stance | None, strawberry.argument(description="Only quotes with this stance.")
        ] = None,
        person: Annotated[
            str | None,
            strawberry.argument(
                description="Speaker's name or alias; accents, case and a one-letter slip are ignored."
            ),
        ] = None,
        mentions: Annotated[
            str | None,
            strawberry.argument(description="Only quotes whose words name this person, whoever said them."),
        ] = None,
        country: Annotated[
            str | None, strawberry.argument(description="Speaker's country: name or ISO code.")
        ] = None,
        office: Annotated[
            str | None, strawberry.argument(description="Speaker's office, e.g. Prime Minister.")
        ] = None,
        topic: Annotated[
            strawberry.ID | None, strawberry.argument(description="Topic id the stance is on.")
        ] = None,
        kind: Annotated[
            QuoteKind | None, strawberry.argument(description="DIRECT, INDIRECT or MIXED.")
        ] = None,
        article_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="Only quotes in this article (its global id)."),
        ] = None,
        published_after: Annotated[
            datetime.date | None,
            strawberry.argument(description="Only quotes first published on or after this date."),
        ] = None,
        published_before: Annotated[
            datetime.date | None,
            strawberry.argument(description="Only quotes first published on or before this date."),
        ] = None,
        order_by: Annotated[QuoteOrderInput | None, strawberry.argument(description="Sort order.")] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> QuoteConnection:
        check_lengths(person=person, mentions=mentions, country=country, office=office)
        context = ctx(info)
        article_key = None
        if article_id is not None:
            article_key = _node_key(article_id, "Article")
            if await context.run(context.reader.article, article_key) is None:
                raise ApiError(ErrorCode.NOT_FOUND, f"no article with id {article_id!r}")
        if topic is not None and topic not in {t.id for t in context.topics}:
            known = ", ".join(t.id for t in context.topics) or "none"
            raise ApiError(ErrorCode.NOT_FOUND, f"no topic {topic!r}; topics: {known}")
        flt = QuoteFilter(
            query=query,
            stance=stance,
            person=person,
            mentions=mentions,
            country=country,
            office=office,
            topic=topic,
            kind=kind,
            article_id=article_key,
            published_after=published_after,
            published_before=published_before,
        )
        order = order_by.to_model() if order_by else None
        if order is None and not (query and query.strip()):
            order = QuoteOrderInput(field=QuoteOrderField.PUBLISHED_AT).to_model()
        return await search_quotes(info, flt, first, after, last, before, order)

    @strawberry.field(description="Search articles by title and text; without a query, newest first.")
    async def articles(
        self,
        info: Info,
        query: Annotated[
            str | None, strawberry.argument(description="Whoosh query on title and text.")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> ArticleConnection:
        context = ctx(info)
        win = window(first, after, last, before)
        try:
            if win.needs_total:
                win = from_end(win, (await context.run(context.reader.articles, query, 0, 1)).total)
            page = await context.run(context.reader.articles, query, win.offset, max(win.limit, 1))
        except QueryError as e:
            raise ApiError(ErrorCode.BAD_USER_INPUT, str(e)) from e
        except SearchTimeout as e:
            raise ApiError(ErrorCode.TIMEOUT, str(e)) from e
        edges = [
            relay.Edge(cursor=encode_cursor(page.offset + i), node=Article.from_record(r))
            for i, r in enumerate(page.items[: win.limit])
        ]
        return ArticleConnection(
            edges=edges, page_info=page_info(page.offset, len(edges), page.total), total_count=page.total
        )

    @strawberry.field(description="People quoted, by name; optionally only those of a country or office.")
    async def people(
        self,
        info: Info,
        name: Annotated[str | None, strawberry.argument(description="Name or alias (fuzzy).")] = None,
        country: Annotated[str | None, strawberry.argument(description="Country name or ISO code.")] = None,
        office: Annotated[
            str | None, strawberry.argument(description="Office, e.g. Defense Minister.")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> PersonConnection:
        check_lengths(name=name, country=country, office=office)
        context = ctx(info)
        records = await context.run(context.reader.people, name, country, office)
        people = [Person.from_record(r) for r in records]
        return sliced(PersonConnection, people, first, after, last, before)

    @strawberry.field(description="Offices held by people quoted.")
    async def offices(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> OfficeConnection:
        return sliced(OfficeConnection, await all_offices(info), first, after, last, before)

    @strawberry.field(description="Countries of people quoted.")
    async def countries(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> CountryConnection:
        return sliced(CountryConnection, await all_countries(info), first, after, last, before)

    @strawberry.field(description="Topics quotes take a stance on.")
    def topics(self, info: Info) -> list[Topic]:
        return [Topic.from_model(t) for t in ctx(info).topics]


async def _resolve(info: Info, gid: relay.GlobalID) -> relay.Node | None:
    """The object behind a global id; an id of no known type is the client's error."""
    try:
        gid.resolve_type(info)
    except Exception as e:
        raise ApiError(ErrorCode.BAD_USER_INPUT, f"no object type {gid.type_name!r}") from e
    node: relay.Node | None = await gid.resolve_node(info, required=False)
    return node


def _node_key(global_id: str, type_name: str) -> str:
    """The key inside a global id of the given type; a bad id is the client's error."""
    try:
        gid = relay.GlobalID.from_id(global_id)
    except Exception as e:
        raise ApiError(ErrorCode.BAD_USER_INPUT, f"invalid id {global_id!r}") from e
    if gid.type_name != type_name:
        raise ApiError(ErrorCode.BAD_USER_INPUT, f"id {global_id!r} is not an {type_name}")
    return str(gid.node_id)
