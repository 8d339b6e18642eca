// The completion script for each shell. Each one only passes the words on the command line back
// to `mldrill __complete <index> -- <words...>` (index: how many words come before the one at
// the cursor) and offers what it prints, one candidate a line; the logic lives once, in
// src/completion/candidates.ts. No candidates means "complete file names", where a shell can.

import { posixQuote } from '../text.js';

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

/** The line to add to each shell's start-up file (also in the README). */
const STARTUP_LINES: Record<Shell, { file: string; line: string }> = {
  bash: { file: '~/.bashrc', line: 'source <(mldrill completion bash)' },
  zsh: { file: '~/.zshrc (after compinit)', line: 'source <(mldrill completion zsh)' },
  fish: { file: '~/.config/fish/config.fish', line: 'mldrill completion fish | source' },
  powershell: { file: '$PROFILE', line: 'mldrill completion powershell | Out-String | Invoke-Expression' },
};

const header = (shell: Shell) => `# mldrill tab completion for ${shell}. Add this line to ${STARTUP_LINES[shell].file}:
#   ${STARTUP_LINES[shell].line}
`;

/** A word for fish, whose single quotes take \\ and \\' as escapes. */
const fishQuote = (word: string) => `'${word.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/**
 * Each script runs `mldrill` from PATH, and when there is none there (run through npx, or from
 * a clone) the command that printed it, so that completion works wherever the script came from.
 */
const SCRIPTS: Record<Shell, (fallback: readonly string[]) => string> = {
  bash: (fallback) => `_mldrill_complete() {
  local IFS=$'\\n'
  local -a run=(mldrill)
  type -P mldrill >/dev/null || run=(${fallback.map(posixQuote).join(' ')})
  COMPREPLY=($(command "\${run[@]}" __complete "$((COMP_CWORD - 1))" -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _mldrill_complete mldrill
`,
  zsh: (fallback) => `_mldrill_complete() {
  local -a candidates run=(mldrill)
  (( \${+commands[mldrill]} )) || run=(${fallback.map(posixQuote).join(' ')})
  candidates=("\${(@f)$(command "\${run[@]}" __complete "$((CURRENT - 2))" -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=(\${candidates:#})
  if (( \${#candidates} )); then
    compadd -Q -- "\${candidates[@]}"
  else
    _files
  fi
}
compdef _mldrill_complete mldrill
`,
  fish: (fallback) => `function __mldrill_complete
    set -l words (commandline -opc)
    set -e words[1]
    set -l current (commandline -ct)
    set -l run mldrill
    command -q mldrill; or set run ${fallback.map(fishQuote).join(' ')}
    set -l candidates (command $run __complete (count $words) -- $words $current 2>/dev/null)
    if test (count $candidates) -eq 0
        __fish_complete_path $current
    else
        printf '%s\\n' $candidates
    end
end
complete -c mldrill -f -a '(__mldrill_complete)'
`,
  // PowerShell keeps calling mldrill by name: no PowerShell was at hand to try a fallback in.
  powershell: () => `Register-ArgumentCompleter -Native -CommandName mldrill -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = @($commandAst.CommandElements | Where-Object { $_.Extent.StartOffset -lt $cursorPosition } | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
    $index = $words.Count
    if ($wordToComplete -ne '') { $index -= 1 }
    # An empty argument may not survive the trip to a native command: the index says where the cursor is instead.
    mldrill __complete $index '--' @words 2>$null | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }
}
`,
};

/** The script for shell; fallback is the command line that runs this mldrill (node and its bin). */
export function completionScript(shell: Shell, fallback: readonly string[]): string {
  return header(shell) + SCRIPTS[shell](fallback);
}
