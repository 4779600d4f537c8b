/**
 * Sixty days of change history: edits in dev, promotions up the stages in every state, credential rotations
 * (their diffs are sensitive: "***"), environment changes, and a few recent events the rest of the scenario
 * refers to (the failed ship-notice promotion, the production outage).
 */
import type { ChangeEvent, DiffEntry, Person } from '../../../../src/sources/governance/schemas';
import type { Random } from '../random';
import type { Draft as DraftOf } from './draft';
import { PEOPLE, RELEASE_PIPELINE, SOLUTIONS, STAGE_NAMES, environmentId, type ArtifactSpec, type SolutionSpec, type Stage } from './catalog';
import { CREDENTIAL_TARGETS } from './credentials';
import type { Versions } from './landscape';
import { DAY, HOUR, MINUTE, iso, roundToMinute } from './time';

type Draft = DraftOf<ChangeEvent>;

const HISTORY_DAYS = 60;

const REASONS = [
  'Partner requested a change to the acknowledgment timing',
  'Fix for the mapping defect found in regression testing',
  'Quarterly certificate and key hygiene',
  'Align with the partner implementation guide v5.2',
  'Performance tuning after the peak-load test',
  'Onboarding a new ship-from location',
  'Rollback preparation for the holiday release',
  'Audit finding: tighten the allowed scopes',
];

const DIFFS: Record<string, ((random: Random) => DiffEntry)[]> = {
  map: [
    () => ({ op: 'replace', path: '/segments/BEG/BEG03/source', before: 'PO.Number', after: 'PO.CustomerReference', sensitive: false }),
    () => ({ op: 'add', path: '/segments/N1/N104/xref', before: null, after: 'Unit of Measure Cross-Reference', sensitive: false }),
    () => ({ op: 'replace', path: '/validation/strictSegmentOrder', before: false, after: true, sensitive: false }),
    () => ({ op: 'remove', path: '/segments/REF-DP', before: { qualifier: 'DP', source: 'Order.Department' }, after: null, sensitive: false }),
    (random) => ({ op: 'replace', path: '/envelope/isaUsageIndicator', before: random.pick(['T', 'P']), after: 'P', sensitive: false }),
  ],
  xref_table: [
    () => ({ op: 'add', path: '/rows/CA', before: null, after: 'CS', sensitive: false }),
    () => ({ op: 'replace', path: '/rows/EA', before: 'EA', after: 'EACH', sensitive: false }),
    () => ({ op: 'remove', path: '/rows/DZ', before: '12', after: null, sensitive: false }),
  ],
  api: [
    (random) => ({ op: 'replace', path: '/policies/rateLimit/perMinute', before: 600, after: random.pick([900, 1200]), sensitive: false }),
    () => ({ op: 'replace', path: '/routes/default/timeoutMs', before: 15000, after: 30000, sensitive: false }),
    () => ({ op: 'add', path: '/scopes/-', before: null, after: 'partner:read', sensitive: false }),
  ],
  messaging_config: [
    () => ({ op: 'replace', path: '/topics/events/retentionHours', before: 72, after: 168, sensitive: false }),
    () => ({ op: 'replace', path: '/deadLetter/maxRedeliveries', before: 5, after: 10, sensitive: false }),
  ],
  partner_profile: [
    () => ({ op: 'replace', path: '/identifiers/isaQualifier', before: 'ZZ', after: '01', sensitive: false }),
    () => ({ op: 'replace', path: '/acknowledgments/functionalAckRequired', before: false, after: true, sensitive: false }),
    () => ({ op: 'replace', path: '/contacts/escalation/email', before: 'edi@partner.example', after: 'edi-support@partner.example', sensitive: false }),
  ],
  connection: [
    () => ({ op: 'replace', path: '/tls/minimumVersion', before: '1.2', after: '1.3', sensitive: false }),
    () => ({ op: 'replace', path: '/auth/password', before: '***', after: '***', sensitive: true }),
    () => ({ op: 'replace', path: '/retry/maxAttempts', before: 3, after: 5, sensitive: false }),
  ],
  certificate: [
    (random) => ({ op: 'replace', path: '/fingerprintSha256', before: random.hex(64), after: random.hex(64), sensitive: false }),
    () => ({ op: 'replace', path: '/privateKey', before: '***', after: '***', sensitive: true }),
  ],
};

