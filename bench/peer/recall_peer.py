#!/usr/bin/python3
"""The Python peer of conform's recall pair scoring, for bench/run_recall_bench.sh.

A candidate-pair scorer written the way a Python team would write it, with
Debian's packages only (python3-sklearn, python3-levenshtein, python3-numpy,
python3-xgboost): TF-IDF cosines from sklearn's TfidfVectorizer computed for
a whole chunk of pairs at once, the other features in a loop over the pairs,
and an XGBoost model predicting the chunk.

    recall_peer.py --train DIR/train.txt --valid DIR/valid.txt \\
                   --notices notices.jsonl --pairs pairs.txt [--chunk 10000]

1. Trains its model the way `conform match-eval` does: vectorisers fitted on
   the distinct records of the training pairs, XGBoost with conform's
   settings (binary:logistic, eta 0.05, depth 6, 4 parallel trees, subsample
   and colsample 0.8, up to 2000 rounds, early stopping after 100 on the
   validation log loss), the threshold at the peak of the smoothed F1 curve
   on the validation pairs.
2. Fits the vectorisers again on the notices (as conform fits its
   featuriser on the notices before matching).
3. Scores every pair of PAIRS (Ditto form: notice record, tab, listing
   record, tab, label) on one thread and reports pairs per second, twice:
   with nothing cached across pairs (each chunk's records are prepared and
   vectorised for that chunk), and with each distinct record of the file
   prepared and vectorised once.

The features are of the same kinds as conform's (conform has 59, this has
the number printed), not the same ones: word and character 3/4/5-gram TF-IDF
cosines of the titles, word and character 3-gram cosines of all the text,
title-in-text cosines, token Jaccard and overlap, IDF-weighted Jaccard, a
soft word cover by Levenshtein ratio, rare title words missing on the other
side, the Levenshtein ratio of the titles, model codes found by a regular
expression (exact, stem, contained in the other text, best Levenshtein ratio,
conflict), the model attribute (exact, ratio, in the other text),
specifications with units (shared, conflicting), numbers, brand (equal, same
first word, named in the other text), first word, price ratio, word counts,
category cosine.

Figures go to standard output as "RESULT name value" lines after a report.
"""

import argparse
import json
import math
import re
import sys
import time
import unicodedata

import Levenshtein
import numpy as np
import sklearn
import xgboost as xgb
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

TITLE = ("title", "name", "product_name", "product")
BRAND = ("brand", "manufacturer", "make", "maker")
MODEL = ("modelno", "model", "model_number", "mpn", "type_number")
PRICE = ("price",)
CATEGORY = ("category", "product_type")
# Colour words and the colour each names (as conform's colour_conflict).
COLOURS = {w: i for i, shades in enumerate([
    ("black", "blk"), ("white", "wht"), ("red", "maroon", "burgundy"), ("blue", "blu", "navy"), ("green", "grn"),
    ("yellow", "ylw"), ("purple", "prpl", "violet"), ("pink", "magenta", "fuchsia"), ("gray", "grey", "gry", "charcoal"),
    ("silver", "slvr"), ("gold",), ("orange",), ("brown",), ("beige", "ivory"), ("teal", "aqua", "cyan"),
    ("bronze", "copper")]) for w in shades}

NON_WORD = re.compile(r"[\W_]+")
CODE_TOKEN = re.compile(r"[a-z0-9]+(?:[-/._][a-z0-9]+)*")
SPEC = re.compile(r"^\d+(?:\.\d+)?(?:w|kw|v|a|mah|wh|ml|l|g|kg|gb|tb|mb|cm|mm|m|in|hz|khz|ghz|p|fps|x|pcs|pack|way|years?)$")
STEM_TAIL = re.compile(r"[A-Z]{1,3}$")
NUMBER = re.compile(r"(?<![a-z0-9])\d+(?:\.\d+)?(?![a-z0-9])")
PRICE_TEXT = re.compile(r"\d+\.\d{2}")


