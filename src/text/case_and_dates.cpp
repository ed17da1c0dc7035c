// Case folding and dates in the reader's language, from ICU.
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/smpdtfmt.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <map>
#include <memory>
#include <mutex>

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

struct DateWriter::Impl {
  bool english = true;
  std::unique_ptr<icu::SimpleDateFormat> date_format;
  std::unique_ptr<icu::SimpleDateFormat> time_format;  // only for languages other than English
  std::unique_ptr<icu::GregorianCalendar> calendar;
};

namespace {

// Formatters for `lang` as first made. Making a SimpleDateFormat reads ICU's
// locale data and costs more than a document's dates; a copy costs little. So
// each language is made once in the process and every DateWriter gets copies,
// which format the same. Never changed after it is made.
struct DatePrototype {
  bool english = true;
  std::unique_ptr<icu::SimpleDateFormat> date_format, time_format;
};

DatePrototype make_date_prototype(const std::string& lang) {
  DatePrototype made;
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = locale_for(lang);
  made.english = is_english(lang);
  if (made.english) {
    // Easy Read guides write "Wednesday 11 January 2027": no comma.
    made.date_format = std::make_unique<icu::SimpleDateFormat>(u"EEEE d MMMM y", locale, status);
  } else {
    std::unique_ptr<icu::DateTimePatternGenerator> generator(
        icu::DateTimePatternGenerator::createInstance(locale, status));
    made.date_format = std::make_unique<icu::SimpleDateFormat>(generator->getBestPattern(u"EEEEdMMMMy", status),
                                                               locale, status);
    made.time_format = std::make_unique<icu::SimpleDateFormat>(generator->getBestPattern(u"jmm", status), locale,
                                                               status);
    made.time_format->setTimeZone(*icu::TimeZone::getGMT());
  }
  made.date_format->setTimeZone(*icu::TimeZone::getGMT());
  return made;
}

}  // namespace

DateWriter::DateWriter(const std::string& lang) : impl_(std::make_unique<Impl>()) {
  static std::mutex lock;
  static std::map<std::string, DatePrototype> made;  // by the language asked for
  {
    std::lock_guard hold(lock);
    auto found = made.find(lang);
    if (found == made.end()) found = made.emplace(lang, make_date_prototype(lang)).first;
    const DatePrototype& prototype = found->second;
    impl_->english = prototype.english;
    impl_->date_format.reset(prototype.date_format->clone());
    if (prototype.time_format) impl_->time_format.reset(prototype.time_format->clone());
  }
  UErrorCode status = U_ZERO_ERROR;
  impl_->calendar = std::make_unique<icu::GregorianCalendar>(*icu::TimeZone::getGMT(), status);
}

DateWriter::~DateWriter() = default;
DateWriter::DateWriter(DateWriter&&) noexcept = default;
DateWriter& DateWriter::operator=(DateWriter&&) noexcept = default;

std::string DateWriter::long_date(const Date& date) const {
  UErrorCode status = U_ZERO_ERROR;
  impl_->calendar->clear();
  impl_->calendar->set(date.year, date.month - 1, date.day);
  icu::UnicodeString out;
  impl_->date_format->format(impl_->calendar->getTime(status), out);
  if (U_FAILURE(status))
    return std::to_string(date.day) + "/" + std::to_string(date.month) + "/" + std::to_string(date.year);
  return to_utf8(out);
}

std::string DateWriter::time(const ClockTime& time) const {
  if (impl_->english) {
    // Easy Read guides write "11am", "12:30pm" and "Midday": no space, small
    // letters, no ":00", and no "12pm" that people read in different ways.
    if (time.minute == 0 && time.hour == 12) return "Midday";
    if (time.minute == 0 && time.hour == 0) return "Midnight";
    int hour = time.hour % 12 == 0 ? 12 : time.hour % 12;
    char buf[16];
    const char* half = time.hour < 12 ? "am" : "pm";
    if (time.minute == 0) std::snprintf(buf, sizeof buf, "%d%s", hour, half);
    else std::snprintf(buf, sizeof buf, "%d:%02d%s", hour, time.minute, half);
    return buf;
  }
  UErrorCode status = U_ZERO_ERROR;
  impl_->calendar->clear();
  impl_->calendar->set(2000, 0, 1, time.hour, time.minute);
  icu::UnicodeString out;
  impl_->time_format->format(impl_->calendar->getTime(status), out);
  return to_utf8(out);
}

std::string format_long_date(const Date& date, const std::string& lang) {
  return DateWriter(lang).long_date(date);
}

std::string format_time(const ClockTime& time, const std::string& lang) {
  return DateWriter(lang).time(time);
}

}  // namespace easyread::text
