// The handlers manifest.yml names, and nothing else.
export { handler as resolver } from './resolvers';
export { envStatusExport } from './exports/envStatusExport';
export { credentialOwnershipExport } from './exports/credentialOwnershipExport';
export { changeSummaryExport } from './exports/changeSummaryExport';
export { releaseReadinessExport } from './exports/releaseReadinessExport';
export { interfaceSpecExport } from './exports/interfaceSpecExport';
export { assetLifecycleExport } from './exports/assetLifecycleExport';
export { incidentKbExport } from './exports/incidentKbExport';
export { interfaceSpecsWebtrigger } from './webtriggers/interfaceSpecsWebtrigger';
export { scheduledSync } from './triggers/scheduledSync';
export { syncConsumer } from './consumers/syncConsumer';
export { damSyncSchedule } from './triggers/damSyncSchedule';
export { damSyncConsumer } from './consumers/damSyncConsumer';
export { cantoWebhook } from './webtriggers/cantoWebhook';
export { iconikWebhook } from './webtriggers/iconikWebhook';
export { governanceEventsWebtrigger } from './webtriggers/governanceEventsWebtrigger';
export { governanceEventsConsumer } from './consumers/governanceEventsConsumer';
export { statusSummarySchedule } from './triggers/statusSummarySchedule';
