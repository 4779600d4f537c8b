import { invoke, view } from '@forge/bridge';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { InterfaceSpecResponse, SaveInterfaceSpecResponse } from '../../../src/shared/interfaceSpecContract';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { useForgeContext } from '../shared/useForgeContext';
import { useResolver } from '../shared/useResolver';
import { LoadingState } from '../shared/ViewStates';
import { InterfaceSpecView, Section } from './InterfaceSpecView';
import type { SaveResult } from './saveResult';

// Only people who edit download the form (Atlaskit select, text areas, the spec validation).
const SpecEditor = lazy(() => import('./SpecEditor').then((module) => ({ default: module.SpecEditor })));

const fetchInterfaceSpec = (_: Record<string, never>) => unwrapResolverAnswer<InterfaceSpecResponse>(invoke('getInterfaceSpec', {}));

const NO_PARAMS = {};

async function saveSpec(spec: Record<string, unknown>, baseVersion: number): Promise<SaveResult> {
  let answer: SaveInterfaceSpecResponse;
  try {
    answer = (await invoke('saveInterfaceSpec', { spec, baseVersion })) as SaveInterfaceSpecResponse;
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  if (answer.state === 'saved') return { kind: 'saved', version: answer.saved.version };
  if (answer.state === 'conflict') return { kind: 'conflict', message: answer.message };
  // Errors that name a spec field go to the field; others (signed out, not on a page) are shown whole.
  const specFields = answer.fields.filter((field) => !field.path.startsWith('payload') && !field.path.startsWith('macro configuration'));
  return { kind: 'invalid', fields: specFields, message: answer.message };
}

/**
 * The interface-spec macro: the spec and its drift, and for signed-in readers an editor in place of the display.
 * After a save the spec is read again, so the drift shown is the new spec's.
 */
export function InterfaceSpecApp() {
  const context = useForgeContext();
  const result = useResolver(fetchInterfaceSpec, NO_PARAMS);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  const settled = result.data !== undefined || result.error !== undefined;

  useEffect(() => {
    // Tells the host the first answer is on screen (Confluence's export snapshots macros once they say so).
    if (settled) view.emitReadyEvent().catch(() => undefined);
  }, [settled]);

  const data = result.data;
  if (editing && data) {
    const baseVersion = data.saved?.version ?? 0;
    return (
      <Section>
        <Suspense fallback={<LoadingState label="Loading the spec form" />}>
        <SpecEditor
          key={editorKey}
          spec={data.spec}
          baseVersion={baseVersion}
          onSave={async (spec) => {
            const saved = await saveSpec(spec, baseVersion);
            if (saved.kind === 'saved') {
              setEditing(false);
              setNotice(`Spec saved as version ${saved.version}.`);
              result.retry();
            }
            return saved;
          }}
          onCancel={() => setEditing(false)}
          onLoadLatest={() => {
            setEditing(false);
            setNotice('Showing the latest version. Edit it again to apply your changes.');
            result.retry();
          }}
        />
        </Suspense>
      </Section>
    );
  }
  return (
    <InterfaceSpecView
      result={result}
      context={context}
      notice={notice}
      onEdit={() => {
        setNotice(null);
        setEditorKey((n) => n + 1);
        setEditing(true);
      }}
    />
  );
}
