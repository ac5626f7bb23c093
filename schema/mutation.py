"""Mutations: ingesting an article (extract, index, return it with its quotes)."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from extract.models import MAX_ARTICLE_CHARS, ArticleMeta
from schema.errors import ApiError, ErrorCode
from schema.types import Article, Quote, ctx, with_speakers


@strawberry.input(description="An article to add to the index.")
class IngestArticleInput:
    text: str = strawberry.field(description="The article's full text (plain text, UTF-8).")
    title: str | None = strawberry.field(
        default=None, description="Headline; detected from the text if absent."
    )
    url: str | None = strawberry.field(default=None, description="Address of the original.")
    outlet: str | None = strawberry.field(default=None, description="Publishing outlet.")
    published_at: datetime.date | None = strawberry.field(default=None, description="Publication date.")


@strawberry.type(description="A problem with the input the client can fix.")
class UserError:
    field: str | None = strawberry.field(description="The input field at fault, e.g. text.")
    message: str = strawberry.field(description="What is wrong, in words.")
    code: str = strawberry.field(description="A machine-readable code, e.g. EMPTY_TEXT, TOO_LARGE.")


@strawberry.type(
    description="The result of ingestArticle: the stored article, or what was wrong with the input."
)
class IngestArticlePayload:
    article: Article | None = strawberry.field(
        description="The article as stored (the existing one if seen before)."
    )
    quotes: list[Quote] = strawberry.field(description="The article's quotes, in text order.")
    user_errors: list[UserError] = strawberry.field(description="Problems with the input; empty on success.")


def validate(data: IngestArticleInput) -> list[UserError]:
    """Input problems the client can fix; the index is not touched when there are any."""
    errors = []
    if not data.text.strip():
        errors.append(UserError(field="text", message="text is empty", code="EMPTY_TEXT"))
    elif len(data.text) > MAX_ARTICLE_CHARS:
        errors.append(
            UserError(
                field="text",
                message=f"text is {len(data.text):,} characters; at most {MAX_ARTICLE_CHARS:,} are accepted",
                code="TOO_LARGE",
            )
        )
    elif "\x00" in data.text:
        errors.append(
            UserError(field="text", message="text contains NUL bytes (binary data?)", code="BINARY")
        )
    if data.url is not None and not data.url.startswith(("http://", "https://")):
        errors.append(
            UserError(field="url", message="url must start with http:// or https://", code="BAD_URL")
        )
    return errors


@strawberry.type(description="Changes to the index; each needs `Authorization: Bearer <token>`.")
class Mutation:
    @strawberry.mutation(
        description="Extract an article's quotes and add it to the index. Idempotent on the text."
    )
    async def ingest_article(
        self,
        info: Info,
        input: Annotated[
            IngestArticleInput, strawberry.argument(description="The article: text and metadata.")
        ],
    ) -> IngestArticlePayload:
        context = ctx(info)
        if context.ingest is None:
            raise ApiError(
                ErrorCode.UNAUTHENTICATED,
                "mutations are disabled here (no API token is configured, or the index is read-only)",
            )
        if not context.authenticated:
            raise ApiError(
                ErrorCode.UNAUTHENTICATED, "a valid `Authorization: Bearer <token>` header is required"
            )
        errors = validate(input)
        if errors:
            return IngestArticlePayload(article=None, quotes=[], user_errors=errors)
        meta = ArticleMeta(
            title=input.title, url=input.url, outlet=input.outlet, published_at=input.published_at
        )
        record = await context.run(context.ingest, input.text, meta)
        quotes = await context.quotes.load_many(record.quote_ids)
        return IngestArticlePayload(
            article=Article.from_record(record),
            quotes=[Quote.from_hit(h) for h in await with_speakers(info, [q for q in quotes if q])],
            user_errors=[],
        )
