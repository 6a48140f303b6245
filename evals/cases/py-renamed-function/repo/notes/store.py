"""Notes are Markdown files in one directory; a note's title is its first heading."""
from pathlib import Path


class NoteStore:
    def __init__(self, directory):
        self.directory = Path(directory)

    def _files(self):
        return sorted(self.directory.glob("*.md"))

    def titles(self):
        return [self._title(path) for path in self._files()]

    def read(self, name):
        path = self.directory / f"{name}.md"
        if not path.is_file():
            raise KeyError(f"no note named {name!r}")
        return path.read_text(encoding="utf-8")

    @staticmethod
    def _title(path):
        with open(path, encoding="utf-8") as f:
            first = f.readline().strip()
        return first.lstrip("#").strip() or path.stem
