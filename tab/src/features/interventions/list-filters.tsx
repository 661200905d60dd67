/**
 * The filter bar: stage, owner organisation, year and a search box. Each is a labelled field; the
 * search waits until typing pauses before it asks the server, so each letter is not a request.
 */
import { Button, Dropdown, Field, Option, SearchBox } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { interventionsStrings } from './interventions-strings.ts';
import { useListStyles } from './list-styles.ts';
import { LIFECYCLE_ORDER } from './stage-order.ts';
import { CLEARED_FILTERS, hasFilters, type ListFilters } from './use-list-filters.ts';

const SEARCH_PAUSE_MS = 300;

export type ListFiltersProps = {
  readonly filters: ListFilters;
  readonly onChange: (patch: Partial<ListFilters>) => void;
  readonly owners: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly years: readonly number[];
  /** the server's complaint about the search text (e.g. a personnummer), shown under the box */
  readonly searchError: string | undefined;
};

export const ListFiltersBar = ({ filters, onChange, owners, years, searchError }: ListFiltersProps) => {
  const styles = useListStyles();
  const strings = useStrings(interventionsStrings);
  const term = useTerm();
  const [text, setText] = useState(filters.sok);

  // a new value from outside (a link, "Rensa filter") replaces what is in the box
  useEffect(() => setText(filters.sok), [filters.sok]);
  useEffect(() => {
    if (text === filters.sok) {
      return;
    }
    const timer = window.setTimeout(() => onChange({ sok: text }), SEARCH_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [text, filters.sok, onChange]);

  const ownerName = owners.find((owner) => owner.id === filters.agare)?.name;

  return (
    <fieldset className={styles.filters}>
      <legend className={styles.legend}>{strings.filters}</legend>
      <Field label={strings.stage}>
        <Dropdown
          className={styles.dropdown}
          value={filters.skede === null ? strings.allStages : term(filters.skede)}
          selectedOptions={[filters.skede ?? '']}
          onOptionSelect={(_event, data) => {
            const stage = LIFECYCLE_ORDER.find((candidate) => candidate === data.optionValue);
            onChange({ skede: stage ?? null });
          }}
        >
          <Option value="">{strings.allStages}</Option>
          {LIFECYCLE_ORDER.map((stage) => (
            <Option key={stage} value={stage}>
              {term(stage)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={strings.owner}>
        <Dropdown
          className={styles.dropdown}
          value={filters.agare === null ? strings.allOwners : (ownerName ?? filters.agare)}
          selectedOptions={[filters.agare ?? '']}
          onOptionSelect={(_event, data) =>
            onChange({ agare: data.optionValue === undefined || data.optionValue === '' ? null : data.optionValue })
          }
        >
          <Option value="">{strings.allOwners}</Option>
          {owners.map((owner) => (
            <Option key={owner.id} value={owner.id}>
              {owner.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={strings.year}>
        <Dropdown
          className={styles.dropdown}
          value={filters.ar === null ? strings.allYears : String(filters.ar)}
          selectedOptions={[filters.ar === null ? '' : String(filters.ar)]}
          onOptionSelect={(_event, data) => {
            const year = Number(data.optionValue);
            onChange({ ar: data.optionValue === '' || !Number.isInteger(year) ? null : year });
          }}
        >
          <Option value="">{strings.allYears}</Option>
          {years.map((year) => (
            <Option key={year} value={String(year)}>
              {String(year)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field
        label={strings.search}
        validationState={searchError === undefined ? 'none' : 'error'}
        validationMessage={searchError}
      >
        <SearchBox value={text} onChange={(_event, data) => setText(data.value)} maxLength={200} />
      </Field>
      {hasFilters(filters) && (
        <div>
          <Button
            appearance="subtle"
            onClick={() => {
              setText('');
              onChange(CLEARED_FILTERS);
            }}
          >
            {strings.clear}
          </Button>
        </div>
      )}
    </fieldset>
  );
};
