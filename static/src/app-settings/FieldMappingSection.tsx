import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { ASSET_FIELDS, ASSET_FIELD_LABELS, type AppSettingsView, type AssetFieldMappingView } from '../../../src/shared/appSettingsContract';
import { TextSetting } from './fields';
import { saveSettingsSections } from './settingsApi';
import { saveOutcome } from './settingsForm';
import { SettingsSection, useSectionSave } from './SettingsSection';

export interface FieldMappingSectionProps {
  settings: AppSettingsView;
  onSettings(settings: AppSettingsView): void;
  onForbidden(message: string): void;
}

type Draft = { canto: AssetFieldMappingView; iconik: AssetFieldMappingView; viewId: string };

const draftOf = (settings: AppSettingsView): Draft => ({
  canto: { ...settings.assets.cantoFieldMapping },
  iconik: { ...settings.assets.iconikFieldMapping },
  viewId: settings.assets.iconikMetadataViewId ?? '',
});

const labels = Object.fromEntries([
  ...ASSET_FIELDS.map((field) => [`assets.cantoFieldMapping.${field}`, `Canto label for ${ASSET_FIELD_LABELS[field].toLowerCase()}`]),
  ...ASSET_FIELDS.map((field) => [`assets.iconikFieldMapping.${field}`, `iconik field for ${ASSET_FIELD_LABELS[field].toLowerCase()}`]),
  ['assets.iconikMetadataViewId', 'iconik metadata view ID'],
]);

/** Where the asset views find campaign, product line, region and usage rights on each platform. */
export function FieldMappingSection({ settings, onSettings, onForbidden }: FieldMappingSectionProps) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const save = useSectionSave('Field mapping', onForbidden);
  const onSave = () =>
    void save.run(
      async () =>
        saveOutcome(
          await saveSettingsSections({ assets: { cantoFieldMapping: draft.canto, iconikFieldMapping: draft.iconik, iconikMetadataViewId: draft.viewId.trim() } }),
        ),
      ({ settings: next }) => {
        onSettings(next);
        setDraft(draftOf(next));
      },
    );
  const grid = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))', gap: token('space.150', '0.75rem') } as const;
  return (
    <SettingsSection
      id="field-mapping"
      title="Asset field mapping"
      description="The asset views read these five fields from each platform: a label of Canto’s custom fields (“additional”), and an iconik metadata field name."
      save={save}
      saveLabel="Save field mapping"
      onSave={onSave}
      labels={labels}
    >
      <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
        <legend style={{ fontWeight: 600, marginBottom: token('space.050', '0.25rem') }}>Canto custom field labels</legend>
        <div style={grid}>
          {ASSET_FIELDS.map((field) => (
            <TextSetting
              key={field}
              path={`assets.cantoFieldMapping.${field}`}
              label={ASSET_FIELD_LABELS[field]}
              value={draft.canto[field]}
              error={save.fieldError(`assets.cantoFieldMapping.${field}`)}
              onChange={(value) => setDraft((current) => ({ ...current, canto: { ...current.canto, [field]: value } }))}
            />
          ))}
        </div>
      </fieldset>
      <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
        <legend style={{ fontWeight: 600, marginBottom: token('space.050', '0.25rem') }}>iconik metadata field names</legend>
        <div style={grid}>
          {ASSET_FIELDS.map((field) => (
            <TextSetting
              key={field}
              path={`assets.iconikFieldMapping.${field}`}
              label={ASSET_FIELD_LABELS[field]}
              value={draft.iconik[field]}
              error={save.fieldError(`assets.iconikFieldMapping.${field}`)}
              onChange={(value) => setDraft((current) => ({ ...current, iconik: { ...current.iconik, [field]: value } }))}
            />
          ))}
        </div>
      </fieldset>
      <div style={{ maxWidth: '24rem' }}>
        <TextSetting
          path="assets.iconikMetadataViewId"
          label="iconik metadata view ID (optional)"
          value={draft.viewId}
          error={save.fieldError('assets.iconikMetadataViewId')}
          helper="The metadata view that holds these fields. Blank: read them from iconik’s search results."
          onChange={(value) => setDraft((current) => ({ ...current, viewId: value }))}
        />
      </div>
    </SettingsSection>
  );
}
