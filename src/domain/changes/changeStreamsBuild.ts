import type { ChangeEvent, Environment } from '../../sources/governance/schemas';
import type { ChangeRow } from '../../shared/changeSummaryContract';
import { environmentNames, newestFirst, toChangeRow } from './changeRows';

export interface ChangeStreamBuild {
  environment: { id: string; name: string; stage: string; isProduction: boolean };
  /** Newest first. */
  rows: ChangeRow[];
}

/**
 * One stream per environment: every environment of the solution (also those without changes, so the config
 * panel can offer them), plus any environment a change names that the backend no longer lists. A change belongs
 * to the environment it happened in (`environmentId`; for a promotion that is the target).
 */
export function buildChangeStreams(events: readonly ChangeEvent[], environments: readonly Environment[]): ChangeStreamBuild[] {
  const names = environmentNames(environments);
  const streams = new Map<string, ChangeStreamBuild>();
  for (const environment of environments) {
    streams.set(environment.id, {
      environment: { id: environment.id, name: environment.name, stage: environment.stage, isProduction: environment.isProduction },
      rows: [],
    });
  }
  for (const event of events) {
    let stream = streams.get(event.environmentId);
    if (!stream) {
      stream = { environment: { id: event.environmentId, name: event.environmentId, stage: '', isProduction: false }, rows: [] };
      streams.set(event.environmentId, stream);
    }
    stream.rows.push(toChangeRow(event, names));
  }
  for (const stream of streams.values()) stream.rows.sort(newestFirst);
  return [...streams.values()];
}
