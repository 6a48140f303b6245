import io
from contextlib import redirect_stdout

from notes.cli import main

CONFIG = "tests/data/config.json"


def run(*argv):
    """Runs the CLI with the test settings; returns its exit status and what it printed."""
    output = io.StringIO()
    with redirect_stdout(output):
        status = main(["--config", CONFIG, *argv])
    return status, output.getvalue()


def test_list_prints_titles_in_file_order():
    assert run("list") == (0, "Grocery list\nMeeting notes\nTrip ideas\n")


def test_list_limit_option():
    assert run("list", "--limit", "1") == (0, "Grocery list\n")


def test_show_prints_the_note():
    assert run("show", "meeting") == (0, "# Meeting notes\n\nMoved the release to Thursday.\n")
