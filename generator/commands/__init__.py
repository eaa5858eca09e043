"""One module per `radar` command."""
