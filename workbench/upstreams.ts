/**
 * Which upstreams the workbench talks to. A group of env vars that is unset means the built-in simulator
 * serves that upstream on the workbench's own origin.
 */
export interface UpstreamEnv {
  governance: { simulated: boolean; clientId: string; clientSecret: string };
  /** Passed to the app as Forge environment variables (process.env inside handlers). */
  forgeVariables: Record<string, string>;
}

const SIMULATOR_CLIENT = { clientId: 'workbench-client', clientSecret: 'workbench-secret' };

export function readUpstreamEnv(env: NodeJS.ProcessEnv, origin: () => string): UpstreamEnv {
  const baseUrl = env.GOVERNANCE_BASE_URL?.trim();
  const simulated = !baseUrl;
  const clientId = simulated ? SIMULATOR_CLIENT.clientId : (env.GOVERNANCE_CLIENT_ID ?? '');
  const clientSecret = simulated ? SIMULATOR_CLIENT.clientSecret : (env.GOVERNANCE_CLIENT_SECRET ?? '');
  const forgeVariables: Record<string, string> = {
    GOVERNANCE_CLIENT_ID: clientId,
    GOVERNANCE_CLIENT_SECRET: clientSecret,
    GOVERNANCE_WEBHOOK_SECRET: env.GOVERNANCE_WEBHOOK_SECRET ?? (simulated ? 'workbench-webhook-secret' : ''),
    // The bearer secret the governance backend presents to pull interface specs (webtrigger interface-specs).
    SPECS_WEBTRIGGER_SECRET: env.SPECS_WEBTRIGGER_SECRET ?? (simulated ? 'workbench-specs-secret' : ''),
  };
  // The simulator's URL is only known once the server listens, so it is read lazily.
  Object.defineProperty(forgeVariables, 'GOVERNANCE_BASE_URL', {
    enumerable: true,
    get: () => (simulated ? `${origin()}/sim/governance` : (baseUrl as string)),
  });
  return { governance: { simulated, clientId, clientSecret }, forgeVariables };
}
