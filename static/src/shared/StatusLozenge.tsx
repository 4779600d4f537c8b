import Lozenge from '@atlaskit/lozenge';
import { environmentStatusAppearance, statusLabel } from './statusAppearance';

export interface StatusLozengeProps {
  status: string;
  /** False for a status this build does not know: shown neutral, with its raw text. */
  statusKnown?: boolean;
}

export function StatusLozenge({ status, statusKnown = true }: StatusLozengeProps) {
  return (
    <Lozenge appearance={environmentStatusAppearance(status, statusKnown)} testId="status-lozenge">
      {statusLabel(status)}
    </Lozenge>
  );
}
