/**
 * What the application form chooses from: the förbund's member organisations, and for the
 * kansli the people who can be made projektledare. The people come from the local sign-in list
 * (GET /api/personer, AUTH_MODE=dev); where that does not exist (a real tenant) the kansli types
 * the person's Entra object id instead.
 */
import { membersResponseSchema } from '../../api/contracts.ts';
import { peopleSchema } from '../../api/people.ts';
import { useSession } from '../../shell/session.tsx';
import { useResource } from '../../ui/use-resource.ts';
import type { Member } from './application-types.ts';
import type { PersonOption } from './basics-fields.tsx';

export type FormData = {
  readonly members: readonly Member[];
  readonly membersLoading: boolean;
  readonly membersError: string | undefined;
  /** null: this person does not choose the projektledare */
  readonly people: readonly PersonOption[] | null;
  readonly freeLeaderId: boolean;
};

export function useFormData(): FormData {
  const { me } = useSession();
  const members = useResource('/api/medlemmar', membersResponseSchema);
  const people = useResource(me.isKansli ? '/api/personer' : null, peopleSchema);
  const options =
    people.data === undefined
      ? []
      : [...people.data.personer]
          .map((person) => ({ aadObjectId: person.aadObjectId, name: person.name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return {
    members: members.data?.medlemmar ?? [],
    membersLoading: members.loading,
    membersError: members.error?.message,
    people: me.isKansli ? options : null,
    freeLeaderId: me.isKansli && people.error !== undefined,
  };
}
