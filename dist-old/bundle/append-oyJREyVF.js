'use strict';

var fs = require('node:fs');
var path = require('node:path');
var core = require('./core-DiuhDYN8.js');
var node_crypto = require('node:crypto');
var node_perf_hooks = require('node:perf_hooks');

// A lock file beside the history, so that two mldrill processes appending at once take turns.
//
// Why not rely on O_APPEND alone: POSIX promises atomic, unmixed writes only for pipes up to
// PIPE_BUF. On a local Linux file system one write() of a record does land whole, but on NFS
// and some FUSE or network mounts concurrent appends can interleave, and a short write (disk
// nearly full, a signal) leaves half a record that a second write must finish. Holding the
// lock makes "look at the last byte, write every byte of the record, fsync" one step.
//
// The lock is a file created with O_CREAT|O_EXCL, which is atomic on every file system we
// support. An append holds it for milliseconds; one older than STALE_MS was left by a
// process that died mid-append, and is broken.
const STALE_MS = 10_000;
const WAIT_MS = 30_000;
/** The lock cannot be taken: held too long, or something that is not a lock file is in its place. */
class LockTimeoutError extends Error {
}
/** Runs work while holding lockFile; waits (synchronously) for another holder to finish. */
function withFileLock(lockFile, work) {
    const deadline = node_perf_hooks.performance.now() + WAIT_MS;
    let delay = 1;
    for (;;) {
        try {
            fs.closeSync(fs.openSync(lockFile, 'wx'));
            break;
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
        }
        breakIfStale(lockFile);
        if (node_perf_hooks.performance.now() > deadline) {
            throw new LockTimeoutError(`timed out waiting for the lock ${lockFile}; if no mldrill is running, delete it`);
        }
        // Jitter, so that waiting processes do not retry in lockstep.
        sleep(delay + node_crypto.randomInt(delay + 1));
        delay = Math.min(delay * 2, 50);
    }
    try {
        return work();
    }
    finally {
        fs.rmSync(lockFile, { force: true });
    }
}
/**
 * Removes a lock left by a dead process. It is moved aside first and checked to be the same
 * file, so that two processes breaking it at once cannot delete a fresh lock taken in between.
 */
function breakIfStale(lockFile) {
    const seen = fs.lstatSync(lockFile, { throwIfNoEntry: false });
    // Not a lock we took (a directory, a link): never moved aside or waited for, only named.
    if (seen && !seen.isFile())
        throw new LockTimeoutError(`the lock ${lockFile} is ${core.kindOfFile(seen)}, not a lock file; if no mldrill is running, remove it`);
    if (!seen || Date.now() - seen.mtimeMs < STALE_MS)
        return;
    const aside = `${lockFile}.stale-${node_crypto.randomUUID()}`;
    try {
        fs.renameSync(lockFile, aside);
    }
    catch {
        return; // someone else broke it first
    }
    if (fs.statSync(aside).ino !== seen.ino) {
        // We moved a fresh lock by mistake: put it back unless yet another one was taken.
        try {
            fs.linkSync(aside, lockFile);
        }
        catch {
            // The name was taken yet again: two holders now overlap. This needs a dead process's
            // lock and two processes breaking it in the same instant; we accept that.
        }
    }
    fs.rmSync(aside, { force: true });
}
const waitCell = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms) {
    Atomics.wait(waitCell, 0, 0, ms);
}

// Appending to the history file (and to the ratings file beside it, ratings.ts). Each append takes the lock beside the file (lock.ts), writes
// the whole record and fsyncs, so a crash can at worst leave a torn last line, which readers
// skip and the next append steps over. Kept apart from reading, so that `history` and `stats`
// never load what only writers need.
function lockFileFor(file) {
    return `${file}.lock`;
}
/** Appends record as one JSON line: a session record, or a rating. */
function appendRecord(file, record) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    withFileLock(lockFileFor(file), () => {
        // O_NONBLOCK: a FIFO in its place cannot block the open; it is refused below.
        const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_APPEND | fs.constants.O_CREAT | fs.constants.O_NONBLOCK, 0o644);
        try {
            const stat = fs.fstatSync(fd);
            // Appending to a FIFO or a device would lose the record, or wait forever for a reader.
            if (!stat.isFile())
                throw new core.NotRegularError(file, core.kindOfFile(stat));
            const size = stat.size;
            let prefix = '';
            if (size > 0) {
                const last = Buffer.alloc(1);
                fs.readSync(fd, last, 0, 1, size - 1);
                // A torn last line: start on a fresh line so this record stays readable.
                if (last[0] !== 0x0a)
                    prefix = '\n';
            }
            const bytes = Buffer.from(`${prefix}${JSON.stringify(record)}\n`);
            // A short write is finished by the next one; the lock keeps other writers out meanwhile.
            for (let written = 0; written < bytes.length;)
                written += fs.writeSync(fd, bytes, written);
            fs.fsyncSync(fd);
        }
        finally {
            fs.closeSync(fd);
        }
    });
}

exports.appendRecord = appendRecord;
