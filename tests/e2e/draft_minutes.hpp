// The same meeting minutes as a Word file, Markdown and plain text, for the
// tests of `easyread new --from`.
#pragma once
#include <filesystem>
#include <string>

namespace e2e {

// Writes minutes.docx with libzip: a Title, headings, words split across
// runs, a comment, a photo with alternative text, a footnote, a tracked
// change, a numbered list, a smaller heading, a table, two fields, actions
// and the next meeting.
void write_minutes_docx(const std::filesystem::path& file, const std::string& photo_bytes);

// The words a person sees in that Word file, in reading order, with the
// changes accepted and the footnote at the end of its section.
extern const char* const kMinutesSeenInWord;
// The deleted text, the comment and a field's code, which must stay out.
extern const char* const kMinutesHiddenInWord[4];
extern const char* const kMinutesFootnote;
extern const char* const kMinutesPhotoAlt;

extern const char* const kMinutesMarkdown;
extern const char* const kMinutesText;

}  // namespace e2e
