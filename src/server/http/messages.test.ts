import { describe, expect, it } from 'vitest';
import { RESIDENT_ID_PROBLEMS, USCC_PROBLEMS } from '../../domain/identifiers.ts';
import { idProblemMessage, isMessageKey, translate } from './messages.ts';

describe('identifier messages', () => {
  it('say every problem of a resident ID and a credit code in both languages', () => {
    const pairs = [
      ...RESIDENT_ID_PROBLEMS.map((p) => ['resident', p] as const),
      ...USCC_PROBLEMS.map((p) => ['uscc', p] as const),
    ];
    for (const [kind, problem] of pairs) {
      const key = idProblemMessage(kind, problem);
      expect(isMessageKey(key), key).toBe(true);
      expect(translate(key, 'zh-CN', { got: 17, value: 'I', birth: '2030-01-01' })).toMatch(
        /[\u4e00-\u9fff]/,
      );
      expect(translate(key, 'en', { got: 17, value: 'I', birth: '2030-01-01' })).not.toMatch(
        /[\u4e00-\u9fff]/,
      );
    }
  });
});
