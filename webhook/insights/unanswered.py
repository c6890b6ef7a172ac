"""Residents' unanswered questions grouped by similarity, so a council officer reads "can u fix my boiler:
37 turns, 21 conversations" rather than 37 rows, and the sector sees which groups recur across councils.

Texts are first normalised (case, accents, apostrophes, punctuation, digits, and redaction tokens such as
`OX1 [postcode]` made one word), so exact duplicates fall into one bucket. The distinct texts of each
language are then clustered: character n-grams within word boundaries (as the intent classifier's features
in webhook/textmodels/, which forgive typos such as "boilr"), TF-IDF weighted, compared by cosine, and
grouped by a greedy "leader" pass in order of frequency: each text joins the most similar group leader at
or above `SIMILARITY`, or leads a new group. The most frequent text of a group is thus its leader and the
text staff see. Languages are never mixed.

The n-grams are counted here, each distinct word once, rather than by scikit-learn's
`TfidfVectorizer(analyzer="char_wb")`, whose per-word Python loops alone took 0.4 to 0.75 s on the
dashboard's 5,000 distinct texts. The leader pass compares a block of texts with every leader in one
sparse product; it gives exactly the groups that comparing texts one at a time would.
bench/bench_grouping.py measures the speed and how well the groups match what residents meant.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse

from webhook.insights.figures import UnansweredTurn
from webhook.textmodels.features import prepare_text

#: Cosine similarity at which a text joins a group, chosen on the held-out NLU utterances (tests/nlu/,
#: each intent a true group; bench/bench_grouping.py): 0.35 gave the best adjusted Rand index (0.22
#: English, 0.20 Welsh), but 12% (English) and 18% (Welsh) of texts sat in a group most of whose texts
#: meant another intent; at 0.4 that is 7% and 11%, for an index of 0.21 and 0.11. Purity comes first: a
#: suggested patch gives a whole group's examples to one intent.
SIMILARITY = 0.4
#: Character n-gram lengths, taken within word boundaries (" boiler " gives " bo", "boi", ... "er ").
#: 3-grams alone grouped as well as 3- and 4-grams, or 2- to 5-grams, in less time.
NGRAMS = (3,)
#: Texts compared with the group leaders at once: bigger blocks mean fewer, larger matrix products.
BLOCK = 256
#: Examples kept per group.
EXAMPLES = 5

# A postcode keeps its district when redacted ("OX1 [postcode]"): both become one word, so residents
# asking the same thing from different districts are grouped together.
_POSTCODE = re.compile(r"\b[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s*\[postcode\]", re.IGNORECASE)
_NOT_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class UnansweredGroup:
    """Unanswered turns that ask much the same thing, in one language."""

    text: str  # a representative text (redacted), the most frequent in the group
    turns: int  # how many turns fell into the group
    conversations: int  # distinct conversations
    councils: tuple[str, ...]  # distinct councils, sorted
    languages: tuple[str, ...]  # distinct languages, sorted
    examples: tuple[str, ...]  # up to 5 distinct texts, most frequent first


def normalise(text: str, memo: dict[str, str] | None = None) -> str:
    """What two texts must share to be one question: folded as the classifier folds text (case, accents,
    apostrophes, digits), punctuation gone, spaces single, each redaction token (with its district, for a
    postcode) one plain word. `memo` keeps the folding of each word, for many texts at once."""
    memo = {} if memo is None else memo
    if "[" in text:  # brackets go with the punctuation below, leaving the token's word
        text = _POSTCODE.sub(" postcode ", text)
    words = []
    for chunk in text.split():
        # Folding works character by character, so a word folds the same alone as in its sentence.
        folded = memo.get(chunk)
        if folded is None:
            folded = memo[chunk] = " ".join(_NOT_WORD.sub(" ", prepare_text(chunk)).split())
        if folded:
            words.append(folded)
    return " ".join(words)


def group_unanswered(turns: Sequence[UnansweredTurn], *, max_groups: int = 50) -> list[UnansweredGroup]:
    """The turns grouped by similarity within each language, the groups with most conversations first
    (then most turns); at most `max_groups` of them."""
    # The same text comes back many times: each distinct text is tidied and normalised once, and the
    # counting is done on arrays of numbers, one per turn.
    text_ids: dict[tuple[str, str], int] = {}
    text_of_turn = np.fromiter(
        (text_ids.setdefault((turn.language, turn.text), len(text_ids)) for turn in turns),
        dtype=np.int64,
        count=len(turns),
    )
    buckets = _Buckets.of(list(text_ids), np.bincount(text_of_turn, minlength=len(text_ids)))
    group_of_bucket = np.full(len(buckets.keys) + 1, -1)  # the last: texts with no words at all
    members: list[list[int]] = []
    for bucket_ids in buckets.by_language().values():
        # Most frequent first, so each group's leader is its most frequent text.
        bucket_ids.sort(key=lambda b: -buckets.turns[b])
        for found in cluster([buckets.keys[b][1] for b in bucket_ids]):
            group_of_bucket[[bucket_ids[i] for i in found]] = len(members)
            members.append([bucket_ids[i] for i in found])
    group_of_turn = group_of_bucket[buckets.of_text[text_of_turn]].tolist()
    turn_counts = Counter(group_of_turn)
    conversations = Counter(
        g for g, _ in set(zip(group_of_turn, (t.conversation for t in turns), strict=True))
    )
    councils: dict[int, set[str]] = defaultdict(set)
    for group, council in set(zip(group_of_turn, (t.council for t in turns), strict=True)):
        councils[group].add(council)
    order = sorted(
        range(len(members)), key=lambda g: (-conversations[g], -turn_counts[g], buckets.text(members[g][0]))
    )
    return [
        UnansweredGroup(
            text=buckets.text(members[g][0]),
            turns=turn_counts[g],
            conversations=conversations[g],
            councils=tuple(sorted(councils[g])),
            languages=(buckets.keys[members[g][0]][0],),
            examples=tuple(buckets.text(b) for b in members[g][:EXAMPLES]),
        )
        for g in order[:max_groups]
    ]


@dataclass
class _Buckets:
    """Distinct texts gathered by what they normalise to, per language."""

    keys: list[tuple[str, str]]  # (language, normalised text) of each bucket
    turns: list[int]  # turns of each bucket
    forms: list[dict[str, int]]  # each bucket's texts as typed (spaces tidied), with their turns
    of_text: np.ndarray  # each distinct text's bucket (the last index: a text with no words)

    @classmethod
    def of(cls, texts: Sequence[tuple[str, str]], uses: np.ndarray) -> _Buckets:
        """Buckets of distinct (language, text) pairs, each used `uses[i]` times."""
        ids: dict[tuple[str, str], int] = {}
        forms: list[dict[str, int]] = []
        turns: list[int] = []
        of_text = np.empty(len(texts), dtype=np.int64)
        memo: dict[str, str] = {}
        empty: list[int] = []
        for index, (language, raw) in enumerate(texts):
            text = " ".join(raw.split())
            if not text:
                empty.append(index)
                continue
            bucket = ids.setdefault((language, normalise(text, memo)), len(ids))
            if bucket == len(forms):
                forms.append({})
                turns.append(0)
            count = int(uses[index])
            forms[bucket][text] = forms[bucket].get(text, 0) + count
            turns[bucket] += count
            of_text[index] = bucket
        of_text[empty] = len(ids)
        return cls(list(ids), turns, forms, of_text)

    def by_language(self) -> dict[str, list[int]]:
        """Bucket ids per language."""
        found: dict[str, list[int]] = defaultdict(list)
        for bucket, (language, _) in enumerate(self.keys):
            found[language].append(bucket)
        return found

    def text(self, bucket: int) -> str:
        """The bucket's most frequent form (the first seen, on a tie)."""
        forms = self.forms[bucket]
        return max(forms, key=forms.__getitem__)


