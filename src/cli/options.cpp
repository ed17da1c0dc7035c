#include "cli/options.hpp"

#include <algorithm>
#include <iostream>
#include <ostream>
#include <sstream>

#include "base/diagnostic.hpp"
#include "text/text.hpp"

namespace easyread::cli {
namespace {

// "easyread build: " or "easyread: ".
std::string prefix(const CommandSpec& spec) {
  return spec.name.empty() ? std::string("easyread: ") : "easyread " + std::string(spec.name) + ": ";
}

std::string help_command(const CommandSpec& spec) {
  return spec.name.empty() ? std::string("easyread --help") : "easyread " + std::string(spec.name) + " --help";
}

const Option* find_long(const CommandSpec& spec, std::string_view name) {
  for (const Option& o : spec.options)
    if (o.name == name) return &o;
  return nullptr;
}

const Option* find_letter(const CommandSpec& spec, char letter) {
  for (const Option& o : spec.options)
    if (o.letter != 0 && o.letter == letter) return &o;
  return nullptr;
}

// The option whose name is closest to what was typed, if it is close enough
// to be a slip of the keyboard.
const Option* closest(const CommandSpec& spec, std::string_view typed) {
  // The start of a name ("--out") is not accepted, but it is a good guess.
  if (typed.size() >= 2)
    for (const Option& o : spec.options)
      if (o.name.starts_with(typed)) return &o;
  const Option* best = nullptr;
  std::size_t best_distance = 0;
  for (const Option& o : spec.options) {
    const std::size_t d = text::edit_distance(typed, o.name);
    if (!best || d < best_distance) {
      best = &o;
      best_distance = d;
    }
  }
  const std::size_t allowed = std::max<std::size_t>(2, typed.size() / 3);
  return best && best_distance <= allowed ? best : nullptr;
}

std::vector<std::string_view> split_choices(std::string_view choices) {
  std::vector<std::string_view> out;
  while (!choices.empty()) {
    const std::size_t space = std::min(choices.find(' '), choices.size());
    if (space > 0) out.push_back(choices.substr(0, space));
    choices.remove_prefix(std::min(space + 1, choices.size()));
  }
  return out;
}

std::string or_list(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i)
    out += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + std::string(words[i]);
  return out;
}

// The left column of the help: "  -o, --output NAME".
std::string help_left(const Option& o) {
  std::string left = "  ";
  if (o.letter) left += std::string("-") + o.letter + ", ";
  left += long_form(o);
  if (!o.value.empty()) left += " " + std::string(o.value);
  return left;
}

}  // namespace

std::string long_form(const Option& option) { return "--" + std::string(option.name); }

bool ParsedArgs::has(std::string_view name) const {
  return std::any_of(given_.begin(), given_.end(), [&](const Given& g) { return g.name == name; });
}

std::optional<std::string> ParsedArgs::value(std::string_view name) const {
  for (auto it = given_.rbegin(); it != given_.rend(); ++it)
    if (it->name == name) return it->value;
  return std::nullopt;
}

std::vector<std::string> ParsedArgs::values(std::string_view name) const {
  std::vector<std::string> out;
  for (const Given& g : given_)
    if (g.name == name) out.push_back(g.value);
  return out;
}

std::optional<ParsedArgs> parse_args(const CommandSpec& spec, const Args& args, std::ostream& errors) {
  ParsedArgs parsed;
  auto fail = [&](const std::string& what, const std::string& fix) {
    // What was typed may be a stranger's file name: never send its control
    // characters to the terminal as they are.
    errors << prefix(spec) << escape_controls(what) << "\n" << escape_controls(fix) << "\n";
    return std::nullopt;
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      parsed.operands_.insert(parsed.operands_.end(), args.begin() + long(i) + 1, args.end());
      break;
    }
    if (arg.size() < 2 || arg[0] != '-') {
      if (spec.stop_at_first_operand) {
        parsed.operands_.insert(parsed.operands_.end(), args.begin() + long(i), args.end());
        break;
      }
      parsed.operands_.push_back(arg);
      continue;
    }
    const bool is_long = arg.starts_with("--");
    const std::size_t equals = is_long ? arg.find('=') : std::string::npos;
    const std::string typed = arg.substr(0, equals);
    const Option* option = is_long ? find_long(spec, std::string_view(typed).substr(2))
                                   : (arg.size() == 2 ? find_letter(spec, arg[1]) : nullptr);
    if (!option) {
      const Option* near = closest(spec, std::string_view(typed).substr(is_long ? 2 : 1));
      return fail("I do not know the option \"" + typed + "\"." +
                      (near ? " Did you mean " + long_form(*near) + "?" : ""),
                  "To see the options, type: " + help_command(spec));
    }
    if (option->value.empty()) {
      if (equals != std::string::npos)
        return fail(typed + " does not take a value.", "Write just " + typed + ".");
      parsed.given_.push_back({option->name, {}});
      continue;
    }
    std::string value;
    if (equals != std::string::npos) {
      value = arg.substr(equals + 1);
    } else if (i + 1 < args.size() && (args[i + 1] == "-" || !args[i + 1].starts_with("-"))) {
      value = args[++i];
    } else {
      return fail(typed + " needs " + std::string(option->value) + " after it.",
                  "For example: " + typed + " " + std::string(option->value));
    }
    if (value.empty() && option->kind != ValueKind::text)
      return fail(typed + " needs " + std::string(option->value) + " after it, not nothing.",
                  "For example: " + typed + " " + std::string(option->value));
    if (option->kind == ValueKind::choice) {
      const auto choices = split_choices(option->choices);
      if (std::find(choices.begin(), choices.end(), value) == choices.end())
        return fail("I do not know \"" + value + "\" for " + long_form(*option) + ".",
                    "Use " + or_list(choices) + ".");
    }
    parsed.given_.push_back({option->name, std::move(value)});
  }
  return parsed;
}

std::optional<ParsedArgs> parse_command_line(const CommandSpec& spec, const Args& args, int& exit_code) {
  exit_code = 2;
  auto parsed = parse_args(spec, args, std::cerr);
  if (parsed && parsed->has("help")) {
    std::cout << help_text(spec);
    exit_code = 0;
    return std::nullopt;
  }
  return parsed;
}

std::string help_text(const CommandSpec& spec) {
  constexpr std::size_t kHelpColumn = 25;  // where the words about each option start
  std::ostringstream out;
  out << spec.intro << "\nOptions:\n";
  for (const Option& o : spec.options) {
    const std::string left = help_left(o);
    out << left;
    if (left.size() + 1 > kHelpColumn) out << "\n" << std::string(kHelpColumn, ' ');
    else out << std::string(kHelpColumn - left.size(), ' ');
    // Help words may hold line ends; later lines line up under the first.
    for (char c : o.help) {
      out << c;
      if (c == '\n') out << std::string(kHelpColumn, ' ');
    }
    out << "\n";
  }
  if (!spec.outro.empty()) out << "\n" << spec.outro;
  return out.str();
}

}  // namespace easyread::cli
