// The palette's vocabulary: what a renderer may ask of a style. Deciding whether there is colour,
// and painting it, is src/ui/colour.ts's; modules below the ui (lint's formatters) take a Style.
export {};
