"""Allow ``python -m clearinghouse``."""

from clearinghouse.cli import main

main()
