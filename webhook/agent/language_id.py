"""Which language a resident typed in, English or Welsh, so the bot can answer in it.

A `LanguageGuesser` is built from the library itself: the English and Welsh training phrases, responses,
prompts and topics of every intent, and the bot's own messages. Each word of a message is scored by how
much likelier it is in Welsh than in English (a log-likelihood ratio, naive Bayes): a word the library
uses is scored by its counts in each language, any other word by its character 1-4-grams (which know
that "ngorsaf" looks Welsh and "recylcing" English). Scores are capped, an unknown word's lower, and a
word both languages write ("i", "a", "at") never counts for much.

The costly mistake is answering an English speaker in Welsh (a Welsh speaker the bot missed can still
say "Cymraeg"), so the rules are lopsided, and built around the names of Welsh places, which English
speakers type all the time. Welsh needs strong evidence and no English grammar word ("the", "my",
"when"), and either a word of a Welsh sentence (a verb, question word, pronoun or possessive, which
names are not made of) or two Welsh words that are not the stuff of names ("treth cyngor"). So "bin day
in llanrumney" and "parking at heol y parc" stay English, and an address alone ("heol y parc") is
nobody's. Text with fewer than two words, with no word either language owns (a postcode, a reference,
an e-mail address, "ok", a name), or only greetings and thanks ("bore da", "thank you"), gets None.
"""

from __future__ import annotations

import math
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from webhook.library.annotations import AnnotationError, plain_text
from webhook.library.model import Library

ENGLISH = "en"
WELSH = "cy"

# Words both languages write once accents and apostrophes are gone: "i" and "a" (Welsh "to" and "and"),
# "o", "am", "at", "do" (yes), "hi" (she), "be" (what), "so", "does" (there isn't), "dim", "ma", "man" (a
# place), "cant" (a hundred), "or" (o'r), "on" (o'n), "in" (i'n), "im" (i'm), "id" (i'd), "an" (a'n), "is"
# (below). None is ever strong evidence, however the library's counts lean.
SHARED_WORDS = frozenset("i a o am at do hi be so does dim ma man cant or on in im id an is".split())
SHARED_CAP = 1.0

# Grammar words only English has (none of the shared words above), without the particles Welsh
# speakers borrow ("mae'r golau off", "up", "out").
ENGLISH_GRAMMAR = frozenset(
    """
    the my of for and but with from when whens where wheres what whats wot wat how why who whos which
    can could doesnt did didnt dont ive you your youre u ur it its this that thats these those are
    arent was wasnt were have havent has hasnt had will wont would should there theres their they them
    we our us he she his been by if about after before not just still please pls plz thanks thank need
    want get got into any some here hello me near outside opposite behind around
    """.split()
)

# Words of Welsh sentences that names are not made of: verbs and verb-nouns, question words, pronouns,
# possessives and negation, as residents type them (no accents or apostrophes, dialect forms too). Place
# and house names ("Heol y Parc", "Pen-y-bont ar Ogwr", "Bod Hyfryd", "Gwel y Mor", "Bryn yn Haul") are
# made of other words, so "y", "yr", "ar", "yn", "bod", "dan" and "gwel" are not here; nor are words
# English also writes: "beth" and "pam" (names), "chi" ("tai chi"), "be". Machine-drafted Welsh:
# review: needs-welsh-speaker.
WELSH_GRAMMAR = frozenset(
    """
    mae maer mar ma yw ywr ydy ydi ydir ydyn ydw ydwi ydych ydynt odi odir ody oes sydd sy syn roedd
    oedd bydd fydd fyddai dyw dydy dydi dwi dwin dw rwy rwyn wi win wyt ych chin ti fi nhw ni fy eich
    ein eu ei pryd sut shwt ble lle pwy faint pa mewn ac fod ir hwn hyn rhain drwy trwy wrth heddiw
    heddi nawr rwan fory yfory ddoe gen gennych gennyf ddim nid nad nag nac wedi di heb efo hefo gyda
    gyfer gan angen eisiau eisie isio isho isie ishe moyn hoffwn gallu gallaf alla allaf allwch allwn
    allech gallwch gallech galla ga gaf cael gael gwneud neud wneud gwybod gwbod hefyd neu ond os achos
    diolch iawn yma yna rhaid dylwn dylai talu casglu rhoi siarad gweld symud cofrestru apelio archebu
    gwagio trwsio cysylltu ffonio helpu mynd dod methu
    """.split()
)

