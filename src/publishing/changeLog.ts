import { ensurePage, findPageByTitle, getPage, updatePage, type PageRef, type SpaceRef } from '../confluence/pages';
import {
  ARCHIVE_MAX_CHARS,
  ARCHIVE_MAX_ENTRIES,
  CHANGE_LOG_MAX_CHARS,
  CHANGE_LOG_MAX_ENTRIES,
  CHANGE_LOG_TITLE,
  CHANGE_LOG_TRIM_TO,
  archiveIntroduction,
  archiveTitle,
  changeLogIntroduction,
  entryYear,
  insertEntries,
  overflowEntries,
  parseChangeLog,
  removeEntries,
  renderChangeLogEntry,
  type ChangeLogEntryInput,
  type LogEntry,
} from '../domain/changeLog/changeLogEntry';
import { ensureReportsParent, requireSpace } from './reportPages';

/** Writers racing on one page re-read and re-apply their insertion after each 409; this many times before the queue retries. */
const MAX_UPDATE_ATTEMPTS = 10;

export interface ChangeLogWrite {
  pageId: string;
  /** False when every entry was already on the page (a redelivered event). */
  inserted: boolean;
  /** Entries moved to the archive by this write. */
  archived: number;
}

/**
 * Adds change-log entries to the space's "Integration change log" page (created when missing). The insertion is a
 * function of the page as it is: on a 409 (another writer saved first) updatePage re-reads the page and inserts
 * again, so racing events both land, and an entry already there (same change id) is not added twice.
 */
export async function writeChangeLogEntries(spaceKey: string, inputs: readonly ChangeLogEntryInput[]): Promise<ChangeLogWrite> {
  const space = await requireSpace(spaceKey);
  const page = await ensureChangeLogPage(space);
  const entries = inputs.map(renderChangeLogEntry);
  const described = inputs.map((input) => `${input.row.action} ${input.row.target.name}`).join('; ');
  const result = await updatePage(
    'app',
    page.id,
    (current) => {
      const next = insertEntries(current.storage, entries, changeLogIntroduction());
      return next === null ? null : { storage: next, message: `Change log: ${described}` };
    },
    { maxAttempts: MAX_UPDATE_ATTEMPTS },
  );
  const archived = await archiveOverflow(space, page.id);
  return { pageId: page.id, inserted: result.changed, archived };
}

async function ensureChangeLogPage(space: SpaceRef): Promise<PageRef> {
  const parent = await ensureReportsParent(space);
  const { page } = await ensurePage('app', { spaceId: space.id, title: CHANGE_LOG_TITLE, parentId: parent.id, storage: changeLogIntroduction() });
  return page;
}

const LIMITS = { maxEntries: CHANGE_LOG_MAX_ENTRIES, trimTo: CHANGE_LOG_TRIM_TO, maxChars: CHANGE_LOG_MAX_CHARS };
const ARCHIVE_LIMITS = { maxEntries: ARCHIVE_MAX_ENTRIES, maxChars: ARCHIVE_MAX_CHARS };

/**
 * Moves the oldest entries of an overflowing change log to "Integration change log archive <year>" pages below it.
 * Copy first, then remove: a run cut short leaves an entry in both places (the next run finishes the move), never
 * in neither. Archive pages are de-duplicated by marker as well.
 */
export async function archiveOverflow(space: SpaceRef, changeLogPageId: string): Promise<number> {
  const overflow = overflowEntries((await getPage('app', changeLogPageId)).storage, LIMITS);
  if (overflow.length === 0) return 0;
  const byYear = new Map<number, LogEntry[]>();
  for (const entry of overflow) byYear.set(entryYear(entry.marker), [...(byYear.get(entryYear(entry.marker)) ?? []), entry]);
  for (const [year, entries] of byYear) await copyToArchive(space, changeLogPageId, year, entries);
  const moved = new Set(overflow.map((entry) => entry.marker.digest));
  await updatePage(
    'app',
    changeLogPageId,
    (current) => {
      const next = removeEntries(current.storage, moved);
      return next === null ? null : { storage: next, message: `Moved ${moved.size} older entries to the archive` };
    },
    { maxAttempts: MAX_UPDATE_ATTEMPTS },
  );
  return overflow.length;
}

async function copyToArchive(space: SpaceRef, changeLogPageId: string, year: number, entries: LogEntry[]): Promise<void> {
  let pending = entries;
  for (let part = 1; pending.length > 0; part += 1) {
    const title = archiveTitle(year, part);
    const existing = await findPageByTitle('app', space.id, title);
    const page = existing ?? (await ensurePage('app', { spaceId: space.id, title, parentId: changeLogPageId, storage: archiveIntroduction(year) })).page;
    const current = parseChangeLog((await getPage('app', page.id)).storage);
    const here = new Set(current.entries.map((entry) => entry.marker.digest));
    pending = pending.filter((entry) => !here.has(entry.marker.digest));
    if (pending.length === 0) return;
    const size = current.entries.reduce((total, entry) => total + entry.storage.length, 0);
    const room = Math.max(0, ARCHIVE_LIMITS.maxEntries - current.entries.length);
    let fits = 0;
    for (let total = size; fits < Math.min(room, pending.length); fits += 1) {
      total += pending[fits]?.storage.length ?? 0;
      if (total > ARCHIVE_LIMITS.maxChars && (fits > 0 || current.entries.length > 0)) break;
    }
    if (fits === 0) continue;
    const batch = pending.slice(0, fits);
    await updatePage(
      'app',
      page.id,
      (latest) => {
        const next = insertEntries(latest.storage, batch, archiveIntroduction(year));
        return next === null ? null : { storage: next, message: `Archived ${batch.length} change-log entries` };
      },
      { maxAttempts: MAX_UPDATE_ATTEMPTS },
    );
    pending = pending.slice(fits);
  }
}