def normalize(text):
    """NFKC, case folded, runs of non-alphanumerics as one space."""
    return NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def parse_record(text):
    """One Ditto record: 'COL <attribute> VAL <value> COL ...'."""
    tokens = text.split(" ")
    fields = []
    i = 0
    n = len(tokens)
    while i < n and tokens[i] == "":
        i += 1
    if i >= n or tokens[i] != "COL":
        raise ValueError("a record starts with COL")
    while i < n and tokens[i] == "COL":
        i += 1
        name = []
        while i < n and tokens[i] != "VAL":
            if tokens[i]:
                name.append(tokens[i])
            i += 1
        i += 1
        value = []
        while i < n and tokens[i] != "COL":
            value.append(tokens[i])
            i += 1
        fields.append((" ".join(name), " ".join(value).strip()))
    return fields


def read_pairs(path):
    lefts, rights, labels = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            left, right, label = line.split("\t")
            lefts.append(parse_record(left))
            rights.append(parse_record(right))
            labels.append(int(label.strip()))
    return lefts, rights, np.array(labels, dtype=np.float32)


def first_of(fields, names):
    for wanted in names:
        for name, value in fields:
            if name.lower() == wanted and value.strip():
                return value
    return ""


def parse_price(text):
    try:
        v = float(text.replace(",", "").replace("$", "").strip())
        return v if v > 0 else math.nan
    except ValueError:
        return math.nan


def code_stem(code):
    """Up to three trailing letters after the last digit dropped, when what is left still mixes letters and digits."""
    stem = STEM_TAIL.sub("", code)
    if stem != code and len(stem) >= 4 and re.search(r"\d", stem) and re.search(r"[A-Z]", stem):
        return stem
    return ""


class Prepared:
    """What the per-pair loop needs of one record."""

    __slots__ = ("title", "all", "title_words", "all_words", "first", "codes", "stems", "compact", "model", "specs",
                 "title_numbers", "all_numbers", "brand", "padded", "price", "category", "colours")

    def __init__(self, fields):
        title = first_of(fields, TITLE)
        if not title:
            title = next((v for n, v in fields if v.strip() and n.lower() not in PRICE), "")
        others = [v for n, v in fields if v.strip() and n.lower() not in PRICE and v is not title]
        self.title = normalize(title)
        self.all = normalize(" ; ".join([title] + others))
        words = self.title.split()
        self.first = words[0] if words else ""
        self.title_words = set(words)
        self.all_words = set(self.all.split())
        self.colours = {COLOURS[w] for w in self.all_words if w in COLOURS}
        self.padded = " " + self.all + " "
        folded = unicodedata.normalize("NFKC", " ; ".join([title] + others)).casefold()
        self.compact = re.sub(r"[^a-z0-9]", "", folded).upper()
        model = re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKC", first_of(fields, MODEL)).casefold()).upper()
        self.model = model
        codes, specs = set(), set()
        if len(model) >= 3:
            codes.add(model)
        for token in CODE_TOKEN.findall(folded):
            if SPEC.match(token):
                specs.add(token)
                continue
            compact = re.sub(r"[^a-z0-9]", "", token).upper()
            has_digit = any(c.isdigit() for c in compact)
            has_letter = any(c.isalpha() for c in compact)
            if (has_digit and has_letter and len(compact) >= 3) or (compact.isdigit() and len(compact) >= 5):
                codes.add(compact)
        self.codes = sorted(codes)
        self.stems = {c: code_stem(c) for c in self.codes}
        self.specs = specs
        self.title_numbers = set(NUMBER.findall(self.title))
        self.all_numbers = set(NUMBER.findall(folded))
        self.brand = normalize(first_of(fields, BRAND))
        self.category = normalize(first_of(fields, CATEGORY))
        self.price = parse_price(first_of(fields, PRICE))
        if math.isnan(self.price):
            found = PRICE_TEXT.findall(folded)
            self.price = float(found[-1]) if found else math.nan


def pad(text):
    return " " + text + " "


