// The one option parser that every easyread command uses. Each command
// declares its options in a table; the parser, the --help text, the man pages
// and the bash completion are all made from these tables, so they cannot
// drift apart.
#pragma once
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/commands.hpp"

namespace easyread::cli {

// What kind of value an option takes, so the shell can offer the right things.
enum class ValueKind { none, text, file, folder, look, choice };

struct Option {
  std::string_view name;     // long name without the dashes: "output" for --output
  char letter = 0;           // short name: 'o' for -o; 0 for none
  std::string_view value;    // what the value is called in help ("NAME"); empty: a switch
  std::string_view help;     // plain words for --help and the man page
  ValueKind kind = ValueKind::none;
  std::string_view choices = {};  // for ValueKind::choice: the allowed values, with spaces between
};

// One command: what --help says before and after the options, and its options.
struct CommandSpec {
  std::string_view name;   // "build"; empty for easyread itself
  std::string_view intro;  // the help text before the list of options
  std::string_view outro;  // the help text after it (exit codes and so on)
  std::span<const Option> options;
  std::string_view operands = {};  // what the words that are not options are, for the man page
  bool stop_at_first_operand = false;  // easyread itself: the rest belongs to the command
};

// What was on the command line, in order.
class ParsedArgs {
 public:
  struct Given {
    std::string_view name;  // the option's long name
    std::string value;      // empty for a switch
  };
  bool has(std::string_view name) const;
  // The value given last, if the option was given.
  std::optional<std::string> value(std::string_view name) const;
  // Every value given for the option, in order.
  std::vector<std::string> values(std::string_view name) const;
  const std::vector<Given>& given() const { return given_; }
  const Args& operands() const { return operands_; }

 private:
  friend std::optional<ParsedArgs> parse_args(const CommandSpec&, const Args&, std::ostream&);
  std::vector<Given> given_;
  Args operands_;
};

// Reads the arguments after the command's name. Whole names only: "--name value"
// and "--name=value" both work; "--" ends the options; "-" alone is a word.
// An unknown option (with the closest name offered), a missing value, a value
// given to a switch or a value that is not one of the choices is written to
// `errors` in plain words, and the result is empty: the caller exits with 2.
std::optional<ParsedArgs> parse_args(const CommandSpec& spec, const Args& args, std::ostream& errors);

// parse_args for a command that has a "help" option: after --help (the help
// is printed, `exit_code` is 0) or a mistake (`exit_code` is 2) the result is
// empty and the command stops.
std::optional<ParsedArgs> parse_command_line(const CommandSpec& spec, const Args& args, int& exit_code);

// The --help text: intro, the options from the table, outro.
std::string help_text(const CommandSpec& spec);

// The option's name as people type it: "--output".
std::string long_form(const Option& option);

// Every command's table, for the man pages, the completion script and the tests.
std::span<const CommandSpec* const> all_commands();

}  // namespace easyread::cli
