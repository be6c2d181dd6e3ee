import type { ModuleDeps } from '../deps.ts';

/** Service matters (事项), their guides (办事指南) and guide inspection. */
export class MattersService {
  constructor(private readonly deps: ModuleDeps) {}
}
