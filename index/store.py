"""Writing to the index: one writer at a time, one commit per batch, idempotent.

Whoosh allows one writer per index and fails at once when its lock is held;
``IndexStore`` serialises writers inside the process with a lock and waits
(bounded) for Whoosh's file lock across processes, so callers never see a
LockError. An article is skipped when its id (a hash of its text) is already
there, which makes re-ingesting a folder, or re-running a batch after a
crash, a no-op for what was already committed.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import whoosh.codec
from whoosh import index as whoosh_index
from whoosh.fields import Schema
from whoosh.index import FileIndex
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter, LockError

from extract.models import Country, ExtractedArticle, Quote, Speaker
from extract.registry import PersonRecord, Registry, fold
from index import merge as streaming_merge
from index import parallel_merge, postings, whoosh_patches
from index.fields import ARTICLE, PERSON, QUOTE, build_schema
from index.models import Appearance, ArticleRecord, QuoteRecord
from index.parallel_merge import MergePolicy

whoosh_patches.apply()
streaming_merge.apply()
postings.apply()

INDEX_NAME = "quotesearch"
_WORD = re.compile(r"\w+")


class IndexBusyError(RuntimeError):
    """Another process held the index's write lock for longer than the timeout."""


def quote_id(speaker_id: str | None, text: str) -> str:
    """The same words from the same speaker are one quote, whichever outlet reported them."""
    words = " ".join(_WORD.findall(fold(text)))
    key = f"{speaker_id or ''}\x00{words}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def sort_day(value: date | None) -> int:
    """Days since 1970, for date order and date filters; 0 when unknown, so undated items sort last
    when newest-first and match no date range."""
    return (value - date(1970, 1, 1)).days if value else 0


def country_key(country: Country | None) -> str | None:
    """How a country is indexed and identified: its ISO code, or its folded name when it has none."""
    return (country.code or fold(country.name)) if country else None


def quote_fields(
    record: QuoteRecord, speaker: PersonRecord | None, mentions: list[PersonRecord]
) -> dict[str, Any]:
    """The Whoosh document of a quote: searchable fields plus the record as payload."""
    return {
        "id": f"{QUOTE}:{record.id}",
        "doctype": QUOTE,
        "text": record.text,
        "pairs": record.text,
        "speaker": " ".join([speaker.name, *speaker.aliases]) if speaker else None,
        "speaker_id": record.speaker_id,
        "mentions": " ".join(p.name for p in mentions) or None,
        "mention_ids": ",".join(record.mention_ids) or None,
        "office": fold(record.office) if record.office else None,
        "country": country_key(record.country),
        "stance": record.stance.stance.value,
        "topic": record.stance.topic,
        "kind": record.kind.value,
        "article_ids": ",".join(a.article_id for a in record.appearances),
        "published_sort": sort_day(record.published_at),
        "payload": record.model_dump_json(),
    }


def article_fields(record: ArticleRecord) -> dict[str, Any]:
    return {
        "id": f"{ARTICLE}:{record.id}",
        "doctype": ARTICLE,
        "title": record.title,
        "body": record.text,
        "published_sort": sort_day(record.published_at),
        "payload": record.model_dump_json(),
    }


def person_fields(record: PersonRecord) -> dict[str, Any]:
    return {
        "id": f"{PERSON}:{record.id}",
        "doctype": PERSON,
        "name": " ".join([record.name, *record.aliases]),
        "office": ",".join(fold(o) for o in record.offices) or None,
        "country": country_key(record.country),
        "payload": record.model_dump_json(),
    }


def _clean(fields: dict[str, Any], schema: Schema) -> dict[str, Any]:
    """The fields with a value that ``schema`` has: an index made before a field was added keeps
    taking documents (without it; searches that would use it fall back to what it has)."""
    return {k: v for k, v in fields.items() if v is not None and k in schema}


_commits: dict[str, int] = {}  # commits made by this process, per index folder


