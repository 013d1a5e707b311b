"""Random site.yaml, registry and front matter documents (structures and raw YAML text): the
project's own error or a result, never another exception (issue 17)."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import PROJECT
from diparchive.config import load_config
from diparchive.errors import DiparchiveError
from diparchive.read.recognizer import build_recognizer
from diparchive.read.registry import load_registry
from diparchive.yamlsource import parse_yaml

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.text(max_size=12),
        st.dates(),
        st.sampled_from(["{n}", "{", "{foo}", "{n.__class__}", "unga-²", "unga-99999999999999999999", "!!!", "()"]),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8,
)
# Raw YAML pieces a careless or hostile hand writes: anchors, aliases, merge keys, tags, nesting.
RAW = st.lists(
    st.sampled_from(
        [
            "&a ",
            "*a",
            "<<: ",
            "!!python/object ",
            "!x ",
            "[",
            "]",
            "{",
            "}",
            ": ",
            "- ",
            "\n",
            "  ",
            "key",
            "2024-02-30",
            "'",
            '"',
            "#",
            "? ",
            "|",
            ">",
            "\t",
            "\ufeff",
            "\x00",
            "title",
            "vi",
            "en",
            "{n}",
        ]
    ),
    max_size=40,
).map("".join)


def _mutate(document: object, path: list[str | int], value: object) -> object:
    """The document with the value at the first reachable step of `path` replaced."""
    if not path:
        return value
    step, rest = path[0], path[1:]
    if isinstance(document, dict) and document:
        key = sorted(document, key=str)[hash(str(step)) % len(document)]
        return {**document, key: _mutate(document[key], rest, value)}
    if isinstance(document, list) and document:
        index = hash(str(step)) % len(document)
        return document[:index] + [_mutate(document[index], rest, value)] + document[index + 1 :]
    return value


STEPS = st.lists(st.one_of(st.integers(0, 50), st.text(max_size=3)), max_size=5)


def _registry_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "content" / "registry"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(PROJECT / "content" / "registry", folder)
    return folder


def _expect_clean(call) -> None:
    try:
        call()
    except DiparchiveError as exc:
        assert exc.problems and all(str(p) for p in exc.problems)


@FUZZ
@given(name=st.sampled_from(["leaders.yaml", "events.yaml", "outlets.yaml"]), raw=RAW)
def test_registry_documents_with_raw_yaml_in_front(tmp_path, name, raw):
    folder = _registry_folder(tmp_path)
    (folder / name).write_text(raw + "\n" + (folder / name).read_text(encoding="utf-8"), encoding="utf-8")
    _expect_clean(lambda: build_recognizer(load_registry(folder, tmp_path)))


@FUZZ
@given(steps=STEPS, value=VALUES, raw=RAW)
def test_site_yaml_documents(tmp_path, steps, value, raw):
    shutil.copy(PROJECT / "site.yaml", tmp_path / "site.yaml")
    document = yaml.safe_load((tmp_path / "site.yaml").read_text(encoding="utf-8"))
    (tmp_path / "site.yaml").write_text(
        yaml.safe_dump(_mutate(document, steps, value), allow_unicode=True), encoding="utf-8"
    )
    _expect_clean(lambda: load_config(tmp_path))
    (tmp_path / "site.yaml").write_text(raw, encoding="utf-8")
    _expect_clean(lambda: load_config(tmp_path))


@FUZZ
@given(raw=RAW)
def test_raw_yaml_never_escapes_as_another_exception(raw):
    _expect_clean(lambda: parse_yaml(raw, Path("x.yaml")))
