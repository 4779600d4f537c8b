/**
 * Segregation-of-duties rules over one solution's credentials, one pure function per rule. Each rule answers
 * findings naming the rule, the credential and the people involved; docs/macros/credential-ownership.md gives each
 * rule's rationale. Revoked credentials are out of scope everywhere: they can no longer be used.
 */
import type { ChangeEvent, Credential, Person } from '../../sources/governance/schemas';
import {
  FINDING_SEVERITIES,
  SOD_RULES,
  type FindingPerson,
  type FindingSeverity,
  type SodFinding,
  type SodRule,
} from '../../shared/credentialOwnershipContract';
import { DEFAULT_SOD_RULE_SWITCHES, SOD_RULE_SWITCH_KEYS, type SodRuleSwitchSettings } from '../../shared/appSettingsContract';

export interface SodEnvironment {
  id: string;
  name: string;
  stage: string;
  isProduction: boolean;
}

export interface SodInput {
  credentials: readonly Credential[];
  environments: readonly SodEnvironment[];
  changeEvents: readonly ChangeEvent[];
}

/**
 * The admin's rule switches (settings page): every rule can be switched off. A switch left out keeps its default:
 * rules 1-4 on, rule 5 off (src/shared/appSettingsContract.ts DEFAULT_SOD_RULE_SWITCHES).
 */
export type SodRuleSwitches = Partial<SodRuleSwitchSettings>;

type Rule = (input: SodInput) => SodFinding[];

const inScope = (credential: Credential) => credential.status !== 'revoked';

function productionIds(environments: readonly SodEnvironment[]): Set<string> {
  return new Set(environments.filter((environment) => environment.isProduction).map((environment) => environment.id));
}

function environmentName(environments: readonly SodEnvironment[], id: string): string {
  return environments.find((environment) => environment.id === id)?.name ?? id;
}

function finding(rule: SodRule, severity: FindingSeverity, credential: Credential, people: FindingPerson[], message: string): SodFinding {
  return { rule, severity, credentialId: credential.id, credentialName: credential.name, environmentId: credential.environmentId, people, message };
}

const person = (p: Person, role: string): FindingPerson => ({ id: p.id, name: p.name, role });

/** The approvers as distinct people (a backend may list someone twice). */
function distinctApprovers(credential: Credential): Person[] {
  const seen = new Map<string, Person>();
  for (const approver of credential.approvers) if (!seen.has(approver.id)) seen.set(approver.id, approver);
  return [...seen.values()];
}

function onlyApprover(credential: Credential): Person | null {
  const approvers = distinctApprovers(credential);
  return approvers.length === 1 ? (approvers[0] as Person) : null;
}

/** Rule 1: a production credential needs an owner and a backup owner. */
export const productionOwnerMissing: Rule = ({ credentials, environments }) => {
  const production = productionIds(environments);
  return credentials
    .filter((credential) => inScope(credential) && production.has(credential.environmentId))
    .flatMap((credential) => {
      if (!credential.owner) {
        const backup = credential.backupOwner ? [person(credential.backupOwner, 'backup owner')] : [];
        return [
          finding(
            'production-owner-missing',
            'high',
            credential,
            backup,
            credential.backupOwner
              ? `No owner: only the backup owner ${credential.backupOwner.name} is named for this production credential.`
              : 'No owner and no backup owner: nobody is accountable for this production credential.',
          ),
        ];
      }
      if (!credential.backupOwner) {
        return [
          finding(
            'production-owner-missing',
            'medium',
            credential,
            [person(credential.owner, 'owner')],
            `No backup owner: when ${credential.owner.name} is away, nobody can rotate or revoke this production credential.`,
          ),
        ];
      }
      return [];
    });
};

/** Rule 2: the owner approves their own credential when they are its only approver. */
export const ownerOnlyApprover: Rule = ({ credentials, environments }) => {
  const production = productionIds(environments);
  return credentials.filter(inScope).flatMap((credential) => {
    const approver = onlyApprover(credential);
    if (!credential.owner || !approver || approver.id !== credential.owner.id) return [];
    const isProduction = production.has(credential.environmentId);
    return [
      finding(
        'owner-only-approver',
        isProduction ? 'high' : 'medium',
        credential,
        [person(credential.owner, 'owner and only approver')],
        `${credential.owner.name} owns this credential and is its only approver: every change to it is approved by the person who asked for it.`,
      ),
    ];
  });
};

/** Rule 3: the last rotation of a production credential was approved, if at all, by the person who did it. */
export const rotatorOnlyApprover: Rule = ({ credentials, environments }) => {
  const production = productionIds(environments);
  return credentials
    .filter((credential) => inScope(credential) && production.has(credential.environmentId))
    .flatMap((credential) => {
      const approver = onlyApprover(credential);
      const rotator = credential.lastRotatedBy;
      if (!rotator || !approver || approver.id !== rotator.id) return [];
      return [
        finding(
          'rotator-only-approver',
          'high',
          credential,
          [person(rotator, 'last rotated it and is its only approver')],
          `${rotator.name} last rotated this production credential and is its only approver: nobody else checked the rotation.`,
        ),
      ];
    });
};

/**
 * Rule 4: someone approved a promotion into a production environment of an artifact that uses a credential they
 * own in that environment. One finding per credential and person, however many such promotions there were.
 */
