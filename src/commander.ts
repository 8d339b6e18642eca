// Commander, required rather than imported: it is CommonJS, and on Node 20 the ES module
// loader's translation of a CommonJS package (parsing it for its export names) costs ~5 ms of
// every command's start-up.
import { createRequire } from 'node:module';

type Commander = typeof import('commander');
const commander = createRequire(import.meta.url)('commander') as Commander;

export const { Argument, Command, CommanderError, InvalidArgumentError, Option } = commander;
export type Argument = import('commander').Argument;
export type Command = import('commander').Command;
export type Option = import('commander').Option;
