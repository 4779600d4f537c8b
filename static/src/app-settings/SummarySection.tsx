import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { SUMMARY_CADENCES, WEEKDAYS, type AppSettingsView, type SummaryCadence, type Weekday } from '../../../src/shared/appSettingsContract';
import { SelectSetting, type Choice } from './fields';
import { saveSettingsSections } from './settingsApi';
import { saveOutcome } from './settingsForm';
import { SettingsSection, useSectionSave } from './SettingsSection';

const CADENCE_WORDS: Record<SummaryCadence, string> = { off: 'Off: no status pages', daily: 'Daily', weekly: 'Weekly' };
const cadenceChoices: Choice[] = SUMMARY_CADENCES.map((cadence) => ({ value: cadence, label: CADENCE_WORDS[cadence] }));
const weekdayChoices: Choice[] = WEEKDAYS.map((day) => ({ value: day, label: day.charAt(0).toUpperCase() + day.slice(1) }));

export interface SummarySectionProps {
  settings: AppSettingsView;
  onSettings(settings: AppSettingsView): void;
  onForbidden(message: string): void;
}

/** How often each mapped space's "Integration status" page is published. */
export function SummarySection({ settings, onSettings, onForbidden }: SummarySectionProps) {
  const [draft, setDraft] = useState(settings.summary);
  const save = useSectionSave('Status summary cadence', onForbidden);
  const onSave = () =>
    void save.run(
      async () => saveOutcome(await saveSettingsSections({ summary: draft })),
      ({ settings: next }) => {
        onSettings(next);
        setDraft(next.summary);
      },
    );
  return (
    <SettingsSection
      id="summary"
      title="Status summary page"
      description="Each mapped space gets an “Integration status — <solution>” page, updated in place on this cadence (Confluence keeps every version)."
      save={save}
      saveLabel="Save cadence"
      onSave={onSave}
      labels={{ 'summary.cadence': 'Cadence', 'summary.weekday': 'Day of the week' }}
    >
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 18rem))', gap: token('space.150', '0.75rem') }}>
        <SelectSetting
          path="summary.cadence"
          label="Cadence"
          value={draft.cadence}
          options={cadenceChoices}
          error={save.fieldError('summary.cadence')}
          onChange={(value) => setDraft((current) => ({ ...current, cadence: value as SummaryCadence }))}
        />
        {draft.cadence === 'weekly' && (
          <SelectSetting
            path="summary.weekday"
            label="Day of the week"
            value={draft.weekday}
            options={weekdayChoices}
            error={save.fieldError('summary.weekday')}
            onChange={(value) => setDraft((current) => ({ ...current, weekday: value as Weekday }))}
          />
        )}
      </div>
    </SettingsSection>
  );
}
