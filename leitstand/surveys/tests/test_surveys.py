"""The survey link is the one deliberately anonymous page: these tests are its guard."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse

from leitstand.kpis.tests.factories import KpiFactory
from leitstand.surveys import public
from leitstand.surveys.models import Survey, SurveyResponse
from leitstand.surveys.tests.factories import SurveyFactory

pytestmark = pytest.mark.django_db


def _answers(survey: Survey, score: int = 4, text: str = "") -> dict:
    data = {f"q{q.pk}": str(score) for q in survey.questions.all()}
    data["free_text"] = text
    return data


def _answer(client, survey, **kwargs):
    client.cookies.clear()  # another browser
    return client.post(survey.get_public_url(), _answers(survey, **kwargs))


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()


@pytest.fixture
def survey(org):
    return SurveyFactory(organisation=org, title="How is order intake going?")


def test_anyone_with_the_link_answers_without_logging_in(client, survey):
    page = client.get(survey.get_public_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "How is order intake going?" in html
    assert "The process runs smoothly in my daily work." in html
    assert "Acme" not in html
    response = client.post(survey.get_public_url(), _answers(survey, text="Too much typing"))
    assert "Your answers have been saved anonymously." in response.content.decode()
    stored = SurveyResponse.objects.get()
    assert stored.free_text == "Too much typing" and stored.answers.count() == 4


def test_the_questions_appear_in_the_readers_language(client, survey):
    client.cookies["leitstand_language"] = "de"
    html = client.get(survey.get_public_url()).content.decode()
    assert "Der Prozess läuft in meinem Arbeitsalltag reibungslos." in html


@pytest.mark.parametrize("token", ["nope", "x" * 40, "y" * 200])
def test_an_unknown_link_reveals_nothing(client, survey, token):
    response = client.get(reverse("survey_answer", kwargs={"token": token}))
    assert response.status_code == 404
    html = response.content.decode()
    assert "This survey is not available" in html
    assert "Acme" not in html and "order intake" not in html


def test_a_closed_link_looks_like_an_unknown_one(client, survey):
    survey.is_open = False
    survey.save()
    response = client.get(survey.get_public_url())
    assert response.status_code == 404
    assert "How is order intake going?" not in response.content.decode()
    assert client.post(survey.get_public_url(), _answers(survey)).status_code == 404
    assert not SurveyResponse.objects.exists()


def test_one_answer_per_browser(client, survey):
    client.post(survey.get_public_url(), _answers(survey))
    again = client.post(survey.get_public_url(), _answers(survey))
    assert "already answered" in again.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_a_full_link_takes_no_more_answers(client, survey):
    survey.max_answers = 3
    survey.save()
    for _ in range(3):
        _answer(client, survey)
    assert _answer(client, survey).status_code == 404
    assert SurveyResponse.objects.count() == 3


def test_answers_from_one_address_are_throttled(client, survey, monkeypatch):
    monkeypatch.setattr(public, "ANSWERS_PER_ADDRESS", 2)
    assert _answer(client, survey).status_code == 200
    assert _answer(client, survey).status_code == 200
    assert _answer(client, survey).status_code == 429
    assert SurveyResponse.objects.count() == 2


def test_every_statement_needs_a_number_from_1_to_5(client, survey):
    data = _answers(survey)
    data[next(iter(k for k in data if k.startswith("q")))] = "9"
    response = client.post(survey.get_public_url(), data)
    assert "Please answer every statement." in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_results_stay_hidden_below_three_answers(client, login, viewer, survey):
    for _ in range(2):
        _answer(client, survey)
    html = login(viewer).get(survey.get_absolute_url()).content.decode()
    assert "Results are shown once at least 3 people have answered" in html
    assert "Average of all answers" not in html


def test_members_see_only_aggregates_and_free_text_escaped(client, login, viewer, survey):
    for score, text in ((2, "<script>alert(1)</script>"), (4, ""), (5, "Fine")):
        _answer(client, survey, score=score, text=text)
    html = login(viewer).get(survey.get_absolute_url()).content.decode()
    assert "Average of all answers: 3.67 of 5" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_outsiders_never_see_the_results(client, login, outsider, survey):
    assert login(outsider).get(survey.get_absolute_url()).status_code == 404


def test_closing_turns_the_average_into_a_kpi_figure(client, login, editor, org, survey):
    kpi = KpiFactory(
        organisation=org,
        process=survey.process,
        unit="satisfaction",
        direction="higher",
        baseline_value=None,
        baseline_date=None,
        target_value=4,
    )
    survey.kpi = kpi
    survey.phase = "before"
    survey.save()
    for score in (2, 3, 3):
        _answer(client, survey, score=score)
    login(editor).post(reverse("surveys:survey_close", kwargs={"org": "acme", "pk": survey.pk}))
    kpi.refresh_from_db()
    assert kpi.baseline_value == Decimal("2.67")
    after = SurveyFactory(organisation=org, process=survey.process, phase="after", kpi=kpi)
    for score in (4, 4, 5):
        _answer(client, after, score=score)
    login(editor).post(reverse("surveys:survey_close", kwargs={"org": "acme", "pk": after.pk}))
    after.refresh_from_db()
    assert after.measurement.value == Decimal("4.33") and after.measurement.kpi == kpi
    assert client.get(after.get_public_url()).status_code == 404


def test_editor_sets_up_a_survey_with_default_questions(login, editor, org):
    process = SurveyFactory(organisation=org).process
    client = login(editor)
    page = client.get(reverse("surveys:survey_create", kwargs={"org": "acme", "pk": process.pk}))
    form = page.context["form"]
    data = {
        "title": "Before",
        "phase": "before",
        "max_answers": "50",
        "free_text_question": form["free_text_question"].initial,
    }
    data.update({f"question_{n}": form[f"question_{n}"].initial or "" for n in range(1, 7)})
    data["question_5"] = "I know whom to ask when an order is unclear."
    client.post(reverse("surveys:survey_create", kwargs={"org": "acme", "pk": process.pk}), data)
    survey = Survey.objects.get(title="Before")
    keys = list(survey.questions.values_list("key", "text"))
    assert keys[0] == ("smooth", "") and keys[4] == ("", data["question_5"])
    assert survey.free_text_question == ""  # the default: shown in each reader's language
    assert len(survey.token) >= 32


def test_fewer_than_three_questions_are_refused(login, editor, org):
    process = SurveyFactory(organisation=org).process
    response = login(editor).post(
        reverse("surveys:survey_create", kwargs={"org": "acme", "pk": process.pk}),
        {"title": "T", "phase": "before", "max_answers": "50", "question_1": "Only one"},
    )
    assert response.status_code == 200
    assert Survey.objects.filter(title="T").count() == 0
