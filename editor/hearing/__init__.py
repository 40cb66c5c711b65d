"""Hearing the mistakes: what the audio says about the transcript (plain Python, no Qt).

fit.py       how well the audio supports each word (acoustic score of a forced alignment)
suspects.py  doubt per word from audio, recognizer confidence and spelling; runs as suspects
voice.py     the episode's voice heard phone by phone: which pairs of poor fits it explains
verdict.py   align the original and a candidate correction over the same audio and compare
spotting.py  glossary names heard inside suspect passages
listen.py    the whole transcript on the alignment worker processes
suggest.py   suggestions (glossary scan + audio verdicts + names heard) and suspects together
"""
