// The output formats the commands accept, kept apart from their formatters so that the command
// table can offer them without loading any formatting code.

/** daily, random, show and list. */
export const OUTPUT_FORMATS = ['text', 'plain', 'json', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** lint. */
export const LINT_FORMATS = ['stylish', 'json', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** diagram. */
export const DIAGRAM_FORMATS = ['text', 'mermaid', 'json'] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];
