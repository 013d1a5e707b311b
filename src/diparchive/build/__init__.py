"""The pipeline that runs the stages, the cache that lets a build reuse the last one, workers."""
