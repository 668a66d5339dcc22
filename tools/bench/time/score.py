#!/usr/bin/env python3
"""Scores system TIMEX3 against the gold written by prep.py with the TempEval-3 rules
used by crates/time/examples/eval_tempeval.rs: strict and relaxed span P/R/F1 and value
F1 (values compared on relaxed matches; P = correct / system, R = correct / gold).

Usage: score.py GOLD_TSV SYS_TSV
Prints key=value lines: strict_f1, relaxed_f1, value_f1, gold, sys.
"""
import collections
import sys


def load(path):
    by = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 5:
            by[f[0]].append((int(f[1]), int(f[2]), f[3], f[4]))
    return by


gold, sys_ = load(sys.argv[1]), load(sys.argv[2])
n_gold = sum(len(v) for v in gold.values())
n_sys = sum(len(v) for v in sys_.values())
strict = relaxed = value = 0
for name, ms in sys_.items():
    g = gold.get(name, [])
    used = [False] * len(g)
    for s, e, _t, v in ms:
        for k, (gs, ge, _gt, gv) in enumerate(g):
            if not used[k] and gs < e and s < ge:
                used[k] = True
                relaxed += 1
                strict += gs == s and ge == e
                value += gv == v
                break


def f1(tp):
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


print(f"gold={n_gold}")
print(f"sys={n_sys}")
print(f"strict_f1={f1(strict):.3f}")
print(f"relaxed_f1={f1(relaxed):.3f}")
print(f"value_f1={f1(value):.3f}")
