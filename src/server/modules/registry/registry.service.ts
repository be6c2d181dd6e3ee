import type { ModuleDeps } from '../deps.ts';

/** The registry module's decisions. */
export class RegistryService {
  constructor(private readonly deps: ModuleDeps) {}
}
