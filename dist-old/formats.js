// The output formats the commands accept, kept apart from their formatters so that the command
// table can offer them without loading any formatting code.
/** daily, random, show and list. */
export const OUTPUT_FORMATS = ['text', 'plain', 'json', 'markdown'];
/** lint. */
export const LINT_FORMATS = ['stylish', 'json', 'github'];
