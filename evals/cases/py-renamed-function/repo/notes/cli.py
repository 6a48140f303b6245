"""Entry point: `notes list` and `notes show NAME`."""
import argparse
import sys

from notes import config
from notes.store import NoteStore


def build_parser():
    parser = argparse.ArgumentParser(prog="notes")
    parser.add_argument("--config", default="notes.json", help="path of the JSON settings file")
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="print the titles of all notes")
    listing.add_argument("--limit", type=int, help="print at most this many titles")
    show = commands.add_parser("show", help="print one note")
    show.add_argument("name")
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    settings = config.load_config(args.config)
    store = NoteStore(settings["notes_dir"])
    if args.command == "list":
        limit = args.limit or settings["list_limit"]
        for title in store.titles()[:limit]:
            print(title)
    elif args.command == "show":
        sys.stdout.write(store.read(args.name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
