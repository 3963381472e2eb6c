/**
 * The demo's disposable database (demo/server/plugin.ts): on a fresh checkout its folder does
 * not exist yet, and when the demo data changes it starts afresh.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { freshForData } from '../../demo/server/plugin.js';
import { makeDataDir, removeDir } from './helpers.js';

const dirs: string[] = [];
after(() => Promise.all(dirs.map(removeDir)));

test('a fresh checkout: the data folder is created and the seed recorded', async () => {
  const root = await makeDataDir([{ pid: 'A-1', name: 'A', identity: 'a' }]);
  dirs.push(root);
  const db = join(root, '.persona-data', 'db');
  const logged: string[] = [];
  freshForData(db, join(root, 'personas.json'), (message) => logged.push(message));
  assert.ok(existsSync(`${db}.seeded-from`));
  assert.deepEqual(logged, []);
});

test('the demo data changed since the database was seeded: the database starts afresh', async () => {
  const root = await makeDataDir([{ pid: 'A-1', name: 'A', identity: 'a' }]);
  dirs.push(root);
  const db = join(root, '.persona-data', 'db');
  const data = join(root, 'personas.json');
  const log = () => {};
  freshForData(db, data, log);
  mkdirSync(db, { recursive: true });
  writeFileSync(join(db, 'table'), 'rows');
  // Same data: the database stays.
  freshForData(db, data, log);
  assert.ok(existsSync(join(db, 'table')));
  // New data: it goes, and the new seed is recorded.
  const before = readFileSync(`${db}.seeded-from`, 'utf8');
  writeFileSync(data, JSON.stringify([{ pid: 'B-1', name: 'B', identity: 'b' }]));
  const logged: string[] = [];
  freshForData(db, data, (message) => logged.push(message));
  assert.ok(!existsSync(db));
  assert.notEqual(readFileSync(`${db}.seeded-from`, 'utf8'), before);
  assert.equal(logged.length, 1);
});
