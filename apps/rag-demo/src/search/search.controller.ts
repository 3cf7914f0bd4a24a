// Vector search and deletion: POST /api/rag/search, DELETE /api/rag/vectors.
import { Body, Controller, Delete, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@repo/nest';
import type { ScoredDocument } from '@repo/rag';
import { DeleteVectorsDto } from './dto/delete-vectors.dto.js';
import { SearchDto } from './dto/search.dto.js';
import { SearchService } from './search.service.js';

@ApiTags('vectors')
@Controller('api/rag')
export class SearchController {
  constructor(@Inject(SearchService) private readonly vectors: SearchService) {}

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Similarity search with topK, threshold and a metadata filter' })
  search(@Body() body: SearchDto): Promise<{ results: ScoredDocument[] }> {
    return this.vectors.search(body);
  }

  @Delete('vectors')
  @ApiOperation({ summary: 'Delete vectors by ids or by filter; returns how many were deleted' })
  delete(@Body() body: DeleteVectorsDto): Promise<{ deleted: number }> {
    return this.vectors.delete(body);
  }
}
