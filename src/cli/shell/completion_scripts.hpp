#pragma once
// Shell completion scripts for bash, zsh and fish, generated from the command
// tree: commands, their options, the values options and arguments take.
// Activity names come at completion time from the hidden helper
// `anklog [-f FILE] __complete activities` (see cmd_completions.cpp).
#include <string>
#include <string_view>

#include "shell/command_tree.hpp"

namespace anklog::cli {

std::string bash_completion(const CommandTree& tree, std::string_view version);
std::string zsh_completion(const CommandTree& tree, std::string_view version);
std::string fish_completion(const CommandTree& tree, std::string_view version);

}  // namespace anklog::cli
