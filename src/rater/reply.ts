// The model's reply content, validated: JSON of the shape prompt.ts asks for. Lenient where
// models commonly are (a fenced code block around the JSON, extra fields, a missing evidence
// or reason), strict where it matters (item ids and verdicts).
import * as z from 'zod';
import { cut } from '../text.js';
import type { ModelVerdict } from './verdicts.js';

const Verdict = z.object({
  stage: z.string(),
  id: z.string(),
  met: z.boolean().nullable(),
  evidence: z.string().nullish().transform((value) => value ?? ''),
  reason: z.string().nullish().transform((value) => value ?? ''),
});

const Reply = z.object({ items: z.array(Verdict) });

/** How much of a reply that is not JSON an error quotes. */
const QUOTED = 120;

/** The verdicts in content, or why it is not a reply of the shape asked for (one short phrase). */
export function parseReply(content: string): { verdicts: ModelVerdict[] } | { problem: string } {
  const text = unfence(content);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // What the model wrote instead (a refusal in words, an essay) is the cause the user needs to see.
    const said = content.replace(/\s+/g, ' ').trim();
    return { problem: said ? `its content is not JSON ("${cut(said, QUOTED)}")` : 'its content is empty' };
  }
  const parsed = Reply.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '') : 'the reply';
    return { problem: `its JSON is not the shape asked for (${where}: ${issue.message})` };
  }
  return { verdicts: parsed.data.items };
}

/**
 * The JSON inside a Markdown code fence, or the outermost {...}, when the model wrapped it. A
 * reasoning model's `<think>` block before it goes first: its braces are not the reply's.
 */
function unfence(content: string): string {
  const trimmed = content.trim().replace(/^<think>[\s\S]*?<\/think>\s*/, '');
  if (trimmed.startsWith('{')) return trimmed;
  const fenced = /```(?:json)?\s*\n([\s\S]*?)\n?```/.exec(trimmed);
  if (fenced) return fenced[1]!.trim();
  const start = trimmed.indexOf('{');
  const end = trimmed.lastIndexOf('}');
  return start >= 0 && end > start ? trimmed.slice(start, end + 1) : trimmed;
}
