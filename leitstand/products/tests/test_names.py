"""The normal form of names: tokens, version words, context in brackets."""

from hypothesis import given
from hypothesis import strategies as st

from leitstand.products import names
from leitstand.products.names import fold, parse_name, tokens_of


def tokens(text):
    return parse_name(text).tokens


def test_glued_versions_are_split_and_kept_together_where_they_belong():
    assert tokens("Win Server 2012R2") == ("win", "server", "2012", "r2")
    assert tokens("Shopware6") == ("shopware", "6")
    assert tokens("Windows 10 22H2") == ("windows", "10", "22h2")
    assert tokens("SQL 2016 SP3") == ("sql", "2016", "sp3")
    assert tokens("Exchange 2019 CU14 SU3") == ("exchange", "2019")
    assert tokens("AS/400 V7R3") == ("as", "400", "7.3")
    assert tokens("Veeam v12") == ("veeam", "12")
    assert tokens("W2K12R2") == ("server", "2012", "r2")
    assert tokens("shopware 6.5.8") == ("shopware", "6.5.8")


def test_umlauts_and_case_meet():
    assert tokens("Büro+") == tokens("BUERO +") == ("buero",)
    assert fold("Straße") == "strasse"


def test_brackets_become_context():
    name = parse_name("Dropbox (Vertrieb privat)")
    assert name.tokens == ("dropbox",)
    assert name.context == ("vertrieb", "privat")


@given(st.text(max_size=80))
def test_any_text_gives_tokens_without_error(text):
    parsed = parse_name(text)
    assert all(token and token == token.lower() for token in parsed.tokens)
    assert tokens_of(fold(text)) is not None


@given(
    st.text(alphabet=st.sampled_from(list("abvrkspwh0129 .-_()\t\x0bäß²")), max_size=30)
    | st.lists(st.sampled_from(["system", "2012", "r2", "w2k12", "v7r3", "sp3", "x"])).map(" ".join)
)
def test_plain_words_and_numbers_are_tokens_as_the_patterns_make_them(text):
    folded = fold(text)
    assert tokens_of(folded) == names._tokens_by_pattern(folded)
