import { credentialRotationDue, credentialState } from '../../domain/credentials/rotationDue';
import { pendingPromotionsAt } from '../../domain/changes/pendingPromotions';
import { buildEnvStatusRows } from '../../domain/environments/envStatusRows';
import { buildHubSummary } from '../../domain/hub/hubSummary';
import { SOD_RULE_TITLES } from '../../shared/credentialOwnershipContract';
import { datasets } from '../../store/datasets';
import { pendingPromotionsOf, sodFindingsOf } from './derivations';
import type { SolutionViewBuilder } from './viewContext';

/**
 * The space hub's overview of one solution, from the same domain functions the macros use, so the hub's counts
 * and the macros never disagree. Credential states here use the admin's default due-soon window.
 */
export const hubView: SolutionViewBuilder = async (context) => {
  const [environments, deployments, windows, credentials, failures, releases] = await Promise.all([
    context.read('environments'),
    context.read('deployments'),
    context.read('maintenanceWindows'),
    context.read('credentials'),
    context.read('failures'),
    context.read('releases'),
  ]);
  const { settings } = context;
  const now = context.now;
  const dueSoonDays = settings.credentials.dueSoonDays;
  const credentialStates = credentials.map((credential) => {
    const due = credentialRotationDue(credential);
    const dueAt = due ? Date.parse(due.dueAt) : null;
    const expiresAt = credential.expiresAt ? Date.parse(credential.expiresAt) : null;
    return {
      name: credential.name,
      environmentId: credential.environmentId,
      dueAt: due?.dueAt ?? null,
      state: credentialState({ status: credential.status, dueAt, expiresAt }, now.getTime(), dueSoonDays),
    };
  });
  const [findings, storedPending] = await Promise.all([sodFindingsOf(context), pendingPromotionsOf(context)]);
  const pending = pendingPromotionsAt(storedPending, now);
  const summary = buildHubSummary(
    {
      solution: { id: context.solution.id, name: context.solution.name },
      environments: buildEnvStatusRows(environments, deployments, windows, now),
      failures,
      windows,
      credentials: credentialStates,
      sodFindings: findings.map((f) => ({ rule: SOD_RULE_TITLES[f.rule] ?? f.rule, severity: f.severity, message: f.message, environmentId: f.environmentId })),
      pendingPromotions: pending.map((p) => ({
        title: `${p.target.name}${p.version?.after ? ` ${p.version.after}` : ''} to ${p.to.name}`,
        toEnvironmentId: p.to.id,
        state: p.state,
        at: p.updatedAt,
        freezeConflict: p.freezeConflicts.length > 0,
      })),
      releases: releases.length,
    },
    now,
  );
  await context.write(datasets.hubView(context.solution.id), [summary]);
};
