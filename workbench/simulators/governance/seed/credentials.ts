/**
 * Credentials with the governance problems the app has to find: missing owners and backup owners, owners who
 * approved their own rotation, overdue rotations, certificates about to expire or already expired.
 */
import type { Credential, Person } from '../../../../src/sources/governance/schemas';
import type { Random } from '../random';
import { PEOPLE } from './catalog';
import { DAY, HOUR, iso, roundToMinute } from './time';

interface CredentialSpec {
  id: string;
  name: string;
  kind: string;
  environmentId: string;
  system: string;
  owner: Person | null;
  backupOwner: Person | null;
  approvers: Person[];
  lastRotatedBy: Person | null;
  scopes: string[];
  status: string;
  rotatedDaysAgo: number | null;
  rotationPolicyDays: number | null;
  /** Days from now; negative when already expired. */
  expiresInDays: number | null;
  usedBy: string[];
}

const { priya, marcus, elena, tomas, aisha, jonas, mei, david, sofia, kwame } = PEOPLE;

const CREDENTIALS: CredentialSpec[] = [
  {
    id: 'cred-otc-prod-order-api',
    name: 'Order API OAuth client (prod)',
    kind: 'oauth_client',
    environmentId: 'env-otc-prod',
    system: 'Order API',
    owner: priya,
    backupOwner: marcus,
    approvers: [elena],
    lastRotatedBy: priya,
    scopes: ['orders:read', 'orders:write'],
    status: 'active',
    rotatedDaysAgo: 31,
    rotationPolicyDays: 90,
    expiresInDays: null,
    usedBy: ['art-otc-order-api'],
  },
  {
    id: 'cred-otc-prod-as2-signing',
    name: 'AS2 signing certificate (prod)',
    kind: 'certificate',
    environmentId: 'env-otc-prod',
    system: 'AS2 gateway',
    owner: marcus,
    backupOwner: null,
    approvers: [priya],
    lastRotatedBy: marcus,
    scopes: [],
    status: 'expiring',
    rotatedDaysAgo: 347,
    rotationPolicyDays: 365,
    expiresInDays: 18,
    usedBy: ['art-otc-acme-as2', 'art-otc-as2-cert'],
  },
  {
    id: 'cred-otc-prod-sftp-orders',
    name: 'SFTP password for the EDIFACT ORDERS drop (prod)',
    kind: 'password',
    environmentId: 'env-otc-prod',
    system: 'SFTP gateway',
    owner: null,
    backupOwner: null,
    approvers: [],
    lastRotatedBy: tomas,
    scopes: [],
    status: 'active',
    rotatedDaysAgo: 212,
    rotationPolicyDays: 90,
    expiresInDays: null,
    usedBy: ['art-otc-orders-in'],
  },
  {
    id: 'cred-otc-test-order-api',
    name: 'Order API OAuth client (test)',
    kind: 'oauth_client',
    environmentId: 'env-otc-test',
    system: 'Order API',
    owner: aisha,
    backupOwner: priya,
    approvers: [aisha],
    lastRotatedBy: aisha,
    scopes: ['orders:read', 'orders:write', 'orders:admin'],
    status: 'active',
    rotatedDaysAgo: 97,
    rotationPolicyDays: 90,
    expiresInDays: null,
    usedBy: ['art-otc-order-api'],
  },
  {
    id: 'cred-otc-dev-order-api-key',
    name: 'Order API key (dev)',
    kind: 'api_key',
    environmentId: 'env-otc-dev',
    system: 'Order API',
    owner: tomas,
    backupOwner: null,
    approvers: [],
    lastRotatedBy: tomas,
    scopes: ['orders:read'],
    status: 'active',
    rotatedDaysAgo: 20,
    rotationPolicyDays: null,
    expiresInDays: null,
    usedBy: ['art-otc-order-api'],
  },
  {
    id: 'cred-log-prod-nordic-ssh',
    name: 'Nordic Freight SFTP key (prod)',
    kind: 'ssh_key',
    environmentId: 'env-log-prod',
    system: 'SFTP gateway',
    owner: mei,
    backupOwner: david,
    approvers: [jonas],
    lastRotatedBy: mei,
    scopes: [],
    status: 'active',
    rotatedDaysAgo: 401,
    rotationPolicyDays: 365,
    expiresInDays: null,
    usedBy: ['art-log-nordic-sftp'],
  },
  {
    id: 'cred-log-prod-tracking-key',
    name: 'Shipment Tracking API key (prod)',
    kind: 'api_key',
    environmentId: 'env-log-prod',
    system: 'Shipment Tracking API',
    owner: kwame,
    backupOwner: null,
    approvers: [kwame, sofia],
    lastRotatedBy: kwame,
    scopes: ['shipments:read'],
    status: 'active',
    rotatedDaysAgo: 44,
    rotationPolicyDays: 90,
    expiresInDays: null,
    usedBy: ['art-log-tracking-api'],
  },
  {
    id: 'cred-log-prod-as4-client',
    name: 'AS4 client certificate (prod)',
    kind: 'certificate',
    environmentId: 'env-log-prod',
    system: 'AS4 message service handler',
    owner: david,
    backupOwner: mei,
    approvers: [jonas],
    lastRotatedBy: david,
    scopes: [],
    status: 'expired',
    rotatedDaysAgo: 368,
    rotationPolicyDays: 365,
    expiresInDays: -3,
    usedBy: ['art-log-as4-cert'],
  },
  {
    id: 'cred-log-test-broker',
    name: 'Shipment events broker password (test)',
    kind: 'password',
    environmentId: 'env-log-test',
    system: 'Shipment events broker',
    owner: null,
    backupOwner: sofia,
    approvers: [],
    lastRotatedBy: null,
    scopes: ['publish:shipment-events'],
    status: 'active',
    rotatedDaysAgo: null,
    rotationPolicyDays: 180,
    expiresInDays: null,
    usedBy: ['art-log-shipment-events'],
  },
  {
    id: 'cred-log-dev-nordic-ssh',
    name: 'Nordic Freight SFTP key (dev)',
    kind: 'ssh_key',
    environmentId: 'env-log-dev',
    system: 'SFTP gateway',
    owner: jonas,
    backupOwner: null,
    approvers: [],
    lastRotatedBy: jonas,
    scopes: [],
    status: 'revoked',
    rotatedDaysAgo: 150,
    rotationPolicyDays: 365,
    expiresInDays: null,
    usedBy: [],
  },
  {
    id: 'cred-fin-prod-bank-ssh',
    name: 'First Harbor Bank SFTP key (prod)',
    kind: 'ssh_key',
    environmentId: 'env-fin-prod',
    system: 'SFTP gateway',
    owner: sofia,
    backupOwner: elena,
    approvers: [david, elena],
    lastRotatedBy: sofia,
    scopes: [],
    status: 'active',
    rotatedDaysAgo: 61,
    rotationPolicyDays: 180,
    expiresInDays: null,
    usedBy: ['art-fin-bank-sftp'],
  },
  {
    id: 'cred-fin-prod-pgp',
    name: 'Payment file PGP key (prod)',
    kind: 'certificate',
    environmentId: 'env-fin-prod',
    system: 'Treasury Workstation',
    owner: elena,
    backupOwner: null,
    approvers: [sofia],
    lastRotatedBy: elena,
    scopes: [],
    status: 'expiring',
    rotatedDaysAgo: 340,
    rotationPolicyDays: 365,
    expiresInDays: 25,
    usedBy: ['art-fin-pgp-key', 'art-fin-pain001-out'],
  },
  {
    id: 'cred-fin-prod-payments-client',
    name: 'Payments API OAuth client (prod)',
    kind: 'oauth_client',
    environmentId: 'env-fin-prod',
    system: 'Payments API',
    owner: david,
    backupOwner: sofia,
    approvers: [],
    lastRotatedBy: null,
    scopes: ['payments:initiate', 'payments:read'],
    status: 'active',
    rotatedDaysAgo: null,
    rotationPolicyDays: 90,
    expiresInDays: null,
    usedBy: ['art-fin-payments-api'],
  },
  {
    id: 'cred-fin-test-payments-client',
    name: 'Payments API OAuth client (test)',
    kind: 'oauth_client',
    environmentId: 'env-fin-test',
    system: 'Payments API',
    owner: david,
    backupOwner: priya,
    approvers: [sofia],
    lastRotatedBy: david,
    scopes: ['payments:initiate', 'payments:read'],
    status: 'active',
    rotatedDaysAgo: 12,
    rotationPolicyDays: 90,
    expiresInDays: null,
    usedBy: ['art-fin-payments-api'],
  },
];

