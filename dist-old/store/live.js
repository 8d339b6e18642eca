// The session in progress, kept on disk so that it survives Ctrl-C, a crash, a closed terminal
// or kill -9, and `mldrill resume` can pick it up. One JSON file per session under
// <state>/sessions/, replaced atomically (write a temp file, fsync, rename), so a reader sees
// either the old checkpoint or the new one, never half of one.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { compareText } from '../text.js';
import { isSessionId } from './record.js';
import { NotRegularError, readRegular } from '../read-file.js';
import { StateDirError } from '../errors.js';
const isDirectory = (file) => {
    try {
        return fs.statSync(file).isDirectory();
    }
    catch {
        return false;
    }
};
/** A checkpoint is one session's notes; anything this large is not one. */
const MAX_LIVE_BYTES = 16 * 1024 * 1024;
export const LIVE_VERSION = 1;
export function liveDirectory(stateDir) {
    return path.join(stateDir, 'sessions');
}
/**
 * The checkpoint file of session id. The id is checked to be one (a checkpoint or an argument
 * could say `../../victim`), and the path to stay inside the directory, before any file is named.
 */
function liveFile(stateDir, id) {
    const dir = path.resolve(liveDirectory(stateDir));
    const file = path.join(dir, `${id}.json`);
    if (!isSessionId(id) || path.dirname(file) !== dir)
        throw new Error(`"${id}" is not a session id; no checkpoint file is named after it`);
    return file;
}
export function saveLive(stateDir, live) {
    const file = liveFile(stateDir, live.id);
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
    }
    catch (error) {
        // mkdir says EEXIST when a file stands where the directory should be: say what is wrong.
        if (error.code === 'EEXIST')
            throw Object.assign(new Error(`${path.dirname(file)} is not a directory`), { code: 'ENOTDIR' });
        throw error;
    }
    writeFileAtomic(file, JSON.stringify(live));
}
export function removeLive(stateDir, id) {
    fs.rmSync(liveFile(stateDir, id), { force: true });
}
/**
 * Every resumable session, most recently saved first. A file that is unreadable, not a regular
 * file, or not the checkpoint its name says (its id another, or none) is reported and left in
 * place, never resumed: resuming writes and deletes the file its id names.
 */
export function listLive(stateDir) {
    const dir = liveDirectory(stateDir);
    let names;
    try {
        names = fs.readdirSync(dir).filter((name) => name.endsWith('.json'));
    }
    catch (error) {
        // The state directory itself a file: say so, rather than "nothing to resume".
        if (error.code === 'ENOTDIR' && !isDirectory(stateDir))
            throw new StateDirError(stateDir, 'ENOTDIR', true);
        return { sessions: [], warnings: [] };
    }
    const sessions = [];
    const warnings = [];
    for (const name of names) {
        const file = path.join(dir, name);
        const named = name.slice(0, -'.json'.length);
        if (!isSessionId(named)) {
            warnings.push(`${file}: not named after a session id; left in place`);
            continue;
        }
        try {
            const live = JSON.parse(readRegular(file, MAX_LIVE_BYTES).toString('utf8'));
            if (live.version > LIVE_VERSION)
                warnings.push(`${file}: saved by a newer mldrill (version ${live.version}); upgrade to resume it`);
            else if (typeof live.id !== 'string' || !live.state)
                warnings.push(`${file}: not a saved session; left in place`);
            else if (live.id !== named)
                warnings.push(`${file}: holds a session whose id is not ${named}; left in place`);
            else
                sessions.push(live);
        }
        catch (error) {
            warnings.push(`${file}: ${error instanceof NotRegularError ? `${error.kind}, not a regular file` : 'unreadable'}; left in place`);
        }
    }
    sessions.sort((a, b) => compareText(b.savedAt, a.savedAt) || compareText(b.id, a.id));
    return { sessions, warnings };
}