# Words Welsh names of places, streets, houses, schools and buildings are made of ("Heol y Parc", "Ty
# Gwyn", "Ysgol Gyfun Gymraeg", "Neuadd y Sir"). A Welsh phrase with no sentence word in it ("treth
# cyngor", "casgliad gwastraff gardd") is Welsh only if it has two Welsh words besides these: an English
# speaker may type an address alone, in answer to "which street?". Machine-drafted: review:
# needs-welsh-speaker.
WELSH_NAME_WORDS = frozenset(
    """
    y yr ar yn ym yng i a o heol ffordd stryd lon rhodfa cilgant clos teras sgwar maes parc bryn pen ty
    tyr tai cwm coed nant llan pont bont afon tre tref dref glan cae caer plas bod dan uwch is isaf
    uchaf newydd hen bach fach fawr mawr gwyn wen du ddu coch goch glas las gwyrdd werdd llys eglwys
    capel ysgol castell mynydd fynydd bro canolfan hamdden neuadd sir gymraeg cymraeg gyfun gynradd
    hafod rhiw graig craig gerddi ffynnon rhos waun gwaun min gwel tan tir mor don llyn ynys cefn
    blaen awel haul hyfryd deg teg derwen celyn eithin
    """.split()
)

# Greetings, thanks and yes or no: English speakers in Wales say "bore da" and "diolch", Welsh speakers
# "thanks" and "ok", whatever language they want to be answered in. A message of these alone says
# nothing about that. Machine-drafted Welsh: review: needs-welsh-speaker.
COURTESY_WORDS = frozenset(
    """
    bore da prynhawn noswaith nos diolch yn fawr croeso hwyl shwmae shw sumae sut mae helo iechyd pawb
    iawn tara ie na nage do hello hi hiya hey thanks thank you cheers ta ok okay yes yeah no nope please
    pls good morning afternoon evening night bye goodbye mate lovely great a lot very much so
    """.split()
)

# How a message's total evidence (natural log of the likelihood ratio, Welsh over English) must lean
# before either language is guessed. Welsh needs more: a wrong switch to Welsh costs more.
WELSH_THRESHOLD = 4.0
ENGLISH_THRESHOLD = 2.0
# A word the library uses at least this often (both languages together) is scored by its own counts.
KNOWN_WORD_COUNT = 2
# The most one word may add: a known word, and a word scored by its letters alone (names, places, typos).
KNOWN_WORD_CAP = 4.0
UNKNOWN_WORD_CAP = 1.5
# A word scored by its letters: the mean character n-gram ratio, times this.
UNKNOWN_WORD_SCALE = 3.0
# A word whose score is within this of zero belongs to neither language ("bin", "i").
NEUTRAL_SCORE = 0.5
# A word scored at least this English (or Welsh) belongs to that language, not to both ("a", "all").
STRONG_SCORE = 2.0
# Messages shorter than this, in words that could carry a language, give no guess.
MIN_WORDS = 2
CHAR_NGRAMS = (1, 4)
SMOOTHING = 0.5

# Each alternative starts only where a run of non-spaces does, so a long message is scanned once.
_LANGUAGE_LESS = re.compile(
    r"(?<!\S)(?:https?://|www\.)\S*"  # addresses of web pages
    r"|(?<!\S)\S*[\d@]\S*"  # e-mail addresses, and anything with a digit: postcodes, references,
    # dates, phone and house numbers
    r"|\{[^{}\n]*\}"  # {placeholders} in the library's responses
)
_ACCENTS = re.compile("[\u0300-\u036f]")  # combining marks, once NFKD has split them from their letters
_APOSTROPHES = re.compile(r"['\u2019\u2018`]")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


@dataclass(frozen=True)
class LanguageGuess:
    """The language a message is in, and how sure the guesser is (0.5 to 1)."""

    language: str
    confidence: float


@dataclass(frozen=True)
class WordEvidence:
    """One word of a message and how strongly it says Welsh (positive) or English (negative)."""

    word: str
    score: float
    known: bool


