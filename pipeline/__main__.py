"""The command line (`pipeline` and `python -m pipeline`), with stop signals handled from its very
first line: the handlers go in before the command line's libraries load, which takes a moment."""

from pipeline.startup_signals import end_at_once_on_signals


def main() -> None:
    end_at_once_on_signals()
    from pipeline.cli import main as command_line

    command_line()


if __name__ == "__main__":
    main()
