import type { SpecFieldError } from '../../../src/shared/interfaceSpecContract';

/** How a save ended, as the editor shows it. */
export type SaveResult =
  | { kind: 'saved'; version: number }
  | { kind: 'invalid'; fields: SpecFieldError[]; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'failed'; message: string };
