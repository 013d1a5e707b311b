"""Stage 3: views → files, staged and swapped into the output, and the search index."""
