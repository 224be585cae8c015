import { mutator, type AreaHandlers } from '../registry';
import { findCandidates, findDuplicates, mergePeople } from '../services/person-identity';
import { createPerson, searchPeople } from '../services/people';

export const peopleHandlers = {
  'people.create': mutator('people', (input, ctx) => createPerson(ctx.db, input)),
  'people.search': (input, ctx) => searchPeople(ctx.db, input),
  'people.listCandidates': (input, ctx) => findCandidates(ctx.db, input, input.excludeId),
  'people.listDuplicates': (input, ctx) => findDuplicates(ctx.db, input.limit),
  'people.merge': mutator(['people', 'commendations', 'registrations'], (input, ctx) => mergePeople(ctx.db, input.survivorId, input.mergedId)),
} satisfies AreaHandlers<'people.'>;
