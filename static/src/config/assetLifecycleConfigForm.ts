/** The asset-lifecycle config panel's form: seeding from a saved config, validation, and what is saved. Pure. */
import {
  ASSET_SORT_KEYS,
  ASSET_SOURCES,
  DEFAULT_ASSET_PAGE_SIZE,
  DEFAULT_EXPIRING_DAYS,
  DEFAULT_SORT_ORDER,
  MAX_ASSET_PAGE_SIZE,
  MAX_EXPIRING_DAYS,
  type AssetLifecycleConfig,
  type AssetSortKey,
  type AssetSortOrder,
  type AssetSource,
} from '../../../src/shared/assetLifecycleContract';

export const MIN_PAGE_SIZE = 10;

export interface AssetLifecycleConfigForm {
  title: string;
  sources: AssetSource[];
  approval: string | null;
  campaign: string | null;
  productLine: string | null;
  region: string | null;
  failedOnly: boolean;
  expiry: 'expired' | 'expiring' | null;
  /** As typed; empty means the default. */
  expiringDays: string;
  pageSize: string;
  sort: AssetSortKey;
  order: AssetSortOrder;
}

export interface AssetLifecycleConfigErrors {
  title?: string;
  expiringDays?: string;
  pageSize?: string;
}

export const EMPTY_ASSET_FORM: AssetLifecycleConfigForm = {
  title: '',
  sources: [],
  approval: null,
  campaign: null,
  productLine: null,
  region: null,
  failedOnly: false,
  expiry: null,
  expiringDays: '',
  pageSize: '',
  sort: 'name',
  order: 'ASC',
};

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const whole = (value: unknown): string => (typeof value === 'number' && Number.isInteger(value) ? String(value) : '');

/** The form's starting values from a saved config; anything malformed is dropped rather than trusted. */
export function formFromConfig(config: unknown): AssetLifecycleConfigForm {
  const saved = (typeof config === 'object' && config !== null ? config : {}) as Record<string, unknown>;
  const sort = ASSET_SORT_KEYS.includes(saved.sort as AssetSortKey) ? (saved.sort as AssetSortKey) : 'name';
  return {
    title: typeof saved.title === 'string' ? saved.title : '',
    sources: Array.isArray(saved.sources) ? ASSET_SOURCES.filter((source) => (saved.sources as unknown[]).includes(source)) : [],
    approval: text(saved.approval),
    campaign: text(saved.campaign),
    productLine: text(saved.productLine),
    region: text(saved.region),
    failedOnly: saved.failedOnly === true,
    expiry: saved.expiry === 'expired' || saved.expiry === 'expiring' ? saved.expiry : null,
    expiringDays: whole(saved.expiringDays),
    pageSize: whole(saved.pageSize),
    sort,
    order: saved.order === 'ASC' || saved.order === 'DESC' ? saved.order : DEFAULT_SORT_ORDER[sort],
  };
}

function parseWhole(value: string, min: number, max: number): number | null | 'invalid' {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  const number = Number(trimmed);
  return number >= min && number <= max ? number : 'invalid';
}

export function validateConfigForm(form: AssetLifecycleConfigForm): AssetLifecycleConfigErrors {
  const errors: AssetLifecycleConfigErrors = {};
  if (form.title.trim().length > 200) errors.title = 'Keep the title to 200 characters or fewer.';
  if (parseWhole(form.expiringDays, 1, MAX_EXPIRING_DAYS) === 'invalid') {
    errors.expiringDays = `Enter a whole number of days from 1 to ${MAX_EXPIRING_DAYS}, or leave it empty for ${DEFAULT_EXPIRING_DAYS}.`;
  }
  if (parseWhole(form.pageSize, MIN_PAGE_SIZE, MAX_ASSET_PAGE_SIZE) === 'invalid') {
    errors.pageSize = `Enter a whole number of rows from ${MIN_PAGE_SIZE} to ${MAX_ASSET_PAGE_SIZE}, or leave it empty for ${DEFAULT_ASSET_PAGE_SIZE}.`;
  }
  return errors;
}

export const hasErrors = (errors: AssetLifecycleConfigErrors) => Object.values(errors).some(Boolean);

/** What the macro stores: only what was chosen, so unset fields keep following the defaults. */
export function configFromForm(form: AssetLifecycleConfigForm): AssetLifecycleConfig {
  const expiringDays = parseWhole(form.expiringDays, 1, MAX_EXPIRING_DAYS);
  const pageSize = parseWhole(form.pageSize, MIN_PAGE_SIZE, MAX_ASSET_PAGE_SIZE);
  const title = form.title.trim();
  return {
    ...(title ? { title } : {}),
    ...(form.sources.length > 0 ? { sources: ASSET_SOURCES.filter((source) => form.sources.includes(source)) } : {}),
    ...(form.approval ? { approval: form.approval } : {}),
    ...(form.campaign ? { campaign: form.campaign } : {}),
    ...(form.productLine ? { productLine: form.productLine } : {}),
    ...(form.region ? { region: form.region } : {}),
    ...(form.failedOnly ? { failedOnly: true } : {}),
    ...(form.expiry ? { expiry: form.expiry } : {}),
    ...(typeof expiringDays === 'number' ? { expiringDays } : {}),
    ...(typeof pageSize === 'number' ? { pageSize } : {}),
    sort: form.sort,
    order: form.order,
  };
}

/** A picker's options: the values the summary saw, plus a saved value it no longer lists (so it stays visible). */
export function pickerValues(values: readonly string[], saved: string | null): string[] {
  return saved && !values.includes(saved) ? [saved, ...values] : [...values];
}
