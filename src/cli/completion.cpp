// The bash completion script, made from the same option tables as --help, so
// a new option can be completed as soon as it exists.
#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/options.hpp"

namespace easyread::cli {
namespace {
namespace fs = std::filesystem;

// Names of the .xml files in a folder, sorted, without ".xml".
std::string xml_names(const fs::path& folder) {
  std::set<std::string> names;
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error))
    if (it->path().extension() == ".xml") names.insert(it->path().stem().string());
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : " ") + name;
  return out;
}

std::string option_words(const CommandSpec& spec) {
  std::string out;
  for (const Option& o : spec.options) {
    out += (out.empty() ? "" : " ") + long_form(o);
    if (o.letter) out += std::string(" -") + o.letter;
  }
  return out;
}

// The case branches that complete an option's value, for the word before the cursor.
void value_cases(std::ostream& out, const CommandSpec& spec, const std::string& looks) {
  for (const Option& o : spec.options) {
    if (o.value.empty()) continue;
    out << "        " << long_form(o) << (o.letter ? std::string("|-") + o.letter : "") << ") ";
    switch (o.kind) {
      case ValueKind::folder: out << "COMPREPLY=($(compgen -d -- \"$cur\"))"; break;
      case ValueKind::look: out << "COMPREPLY=($(compgen -W \"" << looks << "\" -- \"$cur\"))"; break;
      case ValueKind::choice: out << "COMPREPLY=($(compgen -W \"" << o.choices << "\" -- \"$cur\"))"; break;
      default: out << "COMPREPLY=()"; break;  // a file name or words: bash's own completion
    }
    out << "; return ;;\n";
  }
}

}  // namespace

std::string bash_completion(std::span<const CommandSpec* const> commands, const std::string& home) {
  const std::string looks = xml_names(fs::path(home) / "templates");
  const std::string starters = xml_names(fs::path(home) / "templates" / "starters");
  std::string command_names;
  for (const CommandSpec* spec : commands)
    if (!spec->name.empty()) command_names += (command_names.empty() ? "" : " ") + std::string(spec->name);
  std::ostringstream out;
  out << "# bash completion for easyread. Made by: easyread --bash-completion\n"
         "_easyread() {\n"
         "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
         "  local command=\"\" operands=0 i\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    case \"${COMP_WORDS[i]}\" in\n"
         "      -*) ;;\n"
         "      *) if [[ -z $command ]]; then command=\"${COMP_WORDS[i]}\"; else operands=$((operands + 1)); fi ;;\n"
         "    esac\n"
         "  done\n"
         "  case \"$command\" in\n";
  for (const CommandSpec* spec : commands) {
    out << "    " << (spec->name.empty() ? std::string("\"\"") : std::string(spec->name)) << ")\n"
        << "      case \"$prev\" in\n";
    value_cases(out, *spec, looks);
    out << "      esac\n"
        << "      if [[ $cur == -* ]]; then\n"
        << "        COMPREPLY=($(compgen -W \"" << option_words(*spec) << "\" -- \"$cur\"))\n";
    if (spec->name.empty())
      out << "      else\n        COMPREPLY=($(compgen -W \"" << command_names << "\" -- \"$cur\"))\n";
    else if (spec->name == "symbols")
      out << "      elif ((operands == 0)); then\n        COMPREPLY=($(compgen -W \"search sheet\" -- \"$cur\"))\n";
    else if (spec->name == "new")
      out << "      elif ((operands == 0)); then\n        COMPREPLY=($(compgen -W \"" << starters
          << "\" -- \"$cur\"))\n";
    out << "      fi ;;\n";
  }
  out << "  esac\n"
         "}\n"
         "complete -o bashdefault -o default -F _easyread easyread\n";
  return out.str();
}

}  // namespace easyread::cli
