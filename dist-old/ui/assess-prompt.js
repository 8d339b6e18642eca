import { assessedLine, assessLines } from './assess-screen.js';
import { makePrompt } from './inquirer.js';
const HIDE_CURSOR = '\u001b[?25l';
/** Home and clear: after a resize the old screen has rewrapped and cannot be erased line by line. */
const CLEAR_SCREEN = '\u001b[H\u001b[2J';
/** The prompt, with Inquirer's core loaded (see inquirer.ts). */
export const loadAssessPrompt = () => makePrompt(renderAssess);
function renderAssess(core, config, done) {
    const { useEffect, useKeypress, useState, isUpKey, isDownKey, isSpaceKey, isEnterKey } = core;
    const { items, style } = config;
    const [ticked, setTicked] = useState(() => new Set(items.filter((item) => config.preselected.has(item.id)).map((item) => item.id)));
    const [cursor, setCursor] = useState(0);
    const [confirmed, setConfirmed] = useState(false);
    const [, setResized] = useState(0);
    useEffect((rl) => {
        const stop = config.onResize?.(() => {
            rl.output.unmute();
            rl.output.write(CLEAR_SCREEN);
            rl.output.mute();
            setResized(Date.now());
        });
        return () => stop?.();
    }, []);
    useKeypress((key, rl) => {
        if (confirmed)
            return;
        if (isEnterKey(key)) {
            setConfirmed(true);
            done(items.filter((item) => ticked.has(item.id)).map((item) => item.id));
        }
        else if (isUpKey(key)) {
            setCursor(Math.max(0, cursor - 1));
        }
        else if (isDownKey(key)) {
            setCursor(Math.min(items.length - 1, cursor + 1));
        }
        else if (isSpaceKey(key) && items[cursor]) {
            const next = new Set(ticked);
            const id = items[cursor].id;
            if (next.has(id))
                next.delete(id);
            else
                next.add(id);
            setTicked(next);
        }
        // Nothing is typed here: a letter must not linger on the line.
        rl.clearLine(0);
    });
    if (confirmed)
        return assessedLine(config.title, items, ticked, style);
    const { lines, help } = assessLines({ message: config.message, items, ticked, cursor, evidence: config.evidence, notes: config.notes }, config.size(), style);
    return [`${lines.join('\n')}${HIDE_CURSOR}`, help];
}
