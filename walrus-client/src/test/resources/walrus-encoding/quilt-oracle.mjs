#!/usr/bin/env node
// Quilt oracle: builds QuiltV1 quilts with the official TypeScript SDK (@mysten/walrus encodeQuilt,
// dist/utils/quilts.mjs) and derives each quilt's blob ID with the official RS2 encoder
// (@mysten/walrus-wasm BlobEncoder.compute_metadata). Run from a folder where the walrus-encoding
// oracle's `npm ci` was done (or set WALRUS_ORACLE_DIR to it):
//   node quilt-oracle.mjs > quilt-oracle.json
// Patch contents are generated, not stored: byte i of a patch with seed s and length L is
// (i * 31 + s) % 251.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const baseDir = process.env.WALRUS_ORACLE_DIR ?? dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(baseDir, 'noop.js'));
function pkgDir(name) {
	let d = dirname(require.resolve(name));
	while (!existsSync(join(d, 'package.json')) || JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')).name !== name) {
		const up = dirname(d);
		if (up === d) throw new Error(`cannot locate ${name}`);
		d = up;
	}
	return d;
}
const imp = (path) => import(pathToFileURL(path).href);
const walrusDist = join(pkgDir('@mysten/walrus'), 'dist');
const { getWasmBindings } = await imp(join(walrusDist, 'wasm.mjs'));
const { encodeQuilt, encodeQuiltPatchId } = await imp(join(walrusDist, 'utils', 'quilts.mjs'));
const bindings = await getWasmBindings();

const gen = (len, seed) => {
	const b = new Uint8Array(len);
	for (let i = 0; i < len; i++) b[i] = (i * 31 + seed) % 251;
	return b;
};

const cases = [
	{ name: 'one_small_patch_n10', shards: 10, patches: [{ identifier: 'a.txt', length: 12, seed: 1 }] },
	{
		name: 'two_patches_with_tags_n10',
		shards: 10,
		patches: [
			{ identifier: 'walrus.jpg', length: 300, seed: 2, tags: { 'content-type': 'image/jpeg' } },
			{ identifier: 'another_walrus.jpg', length: 1000, seed: 3, tags: { zeta: '1', b: '2', aa: '3' } },
		],
	},
	{
		name: 'six_patches_fill_n10',
		shards: 10,
		patches: [
			{ identifier: 'f', length: 5000, seed: 4 },
			{ identifier: 'e', length: 1, seed: 5 },
			{ identifier: 'd', length: 0, seed: 6 },
			{ identifier: 'c', length: 777, seed: 7, tags: { k: 'v' } },
			{ identifier: 'b', length: 20000, seed: 8 },
			{ identifier: 'a', length: 64, seed: 9 },
		],
	},
	{
		name: 'three_patches_n1000',
		shards: 1000,
		patches: [
			{ identifier: 'contract-v2', length: 100000, seed: 10, tags: { creator: 'walrus', version: '1.0' } },
			{ identifier: 'logo-2024', length: 2500, seed: 11 },
			{ identifier: '_test', length: 17, seed: 12 },
		],
	},
	{
		name: 'many_patches_n100',
		shards: 100,
		patches: Array.from({ length: 40 }, (_, i) => ({
			identifier: `file-${String(i).padStart(3, '0')}.bin`,
			length: (i * 997) % 3000,
			seed: 100 + i,
			tags: i % 3 === 0 ? { index: String(i) } : undefined,
		})),
	},
];

const out = { oracle: '@mysten/walrus encodeQuilt + @mysten/walrus-wasm BlobEncoder.compute_metadata', cases: [] };
for (const c of cases) {
	const blobs = c.patches.map((p) => ({ identifier: p.identifier, contents: gen(p.length, p.seed), tags: p.tags }));
	const { quilt, index } = encodeQuilt({ blobs, numShards: c.shards, encodingType: 'RS2' });
	const meta = bindings.computeMetadata(c.shards, quilt);
	out.cases.push({
		name: c.name,
		shards: c.shards,
		patches: c.patches,
		quiltLength: quilt.length,
		quiltSha256: createHash('sha256').update(quilt).digest('hex'),
		quiltId: meta.blobId,
		index: index.patches.map((p) => ({
			identifier: p.identifier,
			startIndex: p.startIndex,
			endIndex: p.endIndex,
			patchId: encodeQuiltPatchId({
				quiltId: meta.blobId,
				patchId: { version: 1, startIndex: p.startIndex, endIndex: p.endIndex },
			}),
		})),
	});
}
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
