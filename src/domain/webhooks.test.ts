import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dingtalkSign,
  robotError,
  webhookDisplayUrl,
  webhookMarkdown,
  webhookPayload,
  webhookTakes,
  webhookTarget,
  webhookUrlProblems,
  WEBHOOK_KEYWORD,
} from './webhooks.ts';

const HOSTS = ['oapi.dingtalk.com', 'qyapi.weixin.qq.com'];
const notice = {
  kind: 'guides.inspection',
  title: '办事指南检查：本部门 3 个事项发现 2 个问题',
  body: '主要问题：缺少收费依据 2 处。',
  link: '/guides/inspection?department=d1',
};

describe('chat-robot webhooks', () => {
  it("signs as DingTalk's documentation does (value computed independently with Python's hmac)", () => {
    expect(dingtalkSign('SECabc123', 1_700_000_000_000)).toBe('N5P09a4+p1AMJIJWnIvQd2Yxw9+fu/oEBnPrjCcsLXk=');
    const target = webhookTarget(
      'dingtalk',
      'https://oapi.dingtalk.com/robot/send?access_token=t0k',
      'SECabc123',
      1_700_000_000_000,
    );
    expect(target).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=t0k&timestamp=1700000000000' +
        '&sign=N5P09a4%2Bp1AMJIJWnIvQd2Yxw9%2Bfu%2FoEBnPrjCcsLXk%3D',
    );
    // Unsigned robots and WeCom robots are posted to as configured.
    expect(webhookTarget('dingtalk', 'https://x.example/r?a=1', null, 1)).toBe('https://x.example/r?a=1');
    expect(webhookTarget('wecom', 'https://x.example/r?key=k', 'SEC', 1)).toBe('https://x.example/r?key=k');
  });

  it('builds the markdown message each robot expects, naming the platform and linking back', () => {
    const ding = webhookPayload('dingtalk', notice, 'https://od.example.gov.cn') as {
      msgtype: string;
      markdown: { title: string; text: string };
    };
    expect(ding.msgtype).toBe('markdown');
    expect(ding.markdown.title).toBe(notice.title);
    expect(ding.markdown.text).toContain(`#### ${notice.title}`);
    expect(ding.markdown.text).toContain(notice.body);
    expect(ding.markdown.text).toContain('(https://od.example.gov.cn/guides/inspection?department=d1)');
    expect(ding.markdown.text).toContain(WEBHOOK_KEYWORD);
    const wecom = webhookPayload('wecom', notice, null) as { markdown: { content: string } };
    expect(wecom.markdown.content).toBe(webhookMarkdown(notice, null));
    // Without a public address the path is given as text, not as a broken link.
    expect(wecom.markdown.content).toContain('/guides/inspection?department=d1');
    expect(wecom.markdown.content).not.toContain('](');
  });

  it('keeps names typed by people inert (no link, image or HTML) and keeps a public address prefix', () => {
    const text = webhookMarkdown(
      {
        kind: 'dataset.changed',
        title: '数据资源「![x](http://t/p.png)」',
        body: '[点我](http://evil) <b>x</b>',
        link: '/catalog/1',
      },
      'https://gov.example/od/',
    );
    expect(text).not.toMatch(/!\[|\]\(http:\/\/evil|<b>/);
    expect(text).toContain('［点我］(http://evil)');
    expect(text).toContain('(https://gov.example/od/catalog/1)');
  });

  it('delivers only on errcode 0 and records codes, never messages', () => {
    expect(robotError(200, { errcode: 0, errmsg: 'ok' })).toBeNull();
    expect(robotError(200, { errcode: 310000, errmsg: 'sign not match, more: [...]' })).toBe(
      'errcode 310000',
    );
    expect(robotError(200, 'hello')).toBe('not a robot answer');
    expect(robotError(502, null)).toBe('HTTP 502');
  });

  it('takes every kind without a list, exact kinds, and families ending in a dot', () => {
    expect(webhookTakes([], 'anything.at_all')).toBe(true);
    expect(webhookTakes(['guides.inspection'], 'guides.inspection')).toBe(true);
    expect(webhookTakes(['guides.inspection'], 'guides.inspection.extra')).toBe(false);
    expect(webhookTakes(['cases.'], 'cases.flag.rejected')).toBe(true);
    expect(webhookTakes(['cases.'], 'census.round')).toBe(false);
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,4}(\.[a-z]{1,4})?\.?$/), { minLength: 1 }),
        fc.stringMatching(/^[a-z]{1,4}(\.[a-z]{1,4}){0,2}$/),
        (kinds, kind) => {
          // Adding a kind to a list never takes a notice away (the empty list is 'all'); a list with the kind itself always takes it.
          if (webhookTakes(kinds, kind)) expect(webhookTakes([...kinds, 'x.'], kind)).toBe(true);
          expect(webhookTakes([...kinds, kind], kind)).toBe(true);
        },
      ),
    );
  });

  it('accepts web addresses on the allowed hosts, https only in production, and no credentials', () => {
    // The internal network, the metadata address and look-alike hosts are refused.
    for (const url of [
      'http://127.0.0.1:5432/',
      'http://169.254.169.254/latest/meta-data',
      'https://oapi.dingtalk.com.evil.example/robot/send',
      'http://[::1]/x',
    ])
      expect(webhookUrlProblems(url, false, HOSTS), url).toContain('hostNotAllowed');
    expect(webhookUrlProblems('https://OAPI.DingTalk.com/robot/send', true, HOSTS)).toEqual([]);
    expect(webhookUrlProblems('https://oapi.dingtalk.com/robot/send?access_token=x', true, HOSTS)).toEqual(
      [],
    );
    expect(webhookUrlProblems('http://10.0.0.5:8080/hook', false, [...HOSTS, '10.0.0.5'])).toEqual([]);
    expect(webhookUrlProblems('http://10.0.0.5:8080/hook', true, [...HOSTS, '10.0.0.5'])).toEqual([
      'httpsOnly',
    ]);
    expect(webhookUrlProblems('ftp://x/y', false, HOSTS)).toEqual(['notAUrl']);
    expect(webhookUrlProblems('not a url', false, HOSTS)).toEqual(['notAUrl']);
    expect(webhookUrlProblems('https://u:p@oapi.dingtalk.com/h', false, HOSTS)).toEqual(['credentials']);
  });

  it('shows an address without its token', () => {
    expect(webhookDisplayUrl('https://oapi.dingtalk.com/robot/send?access_token=secret-token')).toBe(
      'https://oapi.dingtalk.com/robot/send?…',
    );
    expect(webhookDisplayUrl('https://hooks.example/abc')).toBe('https://hooks.example/abc');
  });
});