@dataclass
class LanguageGuesser:
    """Guesses whether a message is English or Welsh, or neither; built once per library."""

    #: Log-likelihood ratio (Welsh over English) of each word the library uses often enough.
    word_scores: dict[str, float]
    #: Log-likelihood ratio of each character n-gram of the library's words.
    ngram_scores: dict[str, float]
    #: Ratio of a character n-gram neither language's words have.
    unseen_ngram_score: float
    build_seconds: float = 0.0
    _memo: dict[str, WordEvidence] = field(default_factory=dict, repr=False)

    def guess(self, text: str) -> LanguageGuess | None:
        """English or Welsh, with a confidence; None when the text is too short or carries no language."""
        evidence = self.evidence(text)
        if len(evidence) < MIN_WORDS or all(abs(item.score) < NEUTRAL_SCORE for item in evidence):
            return None
        if all(item.word in COURTESY_WORDS for item in evidence):
            return None
        reading = Reading.of(evidence)
        if reading.is_welsh():
            return LanguageGuess(WELSH, _confidence(reading.total))
        if reading.is_english():
            return LanguageGuess(ENGLISH, _confidence(reading.english_total))
        return None

    def evidence(self, text: str) -> list[WordEvidence]:
        """Each word of the message that could carry a language, with its score."""
        return [self._word_evidence(word) for word in words_of(text)]

    def _word_evidence(self, word: str) -> WordEvidence:
        found = self._memo.get(word)
        if found is None:
            if word in self.word_scores:
                found = WordEvidence(word, self.word_scores[word], known=True)
            else:
                found = WordEvidence(word, self._letters_score(word), known=False)
            if len(self._memo) < 50_000:  # residents' vocabulary is small; never let it grow unbounded
                self._memo[word] = found
        return found

    def _letters_score(self, word: str) -> float:
        grams = char_ngrams(word)
        mean = sum(self.ngram_scores.get(g, self.unseen_ngram_score) for g in grams) / len(grams)
        return _clip(mean * UNKNOWN_WORD_SCALE, UNKNOWN_WORD_CAP)


@dataclass(frozen=True)
class Reading:
    """What a message's words say, counted up for the rules that decide its language.

    A word leans Welsh or English when its score is beyond NEUTRAL_SCORE; it is clearly English beyond
    STRONG_SCORE; "known" words are those the library uses.
    """

    #: The sum of the words' scores: positive says Welsh, negative English.
    total: float
    #: The total that English must reach: without Welsh grammar, Welsh-looking words in an English
    #: sentence are names of places and people ("parking at heol y parc"), so only English words count.
    english_total: float
    english_grammar: int
    welsh_grammar: int
    english_words: int
    #: Welsh-leaning words that are not the stuff of names ("dwi", "angen", "talu"; not "ty", "gwyn").
    welsh_sentence_words: int
    known_english: int
    strong_english: int
    #: Known, clearly Welsh words that are not the stuff of names.
    clear_welsh: int
    #: Known, clearly Welsh words that are neither sentence words nor the stuff of names ("treth").
    welsh_content: int

    @classmethod
    def of(cls, evidence: list[WordEvidence]) -> Reading:
        """Count up the evidence of a message's words."""
        total = sum(item.score for item in evidence)
        welsh_grammar = sum(1 for item in evidence if item.word in WELSH_GRAMMAR)
        english = [item for item in evidence if item.score <= -NEUTRAL_SCORE]
        welsh = [item for item in evidence if item.score >= NEUTRAL_SCORE]
        clear_welsh = [
            item
            for item in welsh
            if item.known and item.score >= STRONG_SCORE and item.word not in WELSH_NAME_WORDS
        ]
        return cls(
            total=total,
            english_total=total if welsh_grammar else sum(item.score for item in english),
            english_grammar=sum(1 for item in evidence if item.word in ENGLISH_GRAMMAR),
            welsh_grammar=welsh_grammar,
            english_words=len(english),
            welsh_sentence_words=sum(1 for item in welsh if item.word not in WELSH_NAME_WORDS),
            known_english=sum(1 for item in english if item.known),
            strong_english=sum(1 for item in english if item.known and item.score <= -STRONG_SCORE),
            clear_welsh=len(clear_welsh),
            welsh_content=sum(1 for item in clear_welsh if item.word not in WELSH_GRAMMAR),
        )

    def is_welsh(self) -> bool:
        """A Welsh sentence, or a Welsh phrase that is not a name; never with English grammar in it."""
        if self.english_grammar or self.total < WELSH_THRESHOLD:
            return False
        if self.welsh_grammar:  # loanwords are fine ("dwi angen talu council tax") while Welsh leads
            return self.welsh_sentence_words > self.english_words
        return self.welsh_content >= 2 and self.english_words == 0

    def is_english(self) -> bool:
        """English grammar, two clearly English words, or English words and no Welsh one but names: a
        Welsh phrase with an English word in it ("treth cyngor band d") is not English, nor are words
        both languages write ("a", "at") or names alone ("Gareth Jones")."""
        if self.english_total > -ENGLISH_THRESHOLD:
            return False
        if self.english_grammar:
            return True
        # Without English grammar, English nouns among as many Welsh words that are not names are
        # loanwords in a Welsh message ("llwyth o dog poo ar y cae chwarae"), not an English one.
        if self.welsh_sentence_words >= self.english_words:
            return False
        only_english = self.known_english > 0 and self.clear_welsh == 0
        return bool(self.strong_english >= 2 or only_english)


