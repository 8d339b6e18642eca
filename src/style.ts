// The palette's vocabulary: what a renderer may ask of a style. Deciding whether there is colour,
// and painting it, is src/ui/colour.ts's; modules below the ui (lint's formatters) take a Style.

export type ColourLevel = 0 | 1 | 2 | 3;

/** Semantic styles, so call sites say what a thing is rather than what colour it gets. */
export interface Style {
  level: ColourLevel;
  title: (text: string) => string;
  heading: (text: string) => string;
  dim: (text: string) => string;
  good: (text: string) => string;
  warn: (text: string) => string;
  bad: (text: string) => string;
  accent: (text: string) => string;
  key: (text: string) => string;
  /** A file name heading a group of lines. */
  file: (text: string) => string;
}