class IndexStore:
    """The index directory: opening it, and adding articles to it."""

    def __init__(
        self,
        path: Path,
        lock_timeout: float = 30.0,
        readonly: bool = False,
        group_commits: bool = True,
        group_after: float = 0.5,
        bulk: bool = False,
    ) -> None:
        """Open the index at ``path``, creating it unless ``readonly`` (a read-only mount must exist).

        ``group_commits``: under a backlog of ``group_after`` seconds, concurrent
        ``ingest`` calls share one commit (see ``ingest``).
        ``bulk``: a bulk loader's store, which keeps the id of every document
        in the index in memory (about 70 bytes each), so that a
        commit looks up only those already stored rather than every new one,
        in every segment: 100 us each in the 14 segments of a 10^5-quote bulk
        load before its final merge, against 18 us in one.
        """
        self.path = path
        self.group_commits = group_commits
        self.group_after = group_after
        self.lock_timeout = lock_timeout
        self.readonly = readonly
        self._write_lock = threading.Lock()
        self._group_lock = threading.Lock()  # held by the thread committing a group of batches
        self._queue_lock = threading.Lock()
        self._queue: list[_Ticket] = []
        # (generation, registry) after this store's last commit: saves re-reading every person per ingest
        self._people: tuple[int, Registry] | None = None
        # (generation, ids of the documents stored) after this store's last commit, if ``bulk``
        self._ids: tuple[int, set[str]] | None = None
        self.bulk = bulk
        self._key = str(path.resolve())
        if readonly:
            self.index: FileIndex = whoosh_index.open_dir(str(path), indexname=INDEX_NAME, readonly=True)
            return
        path.mkdir(parents=True, exist_ok=True)
        if whoosh_index.exists_in(str(path), indexname=INDEX_NAME):
            self.index = whoosh_index.open_dir(str(path), indexname=INDEX_NAME)
        else:
            self.index = whoosh_index.create_in(str(path), build_schema(), indexname=INDEX_NAME)

    @staticmethod
    def exists(path: Path) -> bool:
        return path.is_dir() and whoosh_index.exists_in(str(path), indexname=INDEX_NAME)

    def local_commits(self) -> int:
        """How many commits this process has made to this index folder, through any ``IndexStore``."""
        return _commits.get(self._key, 0)

    def generation(self) -> int:
        """Grows by one with every commit; caches key on it."""
        return int(self.index.latest_generation())

    def doc_count(self) -> int:
        return int(self.index.doc_count())

    def count(self, doctype: str) -> int:
        """How many articles, quotes or people the last commit holds."""
        with self.index.searcher() as searcher:
            return int(searcher.doc_frequency("doctype", doctype))

    @contextmanager
    def _writer(
        self, procs: int = 1, merge: bool = True, mergetype: MergePolicy | None = None
    ) -> Iterator[IndexWriter]:
        """A writer holding the index lock, committed (with ``merge`` or the policy ``mergetype``)
        when the block ends, or cancelled, leaving the index as it was, if the block or the commit fails."""
        with self._write_lock:
            options: dict[str, Any] = {}
            if procs > 1:
                # each process writes its own segment; merging them is left to later commits
                options.update(procs=procs, multisegment=True)
            if not merge:
                # a bulk load's segments, read once by its final merge: their postings are not
                # compressed (zlib both ways); what the merge writes is (10^5 build 83.8 -> 78.1 s)
                options.update(codec=whoosh.codec.default_codec(compression=0))
            try:
                writer = self.index.writer(timeout=self.lock_timeout, delay=0.05, **options)
            except LockError as e:
                raise IndexBusyError(f"index {self.path} is locked by another writer") from e
            try:
                yield writer
                writer.commit(merge=merge, mergetype=mergetype)
            except BaseException:
                if not writer.is_closed:
                    writer.cancel()
                raise
            _commits[self._key] = _commits.get(self._key, 0) + 1

    def optimize(self, procs: int = 1) -> None:
        """Merge every segment into ``procs`` segments, each merged in a process of its own.

        One segment searches fastest; with ``procs`` > 1 the merge, a bulk
        load's longest single step, runs on that many cores instead of one and
        leaves that many segments (``index.parallel_merge``).
        """
        with self._writer(mergetype=parallel_merge.merge_policy(procs)):
            pass

    def ingest(
        self, batch: Iterable[ExtractedArticle], procs: int = 1, merge: bool = True
    ) -> list[ArticleRecord]:
        """Add every article not yet indexed, in one commit; returns the stored records of all of them.

        Quotes already stored (same speaker, same words) gain an appearance
        instead of a duplicate; people gain aliases and offices. ``procs`` > 1
        indexes a large batch on that many processes (one new segment each),
        each holding its share's postings in memory (``index.postings.TermPool``).
        ``merge=False`` leaves the index's small segments unmerged, and their
        postings uncompressed, for a bulk load that merges everything once at
        the end (``optimize``).

        Under a backlog (``group_commits``, on by default): when the batch that
        has waited longest for the writer has waited ``group_after`` seconds,
        every waiting batch is committed together. One commit per ingest caps
        the API's ingest rate at a few per second; in the soak test, ingests
        queued for 2.5-5 s (p50) and timed out. Without a backlog it is still one
        commit per batch. Each caller returns only once its own articles are
        committed; if a group's commit fails, each batch is retried alone.
        """
        if procs > 1 or not merge or not self.group_commits:
            return self._commit([list(batch)], procs, merge)[0]
        ticket = _Ticket(list(batch))
        with self._queue_lock:
            self._queue.append(ticket)
        with self._group_lock:
            if ticket.results is None and ticket.error is None:
                with self._queue_lock:
                    if self._queue and time.monotonic() - self._queue[0].queued >= self.group_after:
                        group, self._queue = self._queue, []
                    else:
                        group = [ticket]
                        self._queue.remove(ticket)
                try:
                    for waiting, results in zip(group, self._commit([t.items for t in group]), strict=True):
                        waiting.results = results
                except Exception:
                    if len(group) == 1:
                        raise
                    for waiting in group:  # one bad batch must not fail the others
                        if waiting is not ticket:
                            try:
                                waiting.results = self._commit([waiting.items])[0]
                            except Exception as e:
                                waiting.error = e
                    ticket.results = self._commit([ticket.items])[0]
        if ticket.error is not None:
            raise ticket.error
        assert ticket.results is not None
        return ticket.results

    def _commit(
        self, batches: list[list[ExtractedArticle]], procs: int = 1, merge: bool = True
    ) -> list[list[ArticleRecord]]:
        # the people as this process's last commit left them, if nothing was committed since
        cached, self._people = self._people, None
        cached_ids, self._ids = self._ids, None
        with self._writer(procs, merge) as writer, self.index.searcher() as searcher:
            generation = searcher.reader().generation()
            registry = cached[1] if cached and cached[0] == generation else None
            stored_ids = cached_ids[1] if cached_ids and cached_ids[0] == generation else None
            if self.bulk and stored_ids is None:
                stored_ids = _stored_ids(searcher)
            batch_writer = _Batch(searcher, registry, stored_ids)
            results = [[batch_writer.add(extracted) for extracted in batch] for batch in batches]
            batch_writer.write(writer)
        written = getattr(writer, "generation", None)
        if isinstance(written, int):
            self._people = (written, batch_writer.registry)
            if stored_ids is not None:
                stored_ids.update(batch_writer.written_ids())
                self._ids = (written, stored_ids)
        return results


