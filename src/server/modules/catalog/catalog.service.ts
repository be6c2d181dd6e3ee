import type { ModuleDeps } from '../deps.ts';

/** The catalog module's decisions. */
export class CatalogService {
  constructor(private readonly deps: ModuleDeps) {}
}
