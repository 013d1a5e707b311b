"""Stage 2: records → every page as a template name and a prepared view."""
