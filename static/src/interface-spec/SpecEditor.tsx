import Button from '@atlaskit/button/new';
import { Fieldset } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { invoke } from '@forge/bridge';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DIRECTIONS, SCHEMA_KINDS, SPEC_LIMITS, type SpecFieldError } from '../../../src/domain/specs/interfaceSpec';
import type { InterfaceSpec, InterfaceSpecEditOptions, InterfaceSpecEditOptionsResponse } from '../../../src/shared/interfaceSpecContract';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { useResolver } from '../shared/useResolver';
import { secondaryText } from '../shared/textStyles';
import { DIRECTION_WORDS } from './driftWording';
import { RowBox, SelectInput, TextAreaInput, TextInput, type Choice } from './fields';
import type { SaveResult } from './saveResult';
import { checkSpecForm, emptyRow, errorTarget, errorsByField, fieldId, fieldLabel, formFromSpec, type SpecForm, type SpecFormList } from './specForm';


export interface SpecEditorProps {
  /** The spec as saved; null for a new one. */
  spec: InterfaceSpec | null;
  /** The version being edited (0 for a new spec): shown, and sent with the save. */
  baseVersion: number;
  onSave(spec: Record<string, unknown>): Promise<SaveResult>;
  onCancel(): void;
  /** Drops the edits and opens the version someone else saved. */
  onLoadLatest(): void;
}

const fetchEditOptions = (params: { solutionId?: string }) =>
  unwrapResolverAnswer<InterfaceSpecEditOptionsResponse>(invoke('getInterfaceSpecEditOptions', params));

const SCHEMA_KIND_WORDS: Record<string, string> = {
  'edi-guideline': 'EDI implementation guideline (reference)',
  xsd: 'XML Schema, XSD (reference)',
  'json-schema': 'JSON Schema (document)',
};

const linkButton = {
  padding: 0,
  border: 'none',
  background: 'none',
  font: 'inherit',
  color: token('color.link', '#1868DB'),
  textDecoration: 'underline',
  cursor: 'pointer',
  textAlign: 'left',
} as const;

const noOptions: InterfaceSpecEditOptions = { solutions: [], environments: [], artifacts: [] };

/**
 * The spec form, for signed-in readers. Problems are checked with the same validation the resolver runs, shown
 * under each field and listed in a summary that takes the keyboard to the field; the resolver's answer to a save
 * (field errors, a newer version saved meanwhile) is shown the same way.
 */
