/**
 * The remediation actions an incident page starts with, as tasks people tick off in Confluence. The upstream's own
 * advice comes first, split into steps; without advice, generic first steps for that kind of failure. Either way the
 * list ends with recording the root cause, so the knowledge base learns from every incident.
 */
import type { IncidentFacts } from './incidentFacts';

export const MAX_STEPS = 12;

/** The advice as separate steps: one per line or bullet; a single paragraph is split into its sentences. */
export function splitRemediation(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
    .filter((line) => line !== '');
  const steps = lines.length === 1 ? (lines[0] as string).split(/(?<=[.!?])\s+(?=[A-Z0-9])/) : lines;
  return steps.map((step) => step.trim()).filter((step) => step !== '');
}

function genericSteps(facts: IncidentFacts): string[] {
  if (facts.kind === 'iconik-job') {
    const asset = facts.asset?.name ?? 'the asset';
    const jobType = facts.messageTypes[0] ?? 'the';
    return [
      `Open ${asset} in iconik and read the ${jobType} job's error and failed steps.`,
      'Check that the storage the job reads from and writes to is online (iconik Admin > Storages).',
      'Fix the cause, then retry the job from the asset\u2019s jobs list.',
      'If the job fails again, collect the job id and error and contact iconik support.',
    ];
  }
  const endpoint = facts.endpoints[0];
  const partner = facts.partner?.name || facts.partner?.id || 'the partner';
  return [
    endpoint ? `Check that the endpoint ${endpoint} is reachable and its certificates and credentials are valid.` : 'Check the endpoint and its certificates and credentials.',
    'Review the changes listed below: a deployment, promotion or credential rotation shortly before the failure is the usual suspect.',
    `Contact ${partner} if the error points to their side, quoting the correlation id.`,
    'Reprocess or resend the failed messages once the cause is fixed, and confirm they are delivered.',
  ];
}

export const ROOT_CAUSE_STEP = 'Record the root cause and the fix in the Root cause section below.';

export function remediationSteps(facts: IncidentFacts): { steps: string[]; fromUpstream: boolean } {
  const upstream = facts.remediation ? splitRemediation(facts.remediation) : [];
  const fromUpstream = upstream.length > 0;
  const steps = (fromUpstream ? upstream : genericSteps(facts)).slice(0, MAX_STEPS - 1);
  return { steps: [...steps, ROOT_CAUSE_STEP], fromUpstream };
}
