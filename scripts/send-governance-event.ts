/**
 * Sends one signed governance event to the app's governance-events webtrigger, as the backend would
 * (docs/change-log-and-status.md). For the workbench and for checking a real installation's setup.
 *
 *   npx tsx scripts/send-governance-event.ts                       # a sample change to the workbench on :4000
 *   npx tsx scripts/send-governance-event.ts --type failure        # change | failure | resolved | status | maintenance
 *   npx tsx scripts/send-governance-event.ts --file event.json --url https://…/x1/… --secret "$GOVERNANCE_WEBHOOK_SECRET"
 *
 * The secret defaults to GOVERNANCE_WEBHOOK_SECRET, else the workbench's `workbench-webhook-secret`.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { signGovernanceEvent } from '../src/domain/events/signature';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const person = { id: 'u-ana', name: 'Ana Silva', email: 'ana@example.com' };
const failure = (state: string) => ({
  id: 'fail-sample-1',
  environmentId: 'env-otc-prod',
  direction: 'inbound',
  messageType: 'X12 850',
  partner: { id: 'p-acme', name: 'Acme Retail' },
  endpoint: 'AS2 inbound',
  errorCode: 'MAP-017',
  errorMessage: 'Segment N1 missing',
  occurrences: 3,
  firstSeenAt: now,
  lastSeenAt: now,
  state,
  severity: 'high',
  correlationId: randomUUID(),
  remediation: null,
});

const samples: Record<string, { type: string; data: unknown }> = {
  change: {
    type: 'governance.change.created',
    data: {
      id: `chg-sample-${Date.now()}`,
      occurredAt: now,
      actor: person,
      action: 'updated',
      target: { kind: 'map', id: 'map-850', name: 'X12 850 to IDOC ORDERS05' },
      environmentId: 'env-otc-prod',
      reason: 'Partner added a segment',
      ticketRef: 'CHG-4711',
      diff: [{ op: 'replace', path: '/version', before: '4.2.0', after: '4.3.0', sensitive: false }],
      impact: { severity: 'medium', summary: 'Orders from Acme accept the new segment', affectedSystems: ['SAP ECC'], affectedPartners: ['Acme Retail'], affectedEnvironments: ['env-otc-prod'] },
      promotion: null,
    },
  },
  failure: { type: 'governance.failure.opened', data: failure('open') },
  resolved: { type: 'governance.failure.resolved', data: failure('resolved') },
  status: {
    type: 'governance.environment.status_changed',
    data: { id: 'env-otc-prod', solutionId: 'sol-otc', name: 'OTC Production', stage: 'prod', isProduction: true, status: 'degraded', statusMessage: 'AS2 gateway slow', endpoints: [], updatedAt: now },
  },
  maintenance: {
    type: 'governance.maintenance.scheduled',
    data: { id: 'mw-sample-1', environmentIds: ['env-otc-prod'], kind: 'planned', title: 'Certificate renewal', description: null, startsAt: new Date(Date.now() + 86_400_000).toISOString(), endsAt: new Date(Date.now() + 90_000_000).toISOString(), status: 'scheduled' },
  },
};

async function main(): Promise<void> {
  const url = option('url') ?? 'http://127.0.0.1:4000/webtrigger/governance-events';
  const secret = option('secret') ?? process.env.GOVERNANCE_WEBHOOK_SECRET ?? 'workbench-webhook-secret';
  const file = option('file');
  const sample = samples[option('type') ?? 'change'];
  if (!file && !sample) throw new Error(`--type must be one of ${Object.keys(samples).join(', ')}`);
  const body = file
    ? fs.readFileSync(file, 'utf8')
    : JSON.stringify({ specversion: '1.0', id: randomUUID(), source: 'https://governance.example.com/v1', type: sample?.type, time: now, datacontenttype: 'application/json', data: sample?.data });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/cloudevents+json', 'Governance-Signature': signGovernanceEvent(secret, body, Math.floor(Date.now() / 1000)) },
    body,
  });
  console.log(`${response.status} ${await response.text()}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
