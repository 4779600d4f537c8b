import { Checkbox } from '@atlaskit/checkbox';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { SOD_RULE_SWITCH_KEYS, type AppSettingsView, type SodRuleSwitchSettings } from '../../../src/shared/appSettingsContract';
import { SOD_RULES, SOD_RULE_TITLES } from '../../../src/shared/credentialOwnershipContract';
import { secondaryText } from '../shared/textStyles';
import { saveSettingsSections } from './settingsApi';
import { fieldId, saveOutcome } from './settingsForm';
import { SettingsSection, useSectionSave } from './SettingsSection';

export interface SodRulesSectionProps {
  settings: AppSettingsView;
  onSettings(settings: AppSettingsView): void;
  onForbidden(message: string): void;
}

/** Which segregation-of-duties rules the credential views check. Applies from the next sync. */
export function SodRulesSection({ settings, onSettings, onForbidden }: SodRulesSectionProps) {
  const [rules, setRules] = useState<SodRuleSwitchSettings>(() => ({ ...settings.credentials.rules }));
  const save = useSectionSave('Segregation-of-duties rules', onForbidden);
  const onSave = () =>
    void save.run(
      async () => saveOutcome(await saveSettingsSections({ credentials: { rules } })),
      ({ settings: next }) => {
        onSettings(next);
        setRules({ ...next.credentials.rules });
      },
    );
  return (
    <SettingsSection
      id="sod-rules"
      title="Segregation-of-duties rules"
      description="The credential-ownership macro and the space hub report findings of the checked rules. A change applies from the next sync (hourly, or Sync now)."
      save={save}
      saveLabel="Save rules"
      onSave={onSave}
      labels={Object.fromEntries(SOD_RULES.map((rule) => [`credentials.rules.${SOD_RULE_SWITCH_KEYS[rule]}`, SOD_RULE_TITLES[rule]]))}
    >
      <fieldset style={{ border: 0, margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.050', '0.25rem') }}>
        <legend style={{ ...secondaryText, marginBottom: token('space.050', '0.25rem') }}>Check these rules</legend>
        {SOD_RULES.map((rule, index) => {
          const key = SOD_RULE_SWITCH_KEYS[rule];
          return (
            <Checkbox
              key={rule}
              id={fieldId(`credentials.rules.${key}`)}
              name={key}
              label={`${index + 1}. ${SOD_RULE_TITLES[rule]}`}
              isChecked={rules[key]}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                setRules((current) => ({ ...current, [key]: checked }));
              }}
              testId={`sod-rule-${key}`}
            />
          );
        })}
      </fieldset>
    </SettingsSection>
  );
}