def word_pairs(l, r):
    """The inputs of conform's word evidence: each title word, shared or on one side only."""
    a, b = l.title_words, r.title_words
    d = {"s:" + w: 1.0 for w in a & b}
    d.update({"d:" + w: 1.0 for w in a ^ b})
    return d


def learn_words(pairs, labels, c=1.0):
    """conform's WordEvidence: L2 logistic regression (liblinear, constant c, a bias) on word_pairs."""
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([word_pairs(l, r) for l, r in pairs])
    return vectorizer, LogisticRegression(C=c, solver="liblinear").fit(x, labels)


# The regularisation constants conform tries, the strongest first.
WORD_C = (0.1, 0.3, 1.0, 3.0, 10.0)


class Featurizer:
    NAMES = [
        "title_cos_word", "title_cos_c3", "title_cos_c4", "title_cos_c5", "all_cos_word", "all_cos_c3",
        "title_in_all_cos_lr", "title_in_all_cos_rl", "category_cos",
        "title_jaccard", "title_overlap", "title_wjaccard", "title_soft_cover_lr", "title_soft_cover_rl", "title_lev_ratio",
        "all_jaccard", "unmatched_idf_max_lr", "unmatched_idf_max_rl", "unmatched_idf_share_lr", "unmatched_idf_share_rl",
        "code_count_l", "code_count_r", "code_exact_count", "code_exact_max_len", "code_in_text_lr", "code_in_text_rl",
        "code_stem_match", "code_best_ratio", "code_conflict", "model_exact", "model_ratio", "model_in_text_lr", "model_in_text_rl",
        "spec_shared", "spec_conflict", "number_jaccard", "number_missing_lr", "number_missing_rl",
        "brand_match", "brand_in_text_lr", "brand_in_text_rl", "first_word_match", "price_ratio", "price_log_diff",
        "title_words_l", "title_words_r", "title_length_ratio", "all_words_l", "all_words_r", "colour_conflict",
        "title_word_evidence",
    ]
    words = None  # (vectorizer, regression) of learn_words, once trained

    def fit(self, records):
        """Learns the IDF weights from distinct records (lists of fields)."""
        prepared = [Prepared(r) for r in records]
        titles = [p.title for p in prepared]
        texts = [p.all for p in prepared]
        word = dict(analyzer="word", token_pattern=r"(?u)\b\w+\b", sublinear_tf=True, lowercase=False, dtype=np.float32)
        char = dict(analyzer="char", sublinear_tf=True, lowercase=False, preprocessor=pad, dtype=np.float32)
        self.title_word = TfidfVectorizer(**word).fit(titles)
        self.title_c = [TfidfVectorizer(ngram_range=(n, n), **char).fit(titles) for n in (3, 4, 5)]
        self.all_word = TfidfVectorizer(**word).fit(texts)
        self.all_c3 = TfidfVectorizer(ngram_range=(3, 3), **char).fit(texts)
        categories = [p.category for p in prepared if p.category] or ["none"]
        self.category_word = TfidfVectorizer(**word).fit(categories)
        unseen = math.log(1 + len(prepared)) + 1
        self.title_idf = dict(zip(self.title_word.get_feature_names_out(), self.title_word.idf_))
        self.all_idf = dict(zip(self.all_word.get_feature_names_out(), self.all_word.idf_))
        self.unseen = unseen
        return self

    def features(self, lefts, rights, timings, cache=False):
        """One row of features per pair (fields of left, fields of right).

        With `cache`, each distinct record is prepared and vectorised once;
        without, every record of every pair is, as it comes.
        """
        t0 = time.perf_counter()
        if cache:
            def unique(records):
                index, keep, refs = {}, [], []
                for r in records:
                    key = tuple(r)
                    k = index.get(key)
                    if k is None:
                        k = index[key] = len(keep)
                        keep.append(r)
                    refs.append(k)
                return [Prepared(r) for r in keep], np.array(refs)
            LU, li = unique(lefts)
            RU, ri = unique(rights)
        else:
            LU, RU = [Prepared(r) for r in lefts], [Prepared(r) for r in rights]
            li = ri = None
        t1 = time.perf_counter()

        def rowcos(vectorizer, a, b, swapped=False):
            """Row-wise cosines of left texts `a` and right texts `b` (right and left when `swapped`)."""
            x, y = vectorizer.transform(a), vectorizer.transform(b)
            if li is not None:
                x, y = (x[ri], y[li]) if swapped else (x[li], y[ri])
            return np.asarray(x.multiply(y).sum(axis=1)).ravel()

        lt, rt = [p.title for p in LU], [p.title for p in RU]
        la, ra = [p.all for p in LU], [p.all for p in RU]
        lc, rc = [p.category for p in LU], [p.category for p in RU]
        vec = [rowcos(self.title_word, lt, rt)] + [rowcos(v, lt, rt) for v in self.title_c]
        vec += [rowcos(self.all_word, la, ra), rowcos(self.all_c3, la, ra), rowcos(self.all_word, lt, ra), rowcos(self.all_word, rt, la, swapped=True),
                rowcos(self.category_word, lc, rc)]
        L = LU if li is None else [LU[k] for k in li]
        R = RU if ri is None else [RU[k] for k in ri]
        evidence = np.full(len(L), np.nan)
        if self.words is not None:
            both = [i for i, (l, r) in enumerate(zip(L, R)) if l.title and r.title]
            if both:
                vectorizer, regression = self.words
                evidence[both] = regression.decision_function(vectorizer.transform([word_pairs(L[i], R[i]) for i in both]))
        t2 = time.perf_counter()

        out = np.full((len(L), len(self.NAMES)), np.nan, dtype=np.float32)
        out[:, :9] = np.column_stack(vec)
        out[:, -1] = evidence
        nan = math.nan
        title_idf, all_idf, unseen = self.title_idf, self.all_idf, self.unseen
        ratio = Levenshtein.ratio
        for i, (l, r) in enumerate(zip(L, R)):
            f = []
            if l.title and r.title:
                a, b = l.title_words, r.title_words
                common = len(a & b)
                f.append(common / len(a | b))
                f.append(common / min(len(a), len(b)))
                shared = sum(title_idf.get(w, unseen) for w in a & b)
                total = sum(title_idf.get(w, unseen) for w in a | b)
                f.append(shared / total if total else 0.0)
                for x, y in ((a, b), (b, a)):
                    covered = tot = 0.0
                    for w in x:
                        idf = title_idf.get(w, unseen)
                        tot += idf
                        best = 1.0 if w in y else 0.0
                        if best < 1 and len(w) >= 4:
                            for o in y:
                                if len(o) >= 4:
                                    best = max(best, ratio(w, o))
                        covered += idf * (best if best >= 0.75 else 0.0)
                    f.append(covered / tot if tot else 0.0)
                f.append(ratio(l.title[:160], r.title[:160]))
            else:
                f += [nan] * 6
            if l.all and r.all:
                f.append(len(l.all_words & r.all_words) / len(l.all_words | r.all_words))
                unmatched = []
                for x, y in ((l, r), (r, l)):
                    missing = total = top = 0.0
                    for w in x.title_words:
                        idf = all_idf.get(w, unseen)
                        total += idf
                        if w not in y.all_words:
                            missing += idf
                            top = max(top, idf)
                    unmatched.append((top, missing / total if total else 0.0))
                f += [unmatched[0][0], unmatched[1][0], unmatched[0][1], unmatched[1][1]]
            else:
                f += [nan] * 5
            # Model codes.
            exact = exact_len = 0
            stem = False
            for a in l.codes:
                for b in r.codes:
                    if a == b:
                        exact += 1
                        exact_len = max(exact_len, len(a))
                    elif (l.stems[a] and (l.stems[a] == b or l.stems[a] == r.stems[b])) or (r.stems[b] and r.stems[b] == a):
                        stem = True
            in_lr = max((len(c) for c in l.codes if len(c) >= 4 and c in r.compact), default=0)
            in_rl = max((len(c) for c in r.codes if len(c) >= 4 and c in l.compact), default=0)
            f += [len(l.codes), len(r.codes), exact, exact_len, in_lr, in_rl]
            if l.codes and r.codes:
                best = max(ratio(a, b) for a in l.codes[:16] for b in r.codes[:16])
                f += [1.0 if stem else 0.0, best, 1.0 if not (exact or stem or in_lr or in_rl) else 0.0]
            else:
                f += [nan] * 3
            if l.model and r.model:
                f += [1.0 if l.model == r.model else 0.0, ratio(l.model, r.model)]
            else:
                f += [nan, nan]
            f.append((1.0 if l.model in r.compact else 0.0) if l.model else nan)
            f.append((1.0 if r.model in l.compact else 0.0) if r.model else nan)
            if l.specs and r.specs:
                shared = len(l.specs & r.specs)
                kinds_l = {re.sub(r"[\d.]", "", s) for s in l.specs - r.specs}
                kinds_r = {re.sub(r"[\d.]", "", s) for s in r.specs - l.specs}
                f += [shared, 1.0 if kinds_l & kinds_r else 0.0]
            else:
                f += [nan, nan]
            if l.title_numbers or r.title_numbers:
                f.append(len(l.title_numbers & r.title_numbers) / len(l.title_numbers | r.title_numbers))
            else:
                f.append(nan)
            f.append(len(l.title_numbers - r.all_numbers))
            f.append(len(r.title_numbers - l.all_numbers))
            if l.brand and r.brand:
                f.append(1.0 if l.brand == r.brand else (0.5 if l.brand.split()[0] == r.brand.split()[0] else 0.0))
            else:
                f.append(nan)
            f.append((1.0 if " " + l.brand + " " in r.padded else 0.0) if l.brand else nan)
            f.append((1.0 if " " + r.brand + " " in l.padded else 0.0) if r.brand else nan)
            f.append((1.0 if l.first == r.first else 0.0) if l.first and r.first else nan)
            if not math.isnan(l.price) and not math.isnan(r.price):
                f += [min(l.price, r.price) / max(l.price, r.price), abs(math.log(l.price / r.price))]
            else:
                f += [nan, nan]
            f += [len(l.title.split()), len(r.title.split())]
            f.append(min(len(l.title), len(r.title)) / max(len(l.title), len(r.title)) if l.title and r.title else nan)
            f += [len(l.all_words), len(r.all_words)]
            f.append((0.0 if l.colours & r.colours else 1.0) if l.colours and r.colours else nan)
            out[i, 9:-1] = f
        t3 = time.perf_counter()
        timings["prepare"] += t1 - t0
        timings["vectorise"] += t2 - t1
        timings["loop"] += t3 - t2
        return out


