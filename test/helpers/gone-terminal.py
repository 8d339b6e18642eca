# Runs a command on a pseudo-terminal that is not its controlling terminal (a new session that
# never claims it), types a note once the screen shows WAIT, waits for the note to be drawn, then
# closes the terminal. No SIGHUP comes: the command learns the terminal is gone only from EIO
# and the end of its input. Prints one JSON line: what was seen, and how the command ended.
# Usage: python3 gone-terminal.py WAIT NOTE COMMAND...
import json, os, pty, select, subprocess, sys, time

wait, note, command = sys.argv[1], sys.argv[2], sys.argv[3:]
master, slave = pty.openpty()
child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
os.close(slave)
screen = b''

def read_until(text, seconds=30):
    global screen
    deadline = time.time() + seconds
    start = len(screen)
    while time.time() < deadline:
        if text.encode() in screen[start:]:
            return True
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                screen += os.read(master, 65536)
            except OSError:
                return False
    return False

seen = read_until(wait)
os.write(master, note.encode() + b'\r')
drawn = seen and read_until(note)
os.close(master)
try:
    code = child.wait(timeout=30)
    ended = {'exit': code if code >= 0 else None, 'signal': -code if code < 0 else None}
except subprocess.TimeoutExpired:
    child.kill()
    child.wait()
    ended = {'exit': None, 'signal': None, 'hung': True}
print(json.dumps({'seen': seen, 'drawn': drawn, **ended}))
