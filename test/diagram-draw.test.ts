// The terminal drawing: golden pictures of fan-in, fan-out and a feedback loop at 60 and 100
// columns (reviewed by eye), and what is said when a diagram does not fit.
import { describe, expect, it } from 'vitest';
import { loadDraw, MAX_DRAWN_EDGES } from '../src/diagram/draw.js';
import { parseDiagram } from '../src/diagram/parse.js';

const draw = await loadDraw();

const SHAPES = {
  'fan-in': `impressions log -> joiner
click log -> joiner
user features -> joiner
joiner -> training data`,
  'fan-out': `candidate generation -> ranker -[top 500]-> re-ranker
candidate generation -> safety filters
candidate generation -> cache`,
  cycle: `features -> model -> serving -> logs
logs -[labels]-> training -> model`,
};

describe('drawing', () => {
  for (const [name, source] of Object.entries(SHAPES)) {
    for (const width of [60, 100]) {
      it(`draws ${name} within ${width} columns`, async () => {
        const drawing = draw(parseDiagram(source), { width });
        expect(drawing.complete).toBe(true);
        expect(drawing.note).toBeUndefined();
        for (const row of drawing.lines) expect([...row].length).toBeLessThanOrEqual(width);
        await expect(`${drawing.lines.join('\n')}\n`).toMatchFileSnapshot(`goldens/diagram/${name}-${width}.txt`);
      });
    }
  }
});

describe('drawing what fits', () => {
  const chain = (count: number) => Array.from({ length: count }, (_, i) => `stage ${i} -> stage ${i + 1}`).join('\n');

  it('draws the first edges of a diagram past the limits of a picture and says what was left out; the pad says where to see it', async () => {
    expect(MAX_DRAWN_EDGES).toBeLessThan(300);
    // 301 components: the first 59 edges touch the 60 a picture holds.
    const drawing = draw(parseDiagram(chain(300)), { width: 100 });
    expect(drawing.complete).toBe(false);
    expect(drawing.tooLarge).toBe(true);
    expect(drawing.note).toBe('showing the first 59 of 300 edges: a picture here holds at most 80 edges and 60 components');
    const picture = drawing.lines.join('\n');
    expect(picture).toContain('stage 0 ');
    expect(picture).toContain('stage 59 ');
    expect(picture).not.toContain('stage 60 ');
    for (const row of drawing.lines) expect([...row].length).toBeLessThanOrEqual(100);

    // 85 edges between 22 components: the edge limit is the one reached.
    const many = Array.from({ length: 85 }, (_, i) => `source ${i % 5} -> sink ${i % 17}`).join('\n');
    const dense = draw(parseDiagram(many), { width: 200 });
    expect(dense.note).toBe('showing the first 80 of 85 edges: a picture here holds at most 80 edges and 60 components');
    expect(dense.lines.length).toBeGreaterThan(0);

    // On a short screen, the part within the limits is cut to fit it as well, and the note says both.
    const { openPad } = await import('../src/diagram/pad.js');
    const view = (await openPad()).view(chain(300), { width: 100, height: 10 });
    expect(view.drawing.join('\n')).toContain('stage 0 ');
    expect(view.note).toMatch(/^too large to draw here \(the export has it whole\): showing the first \d+ of 300 edges; a picture here holds at most 80 edges and 60 components, and the first 59 do not fit in 100×9$/);
    expect(view.lines.length).toBeLessThanOrEqual(10);
    // The pad cuts the note at its width: what matters most comes first, so even 60 columns keep it.
    const narrow = (await openPad()).view(chain(300), { width: 60, height: 12 });
    expect(narrow.lines).toContain('too large to draw here (the export has it whole): showing t…');
  });

  it('draws the first edges that fit a short screen and says how many', () => {
    const drawing = draw(parseDiagram(chain(12)), { width: 60, height: 12 });
    expect(drawing.complete).toBe(false);
    expect(drawing.lines.length).toBeLessThanOrEqual(12);
    expect(drawing.note).toMatch(/^showing the first \d+ of 12 edges; the whole does not fit in 60×12 \(it needs \d+×\d+\)$/);
    expect(drawing.lines.join('\n')).toContain('stage 0');
    expect(drawing.lines.join('\n')).not.toContain('stage 12');
  });

  it('leaves out lone components before edges when that is enough to fit', () => {
    // Two edges and a self-loop fit 12 rows; the three lone boxes below them do not.
    const drawing = draw(parseDiagram('events -> stream processor -> feature store\na -> a\njust a note\nanother box\na third box'), { width: 78, height: 12 });
    expect(drawing.note).toMatch(/^showing the edges, not 3 lone components; the whole does not fit in 78×12 \(it needs \d+×\d+\)$/);
    expect(drawing.lines.join('\n')).toContain('feature store');
    expect(drawing.lines.join('\n')).toContain('│  a  │');
    expect(drawing.lines.join('\n')).not.toContain('just a note');
  });

  it('cuts a component too wide for any layout to the width, and says so', () => {
    const drawing = draw(parseDiagram(`${'x'.repeat(200)} -> y`), { width: 20 });
    expect(drawing.complete).toBe(false);
    expect(drawing.note).toContain('showing the top-left corner');
    for (const row of drawing.lines) expect([...row].length).toBeLessThanOrEqual(20);
    expect(drawing.lines[0]).toMatch(/…$/);
  });

  it('has a word for an empty diagram', () => {
    expect(draw(parseDiagram('# nothing yet\n'), { width: 80 })).toMatchObject({ lines: [], complete: true, note: expect.stringContaining('nothing to draw yet') });
  });

  it('draws lone components, and names with quotes, markup and escapes as written (escapes removed)', () => {
    const drawing = draw(parseDiagram('model registry\nthe "gold" set -> <b>eval</b> & report -[p < 0.05]-> \u001b[31mship'), { width: 100 });
    expect(drawing.complete).toBe(true);
    const text = drawing.lines.join('\n');
    expect(text).toContain('│ model registry │');
    expect(text).toContain('│ the "gold" set ├');
    expect(text).toContain('│ <b>eval</b> & report ├');
    expect(text).toContain('p < 0.05');
    expect(text).toContain('│ ship │');
  });
});

