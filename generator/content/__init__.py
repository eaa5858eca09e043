"""Reading and checking the radar's files into one model: no Jinja, no matplotlib."""
