"""Stage 1: article files and the registry → typed records."""