/**
 * Added for the credential-ownership macro: a production credential last rotated by its only approver and due
 * within two weeks, and its test twin with a status v1 clients do not know, owned by the same person (rule 5).
 * Their times take nothing from the random stream and the change history does not refer to them, so every other
 * seeded item stays exactly as it was.
 */
const SCENARIO_CREDENTIALS: CredentialSpec[] = [
  {
    id: 'cred-otc-prod-van-mailbox',
    name: 'EDI VAN mailbox password (prod)',
    kind: 'password',
    environmentId: 'env-otc-prod',
    system: 'EDI VAN',
    owner: marcus,
    backupOwner: elena,
    approvers: [tomas],
    lastRotatedBy: tomas,
    scopes: [],
    status: 'active',
    rotatedDaysAgo: 80,
    rotationPolicyDays: 90,
    expiresInDays: null,
    usedBy: ['art-otc-orders-in'],
  },
  {
    id: 'cred-otc-test-van-mailbox',
    name: 'EDI VAN mailbox password (test)',
    kind: 'password',
    environmentId: 'env-otc-test',
    system: 'EDI VAN',
    owner: marcus,
    backupOwner: tomas,
    approvers: [elena],
    lastRotatedBy: marcus,
    scopes: [],
    status: 'suspended',
    rotatedDaysAgo: 30,
    rotationPolicyDays: 90,
    expiresInDays: null,
    usedBy: ['art-otc-orders-in'],
  },
];

export function seedCredentials(random: Random, now: number): Credential[] {
  const seeded = CREDENTIALS.map(({ rotatedDaysAgo, expiresInDays, ...credential }) => ({
    ...credential,
    lastRotatedAt: rotatedDaysAgo === null ? null : iso(roundToMinute(now - rotatedDaysAgo * DAY - random.int(0, 10) * HOUR)),
    expiresAt: expiresInDays === null ? null : iso(roundToMinute(now + expiresInDays * DAY + random.int(0, 10) * HOUR)),
  }));
  const scenario = SCENARIO_CREDENTIALS.map(({ rotatedDaysAgo, expiresInDays, ...credential }) => ({
    ...credential,
    lastRotatedAt: rotatedDaysAgo === null ? null : iso(roundToMinute(now - rotatedDaysAgo * DAY)),
    expiresAt: expiresInDays === null ? null : iso(roundToMinute(now + expiresInDays * DAY)),
  }));
  return [...seeded, ...scenario];
}

/** Id and name of every seeded credential and where it lives, for the change history. */
export const CREDENTIAL_TARGETS = CREDENTIALS.map(({ id, name, kind, environmentId, owner }) => ({ id, name, kind, environmentId, owner }));
