import { parseStorage, type StorageNode } from '../../../workbench/forge/confluence/storage-format';

/** The element structure of a storage-format body: names only, text left out, for snapshots and structure checks. */
export function outline(nodes: StorageNode[], depth = 0): string[] {
  return nodes.flatMap((node) =>
    node.kind === 'element' ? [`${'  '.repeat(depth)}${node.name}`, ...outline(node.children, depth + 1)] : [],
  );
}

export function elementNames(nodes: StorageNode[]): string[] {
  return nodes.flatMap((node) => (node.kind === 'element' ? [node.name, ...elementNames(node.children)] : []));
}

export function allText(nodes: StorageNode[]): string {
  return nodes.map((node) => (node.kind === 'element' ? allText(node.children) : node.text)).join('');
}

export function parse(storage: string): StorageNode[] {
  return parseStorage(storage);
}
