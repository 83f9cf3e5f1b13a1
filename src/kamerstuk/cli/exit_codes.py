"""The exit codes every `kamerstuk` command uses."""

#: Everything was read and nothing failed.
EXIT_OK = 0
#: A file could not be parsed, or a check failed.
EXIT_FAILED = 1
#: The command line was wrong: unknown option, missing argument, bad configuration.
EXIT_USAGE = 2
#: Stopped by Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130
