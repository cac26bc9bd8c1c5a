#!/usr/bin/env python3
"""Writes the 50 MB pages that the memory table in README.md is measured on.

Usage: gen_big.py OUT_DIR [MEGABYTES]

  script_only.html   one <script> element, nothing to keep
  zh_p_varied.html   Chinese paragraphs in <p>, each one different (nothing
                     for the duplicate filter to drop: the worst case)
  zh_p_repeated.html fixture 104's paragraphs repeated
  en_nested_div.html English paragraphs, each in three nested <div>s
  dom_limit.html     a page just under the DOM limit (8 MB), Chinese <p>
"""
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

out = sys.argv[1]
mb = int(sys.argv[2]) if len(sys.argv) > 2 else 50
size = mb * 1024 * 1024
os.makedirs(out, exist_ok=True)
rng = random.Random(7)

HEAD = '<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>\n'
TAIL = "</body></html>\n"

with open(os.path.join(ROOT, "fixtures/pages/104_zh_hans_utf8.html"), encoding="utf-8") as f:
    zh_paras = re.findall(r"<p>([^<]{20,})</p>", f.read())
with open(os.path.join(ROOT, "fixtures/pages/201_en_wordpress_blog.html"), encoding="utf-8") as f:
    en_paras = re.findall(r"<p>([^<]{40,})</p>", f.read())
han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def write(name, piece, limit=size):
    n = len(HEAD)
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(HEAD)
        while n < limit:
            p = piece()
            f.write(p)
            n += len(p.encode("utf-8"))
        f.write(TAIL)


def varied_zh():
    s = "".join(rng.choice(han) for _ in range(rng.randint(40, 160)))
    return "<p>" + s + "，英伟达H100售价" + str(rng.randint(1, 99999)) + "元。</p>\n"


write("script_only.html", lambda: "<script>var x = " + str(rng.random()) + ";</script>\n")
write("zh_p_varied.html", varied_zh)
write("zh_p_repeated.html", lambda: "<p>" + rng.choice(zh_paras) + "</p>\n")
write(
    "en_nested_div.html",
    lambda: "<div class=a><div class=b><div class=c>" + rng.choice(en_paras) + " " + str(rng.randint(1, 10**9)) + "</div></div></div>\n",
)
write("dom_limit.html", varied_zh, limit=8 * 1024 * 1024 - 4096)
