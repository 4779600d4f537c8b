/**
 * Which solutions a Confluence space shows. Today the backend's own `spaceKey` decides; space keys compare
 * case-insensitively, as Confluence treats them.
 */
export function solutionsForSpace<S extends { spaceKey: string | null }>(solutions: readonly S[], spaceKey: string | null): S[] {
  if (!spaceKey) return [];
  const wanted = spaceKey.toUpperCase();
  return solutions.filter((solution) => solution.spaceKey?.toUpperCase() === wanted);
}