PARAMS = {
    "objective": "binary:logistic", "eval_metric": "logloss", "tree_method": "hist", "eta": 0.05, "max_depth": 6,
    "min_child_weight": 1, "subsample": 0.8, "colsample_bytree": 0.8, "lambda": 1, "num_parallel_tree": 4, "seed": 0,
    "nthread": 1, "verbosity": 0,
}


def choose_threshold(p, y):
    """As conform: the middle of the peak of the F1 curve over thresholds 0.005 ... 0.995, averaged over +-0.025."""
    positives = float((y > 0.5).sum())
    if positives == 0:
        return 0.5
    steps, half = 200, 5
    f1 = np.zeros(steps)
    for k in range(1, steps):
        taken = p >= k / steps
        f1[k] = 2.0 * float(np.sum(taken & (y > 0.5))) / (float(taken.sum()) + positives)
    smoothed = np.full(steps, -1.0)
    for k in range(1, steps):
        lo, hi = max(1, k - half), min(steps - 1, k + half)
        smoothed[k] = f1[lo:hi + 1].mean()
    best = smoothed.max()
    first = int(np.argmax(smoothed >= best - 1e-12))
    last = first
    while last + 1 < steps and smoothed[last + 1] >= best - 1e-12:
        last += 1
    return (first + last) / 2 / steps


