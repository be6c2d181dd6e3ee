#!/usr/bin/env node
// Runs the simulated provincial case library (src/simulator) through tsx, like bin/opendistrict.js.
import { register } from 'tsx/esm/api';

register();
await import('../src/simulator/cli.ts');
