"""Prints the nightly report's query."""

from pathlib import Path

print(Path("/app/report.sql").read_text())
