#!/usr/bin/env python3
"""Time trafilatura.extract on every page of a directory (one core, in process).

Usage: time_trafilatura.py CORPUS_DIR   (prints a line in the same shape as
`examples/corpus time`: pages, MB, wall and cpu seconds and MB/s).
       time_trafilatura.py --extract FILE   (prints the extracted text of one
page, for `score_bodies.py --cmd`; bytes are passed so trafilatura decodes them).
"""
import os
import sys
import time

import trafilatura


def main():
    if sys.argv[1] == "--extract":
        with open(sys.argv[2], "rb") as f:
            print(trafilatura.extract(f.read()) or "")
        return
    d = sys.argv[1]
    pages = []
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name), encoding="utf-8") as f:
            pages.append(f.read())
    size = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    trafilatura.extract(pages[0])  # warm up imports and caches
    t0, c0 = time.perf_counter(), time.thread_time()
    chars = 0
    for p in pages:
        chars += len(trafilatura.extract(p) or "")
    wall, cpu = time.perf_counter() - t0, time.thread_time() - c0
    print(f"trafilatura {trafilatura.__version__}: {len(pages)} pages, {size:.2f} MB: "
          f"wall {wall:.3f} s = {size / wall:.1f} MB/s, cpu {cpu:.3f} s = {size / cpu:.1f} MB/s ({chars} chars of text)")


if __name__ == "__main__":
    main()