const PROMOTION_STATES: [string, number][] = [
  ['succeeded', 0.62],
  ['failed', 0.1],
  ['requested', 0.08],
  ['approved', 0.07],
  ['scheduled', 0.07],
  ['cancelled', 0.06],
];

export function seedChangeEvents(random: Random, now: number, versions: Versions): ChangeEvent[] {
  const drafts: Draft[] = [];
  const count = 300 + random.int(0, 60);
  for (let i = 0; i < count; i++) {
    const solution = random.pick(SOLUTIONS);
    const at = roundToMinute(now - random.int(10 * MINUTE, HISTORY_DAYS * DAY));
    const kind = random.next();
    if (kind < 0.38) drafts.push(artifactEdit(random, solution, at));
    else if (kind < 0.7) drafts.push(promotion(random, solution, at, versions));
    else if (kind < 0.9) drafts.push(credentialChange(random, solution, at));
    else drafts.push(environmentChange(random, solution, at));
  }
  drafts.push(...scenarioEvents(now, versions));
  drafts.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  return drafts.map((draft, index) => ({ id: `chg-${String(index + 1).padStart(5, '0')}`, ...draft }));
}

function artifactEdit(random: Random, solution: SolutionSpec, at: number): Draft {
  const artifact = random.pick(solution.artifacts);
  const stage: Stage = random.chance(0.7) ? 'dev' : random.chance(0.6) ? 'test' : 'prod';
  const roll = random.next();
  const action = roll < 0.8 ? 'updated' : roll < 0.94 ? 'created' : 'deleted';
  const templates = DIFFS[artifact.kind] ?? DIFFS.map ?? [];
  const diff: DiffEntry[] =
    action === 'created'
      ? [{ op: 'add', path: '/', before: null, after: { name: artifact.name, version: '1.0.0' }, sensitive: false }]
      : action === 'deleted'
        ? [{ op: 'remove', path: '/', before: { name: artifact.name }, after: null, sensitive: false }]
        : random.sample(templates, random.int(1, 3)).map((make) => make(random));
  const verb = { updated: 'Changed', created: 'Created', deleted: 'Deleted' }[action];
  return base(random, solution, at, random.pick(solution.engineers), action, stage, {
    target: { kind: artifact.kind, id: artifact.id, name: artifact.name },
    diff,
    summary: `${verb} ${artifact.name} in ${solution.label} ${STAGE_NAMES[stage]}`,
    partners: partnersOf(random, solution, artifact),
  });
}

function promotion(random: Random, solution: SolutionSpec, at: number, versions: Versions): Draft {
  const artifact = random.pick(solution.artifacts);
  const toProd = random.chance(0.45);
  const from: Stage = toProd ? 'test' : 'dev';
  const to: Stage = toProd ? 'prod' : 'test';
  const state = random.weighted(PROMOTION_STATES);
  const actor = random.pick(solution.engineers);
  const approverCount = state === 'requested' ? 0 : state === 'cancelled' ? random.int(0, 1) : random.int(1, 2);
  // Now and then the requester approves their own promotion: a segregation-of-duties finding.
  const approvedBy = random.chance(0.08) && approverCount > 0 ? [actor] : random.sample(solution.engineers.filter((p) => p !== actor), approverCount);
  const target = versions[artifact.id]?.[from] ?? '1.0.0';
  const before = versions[artifact.id]?.[to] ?? '0.9.0';
  return base(random, solution, at, actor, 'promoted', to, {
    target: { kind: artifact.kind, id: artifact.id, name: artifact.name },
    diff: [{ op: 'replace', path: '/version', before, after: target, sensitive: false }],
    summary: `Promotion of ${artifact.name} ${target} to ${solution.label} ${STAGE_NAMES[to]} ${state}`,
    partners: partnersOf(random, solution, artifact),
    promotion: { fromEnvironmentId: environmentId(solution, from), toEnvironmentId: environmentId(solution, to), state, approvedBy },
  });
}

