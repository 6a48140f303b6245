"""Parses access log lines in the Common Log Format."""
import re
from dataclasses import dataclass
from typing import Optional

LINE = re.compile(
    r'(?P<host>\S+) \S+ (?P<user>\S+) \[(?P<time>[^\]]+)\] '
    r'"(?P<method>[A-Z]+) (?P<path>\S+)[^"]*" (?P<status>\d{3}) (?P<size>\d+|-)'
)


@dataclass(frozen=True)
class Request:
    host: str
    user: Optional[str]
    time: str
    method: str
    path: str
    status: int
    size: int  # bytes in the response body


def parse_line(line):
    match = LINE.match(line)
    if match is None:
        raise ValueError(f"not a Common Log Format line: {line!r}")
    size = match["size"]
    return Request(
        host=match["host"],
        user=None if match["user"] == "-" else match["user"],
        time=match["time"],
        method=match["method"],
        path=match["path"],
        status=int(match["status"]),
        size=0 if size == "-" else size,
    )


def parse_lines(lines):
    return [parse_line(line) for line in lines if line.strip()]