export function SpecEditor({ spec, baseVersion, onSave, onCancel, onLoadLatest }: SpecEditorProps) {
  const [form, setForm] = useState<SpecForm>(() => formFromSpec(spec));
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<SpecFieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const [focusSummary, setFocusSummary] = useState(0);

  const optionsRequest = useMemo(() => (form.solutionId ? { solutionId: form.solutionId } : {}), [form.solutionId]);
  const editOptions = useResolver(fetchEditOptions, optionsRequest);
  const options = editOptions.data ?? noOptions;

  const errors = useMemo(() => (attempted ? [...checkSpecForm(form).errors, ...serverErrors] : serverErrors), [attempted, form, serverErrors]);
  const byField = useMemo(() => errorsByField(errors, form), [errors, form]);
  const err = (path: string) => byField.get(fieldId(path));

  useEffect(() => {
    if (focusSummary) summary.current?.focus();
  }, [focusSummary]);

  const update = (change: Partial<SpecForm>) => {
    setForm((current) => ({ ...current, ...change }));
    setServerErrors([]);
  };
  const updateRow = <L extends SpecFormList>(list: L, index: number, change: Partial<SpecForm[L][number]>) =>
    update({ [list]: form[list].map((row, i) => (i === index ? { ...row, ...change } : row)) } as Partial<SpecForm>);
  const addRow = (list: SpecFormList, firstInput: string) => {
    update({ [list]: [...form[list], emptyRow(list, form)] } as Partial<SpecForm>);
    // The new row's first input takes the focus once it exists.
    setTimeout(() => document.getElementById(fieldId(`${list}.${form[list].length}.${firstInput}`))?.focus(), 0);
  };
  const removeRow = (list: SpecFormList, index: number) => {
    update({ [list]: form[list].filter((_, i) => i !== index) } as Partial<SpecForm>);
    setTimeout(() => document.getElementById(fieldId(`${list}.add`))?.focus(), 0);
  };

  const save = async () => {
    setAttempted(true);
    setConflict(null);
    setFailure(null);
    const checked = checkSpecForm(form);
    if (checked.errors.length) {
      setFocusSummary((n) => n + 1);
      return;
    }
    setSaving(true);
    const result = await onSave(checked.spec);
    setSaving(false);
    if (result.kind === 'invalid') {
      setServerErrors(result.fields);
      if (!result.fields.length) setFailure(result.message);
      setFocusSummary((n) => n + 1);
    } else if (result.kind === 'conflict') setConflict(result.message);
    else if (result.kind === 'failed') setFailure(result.message);
  };

  const solutionChoices: Choice[] = options.solutions.map((s) => ({ label: s.name, value: s.id }));
  const environmentChoices: Choice[] = options.environments.map((e) => ({ label: `${e.name} (${e.stage})`, value: e.id }));
  const artifactChoices: Choice[] = options.artifacts.map((a) => ({ label: `${a.name} (${a.id})`, value: a.id }));

  return (
    <form
      noValidate
      aria-labelledby="spec-editor-heading"
      data-testid="spec-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.200', '1rem') }}
    >
      <div>
        <Heading size="small" as="h2" id="spec-editor-heading">
          {baseVersion ? `Edit the spec (version ${baseVersion})` : 'Write the spec'}
        </Heading>
        <p style={{ ...secondaryText, margin: 0 }}>Fields marked * are required. The spec is checked as you save it.</p>
      </div>

      {conflict && (
        <SectionMessage
          appearance="warning"
          title="Someone else saved this spec"
          testId="save-conflict"
          actions={[
            <SectionMessageAction key="latest" onClick={onLoadLatest}>
              Load their version (drops your edits)
            </SectionMessageAction>,
          ]}
        >
          <p>{conflict}</p>
        </SectionMessage>
      )}
      {failure && (
        <SectionMessage appearance="error" title="Couldn't save the spec" testId="save-failure">
          <p>{failure}</p>
        </SectionMessage>
      )}
      {errors.length > 0 && (
        <div ref={summary} tabIndex={-1} id="spec-error-summary" data-testid="spec-error-summary" style={{ outline: 'none' }}>
          <SectionMessage appearance="error" title={errors.length === 1 ? 'The spec has a problem' : `The spec has ${errors.length} problems`}>
            <ul style={{ margin: 0, paddingLeft: token('space.200', '1rem') }}>
              {errors.map((error) => (
                <li key={`${error.path}:${error.message}`}>
                  {/* A link-styled button: it moves the keyboard to the field. */}
                  <button type="button" onClick={() => document.getElementById(errorTarget(error.path, form))?.focus()} style={linkButton}>
                    {`${fieldLabel(error.path)}: ${error.message}`}
                  </button>
                </li>
              ))}
            </ul>
          </SectionMessage>
        </div>
      )}

      <Group legend="Interface">
        <Grid columns="minmax(0, 2fr) minmax(0, 1fr)">
          <TextInput id={fieldId('name')} label="Interface name" required value={form.name} onChange={(name) => update({ name })} error={err('name')} maxLength={SPEC_LIMITS.name} />
          <SelectInput
            id={fieldId('solutionId')}
            label="Solution"
            required
            value={form.solutionId}
            options={solutionChoices}
            onChange={(solutionId) => update({ solutionId })}
            error={err('solutionId')}
            helper="Drift is checked in this solution's environments."
          />
        </Grid>
        <TextAreaInput id={fieldId('description')} label="Description" value={form.description} onChange={(description) => update({ description })} error={err('description')} rows={2} />
        <Grid columns="repeat(3, minmax(0, 1fr))">
          <SelectInput
            id={fieldId('direction')}
            label="Direction"
            required
            value={form.direction}
            options={DIRECTIONS.map((d) => ({ label: DIRECTION_WORDS[d] ?? d, value: d }))}
            onChange={(direction) => update({ direction })}
            error={err('direction')}
          />
          <TextInput id={fieldId('message.type')} label="Message type" required value={form.messageType} onChange={(messageType) => update({ messageType })} error={err('message.type')} helper="e.g. X12 850, EDIFACT ORDERS" />
          <TextInput
            id={fieldId('message.version')}
            label="Message version"
            required
            value={form.messageVersion}
            onChange={(messageVersion) => update({ messageVersion })}
            error={err('message.version')}
            helper="e.g. 4010, D96A"
          />
        </Grid>
      </Group>

      <ListGroup legend="Partners" addLabel="Add partner" list="partners" onAdd={() => addRow('partners', 'id')} error={err('partners.add')}>
        {form.partners.map((partner, index) => (
          <RowBox key={index} columns="minmax(0, 1fr) minmax(0, 2fr) auto">
            <TextInput id={fieldId(`partners.${index}.id`)} label={`Partner ${index + 1} id`} required value={partner.id} onChange={(id) => updateRow('partners', index, { id })} error={err(`partners.${index}.id`)} />
            <TextInput id={fieldId(`partners.${index}.name`)} label={`Partner ${index + 1} name`} required value={partner.name} onChange={(name) => updateRow('partners', index, { name })} error={err(`partners.${index}.name`)} />
            <RemoveButton label={`Remove partner ${index + 1}`} onClick={() => removeRow('partners', index)} />
          </RowBox>
        ))}
      </ListGroup>

      <Group legend="Schema">
        <SelectInput
          id={fieldId('schema.kind')}
          label="Schema kind"
          required
          value={form.schemaKind}
          options={SCHEMA_KINDS.map((kind) => ({ label: SCHEMA_KIND_WORDS[kind] ?? kind, value: kind }))}
          onChange={(schemaKind) => update({ schemaKind: schemaKind as SpecForm['schemaKind'] })}
          error={err('schema.kind')}
        />
        {form.schemaKind === 'json-schema' ? (
          <TextAreaInput
            id={fieldId('schema.document')}
            label="JSON Schema document"
            required
            monospace
            rows={8}
            value={form.schemaDocument}
            onChange={(schemaDocument) => update({ schemaDocument })}
            error={err('schema.document')}
            helper={`A JSON object, up to ${SPEC_LIMITS.schemaDocumentBytes / 1024} KiB. Link larger schemas by URL instead.`}
          />
        ) : (
          <Grid columns="minmax(0, 2fr) minmax(0, 2fr) minmax(0, 1fr)">
            <TextInput id={fieldId('schema.url')} label="URL" type="url" value={form.schemaUrl} onChange={(schemaUrl) => update({ schemaUrl })} error={err('schema.url')} helper="Or name and version below." />
            <TextInput id={fieldId('schema.name')} label="Name" value={form.schemaName} onChange={(schemaName) => update({ schemaName })} error={err('schema.name')} />
            <TextInput id={fieldId('schema.version')} label="Version" value={form.schemaVersion} onChange={(schemaVersion) => update({ schemaVersion })} error={err('schema.version')} />
          </Grid>
        )}
      </Group>

      <ListGroup legend="Endpoints, one per environment" addLabel="Add endpoint" list="endpoints" onAdd={() => addRow('endpoints', 'environmentId')} error={err('endpoints.add')}>
        {form.endpoints.map((endpoint, index) => (
          <RowBox key={index} columns="minmax(0, 1.2fr) minmax(0, 2.5fr) minmax(0, 0.8fr) auto">
            {environmentChoices.length ? (
              <SelectInput
                id={fieldId(`endpoints.${index}.environmentId`)}
                label={`Endpoint ${index + 1} environment`}
                required
                value={endpoint.environmentId}
                options={environmentChoices}
                onChange={(environmentId) => updateRow('endpoints', index, { environmentId })}
                error={err(`endpoints.${index}.environmentId`)}
              />
            ) : (
              <TextInput
                id={fieldId(`endpoints.${index}.environmentId`)}
                label={`Endpoint ${index + 1} environment id`}
                required
                value={endpoint.environmentId}
                onChange={(environmentId) => updateRow('endpoints', index, { environmentId })}
                error={err(`endpoints.${index}.environmentId`)}
              />
            )}
            <TextInput id={fieldId(`endpoints.${index}.url`)} label={`Endpoint ${index + 1} URL`} required value={endpoint.url} onChange={(url) => updateRow('endpoints', index, { url })} error={err(`endpoints.${index}.url`)} placeholder="https://…, sftp://…" />
            <TextInput id={fieldId(`endpoints.${index}.protocol`)} label={`Endpoint ${index + 1} protocol`} required value={endpoint.protocol} onChange={(protocol) => updateRow('endpoints', index, { protocol })} error={err(`endpoints.${index}.protocol`)} placeholder="AS2, SFTP, HTTPS" />
            <RemoveButton label={`Remove endpoint ${index + 1}`} onClick={() => removeRow('endpoints', index)} />
          </RowBox>
        ))}
      </ListGroup>

      <ListGroup legend="Implementing artifacts" addLabel="Add artifact" list="artifacts" onAdd={() => addRow('artifacts', 'artifactId')} error={err('artifacts.add')}>
        {form.artifacts.map((artifact, index) => (
          <RowBox key={index} columns="minmax(0, 3fr) minmax(0, 1fr) auto">
            {artifactChoices.length ? (
              <SelectInput
                id={fieldId(`artifacts.${index}.artifactId`)}
                label={`Artifact ${index + 1}`}
                required
                value={artifact.artifactId}
                options={artifactChoices}
                onChange={(artifactId) => updateRow('artifacts', index, { artifactId })}
                error={err(`artifacts.${index}.artifactId`)}
              />
            ) : (
              <TextInput id={fieldId(`artifacts.${index}.artifactId`)} label={`Artifact ${index + 1} id`} required value={artifact.artifactId} onChange={(artifactId) => updateRow('artifacts', index, { artifactId })} error={err(`artifacts.${index}.artifactId`)} />
            )}
            <TextInput
              id={fieldId(`artifacts.${index}.expectedVersion`)}
              label={`Artifact ${index + 1} expected version`}
              required
              value={artifact.expectedVersion}
              onChange={(expectedVersion) => updateRow('artifacts', index, { expectedVersion })}
              error={err(`artifacts.${index}.expectedVersion`)}
            />
            <RemoveButton label={`Remove artifact ${index + 1}`} onClick={() => removeRow('artifacts', index)} />
          </RowBox>
        ))}
      </ListGroup>

      <ListGroup legend="Business rules" addLabel="Add rule" list="businessRules" onAdd={() => addRow('businessRules', 'text')} error={err('businessRules.add')}>
        {form.businessRules.map((rule, index) => (
          <RowBox key={index} columns="minmax(0, 0.6fr) minmax(0, 3fr) auto">
            <TextInput id={fieldId(`businessRules.${index}.id`)} label={`Rule ${index + 1} id`} required value={rule.id} onChange={(id) => updateRow('businessRules', index, { id })} error={err(`businessRules.${index}.id`)} />
            <TextAreaInput id={fieldId(`businessRules.${index}.text`)} label={`Rule ${index + 1} text`} required rows={2} value={rule.text} onChange={(text) => updateRow('businessRules', index, { text })} error={err(`businessRules.${index}.text`)} />
            <RemoveButton label={`Remove rule ${index + 1}`} onClick={() => removeRow('businessRules', index)} />
          </RowBox>
        ))}
      </ListGroup>

      <ListGroup legend="Exception handling" addLabel="Add exception" list="exceptionHandling" onAdd={() => addRow('exceptionHandling', 'condition')} error={err('exceptionHandling.add')}>
        {form.exceptionHandling.map((entry, index) => (
          <RowBox key={index} columns="minmax(0, 1fr) minmax(0, 2fr) auto">
            <TextInput id={fieldId(`exceptionHandling.${index}.condition`)} label={`Exception ${index + 1} condition`} required value={entry.condition} onChange={(condition) => updateRow('exceptionHandling', index, { condition })} error={err(`exceptionHandling.${index}.condition`)} />
            <TextAreaInput id={fieldId(`exceptionHandling.${index}.action`)} label={`Exception ${index + 1} action`} required rows={2} value={entry.action} onChange={(action) => updateRow('exceptionHandling', index, { action })} error={err(`exceptionHandling.${index}.action`)} />
            <RemoveButton label={`Remove exception ${index + 1}`} onClick={() => removeRow('exceptionHandling', index)} />
          </RowBox>
        ))}
      </ListGroup>

      <Group legend="Owner">
        <Grid columns="minmax(0, 1fr) minmax(0, 1fr)">
          <TextInput id={fieldId('owner.name')} label="Owner name" required value={form.ownerName} onChange={(ownerName) => update({ ownerName })} error={err('owner.name')} />
          <TextInput id={fieldId('owner.email')} label="Owner email" required type="email" value={form.ownerEmail} onChange={(ownerEmail) => update({ ownerEmail })} error={err('owner.email')} />
        </Grid>
      </Group>

      {editOptions.error && (
        <p style={{ ...secondaryText, margin: 0 }} role="status">
          Couldn't load the synced solutions ({editOptions.error.message}): type ids instead.
        </p>
      )}
      <div style={{ display: 'flex', gap: token('space.100', '0.5rem') }}>
        <Button appearance="primary" type="submit" isLoading={saving} testId="save-spec">
          Save spec
        </Button>
        <Button appearance="subtle" onClick={onCancel} isDisabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset legend={legend}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '0.5rem') }}>{children}</div>
    </Fieldset>
  );
}

function Grid({ columns, children }: { columns: string; children: ReactNode }) {
  return <div style={{ display: 'grid', gridTemplateColumns: columns, gap: token('space.100', '0.5rem'), alignItems: 'start' }}>{children}</div>;
}

function ListGroup({ legend, addLabel, list, onAdd, error, children }: { legend: string; addLabel: string; list: SpecFormList; onAdd(): void; error?: string; children: ReactNode[] }) {
  return (
    <Group legend={legend}>
      {children.length > 0 && <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.100', '0.5rem') }}>{children}</ul>}
      {error && (
        <p id={`${fieldId(list)}-error`} role="alert" style={{ margin: 0, color: token('color.text.danger', '#AE2E24') }}>
          {error}
        </p>
      )}
      <div>
        <Button id={fieldId(`${list}.add`)} onClick={onAdd} aria-describedby={error ? `${fieldId(list)}-error` : undefined}>
          {addLabel}
        </Button>
      </div>
    </Group>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    // Aligned with the inputs, below their labels.
    <div style={{ paddingTop: token('space.300', '1.5rem') }}>
      <Button appearance="subtle" onClick={onClick} aria-label={label}>
        Remove
      </Button>
    </div>
  );
}
