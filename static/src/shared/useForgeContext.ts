import { view } from '@forge/bridge';
import { useEffect, useState } from 'react';

/** The parts of the Forge product context the views use. */
export interface ViewContext {
  locale?: string;
  timeZone?: string;
  /** True while the page is being edited (the macro is shown in the editor). */
  isEditing: boolean;
}

/** Reads `view.getContext()` once. Views render without it (English, browser time zone) until it arrives. */
export function useForgeContext(): ViewContext {
  const [context, setContext] = useState<ViewContext>({ isEditing: false });
  useEffect(() => {
    let active = true;
    view
      .getContext()
      .then((full) => {
        if (!active) return;
        setContext({
          locale: full.locale ? String(full.locale).replace('_', '-') : undefined,
          timeZone: full.timezone || undefined,
          isEditing: Boolean(full.extension?.isEditing),
        });
      })
      // Without a context the view still works with default wording; nothing to show the reader.
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, []);
  return context;
}
