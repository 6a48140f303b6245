import pytest

from notes.config import DEFAULTS, read_config


def test_file_settings_override_defaults():
    settings = read_config("tests/data/config.json")
    assert settings["editor"] == "nano"
    assert settings["notes_dir"] == "tests/data/notes"


def test_missing_settings_come_from_defaults():
    assert read_config("tests/data/config.json")["list_limit"] == DEFAULTS["list_limit"]


def test_missing_file():
    with pytest.raises(FileNotFoundError):
        read_config("tests/data/nope.json")
