// Deterministic inputs for the rag bench: a seeded PRNG, a mixed English/Chinese text corpus
// written to a temp folder as .txt and .md files, and clustered unit vectors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** mulberry32: small, fast, good enough for bench data; the same seed gives the same stream. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Standard normal (Box-Muller, the second value kept for the next call). */
    gaussian() {
      if (spare !== undefined) {
        const value = spare;
        spare = undefined;
        return value;
      }
      const u = 1 - next();
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spare = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
  };
}

const ENGLISH = `the a of and to in is that for on with as by at from this it be are was or an
which not have has can will but all one more new about when there their into time other some
what only also after first year over most two such through where these people may should
system data model vector search index query document chunk embedding store memory server
client request response latency throughput cluster node graph river mountain city garden
library window market harbour bridge winter summer morning evening light stone paper music
language history science engine network signal pattern answer question reason method value
careful quiet bright ancient simple rapid gentle heavy narrow distant common private open
build measure compare return follow gather carry change explain describe observe record
between under before during without against within around across behind beyond`
  .split(/\s+/)
  .filter(Boolean);

const CHINESE =
  `我们 他们 今天 明天 城市 河流 山脉 花园 图书馆 窗户 市场 港口 桥梁 冬天 夏天 早晨 晚上 灯光
石头 纸张 音乐 语言 历史 科学 引擎 网络 信号 模式 答案 问题 原因 方法 价值 系统 数据 模型 向量
搜索 索引 查询 文档 片段 嵌入 存储 内存 服务器 客户端 请求 响应 延迟 吞吐量 集群 节点 图形 安静
明亮 古老 简单 快速 温和 沉重 狭窄 遥远 常见 开放 建设 测量 比较 返回 跟随 收集 携带 改变 解释
描述 观察 记录 之间 之前 期间 周围 已经 因为 所以 但是 而且 如果 可以 需要 应该 重要 问题 发展`
    .split(/\s+/)
    .filter(Boolean);

function englishParagraph(random) {
  const sentences = [];
  for (let s = random.int(3, 7); s > 0; s--) {
    const words = [];
    for (let w = random.int(8, 20); w > 0; w--) words.push(random.pick(ENGLISH));
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    sentences.push(`${words.join(' ')}${random.next() < 0.85 ? '.' : '?'}`);
  }
  return sentences.join(' ');
}

function chineseParagraph(random) {
  let text = '';
  for (let s = random.int(4, 8); s > 0; s--) {
    const clauses = [];
    for (let c = random.int(2, 5); c > 0; c--) {
      let clause = '';
      for (let w = random.int(2, 5); w > 0; w--) clause += random.pick(CHINESE);
      clauses.push(clause);
    }
    text += `${clauses.join('，')}${random.next() < 0.85 ? '。' : '？'}`;
  }
  return text;
}

function paragraph(random) {
  return random.next() < 0.65 ? englishParagraph(random) : chineseParagraph(random);
}

/**
 * Writes about `megabytes` MB (UTF-8 bytes) of text as `files` files, every third one Markdown
 * (a title, then a `##` section every 8 paragraphs, so sections span several chunks). Returns the
 * folder, the file paths and the byte count.
 */
export function writeCorpus({ megabytes, files = 10, seed = 42 }) {
  const random = createRandom(seed);
  const folder = mkdtempSync(join(tmpdir(), 'rag-bench-'));
  const perFile = Math.ceil((megabytes * 1024 * 1024) / files);
  const paths = [];
  let bytes = 0;
  for (let f = 0; f < files; f++) {
    const markdown = f % 3 === 2;
    const parts = markdown ? [`# Bench document ${f}`] : [];
    let size = 0;
    for (let p = 0; size < perFile; p++) {
      if (markdown && p % 8 === 0) parts.push(`## Section ${p / 8 + 1}: ${random.pick(ENGLISH)}`);
      const text = paragraph(random);
      parts.push(text);
      size += Buffer.byteLength(text) + 2;
    }
    const content = `${parts.join('\n\n')}\n`;
    const path = join(folder, `doc-${String(f).padStart(2, '0')}.${markdown ? 'md' : 'txt'}`);
    writeFileSync(path, content);
    paths.push(path);
    bytes += Buffer.byteLength(content);
  }
  return { folder, paths, bytes };
}

/**
 * `count` unit vectors of `dimensions` around `clusters` random unit centres: centre + gaussian
 * noise of total norm ≈ `noise` (so a member's cosine to its centre is ≈ 1/√(1+noise²)), then
 * normalised. Values are rounded to 6 decimals, the text the store sends to pgvector; the
 * caller keeps a Float32Array of what pgvector stores (float4).
 */
export function createClusteredVectors({ dimensions, clusters, noise = 1, seed = 7 }) {
  const random = createRandom(seed);
  const centres = Array.from({ length: clusters }, () => unit(gaussianVector(random, dimensions)));
  const sigma = noise / Math.sqrt(dimensions);
  const around = (centre, spread) =>
    unit(centre.map((value) => value + random.gaussian() * spread)).map(
      (value) => Math.round(value * 1e6) / 1e6,
    );
  return {
    centres,
    /** One vector near a random centre: [cluster, values]. */
    next() {
      const cluster = Math.floor(random.next() * clusters);
      return [cluster, around(centres[cluster], sigma)];
    },
    /** A query: a random centre perturbed by `spread` × the data noise. */
    query(spread = 0.5) {
      return around(random.pick(centres), sigma * spread);
    },
  };
}

function gaussianVector(random, dimensions) {
  return Array.from({ length: dimensions }, () => random.gaussian());
}

function unit(vector) {
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}
