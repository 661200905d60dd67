/**
 * The configurable tab's configuration page (manifest `configurationUrl` = /config): in a Teams
 * channel or group chat, and as a SharePoint page or web part, the person adding the tab picks
 * what it shows — the overview, the list, the decisions, or one insats. Teams (or SharePoint)
 * asks for the choice through pages.config when the person presses Save.
 */
import {
  Dropdown,
  Field,
  Link,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { interventionListResponseSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useSession } from '../../shell/session.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { configStrings } from './config-strings.ts';
import { insatsLabel, type TabChoice, tabConfiguration } from './tab-configuration.ts';

const useStyles = makeStyles({
  root: { maxWidth: '40rem', padding: tokens.spacingHorizontalL },
  lead: { display: 'block', marginBlock: tokens.spacingVerticalM },
  field: { marginBlockStart: tokens.spacingVerticalM },
});

export const ConfigPage = () => {
  const styles = useStyles();
  const strings = useStrings(configStrings);
  const { host } = useSession();
  const [choice, setChoice] = useState<TabChoice['view']>('oversikt');
  const [insatsId, setInsatsId] = useState<string | null>(null);
  const insatser = useResource(choice === 'insats' ? '/api/insatser' : null, interventionListResponseSchema);
  const picked = insatser.data?.insatser.find((insats) => insats.id === insatsId) ?? null;
  const pickedId = picked?.id ?? null;
  const pickedCode = picked?.code ?? null;
  // one object per choice (not per render), so Teams hears of a change only when there is one
  const configuration = useMemo(() => {
    if (choice !== 'insats') {
      return tabConfiguration(window.location.origin, { view: choice });
    }
    return pickedId === null || pickedCode === null
      ? null
      : tabConfiguration(window.location.origin, { view: 'insats', id: pickedId, code: pickedCode });
  }, [choice, pickedId, pickedCode]);

  // Teams (or SharePoint) enables its Save button only for a valid choice, and asks for it on Save
  useEffect(() => {
    if (host.kind !== 'teams') {
      return;
    }
    let current = true;
    void import('@microsoft/teams-js').then(({ pages }) => {
      if (!current) {
        return;
      }
      pages.config.setValidityState(configuration !== null);
      pages.config.registerOnSaveHandler((event) => {
        if (configuration === null) {
          event.notifyFailure(strings.needInsats);
          return;
        }
        pages.config.setConfig(configuration).then(
          () => event.notifySuccess(),
          (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)),
        );
      });
    });
    return () => {
      current = false;
    };
  }, [host, configuration, strings.needInsats]);

  return (
    <main className={styles.root} id="main">
      <Title2 as="h1">{strings.title}</Title2>
      <Text className={styles.lead}>{strings.lead}</Text>
      <Field label={strings.choice}>
        <RadioGroup value={choice} onChange={(_event, data) => setChoice(data.value as TabChoice['view'])}>
          <Radio value="oversikt" label={strings.overview} />
          <Radio value="insatser" label={strings.list} />
          <Radio value="beslut" label={strings.approvals} />
          <Radio value="insats" label={strings.oneInsats} />
        </RadioGroup>
      </Field>
      {choice === 'insats' && (
        <Field
          className={styles.field}
          label={strings.pickInsats}
          validationMessage={insatsId === null ? strings.needInsats : undefined}
          validationState={insatsId === null ? 'warning' : 'none'}
        >
          <Dropdown
            placeholder={strings.pickInsatsPlaceholder}
            value={picked === null ? '' : insatsLabel(picked)}
            onOptionSelect={(_event, data) => setInsatsId(data.optionValue ?? null)}
          >
            {(insatser.data?.insatser ?? []).map((insats) => (
              <Option key={insats.id} value={insats.id} text={insatsLabel(insats)}>
                {insatsLabel(insats)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {host.kind !== 'teams' && configuration !== null && (
        <Text as="p" block className={styles.field}>
          {strings.notInHost} <Link href={configuration.websiteUrl}>{strings.preview}</Link>
        </Text>
      )}
    </main>
  );
};
