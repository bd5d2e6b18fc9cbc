"""``python -m newsmeta.batch INPUT... -o OUTPUT``: the same as ``newsmeta batch``."""

import sys

from .cli import build_parser, main

if __name__ == "__main__":
    sys.exit(main(build_parser().parse_args()))
