/**
 * The credential-ownership macro's data, prepared by the sync per solution: a paged view of rows (one per
 * credential, with its findings), a paged view of the solution's findings, and one small summary (environments,
 * owners, counts). Rows pick their fields one by one from the validated credential: the contract passes unknown
 * fields through, and a field a backend adds later (a secret, say) must never reach a page.
 *
 * Index entries are what a render reads whole, so they hold short numbers: a credential row's id is its rank by
 * name (which is also what the name sort compares) and a finding row's id its position in severity order; the
 * environment and owner are positions in the summary's lists (sorted by name, so sorting by them is sorting by
 * name); times are epoch seconds. Anything at its usual value is left out. The backend's ids live in the rows.
 */
import { z } from 'zod';
import type { Credential, Environment, Person } from '../../sources/governance/schemas';
import {
  FINDING_SEVERITIES,
  SOD_RULES,
  type CredentialEnvironment,
  type PersonRef,
  type SodFinding,
  type SodRule,
} from '../../shared/credentialOwnershipContract';
import { credentialRotationDue, credentialState, STATE_RANK } from './rotationDue';

const personRefSchema = z.object({ id: z.string(), name: z.string() });
const severitySchema = z.enum(FINDING_SEVERITIES);
const ruleSchema = z.enum(SOD_RULES);
const environmentSchema = z.object({ id: z.string(), name: z.string(), stage: z.string(), isProduction: z.boolean() });

export const storedFindingSchema = z.object({
  rule: ruleSchema,
  severity: severitySchema,
  credentialId: z.string(),
  credentialName: z.string(),
  environmentId: z.string(),
  people: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  message: z.string(),
});

export const storedCredentialRowSchema = z.object({
  /** The row's key in the paged view: its rank by name, as a string. */
  id: z.string(),
  credentialId: z.string(),
  name: z.string(),
  kind: z.string(),
  system: z.string(),
  environment: environmentSchema,
  owner: personRefSchema.nullable(),
  backupOwner: personRefSchema.nullable(),
  approvers: z.array(personRefSchema),
  lastRotatedAt: z.string().nullable(),
  lastRotatedBy: personRefSchema.nullable(),
  rotationPolicyDays: z.number().nullable(),
  expiresAt: z.string().nullable(),
  nextDueAt: z.string().nullable(),
  nextDueReason: z.enum(['rotation-policy', 'expiry']).nullable(),
  status: z.string(),
  findings: z.array(storedFindingSchema.omit({ credentialId: true, credentialName: true, environmentId: true })),
});
export type StoredCredentialRow = z.infer<typeof storedCredentialRowSchema>;

/** One credential in the index (its id is its rank by name): e environment, o owner (absent: none), d due, x expiry, t status, f findings. */
export const credentialIndexSchema = z.object({
  e: z.number().int(),
  o: z.number().int().optional(),
  d: z.number().int().optional(),
  x: z.number().int().optional(),
  /** The status, only when it is not active or expiring (those two need nothing from the index). */
  t: z.string().optional(),
  f: z.number().int().optional(),
});
export type CredentialIndex = z.infer<typeof credentialIndexSchema>;

/** `id`: the finding's position in severity order, as a string. */
export const storedFindingRowSchema = storedFindingSchema.extend({ id: z.string() });
export type StoredFindingRow = z.infer<typeof storedFindingRowSchema>;

/** One finding in the index, for the macro's scope: e environment and o owner of its credential. */
export const findingIndexSchema = z.object({ e: z.number().int(), o: z.number().int().optional() });
export type FindingIndex = z.infer<typeof findingIndexSchema>;

export const credentialSummarySchema = z.object({
  solutionId: z.string(),
  /** Here so a render needs no read of the solutions list. */
  solutionName: z.string(),
  /** Sorted by name; the index's `e` is a position in this list. */
  environments: z.array(environmentSchema),
  /** Everyone who owns a credential, sorted by name; the index's `o` is a position in this list. */
  owners: z.array(personRefSchema),
  counts: z.object({
    credentials: z.number().int(),
    findings: z.number().int(),
    findingsBySeverity: z.record(z.number().int()),
    findingsByRule: z.record(z.number().int()),
  }),
  rulesOff: z.array(ruleSchema),
  /** The admin's default due-soon window when the sync ran (a macro may set its own). */
  dueSoonDays: z.number().int(),
});
export type CredentialSummary = z.infer<typeof credentialSummarySchema>;

export interface PreparedCredentialOwnership {
  rows: StoredCredentialRow[];
  indexOf(row: StoredCredentialRow): CredentialIndex;
  findings: StoredFindingRow[];
  findingIndexOf(row: StoredFindingRow): FindingIndex;
  summary: CredentialSummary;
}

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
const ref = (person: Person | null): PersonRef | null => (person ? { id: person.id, name: person.name } : null);
export const toEpochSeconds = (iso: string | null): number | undefined => {
  const ms = iso === null ? NaN : Date.parse(iso);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
};