def scores(p, y, threshold):
    taken = p >= threshold
    tp = float(np.sum(taken & (y > 0.5)))
    precision = tp / taken.sum() if taken.sum() else 0.0
    recall = tp / (y > 0.5).sum() if (y > 0.5).sum() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def distinct(records):
    seen, out = set(), []
    for r in records:
        key = tuple(r)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def notice_record(notice):
    """As conform's FromNotice: title, brand, model, category, description."""
    name = notice.get("product_name") or notice.get("title", "")
    join = lambda values: "; ".join(v for v in values if v)
    return [("title", name), ("brand", join(notice.get("brands", []))), ("model", join(notice.get("model_numbers", []))),
            ("category", notice.get("category", "")), ("description", notice.get("description", ""))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", required=True)
    ap.add_argument("--valid", required=True)
    ap.add_argument("--notices", required=True)
    ap.add_argument("--pairs", required=True)
    ap.add_argument("--chunk", type=int, default=10000)
    args = ap.parse_args()

    # 1. Train on the labelled pairs.
    t = time.perf_counter()
    tl, tr, ty = read_pairs(args.train)
    vl, vr, vy = read_pairs(args.valid)
    feat = Featurizer().fit(distinct(tl + tr))
    timings = {"prepare": 0.0, "vectorise": 0.0, "loop": 0.0}
    xt = feat.features(tl, tr, timings)
    # The word evidence as conform learns it: each training pair's value
    # from a regression fitted on the other folds (five, matches kept in
    # proportion), every other pair's from one fitted on all; the constant
    # the one of WORD_C whose out-of-fold values have the lowest log loss.
    prepared = [(Prepared(l), Prepared(r)) for l, r in zip(tl, tr)]
    used = [i for i, (l, r) in enumerate(prepared) if l.title and r.title]
    ty_used = np.asarray(ty)[used]
    folds = np.zeros(len(used), dtype=int)
    rng = np.random.default_rng(0)
    for label in (0, 1):
        members = np.flatnonzero(ty_used == label)
        rng.shuffle(members)
        folds[members] = np.arange(len(members)) % 5
    best = None
    for c in WORD_C:
        odds = np.zeros(len(used))
        for k in range(5):
            fit_on = [used[j] for j in np.flatnonzero(folds != k)]
            scored = np.flatnonzero(folds == k)
            vectorizer, regression = learn_words([prepared[i] for i in fit_on], np.asarray(ty)[fit_on], c)
            odds[scored] = regression.decision_function(vectorizer.transform([word_pairs(*prepared[used[j]]) for j in scored]))
        z = np.where(ty_used == 1, odds, -odds)
        loss = np.mean(np.logaddexp(0, -z))
        if best is None or loss < best[0]:
            best = (loss, c, odds)
    _, word_c, odds = best
    xt[used, -1] = odds
    feat.words = learn_words([prepared[i] for i in used], ty_used, word_c)
    xv = feat.features(vl, vr, timings)
    dtrain = xgb.DMatrix(xt, label=ty, missing=np.nan)
    dvalid = xgb.DMatrix(xv, label=vy, missing=np.nan)
    booster = xgb.train(PARAMS, dtrain, num_boost_round=2000, evals=[(dvalid, "valid")], early_stopping_rounds=100, verbose_eval=False)
    rounds = booster.best_iteration + 1
    pv = booster.predict(dvalid, iteration_range=(0, rounds))
    threshold = choose_threshold(pv, vy)
    vp, vr_, vf = scores(pv, vy, threshold)
    train_s = time.perf_counter() - t

    # 2. Vectorisers fitted on the notices.
    with open(args.notices, encoding="utf-8") as f:
        notices = [notice_record(json.loads(line)) for line in f if line.strip()]
    feat.fit(notices)

    # 3. The pair sample, one thread, chunk by chunk; then again with each
    # distinct record prepared and vectorised once.
    lefts, rights, labels = read_pairs(args.pairs)
    n = len(lefts)

    def predict(x):
        return booster.predict(xgb.DMatrix(x, missing=np.nan, nthread=1), iteration_range=(0, rounds))

    timings = {"prepare": 0.0, "vectorise": 0.0, "loop": 0.0}
    predict_s = 0.0
    probabilities = []
    start, cpu_start = time.perf_counter(), time.process_time()
    for begin in range(0, n, args.chunk):
        end = min(n, begin + args.chunk)
        x = feat.features(lefts[begin:end], rights[begin:end], timings)
        t = time.perf_counter()
        probabilities.append(predict(x))
        predict_s += time.perf_counter() - t
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    p = np.concatenate(probabilities)
    sp, sr, _ = scores(p, labels, threshold)

    cached_timings = {"prepare": 0.0, "vectorise": 0.0, "loop": 0.0}
    start, cpu_start = time.perf_counter(), time.process_time()
    x = feat.features(lefts, rights, cached_timings, cache=True)
    p2 = np.concatenate([predict(x[b:b + args.chunk]) for b in range(0, n, args.chunk)])
    cached, cached_cpu = time.perf_counter() - start, time.process_time() - cpu_start
    same = bool(np.allclose(p, p2, atol=1e-5))

    print(f"peer pair scoring, one thread: {n} pairs ({int(labels.sum())} planted), {len(Featurizer.NAMES)} features, "
          f"python {sys.version.split()[0]}, sklearn {sklearn.__version__}, xgboost {xgb.__version__}, numpy {np.__version__}")
    print(f"  trained on {args.train}: {rounds} rounds, threshold {threshold:.3f}, validation precision {vp:.3f} recall {vr_:.3f} "
          f"F1 {vf:.3f}, word evidence C {word_c:g} ({train_s:.1f} s)")
    print(f"  nothing cached: {elapsed:.2f} s wall, {cpu:.2f} s CPU: {n / elapsed:.0f} pairs/s, {n / cpu:.0f} pairs per CPU second")
    print(f"    (wall per pair: records {1e6 * timings['prepare'] / n:.1f} us, "
          f"TF-IDF cosines {1e6 * timings['vectorise'] / n:.1f} us, other features {1e6 * timings['loop'] / n:.1f} us, "
          f"predict {1e6 * predict_s / n:.1f} us)")
    print(f"  records prepared once: {cached:.2f} s wall, {cached_cpu:.2f} s CPU: {n / cached:.0f} pairs/s, {n / cached_cpu:.0f} pairs per "
          f"CPU second (same probabilities: {'yes' if same else 'no'})")
    print(f"  at its threshold: {int((p >= threshold).sum())} pairs taken, precision {sp:.3f}, recall {sr:.3f} against the planted pairs")
    for name, value in [("peer_pairs", n), ("peer_features", len(Featurizer.NAMES)), ("peer_rounds", rounds),
                        ("peer_valid_f1", vf), ("peer_s", elapsed), ("peer_pairs_per_s", n / elapsed),
                        ("peer_cached_s", cached), ("peer_cached_pairs_per_s", n / cached),
                        ("peer_cpu_s", cpu), ("peer_pairs_per_cpu_s", n / cpu), ("peer_cached_cpu_s", cached_cpu),
                        ("peer_cached_pairs_per_cpu_s", n / cached_cpu),
                        ("peer_records_us", 1e6 * timings["prepare"] / n), ("peer_vectorise_us", 1e6 * timings["vectorise"] / n),
                        ("peer_loop_us", 1e6 * timings["loop"] / n), ("peer_predict_us", 1e6 * predict_s / n),
                        ("peer_precision", sp), ("peer_recall", sr)]:
        print(f"RESULT {name} {value:.6g}")


if __name__ == "__main__":
    main()
