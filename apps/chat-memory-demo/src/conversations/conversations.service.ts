// What the seed lacked: list, read and delete conversations (Spring's findConversationIds,
// findByConversationId, deleteByConversationId). An unknown id is a 404 naming it.
import { HttpStatus, HttpException, Inject, Injectable } from '@nestjs/common';
import type { ConversationSummary, StoredMessage } from '@repo/memory';
import { MemoryStoreService } from '../memory/memory-store.service.js';

@Injectable()
export class ConversationsService {
  constructor(@Inject(MemoryStoreService) private readonly store: MemoryStoreService) {}

  async list(): Promise<ConversationSummary[]> {
    return (await this.store.repository()).list();
  }

  /** Every message as stored: all parts, ordinals, no repair. */
  async messages(id: string): Promise<StoredMessage[]> {
    const repository = await this.store.repository();
    if (!(await repository.exists(id))) throw notFound(id);
    return repository.load(id, { repair: false });
  }

  async delete(id: string): Promise<void> {
    if (!(await (await this.store.repository()).delete(id))) throw notFound(id);
  }
}

function notFound(id: string): HttpException {
  return new HttpException(
    {
      message: `Conversation "${id}" not found.`,
      details: [{ field: 'id', reason: 'no conversation has this id' }],
    },
    HttpStatus.NOT_FOUND,
  );
}
