// Phase 2C: recognising a hand-drawn priority circle.
//
// A participant takes the pen of their role's colour and draws, with a finger, a loop
// around the one partner (post-it) they find a priority. The stroke stays on the board as
// drawn; recognise_priority() says which post-it it marks, as a person looking at the flip
// chart would:
//
//  1. The stroke is cleaned: non-finite points (and absurd ones, |x| or |y| > 1e7) are
//     dropped, as are repeats and touch glitches (a lone sample far off the path and
//     straight back, or a far jump at either end). Fewer than 3 points left: Nothing
//     (TooFewPoints); a bounding box less than kMinStrokeSize across: Nothing (TooSmall).
//  2. The stroke is closed into a shape (Closure):
//       Loop      the ends meet (gap <= 12% of the path length) or the stroke turns at
//                 least 0.9 times around its centre (overshoot, double loops): the ends
//                 are joined by a straight line;
//       Completed an open arc (turning 0.45 .. 0.9 times around): an ellipse is fitted to
//                 the ink and the missing part is drawn along it;
//       Chord     anything else (a C, a tick, a line): the ends are joined straight.
//     Inside is the non-zero winding rule, so a loop drawn twice around, an overshoot and
//     both lobes of a figure-eight count as inside.
//  3. For every face-up post-it near the stroke (bounding-box prefilter): `coverage`, the
//     fraction of the note's (rotated, scaled) rectangle inside the shape; `share`, the
//     fraction of the shape's area that is this note; `ink`, how much of the stroke runs
//     on or near the note (1 on it, falling to 0 at kInkReach away; mean over the path).
//  4. Decision:
//     - Enclosure: some note has coverage >= kEnclosed (0.5). More than kMaxCandidates
//       notes that far inside (a loop around a whole region): Nothing (TooMany). The
//       contenders are the notes with coverage >= max(0.3, 0.45 x the best): one → One,
//       several → Ambiguous, most covered first. A loop around one note with margins that
//       clips a neighbour's corner is One.
//     - Otherwise marking: the stroke encloses no note (a tick, a small circle or scribble
//       on a note, a line across it). The note with the most ink (>= 0.2) wins if every
//       other note has less than half its ink; otherwise the notes with at least half the
//       best ink are the candidates (Ambiguous). No note near the ink: Nothing (NoNote).
//
// Cost: linear in the stroke plus the notes near it (a bounding-box prefilter skips the
// rest); about 0.2 ms (-O2) for a 500-point stroke on a 500-post-it board.
#pragma once

#include <vector>

#include "document.hpp"

namespace nk {

inline constexpr double kMinStrokeSize = 10;  // board units across (bounding box diagonal)
inline constexpr double kEnclosed = 0.5;      // coverage from which a note counts as encircled
inline constexpr double kInkReach = 30;       // board units: ink this far from a note no longer marks it
inline constexpr int kMaxCandidates = 4;

// How one post-it relates to the stroke.
struct StrokeScore {
    Id partner = 0;
    double coverage = 0;  // 0..1: fraction of the note inside the closed shape
    double share = 0;     // 0..1: fraction of the shape's area that the note fills
    double ink = 0;       // 0..1: how much of the stroke lies on or near the note
};

struct StrokeVerdict {
    enum class Kind { One, Ambiguous, Nothing } kind = Kind::Nothing;
    Id partner = 0;               // Kind::One
    std::vector<Id> candidates;   // Kind::Ambiguous: best first (at most kMaxCandidates)

    // Why this verdict.
    enum class Why {
        Enclosed,      // the shape encloses the note(s)
        Marked,        // the stroke encloses no note but runs on or near the note(s)
        TooMany,       // Nothing: more than kMaxCandidates notes enclosed
        NoNote,        // Nothing: no face-up note inside or near the stroke
        TooSmall,      // Nothing: the stroke is smaller than kMinStrokeSize
        TooFewPoints,  // Nothing: fewer than 3 usable points
    } why = Why::TooFewPoints;

    enum class Closure { None, Loop, Completed, Chord } closure = Closure::None;
    double gap = 0;     // distance between the stroke's ends / its path length
    double turns = 0;   // how many times the stroke turns around its centre (signed)
    double area = 0;    // area of the closed shape, board units^2
    // The closed shape used: the usable stroke points, then (Completed) the filled-in part.
    std::vector<Vec2> outline;
    // Every post-it considered, in the order of the decision (the candidates first).
    std::vector<StrokeScore> scores;
};

StrokeVerdict recognise_priority(const Document& d, const std::vector<Vec2>& stroke_board_units);

}  // namespace nk
