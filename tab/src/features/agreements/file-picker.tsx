/**
 * Choosing a file, in the tab's language: the browser's own file input says "Choose File / No file
 * chosen" in the browser's language, so it is hidden and a labelled button opens it; the chosen
 * file's name and size (or that none is chosen) and any error are said under it and tied to the
 * button (aria-describedby). The hidden input stays the form's real control (tests set files on it).
 */
import { Button, Label, Text } from '@fluentui/react-components';
import { FolderOpen20Regular } from '@fluentui/react-icons';
import { type Ref, useImperativeHandle, useRef } from 'react';
import { useStrings } from '../../i18n/language.tsx';
import { useAgreementStyles } from './agreement-styles.ts';
import { agreementsStrings } from './agreements-strings.ts';
import { formatBytes } from './pdf-file.ts';

export type FilePickerHandle = {
  /** back to "no file chosen" (after a filing) */
  readonly clear: () => void;
  readonly focus: () => void;
};

type Props = {
  readonly id: string;
  readonly label: string;
  readonly file: File | null;
  readonly accept?: string;
  readonly error?: string | undefined;
  readonly disabled?: boolean;
  readonly onPick: (file: File | null) => void;
  /** React 19: a ref is a prop */
  readonly ref?: Ref<FilePickerHandle>;
};

export const FilePicker = ({ id, label, file, accept, error, disabled = false, onPick, ref }: Props) => {
  const styles = useAgreementStyles();
  const strings = useStrings(agreementsStrings);
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useImperativeHandle(ref, () => ({
    clear: () => {
      if (input.current !== null) {
        input.current.value = '';
      }
    },
    focus: () => button.current?.focus(),
  }));
  const labelId = `${id}-etikett`;
  const chosenId = `${id}-vald`;
  const errorId = `${id}-fel`;
  return (
    <div className={styles.fileField}>
      <Label id={labelId} weight="semibold">
        {label}
      </Label>
      <input
        ref={input}
        id={id}
        type="file"
        hidden
        accept={accept}
        disabled={disabled}
        aria-labelledby={labelId}
        onChange={(event) => onPick(event.currentTarget.files?.[0] ?? null)}
      />
      <div className={styles.actions}>
        <Button
          ref={button}
          icon={<FolderOpen20Regular />}
          disabled={disabled}
          aria-labelledby={`${id}-knapp ${labelId}`}
          aria-describedby={error === undefined ? chosenId : `${chosenId} ${errorId}`}
          aria-invalid={error === undefined ? undefined : true}
          onClick={() => input.current?.click()}
        >
          <span id={`${id}-knapp`}>{strings.chooseFileButton}</span>
        </Button>
        <Text id={chosenId} className={styles.chosen}>
          {file === null ? strings.noFileChosen : `${file.name} (${strings.bytes(formatBytes(file.size))})`}
        </Text>
      </div>
      {error !== undefined && (
        <span id={errorId} className={styles.fieldError}>
          {error}
        </span>
      )}
    </div>
  );
};
