"""The audio's choice among many texts, and when poorly fitting words are worth showing
(real PocketSphinx on espeak-ng speech; no scorer is mocked)."""

from editor.align.aligner import RATE
from editor.align.text import segment_tokens
from editor.hearing.fit import fit_tokens, hearing_aligner
from editor.hearing.spotting import spot_names
from editor.hearing.suspects import runs, typical_fit, word_doubts
from editor.hearing.verdict import TimedToken, best_of, cut, region_of

LINE = ("split name", "Tonight my guest is {Chevonne cove all check|Siobhan Kowalczyk} from the county housing board.")
# Names a glossary might hold besides the right one: many alternatives in one grammar.
OTHERS = ["Marguerite Oyelaran", "Tiberius Vandermolen", "Anouk Delacroix", "Hallquist", "Brandvold",
          "Kessler", "Milwaukee", "Smallgate", "NTSB", "NEH", "EPA", "Our Revolution", "Rosalind Pettigrew"]


def _fitted(material, audio="right"):
    episode = material.episode([LINE], [], audio=audio)
    segment = episode.transcript.segments[0]
    lo, hi = segment.start_ms - 500, segment.end_ms + 1300
    samples = episode.audio[max(0, lo) * RATE // 1000:hi * RATE // 1000]
    aligner = hearing_aligner()
    fitted = fit_tokens(samples, segment_tokens(segment), aligner, max(0, lo))
    assert fitted is not None
    timed = [TimedToken(t.char_start, t.char_end, t.start_ms, t.end_ms) for t in fitted.tokens]
    return episode, segment, samples, max(0, lo), aligner, fitted, timed


def test_one_pass_picks_the_name_among_many_and_the_text_when_it_is_said(material):
    episode, segment, samples, start, aligner, _fitted_tokens, timed = _fitted(material)
    passage = episode.passages[0]
    where = region_of(segment.text, timed, passage.start, passage.end)
    candidates = OTHERS + ["Siobhan Kowalczyk", where.original]
    assert best_of(cut(samples, start, where), where, candidates, aligner) == "Siobhan Kowalczyk"

    _episode, segment, samples, start, aligner, _fitted_tokens, timed = _fitted(material, audio="wrong")
    where = region_of(segment.text, timed, passage.start, passage.end)
    assert best_of(cut(samples, start, where), where, candidates, aligner) == where.original


def test_a_split_name_is_heard_in_its_badly_fitting_pieces(material):
    episode, segment, samples, start, aligner, fitted, timed = _fitted(material)
    doubts = word_doubts(segment.text, fitted.tokens)
    weak = runs(segment.text, doubts, 0, segment.id, unsupported=True)
    assert weak and all(s.char_start >= episode.passages[0].start and s.char_end <= episode.passages[0].end
                        for s in weak)
    spans = [(s.char_start, s.char_end) for s in weak]
    spotted = spot_names(segment.text, timed, spans, OTHERS + ["Siobhan Kowalczyk"], samples, start, aligner,
                         typical_fit(fitted.tokens))
    assert [(s.found, s.name) for s in spotted] == [("Chevonne cove all check", "Siobhan Kowalczyk")]
