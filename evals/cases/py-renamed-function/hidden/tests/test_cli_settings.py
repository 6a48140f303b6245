import pytest

from notes.cli import main


def test_list_limit_from_the_config_file(capsys):
    assert main(["--config", "tests/data/config_limited.json", "list"]) == 0
    assert capsys.readouterr().out == "Grocery list\nMeeting notes\n"


def test_limit_option_beats_the_config_file(capsys):
    assert main(["--config", "tests/data/config_limited.json", "list", "--limit", "3"]) == 0
    assert capsys.readouterr().out == "Grocery list\nMeeting notes\nTrip ideas\n"


def test_unknown_setting_is_rejected():
    with pytest.raises(ValueError, match="colour"):
        main(["--config", "tests/data/config_unknown.json", "list"])


def test_missing_config_file_is_an_error():
    with pytest.raises(FileNotFoundError):
        main(["--config", "tests/data/missing.json", "list"])
