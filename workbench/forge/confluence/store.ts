/**
 * Spaces, pages, versions and labels with Confluence's rules (unique titles per space, version numbers that must go up
 * by one, XHTML that must parse, restricted spaces), persisted as a journal under dataDir.
 */
import path from 'node:path';
import { Journal, type SnapshotLine } from '../journal';
import { ConfluenceError, type Actor, type Label, type Page, type PageBody, type PageVersion, type Space } from './model';
import { parseStorage, StorageFormatError } from './storage-format';
import { seedSpaces, SEED_AUTHOR } from './seed';

export interface NewPage {
  spaceId: string;
  title: string;
  status?: 'current' | 'draft';
  parentId?: string | null;
  body: PageBody;
}

export interface PageUpdate {
  title: string;
  status?: 'current' | 'draft';
  parentId?: string | null;
  body?: PageBody;
  version: { number: number; message?: string; minorEdit?: boolean };
}

type Record_ = { t: 'space'; id: string } | { t: 'page'; id: string } | { t: 'version'; id: string; n: number } | { t: 'purge'; id: string } | { t: 'next'; n: number };

const LABEL_FORBIDDEN = /[\s:;,.?&[\]()#^*@!]/;

export class ConfluenceStore {
  private readonly spacesById = new Map<string, Space>();
  private readonly pagesById = new Map<string, Page>();
  private readonly history = new Map<string, PageVersion[]>();
  private nextId = 10_000;
  private liveBytes = 0;

  private constructor(
    private readonly journal: Journal,
    private readonly now: () => number,
  ) {}

  static async open(dataDir: string, now: () => number): Promise<ConfluenceStore> {
    const replayed: Array<[Record_, string | undefined]> = [];
    const journal = await Journal.open(path.join(dataDir, 'confluence.jsonl'), (header, payload) => replayed.push([header as Record_, payload]));
    const store = new ConfluenceStore(journal, now);
    for (const [record, payload] of replayed) store.replay(record, payload);
    if (store.spacesById.size === 0) seedSpaces(store);
    return store;
  }

  spaces(): Space[] {
    return [...this.spacesById.values()].sort(byNumericId);
  }

  space(id: string): Space | undefined {
    return this.spacesById.get(id);
  }

  spaceByKey(key: string): Space | undefined {
    return [...this.spacesById.values()].find((space) => space.key === key);
  }

  /** All pages, trashed included, oldest first. */
  pages(): Page[] {
    return [...this.pagesById.values()].sort(byNumericId);
  }

  page(id: string): Page | undefined {
    return this.pagesById.get(id);
  }

  versions(pageId: string): PageVersion[] {
    return [...(this.history.get(pageId) ?? [])];
  }

  createSpace(input: { key: string; name: string; restricted?: boolean; description?: string }, actor: Actor): Space {
    if (!/^[A-Z0-9]{1,255}$/i.test(input.key)) throw new ConfluenceError(400, `Invalid space key ${input.key}`);
    if (this.spaceByKey(input.key)) throw new ConfluenceError(400, `A space with key ${input.key} already exists`);
    const space: Space = {
      id: this.allocateId(),
      key: input.key,
      name: input.name,
      type: 'global',
      status: 'current',
      restricted: input.restricted ?? false,
      homepageId: null,
      authorId: actor.accountId ?? SEED_AUTHOR,
      createdAt: this.timestamp(),
      description: input.description ?? '',
    };
    this.saveSpace(space);
    return space;
  }

  /** Withholds the "add pages" permission of a space from these users (they can still read). */
  setViewOnly(spaceId: string, accountIds: string[]): void {
    const space = this.requireSpace(spaceId);
    this.saveSpace({ ...space, viewOnlyAccountIds: [...accountIds] });
  }

  setHomepage(spaceId: string, pageId: string): void {
    const space = this.requireSpace(spaceId);
    this.saveSpace({ ...space, homepageId: pageId });
  }

  createPage(input: NewPage, actor: Actor): Page {
    const space = this.requireSpace(input.spaceId);
    this.assertCanWrite(space, actor);
    const title = validTitle(input.title);
    const status = input.status ?? 'current';
    if (status === 'current') this.assertTitleFree(space, title, undefined);
    const parentId = input.parentId ?? space.homepageId;
    if (parentId) this.assertParent(space, parentId);
    validateBody(input.body);
    const time = this.timestamp();
    const author = authorOf(actor);
    const page: Page = {
      id: this.allocateId(),
      spaceId: space.id,
      status,
      title,
      parentId,
      authorId: author,
      createdAt: time,
      version: { number: 1, message: '', minorEdit: false, authorId: author, createdAt: time },
      body: input.body,
      labels: [],
    };
    this.savePage(page);
    this.saveVersion(page);
    return page;
  }

  updatePage(id: string, update: PageUpdate, actor: Actor): Page {
    const page = this.requirePage(id);
    const space = this.requireSpace(page.spaceId);
    this.assertCanWrite(space, actor);
    if (update.version.number !== page.version.number + 1) {
      throw new ConfluenceError(409, `Version must be incremented on update. Current Version is: ${page.version.number}`);
    }
    const title = validTitle(update.title);
    const status = update.status ?? 'current';
    if (status === 'current') this.assertTitleFree(space, title, page.id);
    const parentId = update.parentId === undefined ? page.parentId : update.parentId;
    if (parentId && parentId !== page.parentId) this.assertParent(space, parentId, page.id);
    const body = update.body ?? page.body;
    validateBody(body);
    const author = authorOf(actor);
    const updated: Page = {
      ...page,
      title,
      status,
      parentId,
      body,
      version: { number: update.version.number, message: update.version.message ?? '', minorEdit: update.version.minorEdit ?? false, authorId: author, createdAt: this.timestamp() },
    };
    this.savePage(updated);
    this.saveVersion(updated);
    return updated;
  }

  /** Moves a page to the trash, or with purge removes a trashed page for good. */
  deletePage(id: string, purge: boolean, actor: Actor): void {
    const page = this.requirePage(id);
    this.assertCanWrite(this.requireSpace(page.spaceId), actor);
    if (!purge) {
      if (page.status === 'trashed') throw new ConfluenceError(404, `Page ${id} is already in the trash`);
      this.savePage({ ...page, status: 'trashed' });
      return;
    }
    if (page.status !== 'trashed') throw new ConfluenceError(400, 'Only a trashed page can be purged');
    this.pagesById.delete(id);
    this.history.delete(id);
    this.journal.append({ t: 'purge', id });
  }

  addLabels(pageId: string, labels: Array<{ prefix?: string; name: string }>, actor: Actor): Label[] {
    const page = this.requirePage(pageId);
    this.assertCanWrite(this.requireSpace(page.spaceId), actor);
    const next = [...page.labels];
    for (const candidate of labels) {
      const name = String(candidate.name ?? '').trim().toLowerCase();
      const prefix = candidate.prefix ?? 'global';
      if (!name || name.length > 255 || LABEL_FORBIDDEN.test(name)) throw new ConfluenceError(400, `Invalid label name "${candidate.name}"`);
      if (!next.some((label) => label.name === name && label.prefix === prefix)) next.push({ id: this.allocateId(), prefix, name });
    }
    this.savePage({ ...page, labels: next });
    return next;
  }

  removeLabel(pageId: string, name: string, actor: Actor): void {
    const page = this.requirePage(pageId);
    this.assertCanWrite(this.requireSpace(page.spaceId), actor);
    const remaining = page.labels.filter((label) => label.name !== name.toLowerCase());
    if (remaining.length === page.labels.length) throw new ConfluenceError(404, `Page ${pageId} has no label ${name}`);
    this.savePage({ ...page, labels: remaining });
  }

  flush(): void {
    this.journal.flush();
  }

  close(): void {
    this.journal.close();
  }

  private requireSpace(id: string): Space {
    const space = this.spacesById.get(id);
    if (!space) throw new ConfluenceError(404, `No space with id ${id}`);
    return space;
  }

  private requirePage(id: string): Page {
    const page = this.pagesById.get(id);
    if (!page) throw new ConfluenceError(404, `No page with id ${id}`);
    return page;
  }

  private assertCanWrite(space: Space, actor: Actor): void {
    if (space.restricted && !actor.isApp && actor.accountId === null) {
      throw new ConfluenceError(403, `Anonymous users cannot edit content in space ${space.key}`);
    }
    if (!actor.isApp && actor.accountId !== null && space.viewOnlyAccountIds?.includes(actor.accountId)) {
      throw new ConfluenceError(403, `User ${actor.accountId} does not have permission to add or edit pages in space ${space.key}`);
    }
  }

  private assertTitleFree(space: Space, title: string, exceptId: string | undefined): void {
    const clash = [...this.pagesById.values()].some((p) => p.spaceId === space.id && p.status === 'current' && p.title === title && p.id !== exceptId);
    if (clash) throw new ConfluenceError(400, 'A page with this title already exists: A page already exists with the same TITLE in this space');
  }

  private assertParent(space: Space, parentId: string, childId?: string): void {
    const parent = this.pagesById.get(parentId);
    if (!parent || parent.spaceId !== space.id || parent.status === 'trashed') throw new ConfluenceError(400, `Parent page ${parentId} is not a page in space ${space.key}`);
    for (let ancestor: Page | undefined = parent; ancestor; ancestor = ancestor.parentId ? this.pagesById.get(ancestor.parentId) : undefined) {
      if (ancestor.id === childId) throw new ConfluenceError(400, 'A page cannot be moved below itself');
    }
  }

  private allocateId(): string {
    this.nextId++;
    this.journal.append({ t: 'next', n: this.nextId });
    return String(this.nextId);
  }

  private timestamp(): string {
    return new Date(this.now()).toISOString();
  }

  private saveSpace(space: Space): void {
    this.spacesById.set(space.id, space);
    this.write({ t: 'space', id: space.id }, space);
  }

  private savePage(page: Page): void {
    this.pagesById.set(page.id, page);
    this.write({ t: 'page', id: page.id }, page);
  }

  /** History is journalled one version per line, so a page edited often never rewrites its past. */
  private saveVersion(page: Page): void {
    const version: PageVersion = { ...page.version, pageId: page.id, title: page.title, body: page.body };
    const list = this.history.get(page.id) ?? [];
    list.push(version);
    this.history.set(page.id, list);
    this.write({ t: 'version', id: page.id, n: version.number }, version);
  }

  private write(record: Record_, value: unknown): void {
    const payload = JSON.stringify(value);
    this.liveBytes += payload.length;
    this.journal.append(record, payload);
    this.journal.compactIfWasteful(this.liveBytes, () => this.snapshot());
  }

  private *snapshot(): Iterable<SnapshotLine> {
    yield [{ t: 'next', n: this.nextId }, undefined];
    for (const space of this.spacesById.values()) yield [{ t: 'space', id: space.id }, JSON.stringify(space)];
    for (const page of this.pagesById.values()) yield [{ t: 'page', id: page.id }, JSON.stringify(page)];
    for (const [id, versions] of this.history) for (const version of versions) yield [{ t: 'version', id, n: version.number }, JSON.stringify(version)];
  }

  private replay(record: Record_, payload: string | undefined): void {
    if (record.t === 'next') this.nextId = Math.max(this.nextId, record.n);
    else if (record.t === 'purge') {
      this.pagesById.delete(record.id);
      this.history.delete(record.id);
    } else if (payload !== undefined) {
      this.liveBytes += payload.length;
      if (record.t === 'space') this.spacesById.set(record.id, JSON.parse(payload) as Space);
      else if (record.t === 'page') this.pagesById.set(record.id, JSON.parse(payload) as Page);
      else this.history.set(record.id, [...(this.history.get(record.id) ?? []), JSON.parse(payload) as PageVersion]);
    }
  }
}

function authorOf(actor: Actor): string {
  return actor.accountId ?? 'anonymous';
}

function validTitle(title: unknown): string {
  if (typeof title !== 'string' || title.trim() === '') throw new ConfluenceError(400, 'A page title is required');
  if (title.length > 255) throw new ConfluenceError(400, 'A page title must be at most 255 characters');
  return title;
}

function validateBody(body: PageBody): void {
  if (body.representation === 'storage') {
    try {
      parseStorage(body.value);
    } catch (error) {
      if (error instanceof StorageFormatError) throw new ConfluenceError(400, error.message);
      throw error;
    }
    return;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(body.value);
  } catch {
    throw new ConfluenceError(400, 'atlas_doc_format body is not valid JSON');
  }
  if ((doc as { type?: unknown } | null)?.type !== 'doc') throw new ConfluenceError(400, 'atlas_doc_format body must be an ADF document ({"type":"doc",...})');
}

function byNumericId(a: { id: string }, b: { id: string }): number {
  return Number(a.id) - Number(b.id);
}