export function prepareCredentialOwnership(input: {
  solutionId: string;
  solutionName: string;
  environments: readonly Pick<Environment, 'id' | 'name' | 'stage' | 'isProduction'>[];
  credentials: readonly Credential[];
  findings: readonly SodFinding[];
  rulesOff: SodRule[];
  dueSoonDays: number;
  now: Date;
}): PreparedCredentialOwnership {
  const environments: CredentialEnvironment[] = input.environments.map(({ id, name, stage, isProduction }) => ({ id, name, stage, isProduction }));
  // A credential in an environment the backend did not list still gets a row, under its raw environment id.
  for (const credential of input.credentials) {
    if (!environments.some((environment) => environment.id === credential.environmentId)) {
      environments.push({ id: credential.environmentId, name: credential.environmentId, stage: 'unknown', isProduction: false });
    }
  }
  environments.sort((a, b) => byName(a.name, b.name) || a.id.localeCompare(b.id));
  const environmentAt = new Map(environments.map((environment, position) => [environment.id, position]));

  const ownersById = new Map<string, PersonRef>();
  for (const credential of input.credentials) if (credential.owner) ownersById.set(credential.owner.id, ref(credential.owner) as PersonRef);
  const owners = [...ownersById.values()].sort((a, b) => byName(a.name, b.name) || a.id.localeCompare(b.id));
  const ownerAt = new Map(owners.map((owner, position) => [owner.id, position]));

  const findingsOf = new Map<string, SodFinding[]>();
  for (const finding of input.findings) {
    const list = findingsOf.get(finding.credentialId);
    if (list) list.push(finding);
    else findingsOf.set(finding.credentialId, [finding]);
  }

  const nameOrder = [...input.credentials].sort((a, b) => byName(a.name, b.name) || a.id.localeCompare(b.id));
  const nameRank = new Map(nameOrder.map((credential, rank) => [credential.id, rank]));
  const rows = input.credentials.map((credential): StoredCredentialRow => {
    const due = credentialRotationDue(credential);
    return {
      id: String(nameRank.get(credential.id)),
      credentialId: credential.id,
      name: credential.name,
      kind: credential.kind,
      system: credential.system,
      environment: environments[environmentAt.get(credential.environmentId) as number] as CredentialEnvironment,
      owner: ref(credential.owner),
      backupOwner: ref(credential.backupOwner),
      approvers: credential.approvers.map((approver) => ref(approver) as PersonRef),
      lastRotatedAt: credential.lastRotatedAt,
      lastRotatedBy: ref(credential.lastRotatedBy),
      rotationPolicyDays: credential.rotationPolicyDays,
      expiresAt: credential.expiresAt,
      nextDueAt: due?.dueAt ?? null,
      nextDueReason: due?.reason ?? null,
      status: credential.status,
      findings: (findingsOf.get(credential.id) ?? []).map(({ rule, severity, people, message }) => ({ rule, severity, people, message })),
    };
  });

  const indexOf = (row: StoredCredentialRow): CredentialIndex => {
    const entry: CredentialIndex = { e: environmentAt.get(row.environment.id) ?? 0 };
    if (row.owner) entry.o = ownerAt.get(row.owner.id);
    const due = toEpochSeconds(row.nextDueAt);
    if (due !== undefined) entry.d = due;
    const expires = toEpochSeconds(row.expiresAt);
    if (expires !== undefined) entry.x = expires;
    if (row.status !== 'active' && row.status !== 'expiring') entry.t = row.status;
    if (row.findings.length > 0) entry.f = row.findings.length;
    return entry;
  };

  // Rows go to storage in the default order (worst state first, as of the sync), so the first page of the
  // default sort reads the first row chunk or two rather than one chunk per row.
  const nowMs = input.now.getTime();
  const ranked = rows.map((row) => ({
    row,
    state: STATE_RANK[credentialState(entryStateInput(indexOf(row)), nowMs, input.dueSoonDays)],
    due: toEpochSeconds(row.nextDueAt) ?? Infinity,
  }));
  ranked.sort((a, b) => a.state - b.state || a.due - b.due || Number(a.row.id) - Number(b.row.id));

  const ownerOf = new Map(input.credentials.map((credential) => [credential.id, credential.owner]));
  const findings = input.findings.map((finding, position) => ({ id: String(position), ...finding }));
  const findingIndexOf = (finding: StoredFindingRow): FindingIndex => {
    const owner = ownerOf.get(finding.credentialId);
    const entry: FindingIndex = { e: environmentAt.get(finding.environmentId) ?? 0 };
    if (owner) entry.o = ownerAt.get(owner.id);
    return entry;
  };

  const countBy = (key: (finding: SodFinding) => string) => {
    const counts: Record<string, number> = {};
    for (const finding of input.findings) counts[key(finding)] = (counts[key(finding)] ?? 0) + 1;
    return counts;
  };
  return {
    rows: ranked.map(({ row }) => row),
    indexOf,
    findings,
    findingIndexOf,
    summary: {
      solutionId: input.solutionId,
      solutionName: input.solutionName,
      environments,
      owners,
      counts: {
        credentials: rows.length,
        findings: input.findings.length,
        findingsBySeverity: countBy((finding) => finding.severity),
        findingsByRule: countBy((finding) => finding.rule),
      },
      rulesOff: input.rulesOff,
      dueSoonDays: input.dueSoonDays,
    },
  };
}

/** What credentialState needs, from an index entry (times in milliseconds). */
export function entryStateInput(entry: Pick<CredentialIndex, 'd' | 'x' | 't'>) {
  return {
    status: entry.t ?? 'active',
    dueAt: entry.d === undefined ? null : entry.d * 1000,
    expiresAt: entry.x === undefined ? null : entry.x * 1000,
  };
}