def recurring(
    groups: Sequence[UnansweredGroup], *, min_conversations: int = 5, min_councils: int = 2
) -> list[UnansweredGroup]:
    """The groups the sector should see: asked in at least `min_conversations` conversations from at least
    `min_councils` councils (in the order given)."""
    return [g for g in groups if g.conversations >= min_conversations and len(g.councils) >= min_councils]


def cluster(keys: Sequence[str], similarity: float = SIMILARITY) -> list[list[int]]:
    """Indices of `keys` grouped by a greedy leader pass in the order given: each key joins the most
    similar earlier leader whose cosine similarity reaches `similarity`, or leads a group of its own.
    Each group lists its leader first."""
    if not keys:
        return []
    vectors = features(keys)
    leader_of = np.full(len(keys), -1)
    leaders: list[int] = []
    leader_rows: scipy.sparse.csr_matrix | None = None
    for start in range(0, len(keys), BLOCK):
        block = vectors[start : start + BLOCK]
        # Each text's most similar leader so far, then leaders found earlier in this block are checked
        # one by one, in order (they were not leaders when the block's product was taken).
        best_leader = np.full(block.shape[0], -1)
        best_score = np.zeros(block.shape[0])
        if leader_rows is not None:
            to_leaders = (block @ leader_rows.T).toarray()
            nearest = to_leaders.argmax(axis=1)
            best_leader = np.asarray(leaders)[nearest]
            best_score = to_leaders[np.arange(len(nearest)), nearest]
        within = np.tril((block @ block.T).toarray(), -1)
        # Most texts are like no earlier text of the block: whether they lead or follow does not depend
        # on which of those became leaders, so only the others are decided one by one.
        settled = within.max(axis=1, initial=0.0) < similarity
        is_leader = settled & (best_score < similarity)
        for offset in np.flatnonzero(~settled).tolist():
            score, leader = best_score[offset], int(best_leader[offset])
            earlier = np.flatnonzero(is_leader[:offset])
            if len(earlier):
                candidates = within[offset, earlier]
                closest = int(candidates.argmax())
                if candidates[closest] > score:
                    score, leader = candidates[closest], start + int(earlier[closest])
            if score >= similarity:
                best_leader[offset] = leader
            else:
                is_leader[offset] = True
        new_leaders = np.flatnonzero(is_leader).tolist()  # positions within the block
        leader_of[start : start + block.shape[0]] = np.where(
            is_leader, np.arange(start, start + block.shape[0]), best_leader
        )
        if new_leaders:
            leaders.extend(start + offset for offset in new_leaders)
            rows = block[new_leaders]
            leader_rows = rows if leader_rows is None else scipy.sparse.vstack([leader_rows, rows]).tocsr()
    members: dict[int, list[int]] = defaultdict(list)
    for index, leader in enumerate(leader_of.tolist()):
        members[leader].append(index)
    return [members[leader] for leader in leaders]


