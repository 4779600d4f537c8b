import Button from '@atlaskit/button/new';
import { CharacterCounter, HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { SIGN_OFF_NOTE_LIMIT, type ReleaseSignOff } from '../../../src/shared/releaseReadinessContract';
import { Timestamp } from '../shared/Timestamp';
import { placeholderText, secondaryText } from '../shared/textStyles';
import { formatRelativeTime, type TimeFormatOptions } from '../shared/time';
import { readinessSummary } from './ReleaseHeader';

export type SignOffAction = { kind: 'sign'; note: string } | { kind: 'withdraw' };

export interface SignOffPanelProps extends TimeFormatOptions {
  releaseName: string;
  signOffs: ReleaseSignOff[];
  truncated: boolean;
  signedIn: boolean;
  /** Server time of the answer. */
  now: string;
  /** The action in flight, if any. */
  pending: SignOffAction['kind'] | null;
  error: string | null;
  /** What just succeeded, announced to screen readers. */
  notice: string | null;
  onAction(action: SignOffAction): Promise<boolean>;
}

const NOTE_ID = 'release-sign-off-note';

/**
 * Who signed off the release, with what they saw, and the viewer's own Sign off / Withdraw. A sign-off made before
 * the deployments changed is marked outdated: it still counts as history, not as approval of what is there now.
 */
export function SignOffPanel(props: SignOffPanelProps) {
  const { signOffs, signedIn, pending } = props;
  const [note, setNote] = useState('');
  const mine = signOffs.find((signOff) => signOff.mine);
  const tooLong = note.length > SIGN_OFF_NOTE_LIMIT;

  const sign = async () => {
    if (tooLong || pending) return;
    if (await props.onAction({ kind: 'sign', note })) setNote('');
  };

  return (
    <section aria-labelledby="sign-offs-heading" data-testid="sign-off-panel" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '0.5rem') }}>
      <Heading size="xsmall" as="h3" id="sign-offs-heading">
        Sign-offs
      </Heading>
      {signOffs.length === 0 ? (
        <p style={{ ...placeholderText, margin: 0 }} data-testid="no-sign-offs">
          Nobody has signed off {props.releaseName} yet.
        </p>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.100', '0.5rem') }}>
          {signOffs.map((signOff) => (
            <SignOffEntry key={signOff.accountId} signOff={signOff} {...props} />
          ))}
        </ul>
      )}
      {props.truncated && <p style={{ ...secondaryText, margin: 0 }}>Only the first sign-offs are listed.</p>}
      <div role="status" aria-live="polite" style={secondaryText} data-testid="sign-off-notice">
        {props.notice}
      </div>
      {props.error && (
        <SectionMessage appearance="error" title="Couldn't update the sign-off" testId="sign-off-error">
          <p>{props.error}</p>
        </SectionMessage>
      )}
      {signedIn ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void sign();
          }}
          style={{ display: 'flex', flexDirection: 'column', gap: token('space.050', '0.25rem'), maxWidth: '40rem' }}
        >
          <Label htmlFor={NOTE_ID}>Note (optional)</Label>
          <TextArea
            id={NOTE_ID}
            name="note"
            value={note}
            minimumRows={2}
            resize="vertical"
            isInvalid={tooLong}
            isDisabled={pending !== null}
            onChange={(event) => setNote(event.currentTarget.value)}
            testId="sign-off-note"
          />
          <CharacterCounter currentValue={note} maxCharacters={SIGN_OFF_NOTE_LIMIT} inputId={NOTE_ID} />
          {mine && <HelperMessage>Signing again replaces your earlier sign-off.</HelperMessage>}
          <div>
            <Button appearance="primary" type="submit" isLoading={pending === 'sign'} isDisabled={tooLong || pending !== null} testId="sign-off-button">
              {mine ? 'Sign off again' : 'Sign off'}
            </Button>
          </div>
        </form>
      ) : (
        <SectionMessage appearance="information" testId="sign-in-to-sign-off">
          <p>Log in to Confluence to sign off this release.</p>
        </SectionMessage>
      )}
    </section>
  );
}

function SignOffEntry({ signOff, now, locale, timeZone, pending, onAction }: SignOffPanelProps & { signOff: ReleaseSignOff }) {
  return (
    <li
      data-testid="sign-off"
      style={{
        padding: token('space.100', '0.5rem'),
        borderRadius: token('radius.small', '0.25rem'),
        border: `${token('border.width', '1px')} solid ${token('color.border', '#0B120E24')}`,
      }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: token('space.100', '0.5rem') }}>
        <strong>{signOff.displayName}</strong>
        <span style={secondaryText}>
          signed off{' '}
          <Timestamp dateTime={signOff.signedAt} locale={locale} timeZone={timeZone}>
            {formatRelativeTime(signOff.signedAt, now, locale)}
          </Timestamp>{' '}
          · saw {readinessSummary(signOff.readiness).toLowerCase()}
        </span>
        {signOff.outdated ? (
          <span title="Deployments changed after this sign-off">
            <Lozenge appearance="moved" isBold testId="outdated-marker">
              Outdated
            </Lozenge>
          </span>
        ) : (
          <Lozenge appearance="success" testId="current-marker">
            Current
          </Lozenge>
        )}
        {signOff.mine && (
          <Button appearance="subtle" spacing="compact" isLoading={pending === 'withdraw'} isDisabled={pending !== null} onClick={() => void onAction({ kind: 'withdraw' })} testId="withdraw-button">
            Withdraw
          </Button>
        )}
      </div>
      {signOff.outdated && (
        <div style={secondaryText} data-testid="outdated-reason">
          Deployments changed since this sign-off.
        </div>
      )}
      {signOff.note && (
        // Plain text, kept as typed: white-space keeps its line breaks.
        <p style={{ margin: `${token('space.050', '0.25rem')} 0 0`, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="sign-off-note-text">
          {signOff.note}
        </p>
      )}
    </li>
  );
}
