import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import SectionMessage from '@atlaskit/section-message';
import { CreatableSelect } from '@atlaskit/select';
import { useEffect, useMemo, useState } from 'react';
import type { AppSettingsView, SolutionMappingRow, SolutionsAnswer, SpaceChoice } from '../../../src/shared/appSettingsContract';
import { DataTable, type DataTableColumn } from '../shared/DataTable';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { codeText, placeholderText, secondaryText } from '../shared/textStyles';
import { useResolver } from '../shared/useResolver';
import { LoadingState, ErrorState } from '../shared/ViewStates';
import type { Choice } from './fields';
import { loadSolutionsForMapping, saveSettingsSections } from './settingsApi';
import { FOLLOW_BACKEND, NO_SPACE, fieldId, mappingChoice, saveOutcome, withMappingChoice } from './settingsForm';
import { SettingsSection, useSectionSave } from './SettingsSection';

const PAGE_SIZE = 20;

type Loaded = Extract<SolutionsAnswer, { state: 'ok' }>;
const fetchSolutions = () => unwrapResolverAnswer<SolutionsAnswer>(loadSolutionsForMapping());

export interface SpaceMappingSectionProps {
  settings: AppSettingsView;
  onSettings(settings: AppSettingsView): void;
  onForbidden(message: string): void;
}

function choicesFor(solution: SolutionMappingRow, spaces: SpaceChoice[], current: string): Choice[] {
  const backend = solution.backendSpaceKey ? `Backend’s choice (${solution.backendSpaceKey})` : 'Backend’s choice (no space)';
  const choices: Choice[] = [
    { value: FOLLOW_BACKEND, label: backend },
    { value: NO_SPACE, label: 'No space' },
    ...spaces.map((space) => ({ value: space.key, label: `${space.key} · ${space.name}` })),
  ];
  if (current !== FOLLOW_BACKEND && current !== NO_SPACE && !spaces.some((space) => space.key === current)) {
    choices.push({ value: current, label: `${current} (not among the listed spaces)` });
  }
  return choices;
}

/**
 * Which space shows each solution: the backend's spaceKey unless the admin picks another space or none. The hub,
 * the incident pages and the status summaries follow this mapping. A space can be typed when it is not listed.
 */
export function SpaceMappingSection({ settings, onSettings, onForbidden }: SpaceMappingSectionProps) {
  const solutions = useResolver(fetchSolutions, {});
  const [overrides, setOverrides] = useState<Record<string, string | null>>(() => ({ ...settings.spaceMapping.bySolution }));
  const [page, setPage] = useState(1);
  const save = useSectionSave('Space mapping', onForbidden);
  const loaded: Loaded | undefined = solutions.data?.state === 'ok' ? solutions.data : undefined;
  const forbiddenMessage = solutions.data?.state === 'forbidden' ? solutions.data.message : null;
  useEffect(() => {
    if (forbiddenMessage) onForbidden(forbiddenMessage);
  }, [forbiddenMessage, onForbidden]);

  const labels = useMemo(
    () => Object.fromEntries((loaded?.solutions ?? []).map((solution) => [`spaceMapping.bySolution.${solution.id}`, `Space for ${solution.name}`])),
    [loaded],
  );

  const columns: DataTableColumn<SolutionMappingRow, never>[] = [
    {
      key: 'solution',
      label: 'Solution',
      width: 35,
      render: (solution) => (
        <div>
          <div>{solution.name}</div>
          <div style={{ ...secondaryText, ...codeText }}>{solution.id}</div>
        </div>
      ),
    },
    {
      key: 'backend',
      label: 'Backend’s space',
      width: 20,
      render: (solution) => (solution.backendSpaceKey ? <code style={codeText}>{solution.backendSpaceKey}</code> : <span style={placeholderText}>None</span>),
    },
    {
      key: 'space',
      label: 'Shown in space',
      width: 45,
      render: (solution) => {
        const current = mappingChoice(overrides, solution.id);
        const options = choicesFor(solution, loaded?.spaces ?? [], current);
        const path = `spaceMapping.bySolution.${solution.id}`;
        const error = save.fieldError(path);
        return (
          <div data-testid={`mapping-${solution.id}`}>
            <CreatableSelect<Choice>
              inputId={fieldId(path)}
              aria-label={`Space for ${solution.name}`}
              options={options}
              value={options.find((option) => option.value === current) ?? null}
              isInvalid={Boolean(error)}
              formatCreateLabel={(input: string) => `Use space key “${input.trim()}”`}
              onCreateOption={(input: string) => setOverrides((map) => withMappingChoice(map, solution.id, input.trim()))}
              onChange={(option) => setOverrides((map) => withMappingChoice(map, solution.id, option?.value ?? FOLLOW_BACKEND))}
              menuPortalTarget={typeof document === 'undefined' ? undefined : document.body}
              styles={{ menuPortal: (base) => ({ ...base, zIndex: 510 }) }}
            />
            {error && (
              <div style={{ color: 'var(--ds-text-danger, #AE2E24)' }} role="alert">
                {error}
              </div>
            )}
          </div>
        );
      },
    },
  ];

  const onSave = () =>
    void save.run(
      async () => saveOutcome(await saveSettingsSections({ spaceMapping: { bySolution: overrides } })),
      ({ settings: next }) => {
        onSettings(next);
        setOverrides({ ...next.spaceMapping.bySolution });
      },
    );

  let body;
  if (!loaded) {
    body = solutions.error ? (
      <ErrorState title="Couldn't load the solutions and spaces" message={solutions.error.message} onRetry={solutions.retry} isRetrying={solutions.isLoading} />
    ) : (
      <LoadingState label="Loading the solutions and spaces" />
    );
  } else {
    const total = loaded.solutions.length;
    const lastPage = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const shown = Math.min(page, lastPage);
    body = (
      <>
        {loaded.spacesMessage && (
          <SectionMessage appearance="warning" title="Spaces">
            <p>{loaded.spacesMessage}</p>
          </SectionMessage>
        )}
        <DataTable<SolutionMappingRow, never>
          label="Solution to space mapping"
          columns={columns}
          rows={loaded.solutions.slice((shown - 1) * PAGE_SIZE, shown * PAGE_SIZE)}
          rowKey={(solution) => solution.id}
          total={total}
          page={shown}
          pageSize={PAGE_SIZE}
          isLoading={false}
          onSortChange={() => undefined}
          onPageChange={setPage}
          emptyView={<EmptyState header="No solutions yet" description={loaded.solutionsMessage ?? 'The governance backend lists no solutions.'} headingLevel={3} />}
          testId="space-mapping-table"
        />
      </>
    );
  }

  return (
    <SettingsSection
      id="space-mapping"
      title="Solution → space mapping"
      description="Each solution’s hub, incident pages and status summaries go to one Confluence space. By default the governance backend decides (its spaceKey); pick another space or “No space” to override it."
      save={loaded && loaded.solutions.length > 0 ? save : undefined}
      saveLabel="Save space mapping"
      onSave={onSave}
      labels={labels}
      actions={
        loaded && (
          <Button appearance="subtle" onClick={solutions.retry} isLoading={solutions.isLoading}>
            Reload spaces
          </Button>
        )
      }
    >
      {body}
    </SettingsSection>
  );
}
