import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const keys = {
  SESSION_SECRET: 'a'.repeat(64),
  AUDIT_KEY: 'b'.repeat(64),
  FIELD_KEY: '0123456789abcdef0123456789abcdef',
};

describe('configuration', () => {
  it('applies documented defaults', () => {
    const c = loadConfig({ ...keys });
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe('./data');
    expect(c.LOCKOUT_THRESHOLD).toBe(5);
    expect(c.SESSION_IDLE_MINUTES).toBe(30);
    expect(c.production).toBe(false);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SESSION_IDLE_MINUTES: '90',
        AUDIT_RETENTION_DAYS: '30',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'SESSION_IDLE_MINUTES', 'AUDIT_RETENTION_DAYS'])
        expect(msg).toContain(name);
      expect(msg).toMatch(/180 days/);
    }
  });

  it('refuses audit retention under 180 days (AUD-4)', () => {
    expect(() => loadConfig({ ...keys, AUDIT_RETENTION_DAYS: '179' })).toThrow(/AUDIT_RETENTION_DAYS/);
    expect(loadConfig({ ...keys, AUDIT_RETENTION_DAYS: '180' }).AUDIT_RETENTION_DAYS).toBe(180);
  });

  it('in production requires keys from outside the database and TLS to PostgreSQL (DAT-1)', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /SESSION_SECRET[\s\S]*AUDIT_KEY[\s\S]*FIELD_KEY/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', ...keys, DATABASE_URL: 'postgres://u@h/db' })).toThrow(
      /TLS/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', ...keys, DATABASE_URL: 'postgres://u@h/db?sslmode=verify-full' })
        .production,
    ).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'production', ...keys, DORMANT_ACCOUNT_DAYS: '0' })).toThrow(
      /DORMANT_ACCOUNT_DAYS/,
    );
  });

  it('reaches the provincial library over https in production, and never with credentials in its URL', () => {
    const db = 'postgres://u@h/db?sslmode=verify-full';
    const prod = { NODE_ENV: 'production', ...keys, DATABASE_URL: db };
    expect(() => loadConfig({ ...prod, PROVINCE_URL: 'http://library.example' })).toThrow(
      /PROVINCE_URL.*https/,
    );
    expect(loadConfig({ ...prod, PROVINCE_URL: 'https://library.example/' }).PROVINCE_URL).toBe(
      'https://library.example',
    );
    expect(loadConfig({ ...keys, PROVINCE_URL: 'http://127.0.0.1:9000' }).PROVINCE_URL).toBe(
      'http://127.0.0.1:9000',
    );
    expect(() => loadConfig({ ...keys, PROVINCE_URL: 'https://u:secret@library.example' })).toThrow(
      /PROVINCE_URL/,
    );
  });

  it('trusts no proxy, any proxy, a number of them, or the listed addresses and ranges', () => {
    expect(loadConfig(keys).TRUST_PROXY).toBe(false);
    expect(loadConfig({ ...keys, TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ ...keys, TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ ...keys, TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,fd00::/8' }).TRUST_PROXY).toEqual([
      '10.0.0.5',
      '192.168.0.0/16',
      'fd00::/8',
    ]);
    for (const bad of ['yes', '10.0.0.0/33', 'proxy.example', '10.0.0.5,', '1.2.3.4/8/1'])
      expect(() => loadConfig({ ...keys, TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  });

  it('posts chat robots only to the listed hosts', () => {
    expect(loadConfig(keys).WEBHOOK_ALLOWED_HOSTS).toEqual(['oapi.dingtalk.com', 'qyapi.weixin.qq.com']);
    expect(
      loadConfig({ ...keys, WEBHOOK_ALLOWED_HOSTS: ' DingTalk.example.gov.cn ,' }).WEBHOOK_ALLOWED_HOSTS,
    ).toEqual(['dingtalk.example.gov.cn']);
  });

  it('generates local keys once for development, outside the database', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'od-config-'));
    const a = loadConfig({ DATA_DIR: dir });
    const b = loadConfig({ DATA_DIR: dir });
    expect(a.secrets.auditKey.equals(b.secrets.auditKey)).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8'))).toHaveProperty('AUDIT_KEY');
  });
});
