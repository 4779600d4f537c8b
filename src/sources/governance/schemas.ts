import { z } from 'zod';

/**
 * The governance backend contract v1 (docs/governance-openapi.yaml), as zod schemas.
 *
 * Later contract versions may add enum values and fields: enums are "open" (a known value or any other
 * string, kept as-is so the UI can show the raw text) and objects pass unknown fields through.
 */
export function openEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.union([z.enum(values), z.string().min(1)]);
}

/** True when `value` is one of the enum's known values (as opposed to a newer, unknown one). */
export function isKnown<const T extends readonly string[]>(values: T, value: string): value is T[number] {
  return (values as readonly string[]).includes(value);
}

const isoTime = z.string().datetime({ offset: true });

export const STAGES = ['dev', 'test', 'prod'] as const;
export const ENVIRONMENT_STATUSES = ['operational', 'degraded', 'outage', 'maintenance'] as const;
export const ARTIFACT_KINDS = [
  'api',
  'map',
  'xref_table',
  'messaging_config',
  'partner_profile',
  'connection',
  'certificate',
] as const;
export const DEPLOYMENT_STATUSES = ['deployed', 'scheduled', 'pending', 'failed', 'absent'] as const;
export const CREDENTIAL_KINDS = ['oauth_client', 'api_key', 'certificate', 'password', 'ssh_key'] as const;
export const CREDENTIAL_STATUSES = ['active', 'expiring', 'expired', 'revoked'] as const;
export const CHANGE_ACTIONS = ['created', 'updated', 'deleted', 'promoted', 'rotated'] as const;
export const DIFF_OPS = ['add', 'remove', 'replace'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const PROMOTION_STATES = ['requested', 'approved', 'scheduled', 'succeeded', 'failed', 'cancelled'] as const;
export const FAILURE_DIRECTIONS = ['inbound', 'outbound'] as const;
export const FAILURE_STATES = ['open', 'acknowledged', 'resolved'] as const;
export const MAINTENANCE_KINDS = ['planned', 'emergency', 'freeze'] as const;
export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'completed', 'cancelled'] as const;

export const personSchema = z
  .object({ id: z.string().min(1), name: z.string(), email: z.string() })
  .passthrough();
export type Person = z.infer<typeof personSchema>;

export const solutionSchema = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    description: z.string().nullable().optional().default(null),
    spaceKey: z.string().nullable().optional().default(null),
  })
  .passthrough();
export type Solution = z.infer<typeof solutionSchema>;

export const endpointSchema = z
  .object({ name: z.string(), url: z.string(), protocol: z.string() })
  .passthrough();
export type Endpoint = z.infer<typeof endpointSchema>;

export const environmentSchema = z
  .object({
    id: z.string().min(1),
    solutionId: z.string().min(1),
    name: z.string(),
    stage: openEnum(STAGES),
    isProduction: z.boolean(),
    status: openEnum(ENVIRONMENT_STATUSES),
    statusMessage: z.string().nullable().optional().default(null),
    endpoints: z.array(endpointSchema),
    updatedAt: isoTime,
  })
  .passthrough();
export type Environment = z.infer<typeof environmentSchema>;

export const deploymentSchema = z
  .object({
    artifactId: z.string().min(1),
    artifactName: z.string(),
    kind: openEnum(ARTIFACT_KINDS),
    environmentId: z.string().min(1),
    version: z.string(),
    status: openEnum(DEPLOYMENT_STATUSES),
    deployedAt: isoTime.nullable(),
    deployedBy: personSchema.nullable(),
  })
  .passthrough();
export type Deployment = z.infer<typeof deploymentSchema>;

export const credentialSchema = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    kind: openEnum(CREDENTIAL_KINDS),
    environmentId: z.string().min(1),
    system: z.string(),
    owner: personSchema.nullable(),
    backupOwner: personSchema.nullable(),
    approvers: z.array(personSchema),
    lastRotatedBy: personSchema.nullable(),
    scopes: z.array(z.string()),
    status: openEnum(CREDENTIAL_STATUSES),
    lastRotatedAt: isoTime.nullable(),
    rotationPolicyDays: z.number().int().positive().nullable(),
    expiresAt: isoTime.nullable(),
    usedBy: z.array(z.string()),
  })
  .passthrough();
