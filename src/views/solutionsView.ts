import { z } from 'zod';
import { datasets } from '../store/datasets';
import { readDataset, type SnapshotPointer } from '../store/snapshots';

export const solutionViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  spaceKey: z.string().nullable(),
  stages: z.array(z.string()),
  environments: z.number().int().nonnegative(),
});
export type SolutionView = z.infer<typeof solutionViewSchema>;

export async function readSolutions(pointer?: SnapshotPointer): Promise<SolutionView[]> {
  return (await readDataset(datasets.solutionsView, solutionViewSchema, pointer))?.items ?? [];
}
