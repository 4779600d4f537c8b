import { z } from 'zod';
import {
  changeEventSchema,
  environmentSchema,
  failureSchema,
  maintenanceWindowSchema,
  type ChangeEvent,
  type Environment,
  type Failure,
  type MaintenanceWindow,
} from '../../sources/governance/schemas';

/**
 * The events the governance backend pushes (CloudEvents 1.0, structured mode; contract in
 * /shared/reference/governance-contract.md and docs/change-log-and-status.md). The envelope is checked here, the
 * `data` with the same schemas the sync uses for the backend's lists, so a pushed change and a synced one are the
 * same thing to the rest of the app.
 */
export const GOVERNANCE_EVENT_TYPES = [
  'governance.change.created',
  'governance.failure.opened',
  'governance.failure.resolved',
  'governance.environment.status_changed',
  'governance.maintenance.scheduled',
] as const;
export type GovernanceEventType = (typeof GOVERNANCE_EVENT_TYPES)[number];

/** Largest body accepted, in bytes: the validated event is kept in one KVS value (240 KiB) for the consumer. */
export const MAX_EVENT_BYTES = 192 * 1024;

export const ACCEPTED_CONTENT_TYPES = ['application/cloudevents+json', 'application/json'] as const;

const isoTime = z.string().datetime({ offset: true });

export const cloudEventEnvelopeSchema = z
  .object({
    specversion: z.literal('1.0', { errorMap: () => ({ message: 'must be "1.0" (CloudEvents 1.0)' }) }),
    id: z.string().min(1).max(256),
    source: z.string().min(1).max(1000),
    type: z.string().min(1).max(200),
    time: isoTime,
    subject: z.string().max(1000).nullish(),
    datacontenttype: z
      .string()
      .refine((value) => /^application\/(?:[\w.+-]+\+)?json\s*(?:;.*)?$/i.test(value), 'must be application/json')
      .optional(),
    data: z.record(z.unknown()),
  })
  .passthrough();

const dataSchemas = {
  'governance.change.created': changeEventSchema,
  'governance.failure.opened': failureSchema,
  'governance.failure.resolved': failureSchema,
  'governance.environment.status_changed': environmentSchema,
  'governance.maintenance.scheduled': maintenanceWindowSchema,
} as const;

interface EnvelopeFields {
  id: string;
  source: string;
  time: string;
  subject: string | null;
}

export type GovernanceEvent =
  | (EnvelopeFields & { type: 'governance.change.created'; data: ChangeEvent })
  | (EnvelopeFields & { type: 'governance.failure.opened' | 'governance.failure.resolved'; data: Failure })
  | (EnvelopeFields & { type: 'governance.environment.status_changed'; data: Environment })
  | (EnvelopeFields & { type: 'governance.maintenance.scheduled'; data: MaintenanceWindow });

export interface FieldProblem {
  field: string;
  message: string;
}

export type ParsedEvent =
  | { ok: true; event: GovernanceEvent }
  /** A well-formed event of a type this version does not handle (a newer backend): accepted and ignored. */
  | { ok: 'ignored'; id: string; source: string; type: string }
  | { ok: false; problems: FieldProblem[] };

export function isGovernanceEventType(type: string): type is GovernanceEventType {
  return (GOVERNANCE_EVENT_TYPES as readonly string[]).includes(type);
}

function problemsOf(error: z.ZodError, prefix: string[] = []): FieldProblem[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    // An open enum is `known values | any string`: the last branch says what was really wrong.
    if (issue.code === 'invalid_union') message = issue.unionErrors[issue.unionErrors.length - 1]?.issues[0]?.message ?? message;
    return { field: [...prefix, ...issue.path].join('.') || '(body)', message };
  });
}

/** Validates a parsed JSON body as one of the backend's events. */
export function parseGovernanceEvent(body: unknown): ParsedEvent {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, problems: [{ field: '(body)', message: 'must be one CloudEvent as a JSON object (structured mode; batches are not accepted)' }] };
  }
  const envelope = cloudEventEnvelopeSchema.safeParse(body);
  if (!envelope.success) return { ok: false, problems: problemsOf(envelope.error) };
  const { id, source, type, time, subject, data } = envelope.data;
  if (!isGovernanceEventType(type)) return { ok: 'ignored', id, source, type };
  const parsed = dataSchemas[type].safeParse(data);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error, ['data']) };
  return { ok: true, event: { id, source, type, time, subject: subject ?? null, data: parsed.data } as GovernanceEvent };
}

/** The media type of a Content-Type header value, lower case, without parameters. */
export function mediaType(contentType: string | undefined): string | null {
  const media = contentType?.split(';')[0]?.trim().toLowerCase();
  return media ? media : null;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The first field that failed validation (400), e.g. "data.impact.severity". */
  field?: string;
  /** Every field that failed validation (400). */
  errors?: FieldProblem[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function eventProblem(status: number, detail: string, problems?: FieldProblem[]): ProblemDetails {
  return {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(problems && problems.length > 0 ? { field: problems[0]?.field, errors: problems.slice(0, 20) } : {}),
  };
}