export const ownerApprovedPromotion: Rule = ({ credentials, environments, changeEvents }) => {
  const production = productionIds(environments);
  // Owned production credentials by (environment, artifact that uses them): change histories are long.
  const usedIn = new Map<string, Credential[]>();
  for (const credential of credentials) {
    if (!credential.owner || !inScope(credential) || !production.has(credential.environmentId)) continue;
    for (const artifactId of new Set(credential.usedBy)) {
      const key = `${credential.environmentId}\u0000${artifactId}`;
      const list = usedIn.get(key);
      if (list) list.push(credential);
      else usedIn.set(key, [credential]);
    }
  }
  const hits = new Map<string, { credential: Credential; approver: Person; promotions: ChangeEvent[] }>();
  for (const event of changeEvents) {
    const promotion = event.promotion;
    if (!promotion || !production.has(promotion.toEnvironmentId) || promotion.approvedBy.length === 0) continue;
    for (const credential of usedIn.get(`${promotion.toEnvironmentId}\u0000${event.target.id}`) ?? []) {
      const owner = credential.owner as Person;
      if (!promotion.approvedBy.some((approver) => approver.id === owner.id)) continue;
      const key = `${credential.id}\u0000${owner.id}`;
      const hit = hits.get(key) ?? { credential, approver: owner, promotions: [] };
      hit.promotions.push(event);
      hits.set(key, hit);
    }
  }
  return [...hits.values()].map(({ credential, approver, promotions }) => {
    const latest = promotions.reduce((a, b) => (Date.parse(b.occurredAt) > Date.parse(a.occurredAt) ? b : a));
    const artifacts = [...new Set(promotions.map((event) => event.target.name))].sort();
    const where = environmentName(environments, credential.environmentId);
    const ticket = latest.ticketRef ? `, ${latest.ticketRef}` : '';
    const what =
      promotions.length === 1
        ? `approved the promotion of ${latest.target.name} to ${where} (${latest.occurredAt.slice(0, 10)}${ticket}, ${latest.promotion?.state})`
        : `approved ${promotions.length} promotions to ${where} of ${artifacts.join(', ')} (latest ${latest.occurredAt.slice(0, 10)}${ticket})`;
    return finding(
      'owner-approved-promotion',
      'high',
      credential,
      [person(approver, 'owner; approved the promotion')],
      `${approver.name} ${what}, which uses this credential they own.`,
    );
  });
};

/**
 * Rule 5 (off unless the admin turns it on): one person owns the same system's credentials in production and
 * outside it. Reported on each production credential involved, naming the non-production ones.
 */
export const ownerAcrossStages: Rule = ({ credentials, environments }) => {
  const production = productionIds(environments);
  const groups = new Map<string, Credential[]>();
  for (const credential of credentials) {
    if (!credential.owner || !inScope(credential)) continue;
    const key = `${credential.system.trim().toLowerCase()}\u0000${credential.owner.id}`;
    const group = groups.get(key);
    if (group) group.push(credential);
    else groups.set(key, [credential]);
  }
  return [...groups.values()].flatMap((group) => {
    const prod = group.filter((credential) => production.has(credential.environmentId));
    const other = group.filter((credential) => !production.has(credential.environmentId));
    if (prod.length === 0 || other.length === 0) return [];
    const elsewhere = other
      .map((credential) => `${credential.name} (${environmentName(environments, credential.environmentId)})`)
      .sort()
      .join(', ');
    return prod.map((credential) => {
      const owner = credential.owner as Person;
      return finding(
        'owner-across-stages',
        'medium',
        credential,
        [person(owner, 'owner in production and non-production')],
        `${owner.name} owns ${credential.system} credentials in production and outside it: ${elsewhere}.`,
      );
    });
  });
};

export const SOD_RULE_FUNCTIONS: Record<SodRule, Rule> = {
  'production-owner-missing': productionOwnerMissing,
  'owner-only-approver': ownerOnlyApprover,
  'rotator-only-approver': rotatorOnlyApprover,
  'owner-approved-promotion': ownerApprovedPromotion,
  'owner-across-stages': ownerAcrossStages,
};

export function enabledRules(switches: SodRuleSwitches): SodRule[] {
  return SOD_RULES.filter((rule) => {
    const key = SOD_RULE_SWITCH_KEYS[rule];
    return switches[key] ?? DEFAULT_SOD_RULE_SWITCHES[key];
  });
}

const severityRank = (severity: FindingSeverity) => FINDING_SEVERITIES.indexOf(severity);
const ruleRank = (rule: SodRule) => SOD_RULES.indexOf(rule);

/** Most severe first, then in rule order, then by credential name: the order the findings section shows. */
export function compareFindings(a: SodFinding, b: SodFinding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    ruleRank(a.rule) - ruleRank(b.rule) ||
    a.credentialName.localeCompare(b.credentialName, undefined, { numeric: true, sensitivity: 'base' }) ||
    a.credentialId.localeCompare(b.credentialId) ||
    a.people.map((p) => p.id).join().localeCompare(b.people.map((p) => p.id).join())
  );
}

/** Every enabled rule's findings for one solution, sorted by severity. */
export function segregationOfDutiesFindings(input: SodInput, switches: SodRuleSwitches): SodFinding[] {
  return enabledRules(switches)
    .flatMap((rule) => SOD_RULE_FUNCTIONS[rule](input))
    .sort(compareFindings);
}
