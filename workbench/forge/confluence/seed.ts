/** The spaces a fresh workbench starts with: one per business domain the governance hub reports on. */
import type { ConfluenceStore } from './store';

export const SEED_AUTHOR = 'workbench-admin';

const SEEDS = [
  { key: 'OTC', name: 'Retail Order-to-Cash', restricted: false, integration: 'order intake to invoicing' },
  { key: 'LOG', name: 'Logistics Visibility', restricted: false, integration: 'shipment tracking events' },
  // Restricted so the asUser permission path (anonymous users cannot write) has somewhere to show.
  { key: 'FIN', name: 'Finance B2B', restricted: true, integration: 'B2B payment files' },
];

export function seedSpaces(store: ConfluenceStore): void {
  const admin = { accountId: SEED_AUTHOR, isApp: false };
  for (const seed of SEEDS) {
    const space = store.createSpace({ key: seed.key, name: seed.name, restricted: seed.restricted, description: `Integrations for ${seed.name}` }, admin);
    const home = store.createPage(
      { spaceId: space.id, title: `${seed.name} Home`, body: { representation: 'storage', value: `<p>Welcome to the ${seed.name} space.</p>` } },
      admin,
    );
    store.setHomepage(space.id, home.id);
    store.createPage(
      {
        spaceId: space.id,
        parentId: home.id,
        title: `${seed.key} integration overview`,
        body: {
          representation: 'storage',
          value:
            `<h2>Scope</h2><p>Integrations for ${seed.integration}.</p>` +
            '<ac:structured-macro ac:name="info"><ac:parameter ac:name="title">Demo page</ac:parameter>' +
            '<ac:rich-text-body><p>Seeded by the workbench.</p></ac:rich-text-body></ac:structured-macro>' +
            '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>Name an owner</ac:task-body></ac:task>' +
            '<ac:task><ac:task-id>2</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Review credentials</ac:task-body></ac:task></ac:task-list>',
        },
      },
      admin,
    );
  }
}
