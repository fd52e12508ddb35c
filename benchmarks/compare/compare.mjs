// Times two JavaScript GGUF parsers on one local file, in this process: @huggingface/gguf's gguf() and
// node-llama-cpp's readGgufFileInfo(). Each parses the whole header (every metadata value, all tokenizer arrays
// materialised, all tensor infos) from the path; warm-up rounds first, then timed rounds of one parse each.
//
// Usage: node compare.mjs <file.gguf> [warm-up rounds] [timed rounds]
// Prints one line per parser: RESULT <name> <median ms> <tokens> <min ms> <max ms>, where tokens is the length of
// the tokenizer.ggml.tokens array the parser returned (so a parser that skipped it would show).
import { gguf } from "@huggingface/gguf";
import { readGgufFileInfo } from "node-llama-cpp";

const [file, warmupArg = "5", roundsArg = "20"] = process.argv.slice(2);
if (!file) {
  console.error("usage: node compare.mjs <file.gguf> [warm-up rounds] [timed rounds]");
  process.exit(2);
}
const warmup = Number(warmupArg);
const rounds = Number(roundsArg);

const parsers = {
  "hf-gguf": async () => {
    const { metadata, tensorInfos } = await gguf(file, { allowLocalFile: true });
    check("hf-gguf", tensorInfos.length);
    return metadata["tokenizer.ggml.tokens"].length;
  },
  "node-llama-cpp": async () => {
    const info = await readGgufFileInfo(file, { logWarnings: false });
    check("node-llama-cpp", info.tensorInfo.length);
    return info.metadata.tokenizer.ggml.tokens.length;
  },
};

function check(name, tensors) {
  if (tensors !== 339) {
    throw new Error(`${name} read ${tensors} tensor infos, not 339`);
  }
}

for (const [name, parse] of Object.entries(parsers)) {
  for (let i = 0; i < warmup; i++) {
    await parse();
  }
  const ms = [];
  let tokens = 0;
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    tokens = await parse();
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const median = rounds % 2 === 1 ? ms[(rounds - 1) / 2] : (ms[rounds / 2 - 1] + ms[rounds / 2]) / 2;
  console.log(`RESULT ${name} ${median.toFixed(3)} ${tokens} ${ms[0].toFixed(3)} ${ms[rounds - 1].toFixed(3)}`);
}
