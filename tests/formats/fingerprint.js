#!/usr/bin/env node
// An independent implementation of GitHub's primaryLocationLineHash (the
// hash() function of github/codeql-action src/fingerprints.ts), written from
// that file to cross-check the C port in src/scopecheck/report/sarif.c.
// 64-bit arithmetic with BigInt (the action uses the "long" package).
//
//   node fingerprint.js FILE...     prints "FILE:LINE HASH" for every line
//   node fingerprint.js --self-test checks the published test vectors
//                                   (codeql-action src/fingerprints.test.ts)
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const BLOCK_SIZE = 100;
const MOD = 37n;
const MASK = (1n << 64n) - 1n;
const EOF = 65535;

async function hash(callback, filepath) {
  let firstMod = 1n;
  for (let i = 0; i < BLOCK_SIZE; i++) firstMod = (firstMod * MOD) & MASK;
  const window = Array(BLOCK_SIZE).fill(0);
  const lineNumbers = Array(BLOCK_SIZE).fill(-1);
  let hashRaw = 0n;
  let index = 0;
  let lineNumber = 0;
  let lineStart = true;
  let prevCR = false;
  const hashCounts = {};

  const outputHash = () => {
    const hashValue = hashRaw.toString(16);
    hashCounts[hashValue] = (hashCounts[hashValue] || 0) + 1;
    callback(lineNumbers[index], `${hashValue}:${hashCounts[hashValue]}`);
    lineNumbers[index] = -1;
  };
  const updateHash = (current) => {
    const begin = window[index];
    window[index] = current;
    hashRaw = (MOD * hashRaw + BigInt(current) - firstMod * BigInt(begin)) & MASK;
    index = (index + 1) % BLOCK_SIZE;
  };
  const processCharacter = (current) => {
    if (current === 32 || current === 9 || (prevCR && current === 10)) {
      prevCR = false;
      return;
    }
    if (current === 13) {
      current = 10;
      prevCR = true;
    } else {
      prevCR = false;
    }
    if (lineNumbers[index] !== -1) outputHash();
    if (lineStart) {
      lineStart = false;
      lineNumber++;
      lineNumbers[index] = lineNumber;
    }
    if (current === 10) lineStart = true;
    updateHash(current);
  };

  // read as the action does: a UTF-8 text stream, UTF-16 code units
  for await (const data of fs.createReadStream(filepath, "utf8")) {
    for (let i = 0; i < data.length; ++i) processCharacter(data.charCodeAt(i));
  }
  processCharacter(EOF);
  for (let i = 0; i < BLOCK_SIZE; i++) {
    if (lineNumbers[index] !== -1) outputHash();
    updateHash(0);
  }
}

const VECTORS = [
  ["", ["c129715d7a2bc9a3:1"]],
  [" a\nb\n  \t\tc\n d", ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"]],
  [" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End",
    ["8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1", "b86d3392aea1be30:1", "e6ceba753e1a442:1"]],
  [" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
    ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]],
  [" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
    ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]],
  [" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
    ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]],
  [" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n",
    ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]],
  ["Lorem ipsum dolor sit amet.\n".repeat(10),
    ["a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5",
      "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1",
      "c129715d7a2bc9a3:1"]],
];

async function selfTest() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-"));
  let bad = 0;
  try {
    for (const [k, [input, expected]] of VECTORS.entries()) {
      const f = path.join(dir, `v${k}`);
      fs.writeFileSync(f, input);
      const got = [];
      await hash((line, h) => got.push(`${line} ${h}`), f);
      const want = expected.map((h, i) => `${i + 1} ${h}`);
      if (got.join("\n") !== want.join("\n")) {
        bad++;
        console.log(`vector ${k}: got\n${got.join("\n")}\nexpected\n${want.join("\n")}`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(bad ? `${bad} vectors differ` : `all ${VECTORS.length} vectors match`);
  return bad === 0;
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === "--self-test") {
    process.exit((await selfTest()) ? 0 : 1);
  }
  for (const f of args) {
    const out = [];
    await hash((line, h) => out.push(`${f}:${line} ${h}`), f);
    process.stdout.write(out.join("\n") + "\n");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
