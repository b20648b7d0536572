#!/usr/bin/env python3
"""Peer for scripts/bench-peers.sh: Python's `redlines` package (Word-style
track changes as Markdown) on two texts."""
import sys

from redlines import Redlines

old = open(sys.argv[1], encoding="utf-8").read()
new = open(sys.argv[2], encoding="utf-8").read()
sys.stdout.write(Redlines(old, new, markdown_style="none").output_markdown + "\n")
