// The handlers manifest.yml names, and nothing else.
export { handler as resolver } from './resolvers';
export { envStatusExport } from './exports/envStatusExport';
export { scheduledSync } from './triggers/scheduledSync';
export { syncConsumer } from './consumers/syncConsumer';
