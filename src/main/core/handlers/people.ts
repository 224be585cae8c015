import { mutator, type AreaHandlers } from '../registry';
import { createPerson, searchPeople } from '../services/people';

export const peopleHandlers = {
  'people.create': mutator('people', (input, ctx) => createPerson(ctx.db, input)),
  'people.search': (input, ctx) => searchPeople(ctx.db, input),
} satisfies AreaHandlers<'people.'>;
