"""Navigating the graph and fetching objects by global id."""

from starlette.testclient import TestClient

from tests.graphql_client import data, error_codes, gql


def test_quote_links_to_speaker_office_country_articles_and_mentions(client: TestClient) -> None:
    query = """{ quotes(mentions: "Kowalczyk") { edges { node {
        text kind stanceConfidence stanceEvidence topic { id name }
        speaker { name aliases offices { name } country { name code } }
        office { name } country { code }
        mentions { name }
        appearances { start end cue article { title text } }
        articles { title outlet publishedAt }
    } } } }"""
    node = data(client, query)["quotes"]["edges"][0]["node"]
    assert node["speaker"]["name"] == "Jörg Müller"
    assert node["speaker"]["offices"] == [{"name": "Defense Minister"}]
    assert node["country"] == {"code": "DE"}
    assert node["mentions"] == [{"name": "Anna Kowalczyk"}]
    assert node["topic"]["id"] == "troops-abroad"
    appearance = node["appearances"][0]
    assert appearance["article"]["text"][appearance["start"] : appearance["end"]] == node["text"]
    assert node["articles"] == [
        {"title": "Poland rules out troops", "outlet": "Daily Ledger", "publishedAt": "2024-03-01"}
    ]


def test_one_quote_reported_twice_has_two_appearances(client: TestClient) -> None:
    query = (
        '{ quotes(query: "Freedonia") { totalCount edges { node { appearances { article { title } } } } } }'
    )
    result = data(client, query)["quotes"]
    assert result["totalCount"] == 1
    titles = {a["article"]["title"] for a in result["edges"][0]["node"]["appearances"]}
    assert titles == {"Poland rules out troops", "Berlin weighs trainers"}


def test_person_quotes_and_stance_summary(client: TestClient) -> None:
    query = """{ people(name: "Muller") { edges { node { name
        quotes(stance: SUPPORT) { totalCount }
        stanceSummary { topic { id } total counts { stance count } } } } } }"""
    person = data(client, query)["people"]["edges"][0]["node"]
    assert person["quotes"]["totalCount"] == 1
    assert person["stanceSummary"] == [
        {
            "topic": {"id": "troops-abroad"},
            "total": 27,
            "counts": [{"stance": "NEUTRAL", "count": 26}, {"stance": "SUPPORT", "count": 1}],
        }
    ]


def test_country_people_and_office_holders(client: TestClient) -> None:
    query = """{ countries { totalCount edges { node { code people { edges { node { name } } }
                                                             quotes { totalCount } } } }
                 offices { edges { node { name
                                          holders(first: 5) { totalCount edges { node { name } } } } } } }"""
    result = data(client, query)
    countries = {e["node"]["code"]: e["node"] for e in result["countries"]["edges"]}
    assert countries["DE"]["people"]["edges"] == [{"node": {"name": "Jörg Müller"}}]
    assert countries["DE"]["quotes"]["totalCount"] == 27
    offices = {e["node"]["name"]: e["node"]["holders"] for e in result["offices"]["edges"]}
    assert offices["Prime Minister"] == {"totalCount": 1, "edges": [{"node": {"name": "Anna Kowalczyk"}}]}


def test_article_search_and_its_quotes(client: TestClient) -> None:
    query = '{ articles(query: "Berlin") { totalCount edges { node { title quotes { totalCount } } } } }'
    result = data(client, query)["articles"]
    assert result["totalCount"] == 1
    assert result["edges"][0]["node"] == {"title": "Berlin weighs trainers", "quotes": {"totalCount": 3}}


def test_every_node_type_round_trips_through_node_and_nodes(client: TestClient) -> None:
    query = """{ quotes(person: "Kowalczyk") { edges { node { id speaker { id country { id } offices { id } }
                 articles { id } } } } }"""
    node = data(client, query)["quotes"]["edges"][0]["node"]
    ids = [
        node["id"],
        node["speaker"]["id"],
        node["speaker"]["country"]["id"],
        node["speaker"]["offices"][0]["id"],
    ]
    ids.append(node["articles"][0]["id"])
    for global_id in ids:
        fetched = data(client, "query($id: ID!) { node(id: $id) { id __typename } }", id=global_id)["node"]
        assert fetched["id"] == global_id
    many = data(client, "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", ids=ids)["nodes"]
    assert [n["id"] for n in many] == ids


def test_quotes_of_one_article_by_its_id(client: TestClient) -> None:
    article_id = data(client, '{ articles(query: "Berlin") { edges { node { id } } } }')["articles"]["edges"][
        0
    ]
    query = "query($id: ID!) { quotes(articleId: $id, first: 50) { totalCount } }"
    assert data(client, query, id=article_id["node"]["id"])["quotes"]["totalCount"] == 3


def test_an_article_id_of_the_wrong_type_is_bad_input(client: TestClient) -> None:
    person = data(client, "{ people { edges { node { id } } } }")["people"]["edges"][0]["node"]["id"]
    body = gql(client, "query($id: ID!) { quotes(articleId: $id) { totalCount } }", id=person)
    assert error_codes(body) == ["BAD_USER_INPUT"]


def test_topics_come_from_the_topics_file(client: TestClient) -> None:
    assert data(client, "{ topics { id name } }")["topics"] == [
        {"id": "troops-abroad", "name": "Troops abroad"}
    ]


def test_an_articles_quotes_come_in_text_order_and_page_backwards(client: TestClient) -> None:
    query = """{ articles(query: "Berlin") { edges { node {
        all: quotes { edges { node { text } } }
        tail: quotes(last: 2) { edges { node { text } } pageInfo { hasPreviousPage } } } } } }"""
    article = data(client, query)["articles"]["edges"][0]["node"]
    texts = [e["node"]["text"] for e in article["all"]["edges"]]
    assert texts == [
        "Sending trainers is a reasonable step,",
        "We will not send soldiers to Freedonia,",  # one quote across outlets: the first report's words
        "the talks were productive and calm",
    ]
    assert [e["node"]["text"] for e in article["tail"]["edges"]] == texts[1:]
    assert article["tail"]["pageInfo"]["hasPreviousPage"] is True


def test_an_unknown_article_or_topic_is_not_found(client: TestClient) -> None:
    missing_article = "QXJ0aWNsZTpub3BlCg=="  # Article:nope
    body = gql(client, "query($id: ID!) { quotes(articleId: $id) { totalCount } }", id=missing_article)
    assert error_codes(body) == ["NOT_FOUND"]
    body = gql(client, '{ quotes(topic: "no-such-topic") { totalCount } }')
    assert error_codes(body) == ["NOT_FOUND"]
    assert "troops-abroad" in body["errors"][0]["message"]
