"""The matcher's quick look (may_reach) agrees with its full search for an alias."""

from hypothesis import given, settings
from hypothesis import strategies as st

from leitstand.products.matching import matcher
from leitstand.products.names import parse_name

WORDS = st.sampled_from(
    [*sorted(matcher().by_token)[::7], "privat", "2019", "pro", "(Vertrieb)", "[alt]", "pipe"]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=4).map(" ".join))
def test_the_quick_look_says_what_the_full_search_finds(name):
    found = matcher()
    tokens, context = parse_name(name)
    full = bool((tokens and found._best_alias(tokens)) or (context and found._best_alias(context)))
    assert found.may_reach(name, 0.9) == full
