"""A print column's wrapped lines joined back into their paragraphs (read/unwrap.py), on texts
written here."""

from __future__ import annotations

from diparchive.read.unwrap import unwrap

COLUMN = [
    "HANOI — The Deputy Prime Minister on",
    "Tuesday received the visiting foreign",
    "minister of Chile, saying the two coun-",
    "tries should lift two-way trade to a",
    "new high by the end of the decade.",
]


def _texts(lines):
    return [text for _, text in unwrap(lines)]


def test_a_wrapped_paragraph_is_one_line_again_and_a_cut_word_whole():
    joined = _texts(COLUMN)
    assert joined == [
        "HANOI — The Deputy Prime Minister on Tuesday received the visiting foreign minister of Chile, saying "
        "the two countries should lift two-way trade to a new high by the end of the decade."
    ]
    assert unwrap(["Menu", *COLUMN])[1][0] == 1  # the joined line keeps the index of its first line


def test_a_word_the_file_writes_with_its_hyphen_keeps_it():
    lines = [
        "Officials called it one of the fastest-",
        "growing partnerships in the region, and",
        "said ties would deepen further this year.",
        "The fastest-growing markets were named.",
    ]
    assert _texts(lines)[0].startswith("Officials called it one of the fastest-growing partnerships")


def test_a_list_of_headlines_as_wide_as_each_other_is_not_joined():
    headlines = [f"Tin tức thể thao và giải trí số {n} cuối tuần" for n in range(5)]
    assert _texts(headlines) == headlines


def test_lines_a_web_page_prints_whole_and_a_two_line_headline_are_left_as_they_are():
    page = [
        "Minister receives the ambassador",
        "of Chile in Hanoi",
        "The minister received the ambassador of Chile in Hanoi on Tuesday, and the two sides agreed to "
        "work together on trade, mining and renewable energy over the next five years.",
        "Share",
    ]
    assert _texts(page) == page


def test_a_line_that_ends_its_sentence_or_opens_a_byline_is_never_joined():
    lines = ["The talks ended with a joint statement on trade.", "By Jane Doe and a colleague in Hanoi", *COLUMN]
    assert _texts(lines)[:2] == lines[:2]
