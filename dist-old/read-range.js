// Reading a range of an open file whole: readSync may return fewer bytes than asked.
import fs from 'node:fs';
/** Fills target from the file at position until it is full or the file ends; the bytes read. */
export function readFully(fd, target, position) {
    const bytes = new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
    let done = 0;
    while (done < bytes.length) {
        const read = fs.readSync(fd, bytes, done, bytes.length - done, position + done);
        if (read === 0)
            break;
        done += read;
    }
    return done;
}
