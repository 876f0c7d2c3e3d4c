/**
 * A person's name as the reader's language says it. The server stores one fixed name for a
 * person whose data was erased (shared/schemas/people.ts); this says it in French too.
 */
import { ERASED_PERSON_NAME } from '../../shared/schemas/people.ts';
import type { Messages } from './messages.ts';

export function personName(name: string, t: Pick<Messages, 'erasedPerson'>): string {
  return name === ERASED_PERSON_NAME ? t.erasedPerson : name;
}
