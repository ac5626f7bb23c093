"""Article cleanup: title, byline, and web chrome that must never yield quotes."""

from __future__ import annotations

from extract import extract_article
from extract.cleanup import clean
from extract.models import ArticleMeta


def _body(text: str) -> list[str]:
    return [text[line.start : line.end] for line in clean(text).lines if line.body]


def test_title_is_the_first_heading_and_a_repeated_title_is_not_body() -> None:
    text = (
        "World /\n\nMayor Vows To Rebuild The Old Bridge\n\n"
        "Mayor Vows To Rebuild The Old Bridge\n\n"
        "Mayor Ilse Marten said the bridge would reopen by spring.\n"
    )
    cleaned = clean(text)
    assert cleaned.title == "Mayor Vows To Rebuild The Old Bridge"
    assert _body(text) == [
        "Mayor Vows To Rebuild The Old Bridge",
        "Mayor Ilse Marten said the bridge would reopen by spring.",
    ]


def test_a_title_given_by_the_caller_wins() -> None:
    text = "Some Heading Here\n\nThe council met on Tuesday.\n"
    result = extract_article(text, ArticleMeta(title="Council meets"))
    assert result.article.title == "Council meets"


def test_a_first_line_that_is_a_sentence_is_not_a_title() -> None:
    text = "Finance Minister Tarja Olsen told reporters that taxes would fall.\n\nMore follows.\n"
    assert clean(text).title is None


def test_byline_is_found_and_is_not_body() -> None:
    text = "By Priya Raman\nThe port reopened on Monday, officials said.\n"
    cleaned = clean(text)
    assert cleaned.byline == "Priya Raman"
    assert _body(text) == ["The port reopened on Monday, officials said."]


def test_chrome_lines_and_teasers_are_not_body() -> None:
    text = (
        "Harbour plan approved\n\n"
        "The harbour plan was approved, Mayor Ilse Marten said.\n\n"
        "Advertisement\n\n"
        "Read more\n\n"
        "Another Story About Something Else Entirely\n\n"
        "Search\nClose this search box.\n"
        "For corrections please email desk@example.org\n"
        "To suggest a correction or clarification, write to us here\n"
        "Other Topics of Interest\n"
        "The vote was close.\n"
    )
    body = _body(text)
    assert "Advertisement" not in body
    assert "Another Story About Something Else Entirely" not in body
    assert not any("correction" in line for line in body)
    assert "The vote was close." in body


def test_reader_comments_never_yield_quotes() -> None:
    text = (
        "The harbour plan was approved, Mayor Ilse Marten said.\n\n"
        "One Response\n\n"
        "  1. “This plan is a disaster for everyone in town,” said a reader who signed as Bob.\n\n"
        "Leave a Reply\n\nYour email address will not be published. Required fields are marked *"
    )
    quotes = extract_article(text).quotes
    assert [q.text for q in quotes] == ["The harbour plan was approved"]


def test_offsets_still_point_into_the_raw_text_after_cleanup() -> None:
    text = (
        "Advertisement\n\nRead more\n\nTeaser Headline Here\n\n“We will build it,” said Mayor Ilse Marten.\n"
    )
    (quote,) = extract_article(text).quotes
    assert text[quote.start : quote.end] == "“We will build it,”"
