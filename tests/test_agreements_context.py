"""st_agreements: sides, dates and types an event takes from the page around its sentence
(SPEC 3.4, 3.5): the dateline, the instruments and events told before."""

from pipeline.nlp import analyse_text


def events(nlp, text):
    return analyse_text(nlp, text)._.agreements


def only(nlp, text):
    found = events(nlp, text)
    assert len(found) == 1, [(e.type, e.action, e.trigger.text) for e in found]
    return found[0]


# -- dates from the dateline ---------------------------------------------------

def test_weekday_is_the_last_such_day_up_to_the_dateline_needs_dates(nlp):
    text = (
        "Thursday, 14 March 2024\n\n"
        "The Norwegian Polar Institute and the Peruvian Antarctic Institute signed a letter of intent "
        "on ice cores on Tuesday."
    )
    event = only(nlp, text)
    assert (event.date_value, event.date_text) == ("2024-03-12", "Tuesday")


def test_participle_takes_the_dateline_word_of_its_carrier_needs_dates(nlp):
    text = (
        "Helsinki, 6 May 2022\n\n"
        "Finland and Chile yesterday renewed their cooperation in forestry science, "
        "signing a new memorandum on seed banks."
    )
    event = only(nlp, text)
    assert (event.action, event.date_value) == ("signed", "2022-05-05")
