// The layout's own spacing (private to the layout stage). Sizes, margins,
// picture sizes and gaps between rows come from the template; these are the
// small proportions between them, each in parts of the text size it follows.
#pragma once

namespace easyread::layout {

// After a paragraph outside rows (cover lines, closing lines): half a line
// of air, so each stands on its own.
constexpr double kParagraphGap = 0.5;
// After the cover title: a little less, so the date reads as part of it.
constexpr double kCoverTitleGap = 0.4;
// After a heading: half its size, so it stays close to what it introduces.
constexpr double kHeadingGap = 0.5;
// Between sentences in a row, so each reads as its own line of thought.
constexpr double kSentenceGap = 0.25;
// Between a bullet and its text.
constexpr double kBulletGap = 0.6;
// The rule under a heading, in points: 2 below its last line, 2 thick.
constexpr double kRuleOffset = 2, kRuleThickness = 2;
// Page numbers stand 45% of the bottom margin up from the page edge: a little
// below the middle of the margin, away from the text.
constexpr double kFooterBaseline = 0.45;
// Points: sums of line heights may round a hair past a limit they meet exactly.
constexpr double kRoundingSlack = 0.01;

}  // namespace easyread::layout
