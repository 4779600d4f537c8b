/** Message failures per trading partner, open, acknowledged and resolved, plus the production outage's failure. */
import type { Failure } from '../../../../src/sources/governance/schemas';
import type { Random } from '../random';
import type { Draft } from './draft';
import { SOLUTIONS, endpointUrl, environmentId, type Stage } from './catalog';
import { DAY, HOUR, MINUTE, iso, roundToMinute } from './time';

interface ErrorKind {
  code: string;
  message: (messageType: string) => string;
  remediation: string;
  protocols: string[];
}

const ERRORS: ErrorKind[] = [
  {
    code: 'AS2-MDN-TIMEOUT',
    message: (type) => `No MDN received within 30 minutes for ${type} interchange`,
    remediation: "Check the partner's AS2 receipt URL and our certificate on their side, then resend the interchange.",
    protocols: ['AS2'],
  },
  {
    code: 'X12-997-REJECTED',
    message: (type) => `Functional acknowledgment rejected ${type}: AK5*R*5 (one or more segments in error)`,
    remediation: 'Compare the rejected segments with the partner implementation guide and correct the map.',
    protocols: ['AS2', 'SFTP'],
  },
  {
    code: 'EDI-MANDATORY-SEGMENT-MISSING',
    message: (type) => `${type}: mandatory segment missing at position 0200`,
    remediation: 'Ask the partner to resend with the mandatory segment, or relax the rule in the map if agreed.',
    protocols: ['AS2', 'SFTP', 'OFTP2'],
  },
  {
    code: 'EDIFACT-CONTRL-REJECTED',
    message: (type) => `CONTRL rejected the ${type} interchange: UCI+4 (syntax error)`,
    remediation: 'Validate the interchange against the EDIFACT directory version the partner expects.',
    protocols: ['SFTP', 'AS4', 'OFTP2'],
  },
  {
    code: 'SFTP-AUTH-FAILED',
    message: () => 'Authentication failed (publickey) for user tg_transfer',
    remediation: 'Confirm the partner still has our current public key; rotate the key pair if it was replaced.',
    protocols: ['SFTP'],
  },
  {
    code: 'HTTP-503',
    message: (type) => `Partner endpoint answered 503 Service Unavailable while delivering ${type}`,
    remediation: 'Retries continue automatically; escalate to the partner if the failure lasts more than an hour.',
    protocols: ['HTTPS', 'AS4'],
  },
  {
    code: 'MAP-XREF-NOT-FOUND',
    message: () => "No cross-reference entry for unit of measure 'CA'",
    remediation: 'Add the missing value to the cross-reference table and reprocess the message.',
    protocols: ['AS2', 'SFTP', 'HTTPS', 'OFTP2'],
  },
  {
    code: 'DUPLICATE-INTERCHANGE',
    message: () => 'Interchange control number 000004711 was already received from this partner',
    remediation: 'Check with the partner whether the interchange is a resend; discard it if so.',
    protocols: ['AS2', 'SFTP', 'OFTP2'],
  },
];

const STATES: [string, number][] = [
  ['open', 0.4],
  ['acknowledged', 0.25],
  ['resolved', 0.35],
];

export function seedFailures(random: Random, now: number): Failure[] {
  const failures: Draft<Failure>[] = [];
  const count = 28 + random.int(0, 10);
  for (let i = 0; i < count; i++) {
    const solution = random.pick(SOLUTIONS);
    const stage: Stage = random.chance(0.55) ? 'prod' : random.chance(0.8) ? 'test' : 'dev';
    const partner = random.pick(solution.partners);
    const direction = random.chance(0.5) && partner.inbound.length > 0 ? 'inbound' : 'outbound';
    const messageType = random.pick(direction === 'inbound' ? partner.inbound : partner.outbound);
    const endpoint = random.pick(solution.endpoints);
    const kinds = ERRORS.filter((kind) => kind.protocols.includes(endpoint.protocol));
    const error = random.pick(kinds.length > 0 ? kinds : ERRORS);
    const state = random.weighted(STATES);
    const firstSeen = roundToMinute(now - random.int(HOUR, 30 * DAY));
    const lastSeen = state === 'resolved' ? firstSeen + random.int(0, Math.max(0, (now - firstSeen) / 2)) : firstSeen + random.int(0, now - firstSeen);
    failures.push({
      environmentId: environmentId(solution, stage),
      direction,
      messageType,
      partner: { id: partner.id, name: partner.name },
      endpoint: endpointUrl(endpoint.url, stage),
      errorCode: error.code,
      errorMessage: error.message(messageType),
      occurrences: state === 'resolved' ? random.int(1, 12) : random.int(1, 300),
      firstSeenAt: iso(firstSeen),
      lastSeenAt: iso(roundToMinute(lastSeen)),
      state,
      severity: stage === 'prod' ? random.pick(['medium', 'high', 'critical']) : random.pick(['low', 'medium']),
      correlationId: `tg-${random.hex(8)}-${random.hex(4)}`,
      remediation: random.chance(0.75) ? error.remediation : null,
    });
  }
  failures.push(
    {
      environmentId: 'env-log-prod',
      direction: 'outbound',
      messageType: 'EDIFACT DESADV',
      partner: { id: 'ptn-nordic', name: 'Nordic Freight' },
      endpoint: 'sftp://sftp.nordicfreight.example:2222/outbound/desadv',
      errorCode: 'SFTP-CONNECTION-REFUSED',
      errorMessage: 'Connection refused by sftp.nordicfreight.example:2222',
      occurrences: 148,
      firstSeenAt: iso(roundToMinute(now - 52 * MINUTE)),
      lastSeenAt: iso(roundToMinute(now - MINUTE)),
      state: 'open',
      severity: 'critical',
      correlationId: `tg-${random.hex(8)}-${random.hex(4)}`,
      remediation: 'Nordic Freight has been called (INC-2231); messages are queued and resent automatically once the host is back.',
    },
    {
      environmentId: 'env-otc-test',
      direction: 'outbound',
      messageType: 'X12 856',
      partner: { id: 'ptn-acme', name: 'Acme Retail' },
      endpoint: 'https://as2-test.otc.example-retail.com/as2/receive',
      errorCode: 'AS2-MDN-TIMEOUT',
      errorMessage: 'No MDN received within 30 minutes for X12 856 interchange',
      occurrences: 23,
      firstSeenAt: iso(roundToMinute(now - 6 * HOUR)),
      lastSeenAt: iso(roundToMinute(now - 20 * MINUTE)),
      state: 'acknowledged',
      severity: 'medium',
      correlationId: `tg-${random.hex(8)}-${random.hex(4)}`,
      remediation: null,
    },
  );
  failures.sort((a, b) => a.firstSeenAt.localeCompare(b.firstSeenAt));
  return failures.map((failure, index) => ({ id: `flr-${String(index + 1).padStart(4, '0')}`, ...failure }));
}
