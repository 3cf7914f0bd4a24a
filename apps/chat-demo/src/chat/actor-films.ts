// Spring AI's structured-output example: `record ActorsFilms(String actor, List<String> movies)`
// and `.call().entity(ActorsFilms.class)`, as a zod schema.
import { z } from 'zod';

export const actorFilmsSchema = z.object({
  actor: z.string().describe('The actor'),
  movies: z.array(z.string()).describe('Titles of films the actor appeared in'),
});

export type ActorFilms = z.infer<typeof actorFilmsSchema>;
