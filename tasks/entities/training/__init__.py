"""Training of the entity stage's CRF (model/model.crfsuite), never run by the pipeline.

    train.py      python -m tasks.entities.training.train: trains the model and its word list
    uner.py       reads UNER IOB2 files (training and bench/bench_entities.py)
    wiresynth.py  wire-style training documents from data/wiresynth_templates.txt and the word lists
"""
