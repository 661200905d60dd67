/**
 * Insatser (`#/insatser`): the insatser the person may see — the server decides which (a
 * projektledare gets only their own, and the heading says so) — filtered by stage, owner, year and
 * a search, the filters kept in the link. The kansli also gets the register's columns (invoiced
 * so far, next invoice deadline, anomalies) from /api/register.
 */
import { MessageBar, MessageBarBody, Spinner, Text, Title1 } from '@fluentui/react-components';
import { useMemo } from 'react';
import { interventionListResponseSchema, membersResponseSchema, registerResponseSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useSession } from '../../shell/session.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { CheckAgreementLink } from '../agreements/check-link.tsx';
import { ownerOptions, rowsOf, yearOptions } from './intervention-rows.ts';
import { InterventionTable } from './intervention-table.tsx';
import { interventionsStrings } from './interventions-strings.ts';
import { ListFiltersBar } from './list-filters.tsx';
import { useListStyles } from './list-styles.ts';
import { hasFilters, queryOf, useListFilters } from './use-list-filters.ts';

export const InterventionListView = () => {
  const styles = useListStyles();
  const strings = useStrings(interventionsStrings);
  const { me } = useSession();
  const [filters, setFilters] = useListFilters();
  const filtered = hasFilters(filters);
  // the server's rule (src/services/register/access.ts): the kansli, the board and the
  // beredningsgrupp see every insats, everyone else those they hold a role in
  const ownOnly = !me.isKansli && !me.isBoard && !me.roles.some((held) => held.role === 'Beredningsgrupp');

  const listed = useResource(`/api/insatser${filtered ? `?${queryOf(filters)}` : ''}`, interventionListResponseSchema);
  // unfiltered, for the total and the year choices; the same answer as `listed` when no filter is set
  const everything = useResource(filtered ? '/api/insatser' : null, interventionListResponseSchema);
  const all = filtered ? everything.data?.insatser : listed.data?.insatser;
  // the register is the kansli's (403 for anyone else, so it is not asked for)
  const register = useResource(me.isKansli ? '/api/register' : null, registerResponseSchema);
  const members = useResource('/api/medlemmar', membersResponseSchema);

  const rows = useMemo(
    () => rowsOf(listed.data?.insatser ?? [], register.data?.rows, members.data?.medlemmar),
    [listed.data, register.data, members.data],
  );
  const owners = useMemo(
    () => ownerOptions(members.data?.medlemmar, all ?? [], register.data?.rows),
    [members.data, all, register.data],
  );
  const thisYear = Number((register.data?.today ?? new Date().toISOString()).slice(0, 4));
  const years = useMemo(() => yearOptions(all ?? [], thisYear), [all, thisYear]);

  // a refused search text (400, e.g. a personnummer) belongs under the search box
  const searchError = listed.error?.status === 400 ? listed.error.message : undefined;
  const otherError = listed.error !== undefined && listed.error.status !== 400 ? listed.error : undefined;
  const withMoney = register.data !== undefined;

  return (
    <>
      <Title1 as="h1" block className={styles.title}>
        {ownOnly ? strings.titleOwn : strings.title}
      </Title1>
      <Text as="p" className={styles.lead}>
        {ownOnly ? strings.leadOwn : strings.lead}
      </Text>
      <CheckAgreementLink />
      <ListFiltersBar filters={filters} onChange={setFilters} owners={owners} years={years} searchError={searchError} />
      {otherError !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{otherError.message}</MessageBarBody>
        </MessageBar>
      )}
      {register.error !== undefined && (
        <MessageBar intent="warning">
          <MessageBarBody>{register.error.message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.countRow}>
        {/* read out when the filters change the count */}
        <Text role="status" weight="semibold">
          {listed.data === undefined ? '' : strings.count(rows.length, all?.length ?? null)}
        </Text>
        {listed.loading && <Spinner size="tiny" label={strings.loading} />}
      </div>
      {listed.data !== undefined && searchError === undefined && (
        <div className={styles.panel}>
          {rows.length === 0 ? (
            <Text as="p" className={styles.empty}>
              {ownOnly && !filtered ? strings.emptyOwn : strings.empty}
            </Text>
          ) : (
            <InterventionTable rows={rows} withMoney={withMoney} />
          )}
        </div>
      )}
    </>
  );
};
