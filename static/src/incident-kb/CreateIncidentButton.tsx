import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { invoke } from '@forge/bridge';
import { useState } from 'react';
import type { CreateIncidentResponse, IncidentPageRef, IncidentRequest } from '../../../src/shared/incidentContract';
import { unwrapResolverAnswer } from '../shared/resolverAnswer';
import { openIncidentPage } from './openIncidentPage';

const createIncident = (request: IncidentRequest) => unwrapResolverAnswer<CreateIncidentResponse>(invoke('incidents.create', { ...request }));

export interface CreateIncidentButtonProps {
  request: IncidentRequest;
  /** The failure's page when the caller already knows it: the button says "Open" instead of "Create". */
  existing?: IncidentPageRef | null;
  /** Says which failure the button is for, to screen readers ("for X12 850 inbound failing for Acme"). */
  describedAs: string;
  onOpened?(page: IncidentPageRef): void;
}

/**
 * One click: the failure's incident page is created (or found) as the reader, then opened. Confluence's refusal
 * (no permission to add pages) is shown next to the button.
 */
export function CreateIncidentButton({ request, existing, describedAs, onOpened }: CreateIncidentButtonProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const click = async () => {
    setBusy(true);
    setError(undefined);
    try {
      // Also when the page is known: the resolver checks it still exists (and makes it again if it was deleted).
      const page = await createIncident(request);
      onOpened?.(page);
      await openIncidentPage(page.url);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setBusy(false);
    }
  };
  const label = existing ? 'Open incident page' : 'Create incident page';
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', gap: token('space.050', '0.25rem') }}>
      <Button appearance={existing ? 'default' : 'primary'} spacing="compact" isLoading={busy} onClick={() => void click()} aria-label={`${label} for ${describedAs}`} testId="create-incident">
        {label}
      </Button>
      {error && (
        <span role="alert" data-testid="create-incident-error" style={{ color: token('color.text.danger', '#AE2E24'), maxWidth: 420 }}>
          {error}
        </span>
      )}
    </span>
  );
}