function credentialChange(random: Random, solution: SolutionSpec, at: number): Draft {
  const candidates = CREDENTIAL_TARGETS.filter((credential) => credential.environmentId.startsWith(`env-${solution.code}-`));
  const credential = random.pick(candidates);
  const stage = credential.environmentId.split('-').pop() as Stage;
  const rotated = random.chance(0.7);
  const actor = rotated && credential.owner && random.chance(0.6) ? credential.owner : random.pick(solution.engineers);
  const diff: DiffEntry[] = rotated
    ? [{ op: 'replace', path: '/secret', before: '***', after: '***', sensitive: true }]
    : [{ op: 'replace', path: '/backupOwner', before: null, after: random.pick(solution.engineers).name, sensitive: false }];
  if (rotated && credential.kind === 'certificate') {
    diff.push({ op: 'replace', path: '/expiresAt', before: iso(at + 10 * DAY), after: iso(at + 375 * DAY), sensitive: false });
  }
  return base(random, solution, at, actor, rotated ? 'rotated' : 'updated', stage, {
    target: { kind: 'credential', id: credential.id, name: credential.name },
    diff,
    summary: rotated ? `Rotated ${credential.name}` : `Changed the backup owner of ${credential.name}`,
    partners: [],
  });
}

function environmentChange(random: Random, solution: SolutionSpec, at: number): Draft {
  const stage = random.pick<Stage>(['dev', 'test', 'prod']);
  const [before, after] = random.pick([
    ['operational', 'degraded'],
    ['degraded', 'operational'],
    ['operational', 'maintenance'],
    ['maintenance', 'operational'],
  ]);
  const name = `${solution.label} ${STAGE_NAMES[stage]}`;
  return base(random, solution, at, random.pick(solution.engineers), 'updated', stage, {
    target: { kind: 'environment', id: environmentId(solution, stage), name },
    diff: [{ op: 'replace', path: '/status', before, after, sensitive: false }],
    summary: `${name} went from ${before} to ${after}`,
    partners: [],
  });
}

