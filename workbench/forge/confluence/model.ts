/** The emulated Confluence's records and the errors its operations raise. */
export type BodyRepresentation = 'storage' | 'atlas_doc_format';

export interface PageBody {
  representation: BodyRepresentation;
  value: string;
}

export interface Space {
  id: string;
  key: string;
  name: string;
  type: 'global';
  status: 'current';
  /** The workbench's simple permission model: anonymous users cannot write in a restricted space. */
  restricted: boolean;
  /** Signed-in users who may read but not add or edit pages here (a space permission an admin withheld). */
  viewOnlyAccountIds?: string[];
  homepageId: string | null;
  authorId: string;
  createdAt: string;
  description: string;
}

export interface VersionInfo {
  number: number;
  message: string;
  minorEdit: boolean;
  authorId: string;
  createdAt: string;
}

export interface Label {
  id: string;
  prefix: string;
  name: string;
}

export interface Page {
  id: string;
  spaceId: string;
  status: 'current' | 'draft' | 'trashed';
  title: string;
  parentId: string | null;
  authorId: string;
  createdAt: string;
  version: VersionInfo;
  body: PageBody;
  labels: Label[];
}

/** A page as it was at one version, kept for history. */
export interface PageVersion extends VersionInfo {
  pageId: string;
  title: string;
  body: PageBody;
}

/** Who is calling: the app (asApp) or a user (asUser, null when anonymous). */
export interface Actor {
  accountId: string | null;
  isApp: boolean;
}

export class ConfluenceError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
