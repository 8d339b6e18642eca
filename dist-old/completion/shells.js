// The completion script for each shell. Each one only passes the words on the command line back
// to `mldrill __complete <index> -- <words...>` (index: how many words come before the one at
// the cursor) and offers what it prints, one candidate a line; the logic lives once, in
// src/completion/candidates.ts. No candidates means "complete file names", where a shell can.
export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'];
/** The line to add to each shell's start-up file (also in the README). */
const STARTUP_LINES = {
    bash: { file: '~/.bashrc', line: 'source <(mldrill completion bash)' },
    zsh: { file: '~/.zshrc (after compinit)', line: 'source <(mldrill completion zsh)' },
    fish: { file: '~/.config/fish/config.fish', line: 'mldrill completion fish | source' },
    powershell: { file: '$PROFILE', line: 'mldrill completion powershell | Out-String | Invoke-Expression' },
};
const header = (shell) => `# mldrill tab completion for ${shell}. Add this line to ${STARTUP_LINES[shell].file}:
#   ${STARTUP_LINES[shell].line}
`;
const SCRIPTS = {
    bash: `_mldrill_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(command mldrill __complete "$((COMP_CWORD - 1))" -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _mldrill_complete mldrill
`,
    zsh: `_mldrill_complete() {
  local -a candidates
  candidates=("\${(@f)$(command mldrill __complete "$((CURRENT - 2))" -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=(\${candidates:#})
  if (( \${#candidates} )); then
    compadd -Q -- "\${candidates[@]}"
  else
    _files
  fi
}
compdef _mldrill_complete mldrill
`,
    fish: `function __mldrill_complete
    set -l words (commandline -opc)
    set -e words[1]
    set -l current (commandline -ct)
    set -l candidates (command mldrill __complete (count $words) -- $words $current 2>/dev/null)
    if test (count $candidates) -eq 0
        __fish_complete_path $current
    else
        printf '%s\\n' $candidates
    end
end
complete -c mldrill -f -a '(__mldrill_complete)'
`,
    powershell: `Register-ArgumentCompleter -Native -CommandName mldrill -ScriptBlock {
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
export function completionScript(shell) {
    return header(shell) + SCRIPTS[shell];
}