describe('the pad view', () => {
  it('draws what fits the height and keeps every line that is not an edge in view', async () => {
    const { openPad } = await import('../src/diagram/pad.js');
    const pad = await openPad();
    const view = pad.view('a -> b -> c -> d -> e -> f -> g\nthis is not an edge.\nx => y\n', { width: 40, height: 12 });
    expect(view.lines.length).toBeLessThanOrEqual(12);
    expect(view.lines.slice(-2)).toEqual([
      'line 2: not an edge: this reads as a se…',
      'line 3: not an edge: an arrow mldrill d…',
    ]);
    expect(view.note).toMatch(/^showing the first \d of 6 edges; the whole does not fit in 40×9 /);
    // Cut to 40 columns, the note still says how much is shown.
    expect(view.lines.find((line) => line.startsWith('showing'))).toMatch(/^showing the first \d of 6 edges; the who…$/);
    expect(view.drawing.join('\n')).toContain('│ a ├───▶│ b ├');
    for (const row of view.lines) expect([...row].length).toBeLessThanOrEqual(40);
  });

  it('with no row left for the picture, says so instead of naming a part it cannot show', async () => {
    const { openPad } = await import('../src/diagram/pad.js');
    const pad = await openPad();
    const view = pad.view('uploads -> encoder -> retriever -> ranker -> feed\nfeed -> logs -> training -> retriever\n', { width: 60, height: 1 });
    expect(view.lines).toEqual(['no room to draw 7 edges here; a taller terminal shows them;…']);
    expect(view.note).toBe('no room to draw 7 edges here; a taller terminal shows them; the export has it whole');
    expect(pad.view('a -> b\n', { width: 60, height: 4 }).lines.join('\n')).toContain('│ a ├');
    // Three rows hold a picture that fits whole, with no note under it...
    expect(pad.view('a -> b\n', { width: 60, height: 3 }).lines).toEqual(['┌───┐    ┌───┐', '│ a ├───▶│ b │', '└───┘    └───┘']);
    // ...but not a part of one and the note saying so, and two rows would show only the tops of the boxes.
    expect(pad.view('uploads -> encoder -> retriever -> ranker -> feed\n', { width: 40, height: 3 }).lines).toEqual(['no room to draw 4 edges here; a taller …']);
    expect(pad.view('a -> b\n', { width: 60, height: 2 }).lines).toEqual(['no room to draw 1 edge here; a taller terminal shows it; th…']);
    expect(pad.view('model registry\n', { width: 60, height: 2 }).lines).toEqual(['no room to draw 1 component here; a taller terminal shows i…']);
  });
});
