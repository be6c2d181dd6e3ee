// `node bin/province-simulator.js --port 4100 --token <token> [--file data/province.jsonl]`: the
// simulated provincial case library as a process of its own (the token may come from PROVINCE_TOKEN).
import { parseArgs } from 'node:util';
import { startProvinceSimulator } from './province-library.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4100' },
    host: { type: 'string', default: '127.0.0.1' },
    token: { type: 'string' },
    file: { type: 'string' },
  },
});

const token = values.token ?? process.env.PROVINCE_TOKEN;
const port = Number(values.port);
if (!token || token.length < 16 || !Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(
    'usage: province-simulator --port 4100 --token <at least 16 characters> [--host 127.0.0.1] [--file copies.jsonl]\n' +
      '       (the token may also come from PROVINCE_TOKEN)',
  );
  process.exit(2);
}

const sim = await startProvinceSimulator({
  port,
  host: values.host,
  token,
  ...(values.file ? { file: values.file } : {}),
});
console.log(
  `provincial case library simulator 省办件库模拟 listening at ${sim.url} (${sim.count()} copies${values.file ? `, journal ${values.file}` : ''})`,
);
console.log(`point the platform at it: PROVINCE_URL=${sim.url} PROVINCE_TOKEN=<the token>`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void sim.close().then(() => process.exit(0));
  });
