// The handlers manifest.yml names, and nothing else.
export { handler as resolver } from './resolvers';
export { envStatusExport } from './exports/envStatusExport';
export { credentialOwnershipExport } from './exports/credentialOwnershipExport';
export { changeSummaryExport } from './exports/changeSummaryExport';
export { releaseReadinessExport } from './exports/releaseReadinessExport';
export { interfaceSpecExport } from './exports/interfaceSpecExport';
export { interfaceSpecsWebtrigger } from './webtriggers/interfaceSpecsWebtrigger';
export { scheduledSync } from './triggers/scheduledSync';
export { syncConsumer } from './consumers/syncConsumer';
