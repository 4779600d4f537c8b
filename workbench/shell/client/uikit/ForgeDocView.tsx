import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import { HOST_COMPONENTS } from './components';
import type { ForgeDoc } from './forgeDoc';

/** What the host shows for an element type it does not draw: loud, so a missing component is never silent. */
export function UnsupportedComponent({ type }: { type: string }) {
  return (
    <div
      role="note"
      data-testid="unsupported-uikit-component"
      style={{
        border: `${token('border.width', '0.0625rem')} dashed ${token('color.border.danger', '#E2483D')}`,
        color: token('color.text.danger', '#AE2E24'),
        background: token('color.background.danger', '#FFECEB'),
        padding: token('space.100', '0.5rem'),
        margin: `${token('space.050', '0.25rem')} 0`,
        font: token('font.body.small', 'normal 400 0.75rem/1rem "Atlassian Sans", ui-sans-serif, -apple-system, BlinkMacSystemFont, "Segoe UI", Ubuntu, "Helvetica Neue", sans-serif'),
      }}
    >
      Unsupported UI Kit component <code>{type}</code> (workbench/shell/client/uikit/components.tsx)
    </div>
  );
}

export function ForgeNode({ node }: { node: ForgeDoc }): ReactNode {
  if (node.type === 'String') return String(node.props.text ?? '');
  const Host = HOST_COMPONENTS[node.type];
  if (!Host) return <UnsupportedComponent type={node.type} />;
  return (
    <Host node={node}>
      {node.children.map((child) => (
        <ForgeNode key={child.key} node={child} />
      ))}
    </Host>
  );
}

/**
 * The reconciler mutates one ForgeDoc object in place, so each reconcile re-renders from the root (`revision`
 * changes); element keys are stable per instance, which keeps host component state (a half-typed value, an open
 * menu) across renders.
 */
export function ForgeDocView({ doc }: { doc: ForgeDoc; revision: number }) {
  return <ForgeNode node={doc} />;
}
