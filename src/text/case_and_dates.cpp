// Case folding and dates in the reader's language, from ICU.
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/smpdtfmt.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <memory>

#include "text/text.hpp"

namespace easyread::text {
namespace {

icu::Locale locale_for(const std::string& lang) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(lang, status);
  if (U_FAILURE(status) || locale.isBogus()) return icu::Locale("en", "GB");
  return locale;
}

bool is_english(const std::string& lang) { return lang == "en" || lang.rfind("en-", 0) == 0; }

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace

std::string fold_case(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  return to_utf8(s.foldCase());
}

std::string to_lower(std::string_view utf8, const std::string& lang) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  return to_utf8(s.toLower(locale_for(lang)));
}

std::string format_long_date(const Date& date, const std::string& lang) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = locale_for(lang);
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
      icu::DateTimePatternGenerator::createInstance(locale, status));
  icu::UnicodeString pattern =
      is_english(lang) ? icu::UnicodeString(u"EEEE d MMMM y")  // Easy Read: no comma
                       : generator->getBestPattern(u"EEEEdMMMMy", status);
  icu::SimpleDateFormat format(pattern, locale, status);
  format.setTimeZone(*icu::TimeZone::getGMT());
  icu::GregorianCalendar calendar(*icu::TimeZone::getGMT(), status);
  calendar.clear();
  calendar.set(date.year, date.month - 1, date.day);
  icu::UnicodeString out;
  format.format(calendar.getTime(status), out);
  if (U_FAILURE(status)) return std::to_string(date.day) + "/" + std::to_string(date.month) +
                                "/" + std::to_string(date.year);
  return to_utf8(out);
}

std::string format_time(const ClockTime& time, const std::string& lang) {
  if (is_english(lang)) {
    // Easy Read guides write "12:30pm": no space, small letters.
    int hour = time.hour % 12 == 0 ? 12 : time.hour % 12;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d:%02d%s", hour, time.minute, time.hour < 12 ? "am" : "pm");
    return buf;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = locale_for(lang);
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
      icu::DateTimePatternGenerator::createInstance(locale, status));
  icu::SimpleDateFormat format(generator->getBestPattern(u"jmm", status), locale, status);
  format.setTimeZone(*icu::TimeZone::getGMT());
  icu::GregorianCalendar calendar(*icu::TimeZone::getGMT(), status);
  calendar.clear();
  calendar.set(2000, 0, 1, time.hour, time.minute);
  icu::UnicodeString out;
  format.format(calendar.getTime(status), out);
  return to_utf8(out);
}

}  // namespace easyread::text
