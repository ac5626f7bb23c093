"""A synthetic English news corpus, deterministic by seed, for benchmarks.

Articles read like wire copy: a headline, a standfirst, narrative paragraphs and
quotes, direct ("“...,” the minister said.") and reported ("X said that ..."),
with varied cue verbs. A few thousand invented people hold offices in real
countries (from pycountry); quotes take a stance on a handful of topics. Word
frequencies follow a Zipf law over real news words plus a long tail of invented
words, so common terms match a large share of quotes and rare terms a handful,
as in real text.

Because the generator knows where it put every quote and who said it, it can
also emit the ``ExtractedArticle`` records directly, so a 10^6-quote index can
be built without running extraction over a hundred thousand articles.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from itertools import accumulate

import pycountry

from extract.models import (
    Article,
    Country,
    ExtractedArticle,
    Office,
    Quote,
    QuoteKind,
    Speaker,
    Stance,
    StanceResult,
)


def _split(words: str) -> tuple[str, ...]:
    return tuple(words.split())


FIRST_NAMES = _split(
    "Anna Hanno Emmanuel Olaf Maria Jonas Sofia Lukas Elena Mateo Amara Kenji Aiko Ravi Priya Omar Leila "
    "Tomas Ingrid Pieter Katarzyna Radoslaw Dmitro Oksana Giorgia Pedro Lucia Ahmed Fatima Chen Wei Mei "
    "Juan Isabel Andrzej Agnieszka Mikael Astrid Nikos Eleni Kwame Ama Tunde Ngozi Hiroshi Yuki Arjun "
    "Sunita Jean Claire Karl Greta Viktor Zuzana Mark Kaja Gabrielius Ruta Antti Sanna Jens Mette Hakan "
    "Ayse Liam Siobhan Carlos Valentina Ivan Natalia Peter Laura Daniel Sarah Michael Julia Thomas Helena "
    "Francesca Marco Sergio Beatriz Rafael Camila Ahmet Elif Yusuf Zeynep Samuel Grace David Rachel"
)
LAST_NAMES = _split(
    "Pevkur Macron Tusk Sikorski Anušauskas Kallas Scholz Meloni Sánchez Stoltenberg Rutte Orbán Fico "
    "Nausėda Karis Stubb Frederiksen Kristersson Støre Costa Mitsotakis Erdoğan Ramaphosa Tinubu Kishida "
    "Modi Lula Milei Sheinbaum Albanese Luxon Trudeau Petrov Kowalski Novak Horvat Jansen Dubois Rossi "
    "García Müller Schmidt Nowak Kovačević Popescu Ivanova Lindqvist Virtanen Hansen Andersen Nielsen "
    "Okafor Mensah Adeyemi Tanaka Suzuki Sato Yamamoto Kim Park Lee Nguyen Tran Singh Sharma Patel Khan "
    "Haddad Mansour Cohen Levi Silva Santos Pereira Oliveira Fernández López Martínez Romero Kuznetsov "
    "Smirnov Volkov Sokolova Bondarenko Shevchenko Melnyk Kravchenko Tkachenko Marchetti Bianchi Lefebvre"
)
OFFICES = (
    "President",
    "Prime Minister",
    "Defense Minister",
    "Foreign Minister",
    "Finance Minister",
    "Interior Minister",
    "Energy Minister",
    "Health Minister",
    "Chancellor",
    "Secretary General",
    "Senator",
    "Spokesperson",
    "Ambassador",
    "Opposition Leader",
    "Central Bank Governor",
    "Chief of Staff",
    "Mayor",
    "Economy Minister",
)
OUTLETS = (
    "Reuters",
    "Associated Press",
    "AFP",
    "Die Presse",
    "Le Monde",
    "The Guardian",
    "Politico",
    "Bloomberg",
    "ERR News",
    "Kyiv Independent",
    "Financial Times",
    "El País",
)
NEWS_COUNTRIES = _split(
    "US UA RU DE FR GB PL EE LV LT FI SE NO DK NL BE IT ES PT GR TR HU SK CZ RO CN JP IN BR ZA NG IL"
)
CUES = ("said", "told reporters", "insisted", "warned", "argued", "claimed", "added", "stressed", "noted")
REPORTED_CUES = ("said", "argued", "claimed", "warned", "insisted", "stressed", "suggested", "noted")
DAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "at the weekend", "")

# Real words of news copy, most frequent first; the Zipf law weights them by rank.
NEWS_WORDS = _split(
    "government country people year support security military president minister war state time troops "
    "economy policy public forces plan law officials week official deal talks nation border countries "
    "defense budget sanctions energy prices talks help crisis election party parliament leaders decision "
    "peace vote report world region future power change issue members allies aid market workers companies "
    "health care system rights move conflict agreement weapons ukraine russia europe union trade growth "
    "tax funding alliance migration climate emissions coal gas oil nuclear missile drone attack ceasefire "
    "negotiations summit treaty reform jobs inflation interest rates housing schools hospitals police "
    "courts judges justice investigation corruption protest strike farmers industry investment debt "
    "deficit spending cuts pensions wages families children students universities research technology "
    "artificial intelligence regulation data privacy internet platforms media press freedom democracy "
    "opposition coalition referendum constitution sovereignty independence territory occupation refugees "
    "humanitarian corridor reconstruction infrastructure railway ports shipping grain exports imports "
    "tariffs supply chains shortage demand production factories steel automobile electric vehicles "
    "batteries solar wind hydrogen grid blackout winter personnel instructors advisers training soldiers "
    "battalion brigade deployment contingent mission commitment responsibility obligation pressure threat "
    "risk escalation deterrence stability cooperation partnership dialogue consensus compromise proposal "
    "initiative strategy framework measures package tranche billion million percent figure estimate "
    "forecast quarter month decade history moment question answer position view concern warning signal "
    "message statement interview conference meeting session hearing committee council commission agency "
    "ministry department capital city village province district coast island river mountain north south "
    "east west"
)
SYLLABLES = _split(
    "ka ri mo ten sul bar vin dor el ast pol gren mak tu zor fel quin ber lo sam ith und rav cel"
)
FILLER = _split(
    "the a of to in and that for on with as by at from it this will has have was were be not but its "
    "their our we they he she would could should must may can more most than also after before about over "
    "under between against during while because since already still only even very"
)

STANCE_TEMPLATES = {
    Stance.SUPPORT: (
        "we must {action} {term} as soon as possible",
        "I fully support the plan to {action} {term}",
        "there is no alternative but to {action} {term}",
        "we are ready to {action} {term} if our partners agree",
    ),
    Stance.OPPOSE: (
        "we will never {action} {term} under any circumstances",
        "I reject any plan to {action} {term}",
        "there are no plans to {action} {term} and there will not be",
        "it would be a grave mistake to {action} {term}",
    ),
    Stance.NEUTRAL: (
        "the question of {term} is being discussed with our allies",
        "we have not yet taken a decision on {term}",
        "the debate about {term} will continue next week",
    ),
}


@dataclass(frozen=True)
class TopicSpec:
    id: str
    terms: tuple[str, ...]
    actions: tuple[str, ...]


TOPICS = (
    TopicSpec(
        "western-troops-in-ukraine",
        ("troops to Ukraine", "military personnel to Ukraine", "instructors to Ukraine"),
        ("send", "deploy"),
    ),
    TopicSpec("carbon-tax", ("a carbon tax", "a levy on emissions", "a tax on coal"), ("introduce", "raise")),
    TopicSpec("nato-enlargement", ("new members into NATO", "the alliance's expansion"), ("admit", "back")),
    TopicSpec("ai-regulation", ("artificial intelligence rules", "limits on AI models"), ("adopt", "pass")),
    TopicSpec("migration-pact", ("the migration pact", "new asylum quotas"), ("approve", "sign")),
)


@dataclass(frozen=True)
class Person:
    name: str
    office: str
    country: str
    code: str

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    def speaker(self) -> Speaker:
        return Speaker(
            name=self.name,
            office=Office(name=self.office),
            country=Country(name=self.country, code=self.code),
            aliases=(self.surname,),
        )


def _zipf_weights(n: int, exponent: float = 1.0) -> list[float]:
    return list(accumulate(1.0 / (rank**exponent) for rank in range(1, n + 1)))


class Generator:
    """Articles and their ground-truth quotes, the same for the same seed."""

    def __init__(
        self,
        seed: int = 0,
        people: int = 3000,
        words_per_article: int = 800,
        quotes_per_article: int = 8,
        rare_words: int = 20_000,
    ) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.words_per_article = words_per_article
        self.quotes_per_article = quotes_per_article
        rng = random.Random(seed ^ 0x5EED)
        # most news is about a few dozen countries: those come first (most weight), the rest in the tail
        countries = sorted(pycountry.countries, key=lambda c: c.alpha_2)
        rng.shuffle(countries)
        head = {code: i for i, code in enumerate(NEWS_COUNTRIES)}
        countries.sort(key=lambda c: head.get(c.alpha_2, len(head)))
        self.countries = countries
        country_weights = _zipf_weights(len(countries), 1.1)
        names: set[str] = set()
        self.people: list[Person] = []
        while len(self.people) < people:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            if name in names:
                if len(names) >= len(FIRST_NAMES) * len(LAST_NAMES) // 2:
                    name = f"{name}-{rng.choice(LAST_NAMES)}"
                else:
                    continue
            names.add(name)
            country = rng.choices(countries, cum_weights=country_weights)[0]
            office = rng.choice(OFFICES)
            self.people.append(Person(name, office, str(country.name), str(country.alpha_2)))
        self.people_weights = _zipf_weights(len(self.people), 0.9)
        tail: set[str] = set()
        while len(tail) < rare_words:
            word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
            if word not in NEWS_WORDS:
                tail.add(word)
        self.rare = sorted(tail)
        rng.shuffle(self.rare)
        self.news_weights = _zipf_weights(len(NEWS_WORDS), 0.8)
        self.rare_weights = _zipf_weights(len(self.rare), 1.0)
        self.start_date = date(2022, 1, 1)

    # -- words ------------------------------------------------------------------

    def _words(self, n: int) -> list[str]:
        """``n`` words of running text: content words by Zipf rank, function words between."""
        rng = self.rng
        content = rng.choices(NEWS_WORDS, cum_weights=self.news_weights, k=n)
        tail = rng.choices(self.rare, cum_weights=self.rare_weights, k=n)
        filler = rng.choices(FILLER, k=n)
        kind = rng.choices((0, 1, 2), weights=(45, 50, 5), k=n)
        return [(f, c, t)[k] for c, t, f, k in zip(content, tail, filler, kind, strict=True)]

    def _sentence(self, n: int) -> str:
        words = self._words(n)
        return " ".join(words).capitalize() + "."

    def _person(self) -> Person:
        return self.rng.choices(self.people, cum_weights=self.people_weights)[0]

    def _quote_words(self) -> tuple[str, Stance, str | None, float]:
        """The quoted words, their stance, topic and confidence."""
        rng = self.rng
        topic = rng.choice(TOPICS) if rng.random() < 0.6 else None
        if topic is None:
            text = " ".join(self._words(rng.randint(15, 35)))
            return text, Stance.NEUTRAL, None, 0.0
        stance = rng.choices(list(STANCE_TEMPLATES), weights=(35, 35, 30))[0]
        clause = rng.choice(STANCE_TEMPLATES[stance]).format(
            action=rng.choice(topic.actions), term=rng.choice(topic.terms)
        )
        before = " ".join(self._words(rng.randint(0, 12)))
        after = " ".join(self._words(rng.randint(3, 15)))
        text = " ".join(p for p in (before, clause, "because", after) if p)
        return text, stance, topic.id, round(rng.uniform(0.55, 0.95), 2)

    # -- articles ---------------------------------------------------------------

    def article(self, number: int) -> ExtractedArticle:
        """Article ``number`` of this seed's corpus, with every quote in it."""
        rng = self.rng = random.Random(f"{self.seed}:{number}")
        published = self.start_date + timedelta(days=rng.randint(0, 3 * 365))
        lead = self._person()
        topic = rng.choice(TOPICS)
        title = f"{lead.office} {lead.surname} {rng.choice(CUES[3:])} on {rng.choice(topic.terms)}"
        standfirst = self._sentence(rng.randint(14, 24))
        parts = [title, "", standfirst, ""]
        offset = sum(len(p) + 1 for p in parts)
        quotes: list[Quote] = []
        words = len(title.split()) + len(standfirst.split())
        n_quotes = max(1, int(rng.gauss(self.quotes_per_article, 2)))
        slots = sorted(rng.sample(range(max(n_quotes * 2, 12)), n_quotes))
        paragraph = 0
        while words < self.words_per_article or slots:
            if slots and slots[0] <= paragraph:
                slots.pop(0)
                speaker = lead if rng.random() < 0.4 else self._person()
                text, quote = self._quote_paragraph(speaker, offset, lead, published)
                quotes.append(quote)
            else:
                text = " ".join(self._sentence(rng.randint(12, 28)) for _ in range(rng.randint(2, 4)))
            parts.extend([text, ""])
            offset += len(text) + 2
            words += len(text.split())
            paragraph += 1
        body = "\n".join(parts).rstrip() + "\n"
        outlet = rng.choice(OUTLETS)
        article = Article(
            id=Article.id_for(body),
            text=body,
            title=title,
            outlet=outlet,
            url=f"https://news.example/{self.seed}/{number}",
            published_at=published,
            source=f"{number:07d}.txt",
        )
        return ExtractedArticle(article=article, quotes=quotes)

    def _quote_paragraph(
        self, speaker: Person, offset: int, lead: Person, published: date
    ) -> tuple[str, Quote]:
        rng = self.rng
        words, stance, topic, confidence = self._quote_words()
        direct = rng.random() < 0.65
        mention = self._person().name if rng.random() < 0.15 else None
        if mention:
            words = f"{words} as {mention} said"
        day = rng.choice(DAYS)
        if direct:
            cue = rng.choice(CUES)
            who = rng.choice(
                (f"{speaker.office} {speaker.name}", speaker.surname, f"the {speaker.office.lower()}")
                if speaker is lead
                else (f"{speaker.office} {speaker.name}", f"{speaker.name}, the {speaker.office.lower()}")
            )
            if rng.random() < 0.5:
                head = "“"
                tail = f",” {who} {cue}{' ' + day if day else ''}."
            else:
                head = f"{who[0].upper()}{who[1:]} {cue}{' ' + day if day else ''}: “"
                tail = ".”"
            kind = QuoteKind.DIRECT
            quoted = words[0].upper() + words[1:]
        else:
            cue = rng.choice(REPORTED_CUES)
            head = f"{speaker.office} {speaker.name} {cue}{' ' + day if day else ''} that "
            tail = "."
            kind = QuoteKind.INDIRECT
            quoted = words
        text = f"{head}{quoted}{tail}"
        start = offset + len(head)
        stance_result = StanceResult(
            stance=stance,
            confidence=confidence,
            topic=topic,
            evidence=tuple(w for w in quoted.split() if w in ("never", "reject", "support", "must"))[:3]
            if topic
            else (),
        )
        quote = Quote(
            text=quoted,
            start=start,
            end=start + len(quoted),
            kind=kind,
            speaker=speaker.speaker(),
            cue=cue,
            context=text,
            mentions=(mention,) if mention else (),
            stance=stance_result,
        )
        return text, quote

    def articles(self, count: int | None = None, quotes: int | None = None) -> Iterator[ExtractedArticle]:
        """The first ``count`` articles, or as many as hold at least ``quotes`` quotes."""
        number, total = 0, 0
        while (count is None or number < count) and (quotes is None or total < quotes):
            extracted = self.article(number)
            total += len(extracted.quotes)
            number += 1
            yield extracted

    # -- query material for the benchmark mix -------------------------------------

    @cached_property
    def frequent_people(self) -> list[Person]:
        """The most quoted people (Zipf head): person queries find many quotes."""
        return self.people[:50]

    def common_terms(self) -> list[str]:
        return list(NEWS_WORDS[:40])

    def mid_terms(self) -> list[str]:
        return list(NEWS_WORDS[60:160])

    def rare_terms(self) -> list[str]:
        """Invented words deep in the tail: each in a handful of quotes."""
        return self.rare[1500:1700]
