#!/usr/bin/env python3
"""Peer for scripts/bench-peers.sh: a word-level diff of two texts with
Python's difflib, the way a quick script would redline them (no paragraph
structure). Prints the redline in git's word-diff notation."""
import difflib
import sys

old = open(sys.argv[1], encoding="utf-8").read().split()
new = open(sys.argv[2], encoding="utf-8").read().split()
out = []
for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
    if tag == "equal":
        out.append(" ".join(old[i1:i2]))
    if tag in ("delete", "replace"):
        out.append("[-" + " ".join(old[i1:i2]) + "-]")
    if tag in ("insert", "replace"):
        out.append("{+" + " ".join(new[j1:j2]) + "+}")
sys.stdout.write(" ".join(out) + "\n")
