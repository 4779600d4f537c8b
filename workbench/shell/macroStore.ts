/**
 * The macro instances on the workbench page (localId -> config), persisted as one JSON file under dataDir so
 * configs saved through a config panel survive restarts, as they would in the Confluence page's storage format.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type MacroConfigValue = Record<string, unknown>;

export interface MacroInstance {
  localId: string;
  moduleKey: string;
  /** undefined until a config panel submitted one: what a freshly inserted macro has. */
  config?: MacroConfigValue;
  createdAt: string;
  updatedAt: string;
}

interface StoreFile {
  version: 1;
  instances: MacroInstance[];
}

/** The instance every macro module has on the page, so /module/<key> always shows something. */
export function defaultLocalId(moduleKey: string): string {
  return `default-${moduleKey}`;
}

/**
 * Forge stores a macro config as JSON; Confluence refuses anything but a plain object
 * ("Invalid config provided. Expected object"). Returns the reason a value is refused, or null.
 */
export function invalidConfigReason(config: unknown): string | null {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    return 'Invalid "config" provided. Expected object';
  }
  const seen = new Set<unknown>();
  const check = (value: unknown, at: string): string | null => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
    if (typeof value === 'number') return Number.isFinite(value) ? null : `config${at} is not a finite number`;
    if (typeof value !== 'object') return `config${at} is a ${typeof value}, which is not JSON`;
    if (seen.has(value)) return `config${at} is circular`;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) {
        const reason = check(item, `${at}[${index}]`);
        if (reason) return reason;
      }
      return null;
    }
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return `config${at} is not a plain object`;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const reason = check(item, `${at}.${key}`);
      if (reason) return reason;
    }
    return null;
  };
  return check(config, '');
}

export class MacroStore {
  private readonly file: string;
  private instances: MacroInstance[];

  constructor(dataDir: string, private readonly now: () => Date = () => new Date()) {
    this.file = path.join(dataDir, 'shell', 'macros.json');
    this.instances = this.load();
  }

  private load(): MacroInstance[] {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<StoreFile>;
      return Array.isArray(parsed.instances) ? parsed.instances.filter((i) => typeof i?.localId === 'string') : [];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new Error(`Cannot read the workbench macro instances in ${this.file}: ${(error as Error).message}`);
    }
  }

  private save(): void {
    const body: StoreFile = { version: 1, instances: this.instances };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    // Write-then-rename so a crash mid-write never leaves half a file.
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify(body, null, 2)}\n`);
    fs.renameSync(temp, this.file);
  }

  /** The module's instances, oldest first; the default instance is created on first use. */
  list(moduleKey: string): MacroInstance[] {
    if (!this.instances.some((instance) => instance.moduleKey === moduleKey)) {
      this.insert(moduleKey, defaultLocalId(moduleKey));
    }
    return this.instances.filter((instance) => instance.moduleKey === moduleKey);
  }

  get(localId: string): MacroInstance | undefined {
    return this.instances.find((instance) => instance.localId === localId);
  }

  /** The instance, creating the module's default one when that is what was asked for. */
  resolve(moduleKey: string, localId: string | null | undefined): MacroInstance | undefined {
    const id = localId || defaultLocalId(moduleKey);
    const found = this.get(id);
    if (found) return found.moduleKey === moduleKey ? found : undefined;
    return id === defaultLocalId(moduleKey) ? this.insert(moduleKey, id) : undefined;
  }

  /** Inserts a new macro on the page, as the editor's insert menu does. */
  insert(moduleKey: string, localId: string = randomUUID()): MacroInstance {
    const at = this.now().toISOString();
    const instance: MacroInstance = { localId, moduleKey, createdAt: at, updatedAt: at };
    this.instances.push(instance);
    this.save();
    return instance;
  }

  setConfig(localId: string, config: MacroConfigValue): MacroInstance {
    const instance = this.get(localId);
    if (!instance) throw new Error(`No macro instance with localId "${localId}"`);
    const reason = invalidConfigReason(config);
    if (reason) throw new Error(reason);
    instance.config = JSON.parse(JSON.stringify(config)) as MacroConfigValue;
    instance.updatedAt = this.now().toISOString();
    this.save();
    return instance;
  }

  remove(localId: string): boolean {
    const before = this.instances.length;
    this.instances = this.instances.filter((instance) => instance.localId !== localId);
    if (this.instances.length === before) return false;
    this.save();
    return true;
  }
}
