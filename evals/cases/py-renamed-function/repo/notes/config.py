"""Settings for the notes CLI, read from a JSON file and merged over the defaults."""
import json

DEFAULTS = {
    "notes_dir": "notes",
    "editor": "vi",
    "list_limit": 20,
}


def read_config(path):
    """The settings in the JSON file at path, with DEFAULTS filling in the keys it leaves out."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    unknown = sorted(set(data) - set(DEFAULTS))
    if unknown:
        raise ValueError(f"unknown setting(s) in {path}: {', '.join(unknown)}")
    return {**DEFAULTS, **data}
