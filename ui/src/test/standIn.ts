// The type every stand-in handler set has: a handler takes its command's argument object and
// answers with its result (or a promise of it), exactly as commands.gen.ts declares them from
// the Rust command table. A stand-in that answers the wrong shape, or reads an argument the
// command does not have, fails `tsc` instead of drifting from the real backend.
import type { CommandTypes } from '../commands.gen';

export type StandIn = {
  [K in keyof CommandTypes]?: (
    args: CommandTypes[K]['args'],
  ) => CommandTypes[K]['result'] | Promise<CommandTypes[K]['result']>;
};

/** A handler looked up by a command name only known at run time (mockIPC's `cmd`). */
export type AnyHandler = (args: Record<string, unknown>) => unknown;

export function handlerFor(handlers: StandIn, cmd: string): AnyHandler | undefined {
  return (handlers as Record<string, AnyHandler | undefined>)[cmd];
}
