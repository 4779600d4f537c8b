/**
 * Which upstreams the workbench talks to. A group of env vars that is unset means the built-in simulator
 * serves that upstream on the workbench's own origin.
 */
export interface UpstreamEnv {
  governance: { simulated: boolean; clientId: string; clientSecret: string };
  /** iconik: ICONIK_BASE_URL unset => the simulator at <origin>/sim/iconik with its own app id and token. */
  iconik: { simulated: boolean; appId: string; authToken: string; webhookSecret: string };
  /** Canto: CANTO_BASE_URL unset => the simulator at <origin>/sim/canto, its OAuth host at <origin>/sim/canto-oauth. */
  canto: { simulated: boolean; appId: string; appSecret: string; webhookToken: string };
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
  const iconik = readIconikEnv(env);
  Object.assign(forgeVariables, {
    ICONIK_APP_ID: iconik.appId,
    ICONIK_AUTH_TOKEN: iconik.authToken,
    ICONIK_WEBHOOK_SECRET: iconik.webhookSecret,
  });
  Object.defineProperty(forgeVariables, 'ICONIK_BASE_URL', {
    enumerable: true,
    get: () => (iconik.simulated ? `${origin()}/sim/iconik` : (env.ICONIK_BASE_URL?.trim() as string)),
  });
  // The iconik token's request limit when a tenant's is not the documented 50/s (the DAM sync shares it out).
  if (env.ICONIK_MAX_REQUESTS_PER_SECOND?.trim()) forgeVariables.ICONIK_MAX_REQUESTS_PER_SECOND = env.ICONIK_MAX_REQUESTS_PER_SECOND.trim();
  const canto = readCantoEnv(env);
  Object.assign(forgeVariables, {
    CANTO_APP_ID: canto.appId,
    CANTO_APP_SECRET: canto.appSecret,
    CANTO_WEBHOOK_TOKEN: canto.webhookToken,
  });
  Object.defineProperty(forgeVariables, 'CANTO_BASE_URL', {
    enumerable: true,
    get: () => (canto.simulated ? `${origin()}/sim/canto` : (env.CANTO_BASE_URL?.trim() as string)),
  });
  // A real tenant without CANTO_OAUTH_URL gets the OAuth host of its region (src/config/connections.ts).
  if (canto.simulated || env.CANTO_OAUTH_URL?.trim()) {
    Object.defineProperty(forgeVariables, 'CANTO_OAUTH_URL', {
      enumerable: true,
      get: () => (canto.simulated ? `${origin()}/sim/canto-oauth` : (env.CANTO_OAUTH_URL?.trim() as string)),
    });
  }
  return { governance: { simulated, clientId, clientSecret }, iconik, canto, forgeVariables };
}

/** The iconik simulator's application credentials in the workbench (not secrets: loopback only). */
export const ICONIK_SIMULATOR_CREDENTIALS = {
  appId: '3b0c7c1e-5f0a-4d6e-8a2b-9c4d1e7f2a10',
  authToken: 'workbench-iconik-token',
  webhookSecret: 'workbench-iconik-webhook-secret',
};

function readIconikEnv(env: NodeJS.ProcessEnv): UpstreamEnv['iconik'] {
  const simulated = !env.ICONIK_BASE_URL?.trim();
  const fallback = simulated ? ICONIK_SIMULATOR_CREDENTIALS : { appId: '', authToken: '', webhookSecret: '' };
  return {
    simulated,
    appId: env.ICONIK_APP_ID ?? fallback.appId,
    authToken: env.ICONIK_AUTH_TOKEN ?? fallback.authToken,
    webhookSecret: env.ICONIK_WEBHOOK_SECRET ?? fallback.webhookSecret,
  };
}

/** The Canto simulator's app credentials and webhook token in the workbench (not secrets: loopback only). */
export const CANTO_SIMULATOR_CREDENTIALS = {
  appId: 'workbench-canto-app',
  appSecret: 'workbench-canto-secret',
  webhookToken: 'workbench-canto-webhook-token',
};

function readCantoEnv(env: NodeJS.ProcessEnv): UpstreamEnv['canto'] {
  const simulated = !env.CANTO_BASE_URL?.trim();
  const fallback = simulated ? CANTO_SIMULATOR_CREDENTIALS : { appId: '', appSecret: '', webhookToken: '' };
  return {
    simulated,
    appId: env.CANTO_APP_ID ?? fallback.appId,
    appSecret: env.CANTO_APP_SECRET ?? fallback.appSecret,
    webhookToken: env.CANTO_WEBHOOK_TOKEN ?? fallback.webhookToken,
  };
}