def features(keys: Sequence[str]) -> scipy.sparse.csr_matrix:
    """TF-IDF character n-grams within word boundaries, one L2-normalised row per key."""
    # Residents use few words many times: each distinct word's n-grams are found once, and a key's
    # counts are its words' counts summed (a product of two sparse matrices).
    word_ids: dict[str, int] = {}
    key_words = [[word_ids.setdefault(word, len(word_ids)) for word in key.split()] for key in keys]
    vocabulary: dict[str, int] = {}
    word_grams = [[vocabulary.setdefault(g, len(vocabulary)) for g in _grams(word)] for word in word_ids]
    shape = (len(keys), max(len(vocabulary), 1))
    counts = (_incidence(key_words, len(word_ids)) @ _incidence(word_grams, shape[1])).tocsr()
    counts.sum_duplicates()
    # Sublinear term frequency and smoothed inverse document frequency, as TfidfVectorizer computes them.
    counts.data = 1 + np.log(counts.data)
    frequency = np.bincount(counts.indices, minlength=shape[1])
    idf = (np.log((1 + shape[0]) / (1 + frequency)) + 1).astype(np.float32)
    counts.data *= idf[counts.indices]
    norms = np.sqrt(np.bincount(rows_of(counts), weights=counts.data**2, minlength=shape[0]))
    counts.data /= np.where(norms > 0, norms, 1)[rows_of(counts)].astype(np.float32)
    return counts


def _incidence(rows: Sequence[Sequence[int]], width: int) -> scipy.sparse.csr_matrix:
    """A count matrix from each row's list of column ids (repeats counted)."""
    lengths = np.fromiter((len(row) for row in rows), dtype=np.int64, count=len(rows))
    columns = np.fromiter((c for row in rows for c in row), dtype=np.int32, count=int(lengths.sum()))
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    matrix = scipy.sparse.csr_matrix(
        (np.ones(len(columns), dtype=np.float32), columns, indptr), shape=(len(rows), max(width, 1))
    )
    matrix.sum_duplicates()
    return matrix


def rows_of(matrix: scipy.sparse.csr_matrix) -> np.ndarray:
    """The row of each stored value of a CSR matrix."""
    return np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))


def _grams(word: str) -> list[str]:
    padded = f" {word} "
    return [padded[i : i + size] for size in NGRAMS for i in range(len(padded) - size + 1)]
