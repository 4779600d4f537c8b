import { enabledRules, segregationOfDutiesFindings } from '../../../src/domain/credentials/segregationOfDuties';
import { DEFAULT_SOD_RULE_SWITCHES, SOD_RULE_SWITCH_KEYS } from '../../../src/shared/appSettingsContract';
import { SOD_RULES } from '../../../src/shared/credentialOwnershipContract';
import { ana, credential, input } from './fixtures';

describe('the admin’s SoD rule switches', () => {
  it('run rules 1 to 4 and leave rule 5 off when nothing is set', () => {
    expect(enabledRules({})).toEqual(['production-owner-missing', 'owner-only-approver', 'rotator-only-approver', 'owner-approved-promotion']);
    expect(enabledRules(DEFAULT_SOD_RULE_SWITCHES)).toEqual(enabledRules({}));
  });

  it('keep the old single switch meaning: rule 5 on when ownerAcrossStages is on', () => {
    expect(enabledRules({ ownerAcrossStages: true })).toEqual([...SOD_RULES]);
  });

  it.each(SOD_RULES.filter((rule) => rule !== 'owner-across-stages'))('switch %s off on its own', (rule) => {
    const enabled = enabledRules({ [SOD_RULE_SWITCH_KEYS[rule]]: false });
    expect(enabled).not.toContain(rule);
    expect(enabled).toHaveLength(3);
  });

  it('switched off, a rule reports nothing even where it would fire', () => {
    const ownerApprovesOwnCredential = input([credential({ approvers: [ana] })]);
    expect(segregationOfDutiesFindings(ownerApprovesOwnCredential, {}).map((f) => f.rule)).toContain('owner-only-approver');
    expect(segregationOfDutiesFindings(ownerApprovesOwnCredential, { ownerOnlyApprover: false }).map((f) => f.rule)).not.toContain('owner-only-approver');
  });

  it('can switch every rule off', () => {
    const allOff = Object.fromEntries(Object.values(SOD_RULE_SWITCH_KEYS).map((key) => [key, false]));
    expect(enabledRules(allOff)).toEqual([]);
    expect(segregationOfDutiesFindings(input([credential({ owner: null, backupOwner: null, approvers: [] })]), allOff)).toEqual([]);
  });
});
