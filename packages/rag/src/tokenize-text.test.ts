// The lexical tokenizer both stores share: Latin words, CamelCase and capitalised pairs, CJK bigrams.
import { describe, expect, it } from 'vitest';
import { queryTerms, tokenize } from './tokenize-text.js';

describe('tokenize', () => {
  it('lowercases words and drops punctuation', () => {
    expect(tokenize('The cat, the MAT!')).toEqual(['the', 'cat', 'the', 'mat']);
  });

  it('splits CamelCase and letter-digit words, keeping the whole word too', () => {
    expect(tokenize('SpringBoot')).toEqual(['springboot', 'spring', 'boot']);
    expect(tokenize('HTTPResponse')).toEqual(['httpresponse', 'http', 'response']);
    expect(tokenize('Qwen2')).toEqual(['qwen2', 'qwen', '2']);
  });

  it('joins two capitalised words separated by spaces only', () => {
    expect(tokenize('Spring Boot starter')).toEqual(['spring', 'boot', 'springboot', 'starter']);
    expect(tokenize('Spring, Boot')).toEqual(['spring', 'boot']);
    expect(tokenize('spring boot')).toEqual(['spring', 'boot']);
  });

  it('cuts Chinese and Japanese runs into character bigrams, a lone character as itself', () => {
    expect(tokenize('向量数据库')).toEqual(['向量', '量数', '数据', '据库']);
    expect(tokenize('用 Spring 写')).toEqual(['用', 'spring', '写']);
    expect(tokenize('東京タワー')).toEqual(['東京', '京タ', 'タワ', 'ワー']);
    expect(tokenize('什么是RAG？')).toEqual(['什么', '么是', 'rag']);
  });

  it('reads full-width letters as ASCII (NFKC)', () => {
    expect(tokenize('ＳｐｒｉｎｇＢｏｏｔ')).toEqual(tokenize('SpringBoot'));
  });

  it('gives a query its distinct terms once each', () => {
    expect(queryTerms('cat cat 向量 向量')).toEqual(['cat', '向量']);
  });
});
