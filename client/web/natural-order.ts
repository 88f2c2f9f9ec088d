/**
 * Lists of units and clusters in the order a person reads them: by name, numbers as numbers ("khu vực 2" before
 * "khu vực 10"), Vietnamese letters where Vietnamese puts them.
 */
const COLLATOR = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

export function byName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => COLLATOR.compare(a.name, b.name));
}
