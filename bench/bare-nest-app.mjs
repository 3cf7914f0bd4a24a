// The peer for `npm run bench -- chat`: the smallest honest Nest app doing the same job as
// chat-demo's /api/chat and /api/chat/stream — a controller calling the raw openai SDK — with
// no validation, advisors, metrics or docs. Plain JS, decorators applied as functions, so the
// bench needs no build step.
import 'reflect-metadata';
import { Body, Controller, Get, Module, Post, Query, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import OpenAI from 'openai';

const client = new OpenAI({
  apiKey: 'bench',
  baseURL: process.env.BENCH_LLM_BASE_URL,
  maxRetries: 0,
});

class BareController {
  async chat(body) {
    const completion = await client.chat.completions.create({
      model: 'local',
      messages: body.messages,
    });
    const choice = completion.choices[0];
    return { id: completion.id, content: choice?.message.content ?? '', usage: completion.usage };
  }

  async stream(message, res) {
    res.setHeader('content-type', 'text/event-stream');
    const stream = await client.chat.completions.create({
      model: 'local',
      messages: [{ role: 'user', content: message }],
      stream: true,
    });
    for await (const chunk of stream) {
      const text = chunk.choices[0]?.delta?.content;
      if (text) res.write(`event: delta\ndata: ${JSON.stringify({ text })}\n\n`);
    }
    res.end('event: done\ndata: {}\n\n');
  }

  health() {
    return { status: 'ok' };
  }
}

const method = (name) => Object.getOwnPropertyDescriptor(BareController.prototype, name);
Body()(BareController.prototype, 'chat', 0);
Post('api/chat')(BareController.prototype, 'chat', method('chat'));
Query('message')(BareController.prototype, 'stream', 0);
Res()(BareController.prototype, 'stream', 1);
Get('api/chat/stream')(BareController.prototype, 'stream', method('stream'));
Get('health')(BareController.prototype, 'health', method('health'));
Controller()(BareController);

class BareModule {}
Module({ controllers: [BareController] })(BareModule);

const app = await NestFactory.create(BareModule, { logger: false });
await app.listen(Number(process.env.PORT), '127.0.0.1');
console.log(`bare-nest listening on http://127.0.0.1:${process.env.PORT}`);
