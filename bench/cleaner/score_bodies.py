#!/usr/bin/env python3
"""Body F1 of a main-content extractor on the fixtures (standard library only).

Usage:
  score_bodies.py [--bin target/release/newsfacts] [--cmd 'TEMPLATE {}'] [--fixtures fixtures]
                  [--bodies bench/cleaner/bodies]
                  [--only STEM ...] [--json] [--diff]

For every `fixtures/expected/<stem>.json` with a page in `fixtures/pages/`:
  * the gold body is `<bodies>/<stem>.txt` when that file exists,
    otherwise the page's visible text (HTML: text nodes outside <head>, <script>,
    <style>; text files: the text) from the `body_span.start` anchor to the end of
    the `body_span.end` anchor, minus every `strip` string;
  * `doubtful` texts count neither way: they are removed from gold and prediction;
  * the prediction is the stdout of `BIN clean PAGE` (or of TEMPLATE with `{}`
    replaced by the page path, e.g. a readability or trafilatura wrapper);
  * English (expected `lang` starts with `en`) is scored by word tokens
    (`\\w+` after NFKC + lower-casing), Chinese by characters (every
    non-space character after NFKC, punctuation included), both as bags:
    precision = common / predicted, recall = common / gold.
Prints one row per fixture and the mean F1 per script (en, zh-Hans, zh-Hant).
"""
import argparse
import collections
import html.parser
import json
import os
import re
import shlex
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


class Visible(html.parser.HTMLParser):
    SKIP = {"script", "style", "head", "title", "noscript", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.nodes = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.nodes.append(data.strip())


def page_text(path, expected):
    raw = open(path, "rb").read()
    enc = expected.get("encoding", "utf-8")
    text = raw.decode(enc, errors="replace")
    if path.endswith((".html", ".htm")):
        p = Visible()
        p.feed(text)
        return "\n".join(p.nodes)
    return text


BODIES = os.path.join(HERE, "bodies")


def gold_body(stem, path, expected):
    explicit = os.path.join(BODIES, stem + ".txt")
    if os.path.exists(explicit):
        return open(explicit, encoding="utf-8").read()
    text = page_text(path, expected)
    span = expected.get("body_span") or {}
    start = text.find(span.get("start", "")) if span.get("start") else 0
    if start < 0:
        raise SystemExit(f"{stem}: body_span.start not found")
    end_anchor = span.get("end", "")
    end = text.find(end_anchor, start) if end_anchor else len(text)
    if end < 0:
        raise SystemExit(f"{stem}: body_span.end not found")
    body = text[start:end + len(end_anchor)]
    for s in sorted(expected.get("strip", []), key=len, reverse=True):
        body = body.replace(s, " ")
    return body


def doubtful(expected):
    out = []
    for d in expected.get("doubtful", []):
        t = d.get("text") if isinstance(d, dict) else d
        if t:
            out.append(t)
    return out


def units(text, chinese):
    t = unicodedata.normalize("NFKC", text).lower()
    if chinese:
        return [c for c in t if not c.isspace()]
    return re.findall(r"\w+", t)


def f1(pred, gold):
    p, g = collections.Counter(pred), collections.Counter(gold)
    common = sum((p & g).values())
    if not pred and not gold:
        return 1.0, 1.0, 1.0
    prec = common / max(1, sum(p.values()))
    rec = common / max(1, sum(g.values()))
    f = 0.0 if prec + rec == 0 else 2 * prec * rec / (prec + rec)
    return prec, rec, f


def run(args, page):
    if args.cmd:
        cmd = [a.replace("{}", page) for a in shlex.split(args.cmd)]
    else:
        cmd = [args.bin, "clean", page]
    r = subprocess.run(cmd, capture_output=True)
    if r.returncode != 0:
        sys.stderr.write(f"{page}: exit {r.returncode}: {r.stderr.decode(errors='replace')[:300]}\n")
    return r.stdout.decode("utf-8", errors="replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/newsfacts"))
    ap.add_argument("--cmd", help="command template; {} is the page path")
    ap.add_argument("--fixtures", default=os.path.join(ROOT, "fixtures"))
    ap.add_argument("--bodies", default=BODIES, help="directory of gold body texts")
    ap.add_argument("--only", nargs="*", help="stems or stem prefixes to score")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--diff", action="store_true", help="print missed and extra units")
    args = ap.parse_args()
    globals()["BODIES"] = args.bodies

    pages = {os.path.splitext(f)[0]: os.path.join(args.fixtures, "pages", f)
             for f in os.listdir(os.path.join(args.fixtures, "pages"))}
    rows = []
    exp_dir = os.path.join(args.fixtures, "expected")
    for name in sorted(os.listdir(exp_dir)):
        if not name.endswith(".json"):
            continue
        stem = name[:-5]
        if stem not in pages or (args.only and not any(stem.startswith(o) for o in args.only)):
            continue
        expected = json.load(open(os.path.join(exp_dir, name), encoding="utf-8"))
        lang = expected.get("lang", ["en"])
        lang = lang[0] if isinstance(lang, list) else lang
        chinese = lang.startswith("zh")
        gold = gold_body(stem, pages[stem], expected)
        pred = run(args, pages[stem])
        for d in doubtful(expected):
            gold = gold.replace(d, " ")
            pred = pred.replace(d, " ")
        gu, pu = units(gold, chinese), units(pred, chinese)
        p, r, f = f1(pu, gu)
        rows.append({"fixture": stem, "lang": lang, "unit": "char" if chinese else "token",
                     "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)})
        if args.diff:
            g, q = collections.Counter(gu), collections.Counter(pu)
            miss = (g - q).most_common(25)
            extra = (q - g).most_common(25)
            sys.stderr.write(f"{stem}\n  missed: {miss}\n  extra:  {extra}\n")
    by = collections.defaultdict(list)
    for r in rows:
        by[r["lang"]].append(r["f1"])
    means = {k: round(sum(v) / len(v), 4) for k, v in sorted(by.items())}
    if args.json:
        print(json.dumps({"rows": rows, "mean_f1": means}, ensure_ascii=False, indent=1))
        return
    print(f"{'fixture':45} {'lang':8} {'unit':6} {'P':>6} {'R':>6} {'F1':>6}")
    for r in rows:
        print(f"{r['fixture']:45} {r['lang']:8} {r['unit']:6} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}")
    for k, v in means.items():
        print(f"mean F1 {k:8} {v:.3f} ({len(by[k])} fixtures)")


if __name__ == "__main__":
    main()