class _Ticket:
    """One caller's batch waiting for a group commit, and what became of it."""

    def __init__(self, items: list[ExtractedArticle]) -> None:
        self.items = items
        self.queued = time.monotonic()
        self.results: list[ArticleRecord] | None = None
        self.error: Exception | None = None


def _stored(searcher: Searcher, doc_id: str) -> dict[str, Any] | None:
    fields = searcher.document(id=doc_id)
    return json.loads(fields["payload"]) if fields else None


def _stored_ids(searcher: Searcher) -> set[str]:
    """Every document id in the index's terms: a superset of the live ones (a deleted document's
    id stays a term until its segment is merged), which is all a "maybe stored" test needs."""
    return {term.decode("utf-8") for term in searcher.reader().lexicon("id")}


class _Batch:
    """Everything one commit writes, merged in memory so each document is written once."""

    def __init__(
        self, searcher: Searcher, registry: Registry | None = None, stored_ids: set[str] | None = None
    ) -> None:
        """``registry``: the people as of ``searcher``'s generation, if known (else read from the index).
        ``stored_ids``: every article and quote id stored as of that generation, if known (or more)."""
        self.searcher = searcher
        self.stored_ids = stored_ids
        if registry is None:
            people = [
                PersonRecord.model_validate_json(f["payload"]) for f in searcher.documents(doctype=PERSON)
            ]
            registry = Registry(people)
        self.registry = registry
        self.known_people = {p.id for p in registry.people()}
        self.articles: dict[str, ArticleRecord] = {}
        self.quotes: dict[str, QuoteRecord] = {}
        self.stored_quotes: set[str] = set()  # quotes already in the index: replaced, not added
        self.people: set[str] = set()

    def add(self, extracted: ExtractedArticle) -> ArticleRecord:
        article = extracted.article
        if article.id in self.articles:
            return self.articles[article.id]
        existing = self._stored(f"{ARTICLE}:{article.id}")
        if existing is not None:
            return ArticleRecord.model_validate(existing)
        quote_ids = list(
            dict.fromkeys(self._add_quote(article.id, article.published_at, q) for q in extracted.quotes)
        )
        record = ArticleRecord(**article.model_dump(), quote_ids=quote_ids)
        self.articles[article.id] = record
        return record

    def _stored(self, doc_id: str) -> dict[str, Any] | None:
        if self.stored_ids is not None and doc_id not in self.stored_ids:
            return None
        return _stored(self.searcher, doc_id)

    def written_ids(self) -> set[str]:
        """The ids of the articles and quotes this batch writes."""
        return {f"{ARTICLE}:{a}" for a in self.articles} | {f"{QUOTE}:{q}" for q in self.quotes}

    def _mentioned(self, name: str) -> PersonRecord | None:
        """A person named inside a quote: a known one, or a new one when the name is a full name.

        A lone word ("Macron") only refers to someone already known; it is too
        often not a person at all to start a record of its own.
        """
        known = self.registry.find(name)
        if known or len(name.split()) < 2:
            return known
        return self.registry.resolve(Speaker(name=name))

    def _add_quote(self, article_id: str, published: date | None, quote: Quote) -> str:
        speaker = self.registry.resolve(quote.speaker) if quote.speaker else None
        mentioned = [p for p in (self._mentioned(name) for name in quote.mentions) if p]
        self.people.update(p.id for p in [*([speaker] if speaker else []), *mentioned])
        qid = quote_id(speaker.id if speaker else None, quote.text)
        record = self.quotes.get(qid)
        if record is None:
            stored = self._stored(f"{QUOTE}:{qid}")
            if stored:
                self.stored_quotes.add(qid)
            record = (
                QuoteRecord.model_validate(stored)
                if stored
                else QuoteRecord(
                    id=qid,
                    text=quote.text,
                    kind=quote.kind,
                    speaker_id=speaker.id if speaker else None,
                    speaker_name=speaker.name if speaker else None,
                    office=quote.speaker.office.name if quote.speaker and quote.speaker.office else None,
                    country=quote.speaker.country if quote.speaker else None,
                    stance=quote.stance,
                    mention_ids=[p.id for p in mentioned],
                )
            )
        appearance = Appearance(article_id=article_id, start=quote.start, end=quote.end, cue=quote.cue)
        if appearance not in record.appearances:
            dates = [d for d in (record.published_at, published) if d]
            record = record.model_copy(
                update={
                    "appearances": [*record.appearances, appearance],
                    "published_at": min(dates, default=None),
                }
            )
        self.quotes[qid] = record
        return qid

    def write(self, writer: IndexWriter) -> None:
        """Add what is new; replace (a slower delete-then-add) only what the index already held."""
        for article in self.articles.values():
            writer.add_document(**_clean(article_fields(article), writer.schema))
        for record in self.quotes.values():
            speaker = self.registry.get(record.speaker_id) if record.speaker_id else None
            mentioned = [p for p in (self.registry.get(i) for i in record.mention_ids) if p]
            put = writer.update_document if record.id in self.stored_quotes else writer.add_document
            put(**_clean(quote_fields(record, speaker, mentioned), writer.schema))
        for person_id in self.people:
            person = self.registry.get(person_id)
            if person:
                put = writer.update_document if person_id in self.known_people else writer.add_document
                put(**_clean(person_fields(person), writer.schema))
