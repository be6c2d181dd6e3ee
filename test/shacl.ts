import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import rdf from '@zazuko/env-node';
import { Parser, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

// The official DCAT-AP 3.0.1 shapes, copied from ../shared/standards/dcat-ap-3.0.1 (see the README there).
const SHAPES_DIR = path.resolve(import.meta.dirname, 'fixtures/dcat-ap-3.0.1');
const SHAPE_FILES = ['dcat-ap-SHACL.ttl', 'ranges.ttl'];

export function parseTurtle(text: string): Quad[] {
  return new Parser({ format: 'text/turtle' }).parse(text);
}

export async function parseJsonld(text: string): Promise<Quad[]> {
  const stream = rdf.formats.parsers.import('application/ld+json', Readable.from([text]));
  if (!stream) throw new Error('no JSON-LD parser');
  const dataset = await rdf.dataset().import(stream as never);
  return [...dataset] as unknown as Quad[];
}

let validator: SHACLValidator | undefined;

/** A validator with the DCAT-AP 3.0.1 shapes and their range shapes (loaded once). */
export function dcatApValidator(): SHACLValidator {
  if (!validator) {
    const shapes = rdf.dataset();
    for (const file of SHAPE_FILES)
      shapes.addAll(parseTurtle(readFileSync(path.join(SHAPES_DIR, file), 'utf8')) as never);
    validator = new SHACLValidator(shapes, { factory: rdf });
  }
  return validator;
}

/** The graph's violations of the DCAT-AP shapes, one readable line each; none when it conforms. */
export async function dcatApViolations(quads: Quad[]): Promise<string[]> {
  const report = await dcatApValidator().validate(rdf.dataset(quads as never));
  if (report.conforms) return [];
  const lines = report.results.map(
    (r) => `${r.focusNode?.value} ${r.path?.value}: ${r.message.map((m) => m.value).join('; ')}`,
  );
  return lines.length > 0 ? lines : ['does not conform (no results reported)'];
}
