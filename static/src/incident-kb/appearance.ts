import type { IncidentState } from '../../../src/shared/incidentContract';

export const STATE_APPEARANCE: Record<IncidentState, 'moved' | 'success'> = { open: 'moved', resolved: 'success' };
export const SEVERITY_APPEARANCE: Record<string, 'removed' | 'moved' | 'default'> = { critical: 'removed', high: 'removed', medium: 'moved', low: 'default' };
