import fc from 'fast-check';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { graphWriter, pagingNode, publicBase, turtleString, type RdfNode } from './dcat.ts';

describe('DCAT serialisers', () => {
  it('escapes any text so that a Turtle parser reads it back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const [quad] = new Parser().parse(`<http://x/s> <http://x/p> ${turtleString(s)} .`);
        return quad!.object.value === s;
      }),
      { numRuns: 300 },
    );
  });

  it('writes JSON-LD node by node into one well-formed document', () => {
    const node = (i: number): RdfNode => ({
      id: `http://x/${i}`,
      types: ['dcat:Dataset'],
      props: [
        ['dct:title', [{ value: `标题"${i}"\n`, lang: 'zh' }]],
        ['dcat:keyword', []],
      ],
    });
    const w = graphWriter('jsonld');
    const text = w.start() + w.nodes([]) + w.nodes([node(1), node(2)]) + w.nodes([node(3)]) + w.end();
    const doc = JSON.parse(text) as {
      '@context': Record<string, string>;
      '@graph': Record<string, unknown>[];
    };
    expect(doc['@context'].dcat).toBe('http://www.w3.org/ns/dcat#');
    expect(doc['@graph'].map((n) => n['@id'])).toEqual(['http://x/1', 'http://x/2', 'http://x/3']);
    expect(doc['@graph'][0]).toEqual({
      '@id': 'http://x/1',
      '@type': 'dcat:Dataset',
      'dct:title': { '@value': '标题"1"\n', '@language': 'zh' },
    });
  });

  it('writes Turtle with the prefixes once, then node blocks', () => {
    const w = graphWriter('ttl');
    const text =
      w.start() +
      w.nodes([pagingNode({ page: 2, pageSize: 10, total: 25, pageUrl: (n) => `http://x/c.ttl?page=${n}` })]);
    const quads = new Parser().parse(text);
    const of = (p: string) =>
      quads.find((q) => q.predicate.value === `http://www.w3.org/ns/hydra/core#${p}`)?.object.value;
    expect(of('totalItems')).toBe('25');
    expect(of('lastPage')).toBe('http://x/c.ttl?page=3');
    expect(of('nextPage')).toBe('http://x/c.ttl?page=3');
    expect(of('previousPage')).toBe('http://x/c.ttl?page=1');
    expect(text.match(/@prefix dcat:/g)).toHaveLength(1);
  });

  it('builds IRIs only from a well-formed host', () => {
    expect(publicBase('https', 'data.example.gov.cn')).toBe('https://data.example.gov.cn');
    expect(publicBase('http', '127.0.0.1:3000')).toBe('http://127.0.0.1:3000');
    expect(publicBase('http', '[::1]:3000')).toBe('http://[::1]:3000');
    expect(publicBase('http', 'evil.com/> <x')).toBe('http://localhost');
    expect(publicBase('javascript', undefined)).toBe('http://localhost');
  });
});
