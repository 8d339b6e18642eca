// The stage prompt's cursor measure (src/ui/inquirer.ts): the same answers as readline's own,
// without measuring the whole line again at every key of a long paste.
import readline from 'node:readline';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { measureCursorIncrementally, type MeasuredReadline } from '../src/ui/inquirer.js';
import { seededRandom } from '../src/select/random.js';

function readlineOf(columns: number) {
  const output = Object.assign(new PassThrough(), { columns, isTTY: true });
  output.resume();
  const rl = readline.createInterface({ input: new PassThrough(), output, terminal: true, prompt: '  > ' });
  return { rl: rl as unknown as MeasuredReadline & readline.Interface, output };
}

describe('measureCursorIncrementally', () => {
  it("answers as readline does after every kind of edit: typing, wide and control characters, escapes, deleting, a new line set, another prompt or width", () => {
    const random = seededRandom(7);
    const { rl: plain, output: plainOut } = readlineOf(37);
    const { rl: quick, output: quickOut } = readlineOf(37);
    measureCursorIncrementally(quick);
    const pieces = ['a', 'bc', ' ', 'word ', '漢', '😀', '\t', 'é', '\u001b[31m', 'x'.repeat(40)];
    for (let step = 0; step < 3000; step++) {
      const roll = random();
      for (const rl of [plain, quick]) {
        if (roll < 0.6) rl.write(pieces[Math.floor(roll * 100) % pieces.length]!);
        else if (roll < 0.7) rl.write(null as unknown as string, { name: 'backspace' });
        else if (roll < 0.75) rl.write(null as unknown as string, { name: 'left' });
        else if (roll < 0.78) rl.write(null as unknown as string, { name: 'home' });
        else if (roll < 0.81) rl.write(null as unknown as string, { name: 'end' });
        else if (roll < 0.83) rl.write(null as unknown as string, { ctrl: true, name: 'u' });
        else if (roll < 0.85) rl.setPrompt(roll < 0.84 ? '  ✎ 3> ' : '  > ');
        // A line entered, and earlier ones called back: the line replaced whole.
        else if (roll < 0.87) rl.write(null as unknown as string, { name: 'return' });
        else if (roll < 0.93) rl.write(null as unknown as string, { name: roll < 0.91 ? 'up' : 'down' });
      }
      if (roll > 0.97) {
        plainOut.columns = quickOut.columns = 20 + Math.floor(random() * 100);
      }
      expect(quick.getCursorPos(), `step ${step}: ${JSON.stringify(quick.line)} at ${quick.cursor}`).toEqual(plain.getCursorPos());
    }
    plain.close();
    quick.close();
  });

  it("measures again a line replaced whole (as readline's history does), as long as the one typed but of other widths", () => {
    const { rl } = readlineOf(80);
    measureCursorIncrementally(rl);
    rl.write('ab');
    expect(rl.getCursorPos()).toEqual({ rows: 0, cols: 6 });
    rl.line = '漢字';
    rl.cursor = 2;
    expect(rl.getCursorPos()).toEqual({ rows: 0, cols: 8 });
    rl.close();
  });

  it('measures a long paste whole only where it must, not at every key', () => {
    const { rl } = readlineOf(80);
    const original = rl.getCursorPos.bind(rl);
    let measured = 0;
    rl.getCursorPos = () => {
      measured += 1;
      return original();
    };
    measureCursorIncrementally(rl);
    for (let i = 0; i < 5000; i++) rl.write('x');
    expect(rl.line.length).toBe(5000);
    expect(rl.getCursorPos()).toEqual({ rows: Math.floor((4 + 5000) / 80), cols: (4 + 5000) % 80 });
    expect(measured).toBeLessThan(5);
    rl.close();
  });
});