function scenarioEvents(now: number, versions: Versions): Draft[] {
  const [otc, log, fin] = SOLUTIONS as [SolutionSpec, SolutionSpec, SolutionSpec];
  const { priya, marcus, tomas, david } = PEOPLE;
  const version = (artifactId: string, stage: Stage) => versions[artifactId]?.[stage] ?? '1.0.0';
  return [
    {
      occurredAt: iso(roundToMinute(now - 2 * HOUR)),
      actor: tomas,
      action: 'promoted',
      target: { kind: 'map', id: 'art-otc-856-out', name: 'X12 856 Ship Notice (outbound)' },
      environmentId: 'env-otc-prod',
      reason: 'Holiday release: carton-level ship notices for Acme Retail',
      ticketRef: 'CHG-4821',
      diff: [{ op: 'replace', path: '/version', before: version('art-otc-856-out', 'prod'), after: version('art-otc-856-out', 'test'), sensitive: false }],
      impact: {
        severity: 'high',
        summary: 'Ship notices to Acme Retail and Globex Wholesale keep using the previous map; the promotion failed at deployment.',
        affectedSystems: otc.systems.slice(0, 2),
        affectedPartners: ['Acme Retail', 'Globex Wholesale'],
        affectedEnvironments: ['env-otc-prod'],
      },
      promotion: { fromEnvironmentId: 'env-otc-test', toEnvironmentId: 'env-otc-prod', state: 'failed', approvedBy: [priya] },
    },
    {
      occurredAt: iso(roundToMinute(now - 30 * MINUTE)),
      actor: marcus,
      action: 'promoted',
      target: { kind: 'map', id: 'art-otc-orders-in', name: 'EDIFACT ORDERS D96A (inbound)' },
      environmentId: 'env-otc-prod',
      reason: 'Initech Stores Europe go-live',
      ticketRef: 'CHG-4830',
      diff: [{ op: 'replace', path: '/version', before: version('art-otc-orders-in', 'prod'), after: version('art-otc-orders-in', 'test'), sensitive: false }],
      impact: {
        severity: 'medium',
        summary: 'Inbound EDIFACT orders from Initech Stores Europe switch to the new map at the next maintenance window.',
        affectedSystems: ['SAP S/4HANA'],
        affectedPartners: ['Initech Stores Europe'],
        affectedEnvironments: ['env-otc-prod'],
      },
      promotion: { fromEnvironmentId: 'env-otc-test', toEnvironmentId: 'env-otc-prod', state: 'scheduled', approvedBy: [priya, david] },
    },
    {
      occurredAt: iso(roundToMinute(now - 3 * DAY - 4 * HOUR)),
      actor: priya,
      action: 'promoted',
      target: { kind: 'api', id: 'art-otc-order-api', name: 'Order API' },
      environmentId: 'env-otc-prod',
      reason: 'Raise the rate limit before the holiday peak',
      ticketRef: null,
      diff: [{ op: 'replace', path: '/policies/rateLimit/perMinute', before: 600, after: 1200, sensitive: false }],
      impact: {
        severity: 'medium',
        summary: 'Order API accepts twice as many calls per minute.',
        affectedSystems: ['Order Management Service'],
        affectedPartners: [],
        affectedEnvironments: ['env-otc-prod'],
      },
      promotion: { fromEnvironmentId: 'env-otc-test', toEnvironmentId: 'env-otc-prod', state: 'succeeded', approvedBy: [priya] },
    },
    {
      occurredAt: iso(roundToMinute(now - 50 * MINUTE)),
      actor: RELEASE_PIPELINE,
      action: 'updated',
      target: { kind: 'environment', id: 'env-log-prod', name: `${log.label} ${STAGE_NAMES.prod}` },
      environmentId: 'env-log-prod',
      reason: 'Health check: SFTP endpoint unreachable',
      ticketRef: 'INC-2231',
      diff: [{ op: 'replace', path: '/status', before: 'operational', after: 'outage', sensitive: false }],
      impact: {
        severity: 'critical',
        summary: 'Dispatch advice to Nordic Freight is queued until the carrier SFTP host accepts connections again.',
        affectedSystems: ['Transport Management System'],
        affectedPartners: ['Nordic Freight'],
        affectedEnvironments: ['env-log-prod'],
      },
      promotion: null,
    },
    {
      occurredAt: iso(roundToMinute(now - 4 * HOUR)),
      actor: david,
      action: 'promoted',
      target: { kind: 'map', id: 'art-fin-820-out', name: 'X12 820 Remittance Advice (outbound)' },
      environmentId: 'env-fin-prod',
      reason: 'Remittance v3: include invoice-level discounts',
      ticketRef: 'CHG-4835',
      diff: [{ op: 'replace', path: '/version', before: version('art-fin-820-out', 'prod'), after: version('art-fin-820-out', 'test'), sensitive: false }],
      impact: {
        severity: 'high',
        summary: 'Remittance advice to Umbrella Supplies changes format.',
        affectedSystems: fin.systems.slice(0, 1),
        affectedPartners: ['Umbrella Supplies'],
        affectedEnvironments: ['env-fin-prod'],
      },
      promotion: { fromEnvironmentId: 'env-fin-test', toEnvironmentId: 'env-fin-prod', state: 'requested', approvedBy: [] },
    },
  ];
}

function base(
  random: Random,
  solution: SolutionSpec,
  at: number,
  actor: Person,
  action: string,
  stage: Stage,
  details: {
    target: Draft['target'];
    diff: DiffEntry[];
    summary: string;
    partners: string[];
    promotion?: Draft['promotion'];
  },
): Draft {
  const envId = environmentId(solution, stage);
  const severity = stage === 'prod' ? random.weighted([['medium', 0.45], ['high', 0.4], ['critical', 0.15]]) : stage === 'test' ? random.pick(['low', 'medium']) : 'low';
  return {
    occurredAt: iso(at),
    actor,
    action,
    target: details.target,
    environmentId: envId,
    reason: random.chance(0.75) ? random.pick(REASONS) : null,
    ticketRef: stage === 'prod' || random.chance(0.4) ? `CHG-${random.int(1000, 4799)}` : null,
    diff: details.diff,
    impact: {
      severity,
      summary: details.summary,
      affectedSystems: random.sample(solution.systems, random.int(1, 2)),
      affectedPartners: details.partners,
      affectedEnvironments: [envId],
    },
    promotion: details.promotion ?? null,
  };
}

function partnersOf(random: Random, solution: SolutionSpec, artifact: ArtifactSpec): string[] {
  if (!['map', 'partner_profile', 'connection', 'certificate'].includes(artifact.kind)) return [];
  return random.sample(solution.partners, random.int(1, 2)).map((partner) => partner.name);
}
