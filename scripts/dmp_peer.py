#!/usr/bin/env python3
"""Peer for scripts/bench-peers.sh: Google's diff-match-patch on two texts,
as its documentation shows it (character diff, semantic clean-up, default
one-second time limit), printed as a pretty HTML redline."""
import sys

from diff_match_patch import diff_match_patch

old = open(sys.argv[1], encoding="utf-8").read()
new = open(sys.argv[2], encoding="utf-8").read()
dmp = diff_match_patch()
diffs = dmp.diff_main(old, new)
dmp.diff_cleanupSemantic(diffs)
sys.stdout.write(dmp.diff_prettyHtml(diffs) + "\n")