export type Credential = z.infer<typeof credentialSchema>;

export const diffEntrySchema = z
  .object({
    op: openEnum(DIFF_OPS),
    path: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    sensitive: z.boolean().optional().default(false),
  })
  .passthrough();
export type DiffEntry = z.infer<typeof diffEntrySchema>;

export const changeEventSchema = z
  .object({
    id: z.string().min(1),
    occurredAt: isoTime,
    actor: personSchema,
    action: openEnum(CHANGE_ACTIONS),
    target: z.object({ kind: z.string(), id: z.string(), name: z.string() }).passthrough(),
    environmentId: z.string().min(1),
    reason: z.string().nullable().optional().default(null),
    ticketRef: z.string().nullable().optional().default(null),
    diff: z.array(diffEntrySchema),
    impact: z
      .object({
        severity: openEnum(SEVERITIES),
        summary: z.string(),
        affectedSystems: z.array(z.string()),
        affectedPartners: z.array(z.string()),
        affectedEnvironments: z.array(z.string()),
      })
      .passthrough(),
    promotion: z
      .object({
        fromEnvironmentId: z.string(),
        toEnvironmentId: z.string(),
        state: openEnum(PROMOTION_STATES),
        approvedBy: z.array(personSchema),
      })
      .passthrough()
      .nullable()
      .optional()
      .default(null),
  })
  .passthrough();
export type ChangeEvent = z.infer<typeof changeEventSchema>;

export const failureSchema = z
  .object({
    id: z.string().min(1),
    environmentId: z.string().min(1),
    direction: openEnum(FAILURE_DIRECTIONS),
    messageType: z.string(),
    partner: z.object({ id: z.string(), name: z.string() }).passthrough(),
    endpoint: z.string(),
    errorCode: z.string(),
    errorMessage: z.string(),
    occurrences: z.number().int().nonnegative(),
    firstSeenAt: isoTime,
    lastSeenAt: isoTime,
    state: openEnum(FAILURE_STATES),
    severity: openEnum(SEVERITIES),
    correlationId: z.string(),
    remediation: z.string().nullable().optional().default(null),
  })
  .passthrough();
export type Failure = z.infer<typeof failureSchema>;

export const maintenanceWindowSchema = z
  .object({
    id: z.string().min(1),
    environmentIds: z.array(z.string()),
    kind: openEnum(MAINTENANCE_KINDS),
    title: z.string(),
    description: z.string().nullable().optional().default(null),
    startsAt: isoTime,
    endsAt: isoTime,
    status: openEnum(MAINTENANCE_STATUSES),
  })
  .passthrough();
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>;

export const releaseSchema = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    targetEnvironmentId: z.string(),
    plannedFor: isoTime,
    items: z.array(
      z
        .object({
          artifactId: z.string(),
          artifactName: z.string(),
          kind: openEnum(ARTIFACT_KINDS),
          expectedVersion: z.string(),
        })
        .passthrough(),
    ),
  })
  .passthrough();
export type Release = z.infer<typeof releaseSchema>;

/** Every list resource of the contract, with its path and item schema. */
export const governanceResources = {
  solutions: { path: '/v1/solutions', schema: solutionSchema, perSolution: false },
  environments: { path: '/v1/environments', schema: environmentSchema, perSolution: true },
  deployments: { path: '/v1/deployments', schema: deploymentSchema, perSolution: true },
  credentials: { path: '/v1/credentials', schema: credentialSchema, perSolution: true },
  changeEvents: { path: '/v1/change-events', schema: changeEventSchema, perSolution: true },
  failures: { path: '/v1/failures', schema: failureSchema, perSolution: true },
  maintenanceWindows: { path: '/v1/maintenance-windows', schema: maintenanceWindowSchema, perSolution: true },
  releases: { path: '/v1/releases', schema: releaseSchema, perSolution: true },
} as const;

export type GovernanceResource = keyof typeof governanceResources;
export type GovernanceItem<R extends GovernanceResource> = z.infer<(typeof governanceResources)[R]['schema']>;

export const problemDetailsSchema = z
  .object({
    type: z.string().optional(),
    title: z.string().optional(),
    status: z.number().optional(),
    detail: z.string().optional(),
    instance: z.string().optional(),
  })
  .passthrough();
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;
