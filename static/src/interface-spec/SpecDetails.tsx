import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { router } from '@forge/bridge';
import type { ReactNode } from 'react';
import type { InterfaceSpec } from '../../../src/shared/interfaceSpecContract';
import { codeText, secondaryText } from '../shared/textStyles';
import { DIRECTION_WORDS } from './driftWording';
import { SpecTable } from './SpecTable';

export interface SpecDetailsProps {
  spec: InterfaceSpec;
  solutionName: string | null;
  environmentNames: Record<string, string>;
  artifactNames: Record<string, string>;
}

const gap = token('space.150', '0.75rem');

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} style={{ display: 'flex', flexDirection: 'column', gap: token('space.075', '0.375rem') }}>
      <Heading size="xsmall" as="h3" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** A documentation link: opened through the Forge bridge, which Custom UI needs for links leaving the frame. */
function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  if (!/^https?:\/\//i.test(href)) return <span style={codeText}>{children}</span>;
  return (
    <a
      href={href}
      onClick={(event) => {
        event.preventDefault();
        void router.open(href).catch(() => undefined);
      }}
      style={{ color: token('color.link', '#1868DB'), overflowWrap: 'anywhere' }}
    >
      {children}
    </a>
  );
}

function SchemaView({ schema }: { schema: InterfaceSpec['schema'] }) {
  if (schema.kind === 'json-schema') {
    return (
      <div>
        <p style={{ margin: 0 }}>JSON Schema:</p>
        {/* Focusable so keyboard users can scroll a long document. */}
        <pre
          tabIndex={0}
          aria-label="JSON Schema document"
          data-testid="schema-document"
          style={{
            ...codeText,
            margin: `${token('space.050', '0.25rem')} 0 0`,
            maxHeight: '20rem',
            overflow: 'auto',
            padding: token('space.100', '0.5rem'),
            borderRadius: token('radius.small', '0.25rem'),
            background: token('color.background.neutral', '#0515240F'),
            whiteSpace: 'pre',
          }}
        >
          {JSON.stringify(schema.document, null, 2)}
        </pre>
      </div>
    );
  }
  const what = schema.kind === 'xsd' ? 'XML Schema (XSD)' : 'EDI implementation guideline';
  const named = [schema.name, schema.version].filter(Boolean).join(' ');
  return (
    <p style={{ margin: 0 }} data-testid="schema-reference">
      {what}: {named && <strong>{named}</strong>}
      {named && schema.url && ', '}
      {schema.url && <ExternalLink href={schema.url}>{schema.url}</ExternalLink>}
    </p>
  );
}

/** The spec itself, read-only: what the interface is, who it is with, and how it is built and run. */
export function SpecDetails({ spec, solutionName, environmentNames, artifactNames }: SpecDetailsProps) {
  const facts: [string, ReactNode][] = [
    ['Solution', solutionName ?? <span style={codeText}>{spec.solutionId}</span>],
    ['Partners', spec.partners.map((p) => `${p.name} (${p.id})`).join(', ')],
    ['Direction', DIRECTION_WORDS[spec.direction] ?? spec.direction],
    ['Message', `${spec.message.type} ${spec.message.version}`],
    ['Owner', `${spec.owner.name} <${spec.owner.email}>`],
  ];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap }} data-testid="spec-details">
      {spec.description && <p style={{ margin: 0 }}>{spec.description}</p>}
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: token('space.200', '1rem'), rowGap: token('space.050', '0.25rem'), margin: 0, padding: 0 }}>
        {facts.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt style={{ ...secondaryText, fontWeight: token('font.weight.semibold', '600') }}>{term}</dt>
            <dd style={{ margin: 0 }}>{value}</dd>
          </div>
        ))}
      </dl>
      <Section title="Schema" id="spec-schema-heading">
        <SchemaView schema={spec.schema} />
      </Section>
      <Section title="Endpoints" id="spec-endpoints-heading">
        <SpecTable
          label="Endpoints"
          testId="spec-endpoints"
          rows={spec.endpoints}
          rowKey={(e) => e.environmentId}
          empty="No endpoints specified."
          columns={[
            { key: 'environment', label: 'Environment', width: 25, render: (e) => environmentNames[e.environmentId] ?? <span style={codeText}>{e.environmentId}</span> },
            { key: 'protocol', label: 'Protocol', width: 12, render: (e) => e.protocol },
            { key: 'url', label: 'URL', render: (e) => <span style={{ ...codeText, overflowWrap: 'anywhere' }}>{e.url}</span> },
          ]}
        />
      </Section>
      <Section title="Implementing artifacts" id="spec-artifacts-heading">
        <SpecTable
          label="Implementing artifacts"
          testId="spec-artifacts"
          rows={spec.artifacts}
          rowKey={(a) => a.artifactId}
          empty="No artifacts specified."
          columns={[
            {
              key: 'artifact',
              label: 'Artifact',
              render: (a) =>
                artifactNames[a.artifactId] ? (
                  <div>
                    {artifactNames[a.artifactId]}
                    <div style={{ ...secondaryText, ...codeText }}>{a.artifactId}</div>
                  </div>
                ) : (
                  <span style={codeText}>{a.artifactId}</span>
                ),
            },
            { key: 'expected', label: 'Expected version', width: 25, render: (a) => <span style={codeText}>{a.expectedVersion}</span> },
          ]}
        />
      </Section>
      <Section title="Business rules" id="spec-rules-heading">
        <SpecTable
          label="Business rules"
          testId="spec-rules"
          rows={spec.businessRules}
          rowKey={(r) => r.id}
          empty="No business rules specified."
          columns={[
            { key: 'id', label: 'Rule', width: 12, render: (r) => <strong>{r.id}</strong> },
            { key: 'text', label: 'Text', render: (r) => r.text },
          ]}
        />
      </Section>
      <Section title="Exception handling" id="spec-exceptions-heading">
        <SpecTable
          label="Exception handling"
          testId="spec-exceptions"
          rows={spec.exceptionHandling.map((e, index) => ({ ...e, key: String(index) }))}
          rowKey={(e) => e.key}
          empty="No exception handling specified."
          columns={[
            { key: 'condition', label: 'Condition', width: 40, render: (e) => e.condition },
            { key: 'action', label: 'Action', render: (e) => e.action },
          ]}
        />
      </Section>
    </div>
  );
}
