// commander, in one place. The bundle (scripts/bundle.mjs) carries commander's code itself, so
// that commander's require of node:child_process, used only by executable subcommands, can be
// left for later.
export { Argument, Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
