import Tooltip from '@atlaskit/tooltip';
import { token } from '@atlaskit/tokens';
import { formatAbsoluteTime, type TimeFormatOptions } from './time';

export interface TimestampProps extends TimeFormatOptions {
  /** The ISO time the text is about. */
  dateTime: string;
  /** What is shown, e.g. "Synced 5 minutes ago" or "3 days ago". */
  children: string;
}

/**
 * A relative time with the exact time in a tooltip and a title. The trigger is focusable so keyboard users reach the
 * tooltip too.
 */
export function Timestamp({ dateTime, children, locale, timeZone }: TimestampProps) {
  const exact = formatAbsoluteTime(dateTime, { locale, timeZone });
  return (
    <Tooltip content={exact} position="top">
      {(triggerProps) => (
        <time
          {...triggerProps}
          dateTime={dateTime}
          title={exact}
          tabIndex={0}
          style={{ color: token('color.text.subtle', '#505258'), textDecoration: 'underline dotted', cursor: 'help' }}
        >
          {children}
        </time>
      )}
    </Tooltip>
  );
}
