import { prepareCredentialOwnership } from '../../domain/credentials/credentialOwnershipRows';
import { enabledRules } from '../../domain/credentials/segregationOfDuties';
import { SOD_RULES } from '../../shared/credentialOwnershipContract';
import { datasets } from '../../store/datasets';
import { sodFindingsOf } from './derivations';
import type { SolutionViewBuilder } from './viewContext';

/**
 * The credential-ownership macro: the solution's credentials with their segregation-of-duties findings (paged),
 * the findings on their own (paged, most severe first) and a small summary. Findings are computed here, with the
 * rule switches the admin had set when the sync ran.
 */
export const credentialOwnershipView: SolutionViewBuilder = async (context) => {
  const [environments, credentials, findings] = await Promise.all([context.read('environments'), context.read('credentials'), sodFindingsOf(context)]);
  const { rules, dueSoonDays } = context.settings.credentials;
  const enabled = enabledRules(rules);
  const prepared = prepareCredentialOwnership({
    solutionId: context.solution.id,
    solutionName: context.solution.name,
    environments,
    credentials,
    findings,
    rulesOff: SOD_RULES.filter((rule) => !enabled.includes(rule)),
    dueSoonDays,
    now: context.now,
  });
  const id = context.solution.id;
  await context.writePaged(datasets.credentialOwnershipView(id), prepared.rows, prepared.indexOf);
  await context.writePaged(datasets.credentialFindingsView(id), prepared.findings, prepared.findingIndexOf);
  await context.write(datasets.credentialSummaryView(id), [prepared.summary]);
};
