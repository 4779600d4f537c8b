import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';

/** A centred spinner with an accessible name (role status so screen readers announce it). */
export function LoadingState({ label }: { label: string }) {
  return (
    <div
      role="status"
      aria-live="polite"
      style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '0.5rem'), padding: token('space.300', '1.5rem'), justifyContent: 'center' }}
    >
      <Spinner size="medium" label={label} />
      <span style={{ color: token('color.text.subtle', '#505258') }}>{label}</span>
    </div>
  );
}

export interface ErrorStateProps {
  title: string;
  message: string;
  onRetry(): void;
  isRetrying?: boolean;
}

/** A failed resolver call: what went wrong and a Retry button. */
export function ErrorState({ title, message, onRetry, isRetrying = false }: ErrorStateProps) {
  return (
    <SectionMessage appearance="error" title={title} testId="error-state">
      <p>{message}</p>
      <div style={{ marginTop: token('space.100', '0.5rem') }}>
        <Button onClick={onRetry} isLoading={isRetrying}>
          Retry
        </Button>
      </div>
    </SectionMessage>
  );
}
