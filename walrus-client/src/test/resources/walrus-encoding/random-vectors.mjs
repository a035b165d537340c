#!/usr/bin/env node
// Random-input vectors from the official Walrus RS2 encoder (@mysten/walrus-wasm, walrus-core compiled to
// WebAssembly), for many blob lengths (0 B to 64 MiB) at the shard counts 4, 7, 10, 100, 301 and 1000.
//
// Run from a folder where the walrus-encoding oracle's `npm ci` was done (or set WALRUS_ORACLE_DIR to it):
//   tmp=$(mktemp -d) && cp -r ../shared/oracles/walrus-encoding/. "$tmp" && (cd "$tmp" && npm ci --no-audit --no-fund)
//   WALRUS_ORACLE_DIR="$tmp" node random-vectors.mjs > random-vectors.json
// It takes a few minutes (the 64 MiB cases at n = 1000 take about 20 s each).
//
// Inputs are not stored; they are regenerated from (seed, length) with SHA-256 in counter mode:
//   block_i = SHA-256( u64_le(seed) || u64_le(i) ),  i = 0, 1, 2, ...
//   input   = the first `length` bytes of block_0 || block_1 || ...
// The Java tests (RandomVectorsTest) rebuild every input the same way and check input_sha256 first.
//
// For each case the file records what pins every sliver: the symbol size, blob ID, root hash, the SHA-256 of
// the metadata BCS (hence of every sliver-pair hash), of all primary slivers' BCS concatenated in sliver order
// and of all secondary slivers' BCS concatenated in pair order (secondary sliver n-1-i for pair i), as
// blobid.mjs computes them; and whether the oracle's own decoder gets the input back from the last n - 2f
// primary slivers.
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
const pkgVersion = (name) => JSON.parse(readFileSync(join(pkgDir(name), 'package.json'), 'utf8')).version;
const imp = (path) => import(pathToFileURL(path).href);
const walrusDist = join(pkgDir('@mysten/walrus'), 'dist');
const { getWasmBindings } = await imp(join(walrusDist, 'wasm.mjs'));
const sdkUtils = await imp(join(walrusDist, 'utils', 'index.mjs'));
const sdkBcs = await imp(join(walrusDist, 'utils', 'bcs.mjs'));
const bindings = await getWasmBindings();

const MIB = 1 << 20;
const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const catSha256 = (arr) => {
	const h = createHash('sha256');
	for (const b of arr) h.update(b);
	return h.digest('hex');
};

/** The PRNG described above. */
function randomInput(seed, length) {
	const out = new Uint8Array(length);
	const msg = Buffer.alloc(16);
	msg.writeBigUInt64LE(BigInt(seed), 0);
	for (let i = 0, off = 0; off < length; i++, off += 32) {
		msg.writeBigUInt64LE(BigInt(i), 8);
		const block = createHash('sha256').update(msg).digest();
		out.set(block.subarray(0, Math.min(32, length - off)), off);
	}
	return out;
}

/**
 * Lengths for n shards: empty, one byte, both sides of the symbol-size steps from 2 to 4 bytes and from 64
 * to 66 bytes (a symbol of 64 bytes is one whole low/high block of reed-solomon-simd's layout), some others,
 * and the largest blob n allows (or 64 MiB where n allows more).
 */
function lengthsFor(n, extra) {
	const f = Math.floor((n - 1) / 3);
	const symbols = (n - 2 * f) * (n - f);
	const max = symbols * 65534;
	const lengths = [0, 1, 2 * symbols, 2 * symbols + 1, 64 * symbols, 64 * symbols + 1, ...extra];
	if (max <= 64 * MIB) lengths.push(max - 1, max);
	return [...new Set(lengths.filter((l) => l <= Math.min(max, 64 * MIB)))].sort((a, b) => a - b);
}

const plan = [
	[4, [1000, 65535]],
	[7, [100003]],
	[10, [1000000]],
	[100, [MIB + 7, 10 * MIB, 64 * MIB]],
	[301, [5 * MIB + 3, 40 * MIB + 1]],
	[1000, [32 * MIB, 64 * MIB]],
];

const results = [];
for (const [n, extra] of plan) {
	for (const length of lengthsFor(n, extra)) {
		const seed = n * 1000 + results.filter((r) => r.n_shards === n).length;
		const data = randomInput(seed, length);
		const meta = bindings.computeMetadata(n, data);
		const enc = bindings.encodeBlob(n, data);
		if (enc.blobId !== meta.blobId) throw new Error(`encode and compute_metadata disagree at n=${n}, ${length} B`);
		const { primarySymbols } = sdkUtils.getSourceSymbols(n);
		const decoded = bindings.decodePrimarySlivers(enc.blobId, n, length, enc.primarySlivers.slice(n - primarySymbols));
		const metadataBcs = sdkBcs.BlobMetadata.serialize(enc.metadata).toBytes();
		results.push({
			n_shards: n,
			input_len: length,
			seed,
			input_sha256: sha256(data),
			symbol_size: sdkUtils.getSizes(length, n).symbolSize,
			blob_id: meta.blobId,
			root_hash_hex: Buffer.from(meta.rootHash).toString('hex'),
			metadata_bcs_sha256: sha256(metadataBcs),
			all_primary_bcs_sha256: catSha256(enc.primarySlivers),
			all_secondary_bcs_sha256: catSha256(enc.secondarySlivers),
			decode_ok: Buffer.compare(Buffer.from(decoded), Buffer.from(data)) === 0,
		});
		process.stderr.write(`n=${n} ${length} B done\n`);
	}
}
process.stdout.write(
	JSON.stringify(
		{
			generator: 'random-vectors.mjs (this folder) with the official walrus-core RS2 encoder, @mysten/walrus-wasm',
			walrus_wasm: pkgVersion('@mysten/walrus-wasm'),
			walrus_sdk: pkgVersion('@mysten/walrus'),
			input: 'the first input_len bytes of SHA-256(u64_le(seed) || u64_le(0)) || SHA-256(u64_le(seed) || u64_le(1)) || ...',
			results,
		},
		null,
		1,
	) + '\n',
);
