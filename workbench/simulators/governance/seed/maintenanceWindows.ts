/** One window in progress, planned ones ahead, a change freeze, and past ones completed or cancelled. */
import type { MaintenanceWindow } from '../../../../src/sources/governance/schemas';
import type { Draft } from './draft';
import { DAY, HOUR, iso, roundToHour } from './time';

export function seedMaintenanceWindows(now: number): MaintenanceWindow[] {
  const hour = roundToHour(now);
  const window = (id: string, fields: Omit<Draft<MaintenanceWindow>, 'startsAt' | 'endsAt'>, startsAt: number, endsAt: number) => ({
    id,
    ...fields,
    startsAt: iso(startsAt),
    endsAt: iso(endsAt),
  });
  return [
    window(
      'mw-log-dev-patching',
      {
        environmentIds: ['env-log-dev'],
        kind: 'planned',
        title: 'Runtime patching',
        description: 'Operating system and runtime patches on the development integration nodes.',
        status: 'in_progress',
      },
      hour - HOUR,
      hour + 2 * HOUR,
    ),
    window(
      'mw-otc-prod-as2-upgrade',
      {
        environmentIds: ['env-otc-prod'],
        kind: 'planned',
        title: 'AS2 gateway upgrade',
        description: 'Upgrade of the AS2 gateway; inbound AS2 traffic is queued by partners during the window.',
        status: 'scheduled',
      },
      hour + 3 * DAY + 2 * HOUR,
      hour + 3 * DAY + 6 * HOUR,
    ),
    window(
      'mw-fin-test-refresh',
      {
        environmentIds: ['env-fin-test'],
        kind: 'planned',
        title: 'Test data refresh',
        description: null,
        status: 'scheduled',
      },
      hour + 5 * DAY,
      hour + 5 * DAY + 3 * HOUR,
    ),
    window(
      'mw-peak-freeze',
      {
        environmentIds: ['env-otc-prod', 'env-log-prod', 'env-fin-prod'],
        kind: 'freeze',
        title: 'Peak season change freeze',
        description: 'No production changes without an emergency change approved by the CAB.',
        status: 'scheduled',
      },
      hour + 10 * DAY,
      hour + 24 * DAY,
    ),
    window(
      'mw-fin-prod-cert-replacement',
      {
        environmentIds: ['env-fin-prod'],
        kind: 'emergency',
        title: 'Emergency certificate replacement',
        description: 'The bank rotated its root certificate without notice.',
        status: 'completed',
      },
      hour - 6 * DAY,
      hour - 6 * DAY + HOUR,
    ),
    window(
      'mw-otc-test-db-refresh',
      {
        environmentIds: ['env-otc-test'],
        kind: 'planned',
        title: 'Test database refresh',
        description: null,
        status: 'completed',
      },
      hour - 12 * DAY,
      hour - 12 * DAY + 4 * HOUR,
    ),
    window(
      'mw-log-prod-vpn-rekey',
      {
        environmentIds: ['env-log-prod'],
        kind: 'planned',
        title: 'Carrier VPN re-keying',
        description: 'Cancelled: Nordic Freight asked to postpone.',
        status: 'cancelled',
      },
      hour + DAY,
      hour + DAY + 2 * HOUR,
    ),
  ];
}
