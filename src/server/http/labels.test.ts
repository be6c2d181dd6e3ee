import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../domain/permissions.ts';
import { chinaTime, label } from './labels.ts';
import { casesLabels } from '../modules/cases/cases.labels.ts';
import { supervisionLabels } from '../modules/cases/supervision.labels.ts';
import { catalogLabels } from '../modules/catalog/catalog.labels.ts';
import { censusLabels } from '../modules/census/census.labels.ts';
import { mattersLabels } from '../modules/matters/matters.labels.ts';
import { registryLabels } from '../modules/registry/registry.labels.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('labels', () => {
  // The modules' code lists are merged into one table: a kind two modules both define would silently
  // give one module's codes the other's words (it happened: the registry's and the cases' flag status).
  it('no two modules define the same kind of code', () => {
    const seen = new Map<string, string>();
    const modules = {
      registryLabels,
      catalogLabels,
      censusLabels,
      mattersLabels,
      casesLabels,
      supervisionLabels,
    };
    for (const [name, m] of Object.entries(modules))
      for (const kind of Object.keys(m.codes)) {
        expect(seen.get(kind), `${kind} in ${name}`).toBeUndefined();
        seen.set(kind, name);
      }
  });

  // Audit actions are `module.verb`; other `action:` fields (a census item's) have no dot.
  it('names every audit action the server writes, in both languages', () => {
    const actions = new Set<string>();
    for (const file of sources(path.resolve(import.meta.dirname, '..'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(
        /action: (?:locked \? )?'([a-z_]+\.[a-z_.]+)'(?: : '([a-z_]+\.[a-z_.]+)')?/g,
      )) {
        actions.add(m[1]!);
        if (m[2]) actions.add(m[2]);
      }
    }
    expect(actions.size).toBeGreaterThan(20);
    for (const a of actions) {
      expect(label('auditAction', a, 'zh-CN'), a).not.toBe(a);
      expect(label('auditAction', a, 'en'), a).not.toBe(a);
    }
  });

  it('names every role', () => {
    for (const r of ROLES) expect(label('role', r, 'zh-CN')).not.toBe(r);
  });

  it('shows Beijing time', () => {
    expect(chinaTime(new Date('2026-11-26T22:22:05.021Z'))).toBe('2026-11-27 06:22:05');
  });
});