def _confidence(total: float) -> float:
    """The probability of the guessed language, from the evidence with even odds before it."""
    return 1 / (1 + math.exp(-min(abs(total), 30.0)))


def _clip(value: float, cap: float) -> float:
    return max(-cap, min(cap, value))


def normalise(text: str) -> str:
    """Case folded, accents and apostrophes dropped (residents type "ty" for "tŷ", "maer" for "mae'r"),
    and what carries no language removed: web and e-mail addresses, placeholders, anything with a digit."""
    plain = text.casefold()
    if not plain.isascii():
        plain = _ACCENTS.sub("", unicodedata.normalize("NFKD", plain))
    return _LANGUAGE_LESS.sub(" ", _APOSTROPHES.sub("", plain))


def words_of(text: str) -> list[str]:
    """The words of a message that could carry a language (hyphenated names stay one word)."""
    return _WORD.findall(normalise(text))


def char_ngrams(word: str) -> list[str]:
    """The character n-grams of a word padded with a space each side."""
    padded = f" {word} "
    low, high = CHAR_NGRAMS
    return [
        padded[start : start + size]
        for size in range(low, high + 1)
        for start in range(len(padded) - size + 1)
    ]


def library_texts(library: Library, language: str) -> Iterator[str]:
    """Everything the library says or expects in `language`: each intent's training phrases (annotations
    removed), responses, quick replies, topic and prompts, and the bot's own messages."""
    for _, intent in sorted(library.intents.items()):
        text = intent.languages.get(language)
        if text is not None:
            for phrase in text.phrases:
                yield _plain(phrase)
            yield from text.responses.text
            yield from text.responses.quick_replies
            yield text.topic
        for parameter in intent.parameters:
            yield from parameter.prompts.get(language, ())
    for _, message in sorted(library.messages.items()):
        if language in message.texts:
            yield message.texts[language]


def _plain(phrase: str) -> str:
    if "[" not in phrase:  # most phrases have no annotation: skip the parser
        return phrase
    try:
        return plain_text(phrase)
    except AnnotationError:  # the validator reports it; the words are still worth counting
        return phrase


def build_guesser(library: Library) -> LanguageGuesser:
    """Count the library's English and Welsh words and their letters, and score each by the ratio."""
    started = time.perf_counter()
    english = Counter(words_of("\n".join(library_texts(library, ENGLISH))))
    welsh = Counter(words_of("\n".join(library_texts(library, WELSH))))
    word_scores = {
        word: _clip(score, SHARED_CAP if word in SHARED_WORDS else KNOWN_WORD_CAP)
        for word, score in _ratios(welsh, english).items()
        if welsh.get(word, 0) + english.get(word, 0) >= KNOWN_WORD_COUNT
    }
    # Letters are counted once per distinct word: they model what a word the library has not seen looks
    # like, and the library's most frequent words would otherwise drown the rest.
    english_grams, welsh_grams = _letter_counts(english), _letter_counts(welsh)
    ngram_scores = _ratios(welsh_grams, english_grams)
    # An n-gram neither language has: what smoothing alone gives it (nothing, in a library with no text).
    smoothed = SMOOTHING * len(ngram_scores)
    unseen = (
        math.log(english_grams.total() + smoothed) - math.log(welsh_grams.total() + smoothed)
        if smoothed
        else 0.0
    )
    return LanguageGuesser(word_scores, ngram_scores, unseen, time.perf_counter() - started)


def _letter_counts(words: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for word in words:
        counts.update(char_ngrams(word))
    return counts


def _ratios(welsh: Counter[str], english: Counter[str]) -> dict[str, float]:
    """log P(item | Welsh) - log P(item | English), add-`SMOOTHING` over the items of both."""
    items = welsh.keys() | english.keys()
    welsh_total = welsh.total() + SMOOTHING * len(items)
    english_total = english.total() + SMOOTHING * len(items)
    log = math.log
    return {
        item: log((welsh.get(item, 0) + SMOOTHING) / welsh_total)
        - log((english.get(item, 0) + SMOOTHING) / english_total)
        for item in items
    }


def language_of(library: Library) -> LanguageGuesser:
    """The library's guesser, built on first use and kept with the library (which never changes)."""
    key = ("language_id",)
    guesser = library.memo.get(key)
    if guesser is None:
        guesser = library.memo[key] = build_guesser(library)
    return guesser
