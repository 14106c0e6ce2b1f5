"""`python -m pipeline`: the command line, with stop signals handled from the very first line."""

from pipeline.startup_signals import end_at_once_on_signals

end_at_once_on_signals()

from pipeline.cli import main  # noqa: E402 - imported after the handlers: it takes a moment

main()
