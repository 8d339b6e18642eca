// The few terminal control sequences the interactive screens write themselves (Inquirer writes
// the rest): one place, so that what one screen turns on another can turn off.

export const SHOW_CURSOR = '\u001b[?25h';
export const HIDE_CURSOR = '\u001b[?25l';
/** Home and clear: after a resize the old screen has rewrapped and cannot be erased line by line. */
export const CLEAR_SCREEN = '\u001b[H\u001b[2J';
/** Bracketed paste: the terminal marks pasted text, so that a paste is text, never commands (stage-keys.ts). */
export const PASTE_ON = '\u001b[?2004h';
export const PASTE_OFF = '\u001b[?2004l';
